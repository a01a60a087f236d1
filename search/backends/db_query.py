"""SQL of the database backend: visibility, full text, facet filters, distance."""

import functools
import hashlib
import json
import math
import time
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import ACos, Cast, Cos, Greatest, Least, Radians, Sin

from search.apps import register_sqlite_functions
from search.backends.base import MAX_FACET_VALUES, facet_groups
from search.documents import Hit
from search.geo import EARTH_RADIUS_KM, KM_PER_DEGREE_LAT, bounding_box, haversine_km
from search.highlight import best_highlight
from search.models import IndexEntry, IndexFacet, IndexSuggestion

PG_CONFIG = "public.passerelles_fr"
SINGLE_FIELDS = ("kind", "department_code", "commune_code")
JSON_FIELDS = ("themes", "types")  # multi-valued facets also held by the entry itself
GENERATION_KEY = "search:generation"
BROWSE_CACHE_SECONDS = 60
PLANAR_MARGIN = 0.05  # share of the radius where the plane may disagree with the sphere


def _visible(qs, scopes, entry_ref="pk"):
    if "*" in scopes:
        return qs
    public = Q(is_public=True) if entry_ref == "pk" else Q(entry__is_public=True)
    if not scopes:
        return qs.filter(public)
    opened = IndexFacet.objects.filter(
        entry=OuterRef(entry_ref), field="scopes", value__in=sorted(scopes)
    )
    return qs.filter(public | Exists(opened))


def visible_suggestions(scopes):
    return _visible(IndexSuggestion.objects.all(), scopes, entry_ref="entry")


def _full_text(qs, query):
    terms = query.terms
    if not terms:
        return qs
    if connection.vendor == "postgresql":
        # PostgreSQL stems with its French configuration: give it the words, unstemmed.
        # On the row itself (not `id IN (…)`): the planner then starts from the GIN index
        # instead of ranking every public row first (150 ms → 20 ms at 100k).
        matching = RawSQL(
            "search_indexentry.search_vector @@ plainto_tsquery(%s, %s)",
            [PG_CONFIG, " ".join(query.words)],
            output_field=BooleanField(),
        )
        return qs.filter(matching)
    # The MATCH runs once in a subquery; joined instead, SQLite may re-run it per row.
    matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts_query(terms)])
    return qs.filter(id__in=matching)


def fts_query(terms):
    """Terms are runs of letters and digits (search.text), quoted: FTS5 syntax cannot leak."""
    return " ".join(f'"{t}"' for t in terms)


