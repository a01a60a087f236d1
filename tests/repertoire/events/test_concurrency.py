"""Two people take the last place at the same instant: one is confirmed, the other waits
(or is told the event is full). Real threads, real transactions: PostgreSQL only."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from repertoire.events import services
from repertoire.events.enums import RegistrationStatus
from repertoire.events.models import EventRegistration
from tests.repertoire.events.factories import EventFactory, RegistrationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL): concurrent transactions cannot be "
        "tested on SQLite",
    ),
]
RACERS = 4


def race(event):
    barrier = threading.Barrier(RACERS)
    results = []

    def take(n):
        try:
            barrier.wait()
            registration = services.register(
                event=event, name=f"Jeune {n}", email=f"jeune{n}@exemple.fr", people=1
            )
            results.append(registration.status)
        except ValidationError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return sorted(results)


def test_the_last_place_is_taken_once_the_others_wait():
    event = EventFactory(capacity=3)
    RegistrationFactory.create_batch(2, event=event)
    assert race(event) == [RegistrationStatus.CONFIRMED] + [RegistrationStatus.WAITING] * 3
    confirmed = EventRegistration.objects.filter(event=event).confirmed().count()
    assert confirmed == 3


def test_without_waiting_list_the_others_are_refused():
    event = EventFactory(capacity=1, waiting_list=False)
    assert race(event) == ["confirmed", "refused", "refused", "refused"]
    assert EventRegistration.objects.filter(event=event).count() == 1
