"""Requests refused in French, nothing half-saved; accepted bookings block the slot."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.models import OutboundEmail
from repertoire.workspaces import hours, services
from repertoire.workspaces.enums import BookingStatus
from repertoire.workspaces.models import Booking
from tests.portal.factories import UserFactory
from tests.repertoire.workspaces.factories import (
    BookingFactory,
    RoomFactory,
    next_weekday,
)

pytestmark = pytest.mark.django_db
TUESDAY_2PM = "14:00"


def ask(room, start, end, people=1, email="camille@exemple.fr"):
    return services.request_booking(
        room=room,
        start=start,
        end=end,
        people=people,
        name="Camille",
        email=email,
        visitor_kind="teleworker",
    )


def test_a_request_inside_opening_hours_holds_the_slot_and_mails_both():
    room = RoomFactory(workspace__email="accueil@relais.exemple.fr")
    start = next_weekday(1, TUESDAY_2PM)
    booking = ask(room, start, start + datetime.timedelta(hours=2))
    assert booking.status == BookingStatus.REQUESTED
    assert set(OutboundEmail.objects.values_list("to", flat=True)) == {
        "camille@exemple.fr",
        "accueil@relais.exemple.fr",
    }


@pytest.mark.parametrize(
    "start, hours_long, people, field, words",
    [
        (("-1d", "14:00"), 1, 1, "date", "déjà passé"),
        ((1, "12:30"), 1, 1, "start", "pas ouvert"),
        ((1, "11:00"), 2, 1, "start", "pas ouvert"),  # runs into the lunch break
        ((5, "10:00"), 1, 1, "start", "pas ouvert"),  # Saturday
        ((1, "09:00"), 5, 1, "end", "4 h au plus"),
        ((1, "14:00"), 1, 30, "people", "2 personnes au plus"),
    ],
)
def test_impossible_slots_are_refused_in_french_and_nothing_is_saved(
    start, hours_long, people, field, words
):
    room = RoomFactory()
    day, at = start
    begin = timezone.now() - datetime.timedelta(days=1) if day == "-1d" else next_weekday(day, at)
    with pytest.raises(ValidationError) as error:
        ask(room, begin, begin + datetime.timedelta(hours=hours_long), people=people)
    assert words in " ".join(error.value.message_dict[field])
    assert not Booking.objects.exists() and not OutboundEmail.objects.exists()


def test_an_overlapping_request_gets_the_next_free_slots():
    room = RoomFactory()
    start = next_weekday(1, TUESDAY_2PM)
    ask(room, start, start + datetime.timedelta(hours=2))
    with pytest.raises(services.SlotTaken) as taken:
        ask(room, start + datetime.timedelta(hours=1), start + datetime.timedelta(hours=3))
    first = taken.value.suggestions[0]
    assert first[0] >= start + datetime.timedelta(hours=2)
    assert hours.is_open_throughout(room.workspace.opening_hours, *first)
    assert Booking.objects.count() == 1


def test_a_declined_request_frees_the_slot_and_tells_why():
    room = RoomFactory()
    start = next_weekday(1, TUESDAY_2PM)
    booking = ask(room, start, start + datetime.timedelta(hours=2))
    manager = UserFactory()
    with pytest.raises(ValidationError):
        services.decline_booking(booking=booking, by=manager, reason="  ")
    services.decline_booking(booking=booking, by=manager, reason="Salle en travaux")
    mail = OutboundEmail.objects.get(kind="booking-declined")
    assert "Salle en travaux" in mail.body_text
    assert ask(room, start, start + datetime.timedelta(hours=2)).status == "requested"


def test_acceptance_mails_an_ics_and_a_second_decision_is_refused():
    booking = BookingFactory()
    manager = UserFactory()
    services.accept_booking(booking=booking, by=manager)
    mail = OutboundEmail.objects.get(kind="booking-accepted")
    (attachment,) = mail.attachments
    assert attachment["filename"] == "reservation.ics"
    assert "BEGIN:VEVENT" in attachment["content"]
    with pytest.raises(ValidationError):
        services.decline_booking(booking=booking, by=manager, reason="trop tard")


def test_free_rooms_exclude_held_slots_and_small_rooms():
    held = BookingFactory(room__capacity=4)
    other = RoomFactory(workspace=held.room.workspace, capacity=1)
    start, end = held.start, held.end
    free = held.room.__class__.objects.free_between(start, end, people=1)
    assert list(free) == [other]
    assert not free.filter(capacity__gte=2).exists()
    held.status = BookingStatus.DECLINED
    held.save()
    assert set(held.room.__class__.objects.free_between(start, end, 2)) == {held.room}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_text_as_opening_hours_is_accepted_or_refused_in_french(text):
    try:
        hours.validate_opening_hours(text)
    except ValidationError as error:
        assert "Horaires" in error.messages[0]
    # Never raises anything else, and a refused expression is never "open".
    if not hours.is_open_throughout(
        text, datetime.datetime(2026, 12, 1, 10), datetime.datetime(2026, 12, 1, 11)
    ):
        return
    hours.validate_opening_hours(text)