def distance_expression(lat, lon):
    """Great-circle distance in km: a registered function on SQLite (see search.apps),
    the spherical law of cosines in SQL elsewhere."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        register_sqlite_functions(None, connection)  # in case it opened before our ready()
        return Func(
            F("latitude"),
            F("longitude"),
            Value(lat),
            Value(lon),
            function="search_distance_km",
            output_field=FloatField(),
        )
    lat_r, lon_r = math.radians(lat), math.radians(lon)
    cosine = Value(math.sin(lat_r)) * Sin(Radians("latitude")) + Value(math.cos(lat_r)) * Cos(
        Radians("latitude")
    ) * Cos(Radians("longitude") - Value(lon_r))
    clamped = Least(Value(1.0), Greatest(Value(-1.0), cosine))
    return Value(EARTH_RADIUS_KM) * ACos(clamped, output_field=FloatField())


def planar_km2(lat, lon):
    """Squared distance in km² on the plane tangent at (lat, lon): plain arithmetic, which
    SQLite evaluates some fifty times faster than a Python function, and within 2% of the
    great circle up to 200 km."""
    kx = KM_PER_DEGREE_LAT * math.cos(math.radians(lat))
    dx = (F("longitude") - Value(lon)) * Value(kx)
    dy = (F("latitude") - Value(lat)) * Value(KM_PER_DEGREE_LAT)
    return ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())


def _near(qs, near):
    if not near:
        return qs
    lat, lon, km = near
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
    boxed = qs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
    exact = distance_expression(lat, lon)
    if connection.vendor != "sqlite":
        return boxed.alias(distance=exact).filter(distance__lte=km)
    # Clearly inside or outside by the plane; the exact distance only near the circle.
    boxed = boxed.alias(planar=planar_km2(lat, lon), distance=exact)
    inside = Q(planar__lte=(km * (1 - PLANAR_MARGIN)) ** 2)
    edge = Q(planar__lte=(km * (1 + PLANAR_MARGIN)) ** 2, distance__lte=km)
    return boxed.filter(inside | edge)


def _facet_filters(qs, filters, scan=False):
    """Single-valued facets are columns of the entry; the others are looked up in the
    (field, value, entry) index of the facet table: no per-row subquery. With `scan`, the
    entry ids found there only test the rows read in another order (`id + 0` keeps SQLite
    from walking the ids instead)."""
    for name, values in filters.items():
        if name in SINGLE_FIELDS:
            qs = qs.filter(**{f"{name}__in": values})
            continue
        if name in JSON_FIELDS and connection.vendor == "postgresql":
            # Containment on the entry's own column: its GIN index (migration 0005)
            # combines with the full-text one.
            any_value = Q()
            for value in values:
                any_value |= Q(**{f"{name}__contains": [value]})
            qs = qs.filter(any_value)
            continue
        chosen = IndexFacet.objects.filter(field=name, value__in=values).values("entry_id")
        if scan:
            qs = qs.alias(scanned_id=F("id") + 0).filter(scanned_id__in=chosen)
        else:
            qs = qs.filter(id__in=chosen)
    return qs


def filtered(query, filters=None, scan=False):
    """Entries matching the query, visible to its scopes, with `filters` (default: all)."""
    qs = _visible(IndexEntry.objects.all(), query.scopes)
    qs = _full_text(qs, query)
    qs = _near(qs, query.near)
    return _facet_filters(qs, query.filters if filters is None else filters, scan)


def _generation():
    """Changes on every write to the index (see `index_changed`): part of cache keys."""
    return cache.get_or_set(GENERATION_KEY, 0)


def index_size():
    """Number of entries, counted once per index generation."""
    key = f"search:size:{_generation()}"
    return cache.get_or_set(key, IndexEntry.objects.count, BROWSE_CACHE_SECONDS)


def _newest_first_scan(query, total):
    """Browsing (facets, no words, no place) on SQLite: reading the index newest first and
    keeping the matching rows stops after about `wanted × size / total` rows; that beats
    fetching and sorting all `total` matches unless they are a small share of the index
    (ten times faster for a theme at 100k entries)."""
    if connection.vendor != "sqlite" or query.terms or query.near or not query.filters:
        return False
    wanted = query.offset + query.per_page
    return wanted * index_size() <= total * total


def _ordered(qs, query):
    order = []
    if query.near and connection.vendor == "sqlite":
        # Sorted on the plane (see planar_km2); the page's distances are computed exactly
        # in `_hit`.
        qs = qs.alias(planar_order=planar_km2(*query.near[:2]))
        order.append("planar_order")
    elif query.near:
        qs = qs.annotate(distance_km=distance_expression(*query.near[:2]))
        order.append("distance_km")
    if query.terms and connection.vendor == "postgresql":
        qs = qs.annotate(
            rank=RawSQL(
                # ts_rank, not ts_rank_cd: title (weight A) over text still wins, at a
                # fifth less time over thousands of matches.
                "ts_rank(search_indexentry.search_vector, plainto_tsquery(%s, %s))",
                [PG_CONFIG, " ".join(query.words)],
            )
        )
        order.append("-rank")
    elif query.terms:
        # Joining the FTS table on the page query only, for its bm25 `rank` column.
        qs = qs.filter(fts__document__match=fts_query(query.terms))
        order.append("fts__rank")
    # (updated_at, id) is what the updated_at index holds: browsing needs no sort.
    return qs.order_by(*order, "-updated_at", "-id")


def _hit(entry, query):
    point = (entry.latitude, entry.longitude) if entry.latitude is not None else None
    return Hit(
        kind=entry.kind,
        id=entry.object_id,
        title=entry.title,
        text=entry.text,
        url=entry.url,
        themes=entry.themes,
        types=entry.types,
        commune_code=entry.commune_code,
        department_code=entry.department_code,
        point=point,
        visibility=entry.visibility,
        updated_at=entry.updated_at,
        highlight=best_highlight(entry.title, entry.text, query.terms),
        distance_km=_distance_km(entry, query),
    )


def _distance_km(entry, query):
    if not query.near or entry.latitude is None:
        return None
    if hasattr(entry, "distance_km"):
        return entry.distance_km
    return haversine_km(query.near[0], query.near[1], entry.latitude, entry.longitude)


def hits(query, base, total):
    if _newest_first_scan(query, total):
        base = filtered(query, scan=True)
    # The normalised terms feed the SQLite FTS table only: never read back.
    ordered = _ordered(base, query).defer("title_terms", "text_terms")
    page = ordered[query.offset : query.offset + query.per_page]
    return [_hit(entry, query) for entry in page]


@functools.lru_cache(maxsize=4096)
def _values(field, raw):
    """The facet values of one column value (a multi-valued one as its JSON text), as the
    facet table holds them. Few distinct lists: each is decoded once."""
    if field in SINGLE_FIELDS:
        return (raw,) if raw else ()
    return tuple({str(v)[:200] for v in json.loads(raw or "[]") if str(v)[:200]})


def _group_columns(base, columns):
    """GROUP BY rows of `columns`, multi-valued ones as their raw JSON text (decoding a
    list per row cost more than the SQL itself)."""
    raw = {f"{c}_json": Cast(c, TextField()) for c in columns if c not in SINGLE_FIELDS}
    names = [f"{c}_json" if f"{c}_json" in raw else c for c in columns]
    rows = base.annotate(**raw).values_list(*names).annotate(n=Count("id"))
    return rows.values_list(*names, "n")


def _count_rows_in_sql(base, fields):
    """PostgreSQL: the matching entries read once (a materialised CTE when several facets
    are counted), then one small GROUP BY per facet — a list column grouped by its JSON
    text and expanded here (few distinct lists) — so a few dozen rows come back instead of
    thousands of combinations. Field names come from FACET_FIELDS, never from a request."""
    inner, params = base.values(*fields).query.sql_with_params()
    parts = [
        f"SELECT '{field}', m.{field}{'::text' if field in JSON_FIELDS else ''}, count(*) "
        f"FROM m GROUP BY 2"
        for field in fields
    ]
    parts.append("SELECT '', NULL, count(*) FROM m")
    cte = "MATERIALIZED " if len(fields) > 1 else ""
    sql = f"WITH m AS {cte}({inner}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = next(n for field, _raw, n in rows if field == "")
    return _tally(fields, [row for row in rows if row[0] != ""]), total


def _tally(fields, grouped):
    """(field, value, n) rows, most frequent first, from (field, raw column value, n) rows
    where a list column's value is its JSON text."""
    counts = {field: Counter() for field in fields}
    for field, raw, n in grouped:
        for value in _values(field, raw):
            counts[field][value] += n
    rows = [(f, v, n) for f in fields for v, n in counts[f].items()]
    rows.sort(key=lambda row: (row[0], -row[2], row[1]))
    return rows


