"""Dashboard panels: each app registers what it wants members to see on arrival.

A panel is a small object with a `template` and a `get_context(request)`; it decides itself
whether it shows for this user (return None to hide). Apps register panels in their
`AppConfig.ready()` so the dashboard imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Value

_panels = []


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    get_context: Callable
    order: int = 100


def register_panel(panel):
    if any(p.key == panel.key for p in _panels):
        return
    _panels.append(panel)
    _panels.sort(key=lambda p: (p.order, p.key))


def panels_for(request):
    """(panel, context) pairs to render for this request, in order; hidden panels left out."""
    shown = []
    for panel in _panels:
        context = panel.get_context(request)
        if context is not None:
            shown.append((panel, context))
    return shown


def count_many(**querysets):
    """{name: row count} of several querysets in one query (a UNION ALL of their counts):
    a dashboard of counters costs one query, not one per counter."""
    names = list(querysets)
    parts = [
        querysets[name]
        .order_by()
        .annotate(counted=Value(name))
        .values("counted")
        .annotate(rows=Count("pk"))
        .values_list("counted", "rows")
        for name in names
    ]
    counts = dict.fromkeys(names, 0)
    counts.update(parts[0].union(*parts[1:], all=True).order_by() if len(parts) > 1 else parts[0])
    return counts


def per_request(request, key, compute):
    """`compute()` once per request, shared by the panels that show parts of it."""
    memo = request.__dict__.setdefault("_dashboard_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
