"""Server-side clustering on a grid, so the map data stays small whatever the volume."""

from django.db.models import Avg, Count, F, IntegerField, Min
from django.db.models.functions import Cast

MIN_ZOOM, MAX_ZOOM = 3, 18
CELLS_PER_TILE = 4  # ~64 px cells on 256 px tiles
MAX_POINTS = 400


def cell_degrees(zoom):
    zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
    return 360.0 / (2**zoom) / CELLS_PER_TILE


def parse_bbox(text):
    """'west,south,east,north' → tuple of floats, or None when malformed."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except (AttributeError, ValueError):
        return None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        return None
    return west, south, east, north


def clusters(queryset, bbox, zoom):
    """{"clusters": [...], "points": [...]} for the cards of `queryset` inside `bbox`.

    One GROUP BY over grid cells; cells holding a single card become points (second query).
    """
    west, south, east, north = bbox
    cell = cell_degrees(zoom)
    rows = (
        queryset.filter(latitude__range=(south, north), longitude__range=(west, east))
        .annotate(
            # Shifted to positive values, a native CAST truncates like floor() would.
            gx=Cast((F("latitude") + 90.0) / cell, IntegerField()),
            gy=Cast((F("longitude") + 180.0) / cell, IntegerField()),
        )
        .values("gx", "gy")
        .annotate(n=Count("id"), lat=Avg("latitude"), lon=Avg("longitude"), first=Min("id"))
        .order_by()
    )
    groups, single_ids = [], []
    for row in rows:
        if row["n"] == 1:
            single_ids.append(row["first"])
        else:
            groups.append(
                {"lat": round(row["lat"], 5), "lon": round(row["lon"], 5), "count": row["n"]}
            )
    return {"clusters": groups, "single_ids": single_ids[:MAX_POINTS]}
