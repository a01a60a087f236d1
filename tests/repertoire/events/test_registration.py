"""Registering for an event: capacity, waiting list, cancelling by the e-mail's link and
promotion of who waits, the confirmation with its `.ics`."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from repertoire.events import services
from repertoire.events.enums import RegistrationStatus
from repertoire.events.models import Event, EventRegistration
from tests.repertoire.events.factories import EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


def register(event, name="Léa Martin", people=1, **extra):
    return services.register(
        event=event,
        name=name,
        email=f"{name.split()[0].lower()}@exemple.fr",
        people=people,
        **extra,
    )


def test_a_registration_is_confirmed_with_an_ics_and_a_cancel_link(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title="Forum jeunes et entreprises", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, people=2)
    assert registration.status == RegistrationStatus.CONFIRMED
    (message,) = mail.outbox
    assert message.to == ["léa@exemple.fr"] or message.to == [registration.email]
    assert "Inscription confirmée" in message.subject
    assert f"/evenements/inscription/{registration.token}/annuler/" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert filename == "evenement.ics" and mimetype == "text/calendar"
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["summary"]) == "Forum jeunes et entreprises"
    assert vevent.decoded("dtstart") == event.start
    assert Event.objects.with_places().get(pk=event.pk).remaining == 3


def test_when_full_the_next_person_waits_without_an_ics(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    register(event, "Ana One", people=2)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = register(event, "Bob Two")
    assert waiting.status == RegistrationStatus.WAITING
    assert "Liste d'attente" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments == []


def test_full_without_waiting_list_is_refused_in_french():
    event = EventFactory(capacity=1, waiting_list=False)
    register(event, "Ana One")
    with pytest.raises(ValidationError) as error:
        register(event, "Bob Two")
    assert "complet" in str(error.value)
    assert EventRegistration.objects.filter(event=event).count() == 1


def test_more_people_than_places_left_is_refused_and_nothing_is_written():
    event = EventFactory(capacity=3)
    register(event, "Ana One", people=2)
    with pytest.raises(ValidationError) as error:
        register(event, "Bob Two", people=2)
    assert error.value.message_dict["people"] == [
        "Il ne reste que 1 place(s) : réduisez le nombre de personnes."
    ]
    assert EventRegistration.objects.filter(event=event).count() == 1


def test_registration_closes_when_the_event_starts():
    event = EventFactory(start=in_days(-1), end=in_days(1))
    with pytest.raises(ValidationError):
        register(event)


def test_cancelling_promotes_who_waits_in_order_and_sends_the_ics(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=2)
    first = register(event, "Ana One", people=2)
    big = register(event, "Bob Big", people=3)
    small = register(event, "Cleo Small", people=1)
    later = register(event, "Dan Later", people=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel(registration=first)
    assert [r.pk for r in promoted] == [small.pk, later.pk]  # the group of 3 does not fit
    statuses = dict(EventRegistration.objects.values_list("pk", "status"))
    assert statuses[first.pk] == RegistrationStatus.CANCELLED
    assert statuses[big.pk] == RegistrationStatus.WAITING
    assert sorted(m.to[0] for m in mail.outbox) == ["cleo@exemple.fr", "dan@exemple.fr"]
    assert all(m.attachments for m in mail.outbox)


def test_cancelling_twice_changes_nothing():
    registration = RegistrationFactory()
    services.cancel(registration=registration)
    assert services.cancel(registration=registration) == []


def test_raising_the_capacity_lets_who_waits_in():
    event = EventFactory(capacity=1)
    register(event, "Ana One")
    waiting = register(event, "Bob Two")
    event.capacity = 2
    services.save_event(event=event)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_an_event_needs_a_place_and_an_end_after_its_start():
    event = EventFactory.build(
        organiser=EventFactory().organiser, place_name="", end=in_days(9), start=in_days(10)
    )
    event.commune = event.organiser.commune
    with pytest.raises(ValidationError) as error:
        services.save_event(event=event)
    assert set(error.value.message_dict) == {"end", "place_name"}
