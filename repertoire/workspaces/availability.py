"""The network view's search: places open for the whole slot with a room free for N people.

A fixed number of queries whatever the size of the network, and nothing heavy to compile:
the places in the circle (one query; their hours checked in Python by opening-hours-py),
which of them have a free room (one query, NOT EXISTS on the held bookings, answered by
the (room, start, end) index), then the page of places and its free rooms (two queries).
Ordering (nearest, then name) and paging happen on the ids in Python.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch

from portal.pagination import page_number
from repertoire.workspaces import hours
from repertoire.workspaces.models import Room, Workspace

ROOMS_SHOWN = 3


def candidates(start, end, distances=None):
    """[(km or 0, name, pk)] of the published places (in the circle) open throughout."""
    places = Workspace.objects.published()
    if distances is not None:
        places = places.filter(commune_id__in=list(distances))
    start, end = hours.local_naive(start), hours.local_naive(end)
    rows = places.values_list("pk", "name", "commune_id", "opening_hours")
    return [
        ((distances or {}).get(commune, 0), name, pk)
        for pk, name, commune, text in rows
        if hours.is_open_local(text, start, end)
    ]


def available_ids(*, start, end, people, distances=None):
    """Ids of the places open throughout [start, end) with a room free for `people`,
    nearest first (when `distances` {insee code: km} is given), then by name."""
    found = candidates(start, end, distances)
    free = Room.objects.filter(workspace_id__in=[pk for _km, _name, pk in found])
    with_room = set(
        free.free_between(start, end, people).values_list("workspace_id", flat=True).distinct()
    )
    return [pk for _km, _name, pk in sorted(found) if pk in with_room]


def places_page(ids, number, per_page, *, start, end, people):
    """The page `number` (as typed) of `ids`, its places with their ROOMS_SHOWN smallest
    free rooms (`free_rooms`) and commune, in the order of `ids`."""
    page = Paginator(ids, per_page).get_page(page_number(number))
    best = Room.objects.free_between(start, end, people).order_by("capacity", "name")
    rooms = Prefetch("rooms", queryset=best[:ROOMS_SHOWN], to_attr="free_rooms")
    places = Workspace.objects.select_related("commune").prefetch_related(rooms)
    by_pk = places.in_bulk(list(page.object_list))
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    return page
