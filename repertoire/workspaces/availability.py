"""The network view's search: places open for the whole slot with a room free for N people.

A fixed number of queries whatever the size of the network: the places in the circle (one
query, their hours checked in Python by opening-hours-py), the places among them with a
free room (one query with NOT EXISTS on the held bookings), then the page of places and
their free rooms (two queries).
"""

from django.db.models import Case, IntegerField, Prefetch, Value, When

from repertoire.workspaces import hours
from repertoire.workspaces.models import Room, Workspace


def open_place_ids(places, start, end):
    rows = places.values_list("pk", "opening_hours")
    return [pk for pk, text in rows if hours.is_open_throughout(text, start, end)]


def available_places(*, start, end, people, distances=None):
    """Published places open throughout [start, end) with a room free for `people`, as a
    queryset (nearest first when `distances` {insee code: km} is given, else by name),
    each with `free_rooms` prefetched."""
    places = Workspace.objects.published()
    if distances is not None:
        places = places.filter(commune_id__in=list(distances))
    open_ids = open_place_ids(places, start, end)
    free = Room.objects.filter(workspace_id__in=open_ids).free_between(start, end, people)
    with_room = free.values("workspace_id")
    rooms = Prefetch("rooms", queryset=free.order_by("capacity", "name"), to_attr="free_rooms")
    result = Workspace.objects.filter(pk__in=with_room).select_related("commune")
    result = result.prefetch_related(rooms)
    if distances:
        order = Case(
            *[When(commune_id=code, then=Value(int(km * 10))) for code, km in distances.items()],
            output_field=IntegerField(),
        )
        return result.order_by(order, "name")
    return result.order_by("name")
