"""iCalendar files of the events: the `.ics` attached to a confirmation and the public feeds
(every upcoming event, one organiser's). The calendar shell is the workspaces' one."""

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone

from repertoire.workspaces.ics import MIMETYPE, new_calendar

PRODID = "-//Passerelles//Evenements//FR"
FRENCH = {"LANGUAGE": "fr"}
__all__ = ["MIMETYPE", "event_ics", "events_feed", "site_domain"]


def site_domain():
    return settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "passerelles"


def _vevent(event, *, domain, site_url):
    vevent = icalendar.Event()
    vevent.add("uid", f"evenement-{event.pk}@{domain}")
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("dtstart", event.start.astimezone(datetime.UTC))
    vevent.add("dtend", event.end.astimezone(datetime.UTC))
    # The organiser's words are French whatever the language of the file (RFC 5545 LANGUAGE).
    vevent.add("summary", event.title, parameters=FRENCH)
    place = ", ".join(p for p in (event.place_label, event.full_address) if p)
    vevent.add("location", place, parameters=FRENCH)
    point = event.point
    if point:
        vevent.add("geo", point)
    vevent.add("description", event.description, parameters=FRENCH)
    vevent.add("url", site_url + event.get_absolute_url())
    if event.contact_email:
        vevent.add("organizer", f"mailto:{event.contact_email}")
    vevent.add("status", "CONFIRMED")
    return vevent


def event_ics(event):
    """One event's `.ics` (text), attached to a confirmation e-mail; its URL is the event's
    page in the language active (the registered person's)."""
    calendar = new_calendar(prodid=PRODID)
    calendar.add("method", "PUBLISH")
    site_url = settings.SITE_URL.rstrip("/")
    calendar.add_component(_vevent(event, domain=site_domain(), site_url=site_url))
    return calendar.to_ical().decode()


def events_feed(events, *, name, domain, site_url):
    """Events as a subscribable feed (bytes)."""
    calendar = new_calendar(name, prodid=PRODID)
    for event in events:
        calendar.add_component(_vevent(event, domain=domain, site_url=site_url))
    return calendar.to_ical()