def _count_rows(query, fields, filters):
    """((field, value, n) rows most frequent first, number of entries counted).

    One GROUP BY over the entry columns per query: a multi-valued facet groups by its
    whole list of values, expanded here (there are few distinct lists). Communes, many,
    are grouped apart so that the combinations stay few."""
    base = filtered(query, filters).order_by()
    if connection.vendor == "postgresql":
        return _count_rows_in_sql(base, list(fields))
    grouped, total = [], None
    for columns in ([f for f in fields if f != "commune_code"], ["commune_code"]):
        columns = [c for c in columns if c in fields]
        if not columns:
            continue
        seen = 0
        for *raws, n in _group_columns(base, columns):
            seen += n
            grouped += [(field, raw, n) for field, raw in zip(columns, raws, strict=True)]
        total = seen
    return _tally(fields, grouped), total


def _browse_key(query, fields, filters):
    """Cache key of counts that depend on visibility and facet filters alone (no text, no
    place): the landing page's and each theme's, few and asked again and again. A write to
    the index changes the generation, hence the key."""
    scopes = ",".join(sorted(query.scopes))
    chosen = sorted((name, sorted(values)) for name, values in filters.items())
    digest = hashlib.sha256(repr((scopes, fields, chosen)).encode()).hexdigest()
    return f"search:facets3:{_generation()}:{digest}"


def _group_rows(query, fields, filters):
    if query.terms or query.near:
        return _count_rows(query, fields, filters)
    key = _browse_key(query, fields, filters)
    found = cache.get(key)
    if found is None:
        found = _count_rows(query, fields, filters)
        cache.set(key, found, BROWSE_CACHE_SECONDS)
    return found


def facet_counts(query):
    """({field: [(value, count), …]} most frequent first, number of matching entries
    when a count covered exactly the query's filters, else None)."""
    counts = {name: [] for name in query.facets}
    total = None
    for fields, filters in facet_groups(query):
        rows, seen = _group_rows(query, fields, filters)
        if filters == query.filters:
            total = seen
        for field, value, n in rows:
            if len(counts[field]) < MAX_FACET_VALUES:
                counts[field].append((value, n))
    return counts, total


def index_changed():
    cache.set(GENERATION_KEY, time.time_ns(), None)
