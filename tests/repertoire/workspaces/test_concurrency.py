"""Two visitors ask for the same last slot at the same instant: one gets it, the other a
French message and the next free slots. Real threads, real transactions: PostgreSQL only
(SQLite's in-memory test database is one connection, it cannot race)."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from repertoire.workspaces import services
from repertoire.workspaces.enums import BookingStatus
from repertoire.workspaces.models import Booking
from tests.repertoire.workspaces.factories import BookingFactory, RoomFactory, next_weekday

pytestmark = [
    # Restored to the migrated state first: an earlier transactional test flushed the
    # content types Wagtail's reference index points to.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL): concurrent transactions and the "
        "exclusion constraint cannot be tested on SQLite",
    ),
]
RACERS = 4


def race(room, start, end):
    """Every thread asks at once (a barrier); [("ok", booking) | ("taken", suggestions)]."""
    barrier = threading.Barrier(RACERS)
    results = []

    def ask(n):
        try:
            barrier.wait()
            booking = services.request_booking(
                room=room,
                start=start,
                end=end,
                people=1,
                name=f"Visiteur {n}",
                email=f"visiteur{n}@exemple.fr",
                visitor_kind="teleworker",
            )
            results.append(("ok", booking))
        except services.SlotTaken as taken:
            results.append(("taken", taken.suggestions))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_simultaneous_requests_for_the_last_slot_one_wins():
    room = RoomFactory()
    start = next_weekday(1, "14:00")
    results = race(room, start, start + datetime.timedelta(hours=2))
    outcomes = sorted(kind for kind, _value in results)
    assert outcomes == ["ok"] + ["taken"] * (RACERS - 1)
    for kind, suggestions in results:
        if kind == "taken":
            assert suggestions and suggestions[0][0] >= start + datetime.timedelta(hours=2)
    assert Booking.objects.filter(room=room).count() == 1


def test_the_database_refuses_an_overlap_even_without_the_lock():
    held = BookingFactory(status=BookingStatus.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            room=held.room,
            start=held.start + datetime.timedelta(minutes=30),
            end=held.end + datetime.timedelta(hours=1),
            name="Sans verrou",
            email="x@exemple.fr",
        )
    BookingFactory(room=held.room, status=BookingStatus.DECLINED, start=held.start)
