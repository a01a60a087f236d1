"""The search contract every view and app calls: `search()` and `suggest()`."""

import math
from dataclasses import replace

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends import database_backend, get_backend, mark_unavailable
from search.backends.base import (
    FACET_FIELDS,
    MAX_FILTER_VALUES,
    MAX_PER_PAGE,
    BackendUnavailable,
    Query,
)

DEFAULT_FACETS = ("kind", "themes", "types", "department_code")
MIN_RADIUS_KM = 1
MAX_RADIUS_KM = 200
MAX_QUERY_CHARS = 200
MAX_PAGE = 500


def truncate(text, limit=MAX_QUERY_CHARS):
    """At most `limit` characters, never ending on half a word; no NUL (PostgreSQL
    refuses them in text)."""
    text = text.replace("\x00", "")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit(" ", 1)[0] if not text[limit].isspace() and " " in cut else cut


def clamp_radius(km):
    return min(MAX_RADIUS_KM, max(MIN_RADIUS_KM, km))


def user_scopes(user):
    """Scope keys a user holds, from the pluggable `SEARCH_USER_SCOPES` function."""
    if user is None or not user.is_authenticated:
        return frozenset()
    return frozenset(import_string(settings.SEARCH_USER_SCOPES)(user))


def _clean_filters(filters):
    cleaned = {}
    for name, values in (filters or {}).items():
        if name not in FACET_FIELDS:
            continue
        values = [values] if isinstance(values, str) else list(values or [])
        values = [str(v).replace("\x00", "").strip()[:200] for v in values]
        values = [v for v in values if v]
        if values:
            cleaned[name] = tuple(dict.fromkeys(values))[:MAX_FILTER_VALUES]
    return cleaned


def _clean_near(near):
    if not near:
        return None
    (lat, lon), km = near
    lat, lon, km = float(lat), float(lon), float(km)
    if not all(math.isfinite(v) for v in (lat, lon, km)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return (lat, lon, clamp_radius(km))


def build_query(
    query="", filters=None, facets=DEFAULT_FACETS, near=None, page=1, per_page=20, user=None
):
    return Query(
        text=truncate(query or ""),
        filters=_clean_filters(filters),
        facets=tuple(f for f in dict.fromkeys(facets or ()) if f in FACET_FIELDS),
        near=_clean_near(near),
        page=min(MAX_PAGE, max(1, int(page or 1))),
        per_page=min(MAX_PER_PAGE, max(1, int(per_page or 20))),
        scopes=user_scopes(user),
    )


def _run(method, *args):
    backend = get_backend()
    try:
        return getattr(backend, method)(*args)
    except BackendUnavailable as error:
        mark_unavailable(error)
        return getattr(database_backend(), method)(*args)


def search(
    query="", filters=None, facets=DEFAULT_FACETS, near=None, page=1, per_page=20, user=None
):
    """Hits (with `highlight` and, with `near=((lat, lon), km)`, `distance_km`), total,
    facet counts {field: [(value, count)]}, page, pages, and did-you-mean suggestions
    when nothing matched. Only what `user` may see is searched, counted or suggested."""
    q = build_query(query, filters, facets, near, page, per_page, user)
    result = _run("search", q)
    if q.page > result.pages:
        q = replace(q, page=result.pages)
        result = _run("search", q)
    if result.total == 0 and q.terms:
        result.suggestions = _run("did_you_mean", q.text, q.scopes, 3)
    return result


def suggest(prefix, user=None, limit=8):
    """Completions of what a user is typing, among what they may see."""
    prefix = truncate(prefix or "")
    if not prefix.strip():
        return []
    return _run("suggest", prefix, user_scopes(user), min(max(1, limit), 20))
