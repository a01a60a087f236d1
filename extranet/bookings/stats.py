"""Usage statistics of a place: occupancy by week and bookings by kind of visitor.

Occupancy = booked room-hours (accepted bookings) / open room-hours (the opening hours
times the number of rooms). The export lists the accepted bookings without any personal
data (no name, no e-mail), for a spreadsheet.
"""

import datetime
from collections import Counter, defaultdict

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from extranet import audit
from extranet.decorators import member_required
from portal.exports import csv_response, xlsx_response
from repertoire.models import Booking, Workspace
from repertoire.workspaces import hours
from repertoire.workspaces.enums import VisitorKind

WEEKS = 12


def period(today=None):
    """(first Monday, Monday after the last week): the last WEEKS weeks, this one included."""
    today = today or timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    first = monday - datetime.timedelta(weeks=WEEKS - 1)
    return first, monday + datetime.timedelta(weeks=1)


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def booked(place, first, last):
    """(start, end, room, people, visitor kind) of the accepted bookings of the period."""
    return (
        Booking.objects.filter(room__workspace=place)
        .accepted()
        .overlapping(_aware(first), _aware(last))
        .order_by("start")
        .values_list("start", "end", "room__name", "people", "visitor_kind")
    )


def _hours(delta):
    return delta.total_seconds() / 3600


def by_week(place, rows, first, last, room_count):
    """[(monday, bookings, booked hours, open room-hours, occupancy %)]."""
    open_hours = defaultdict(float)
    start = datetime.datetime.combine(first, datetime.time.min)
    end = datetime.datetime.combine(last, datetime.time.min)
    for s, e in hours.open_periods(place.opening_hours, start, end):
        open_hours[s.date() - datetime.timedelta(days=s.weekday())] += _hours(e - s)
    counts, booked_hours = Counter(), defaultdict(float)
    for s, e, *_rest in rows:
        day = timezone.localtime(s).date()
        monday = day - datetime.timedelta(days=day.weekday())
        counts[monday] += 1
        booked_hours[monday] += _hours(e - s)
    weeks = []
    monday = first
    while monday < last:
        capacity = open_hours[monday] * room_count
        rate = round(100 * booked_hours[monday] / capacity) if capacity else None
        weeks.append(
            (monday, counts[monday], round(booked_hours[monday], 1), round(capacity, 1), rate)
        )
        monday += datetime.timedelta(weeks=1)
    return weeks


def by_kind(rows):
    """[(label, bookings, hours, people)] per kind of visitor, most bookings first."""
    labels = dict(VisitorKind.choices)
    figures = defaultdict(lambda: [0, 0.0, 0])
    for s, e, _room, people, kind in rows:
        figures[kind][0] += 1
        figures[kind][1] += _hours(e - s)
        figures[kind][2] += people
    ordered = sorted(figures.items(), key=lambda item: -item[1][0])
    return [(labels.get(k, k), n, round(h, 1), p) for k, (n, h, p) in ordered]


def managed_place(user, slug):
    return get_object_or_404(Workspace.objects.managed_by(user), slug=slug)


@require_GET
@member_required
def workspace_stats(request, slug):
    place = managed_place(request.user, slug)
    first, last = period()
    rows = list(booked(place, first, last))
    room_count = place.rooms.count()
    return render(
        request,
        "extranet/bookings/workspace_stats.html",
        {
            "place": place,
            "first": first,
            "last": last - datetime.timedelta(days=1),
            "weeks": by_week(place, rows, first, last, room_count),
            "kinds": by_kind(rows),
            "total": len(rows),
        },
    )


def export_headers():
    return [
        _("Semaine du"),
        _("Salle"),
        _("Début"),
        _("Fin"),
        _("Heures"),
        _("Personnes"),
        _("Type d'usager"),
    ]


def export_rows(rows):
    labels = {value: str(label) for value, label in VisitorKind.choices}
    for s, e, room, people, kind in rows:
        start, end = timezone.localtime(s), timezone.localtime(e)
        monday = start.date() - datetime.timedelta(days=start.weekday())
        yield [
            monday,
            room,
            start.replace(tzinfo=None),
            end.replace(tzinfo=None),
            round(_hours(e - s), 2),
            people,
            labels.get(kind, kind),
        ]


@require_GET
@member_required
def workspace_stats_export(request, slug, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    place = managed_place(request.user, slug)
    first, last = period()
    rows = booked(place, first, last)
    audit.record_export(
        actor=request.user,
        model=Booking,
        label=f"export {fmt} réservations {place.slug}",
        rows=rows.count(),
    )
    filename = f"reservations-{place.slug}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(export_headers(), export_rows(rows.iterator()), filename)
    return xlsx_response(
        export_headers(), export_rows(rows.iterator()), filename, _("Réservations")
    )
