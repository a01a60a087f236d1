"""iCalendar files: the `.ics` attached to an accepted booking and the per-room feed the
manager subscribes to (a secret-token URL)."""

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

PRODID = "-//Passerelles//Espaces de travail//FR"
MIMETYPE = "text/calendar"


def new_calendar(name=None, prodid=PRODID):
    """An empty iCalendar (VERSION 2.0, our PRODID), named `name` in agenda applications."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _event(booking, room, *, domain, with_contact):
    event = icalendar.Event()
    event.add("uid", f"reservation-{booking.reference}@{domain}")
    event.add("dtstamp", booking.decided_at or booking.created_at or timezone.now())
    event.add("dtstart", booking.start.astimezone(datetime.UTC))
    event.add("dtend", booking.end.astimezone(datetime.UTC))
    event.add("summary", f"{room.name} — {room.workspace.name}")
    place = ", ".join(p for p in (room.workspace.address, room.workspace.commune.name) if p)
    event.add("location", place)
    if with_contact:
        who = booking.name + (f" ({booking.organisation})" if booking.organisation else "")
        event.add("description", f"{who}, {booking.people} pers. — {booking.email}")
    event.add("status", "CONFIRMED")
    return event


def booking_ics(booking, *, domain, site_url=""):
    """The visitor's `.ics` for one accepted booking (bytes), linking the place's page in
    the language active (the visitor's)."""
    calendar = new_calendar()
    calendar.add("method", "PUBLISH")
    event = _event(booking, booking.room, domain=domain, with_contact=False)
    workspace = booking.room.workspace
    event.add("url", site_url + reverse("workspaces:workspace_detail", args=[workspace.slug]))
    calendar.add_component(event)
    return calendar.to_ical()


def room_feed(room, bookings, *, domain):
    """The room's accepted bookings as a calendar feed (bytes), with who booked."""
    calendar = new_calendar(f"{room.name} — {room.workspace.name}")
    for booking in bookings:
        calendar.add_component(_event(booking, room, domain=domain, with_contact=True))
    return calendar.to_ical()
