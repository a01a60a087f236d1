"""Dashboard panels: each app registers what it wants members to see on arrival.

A panel is a small object with a `template` and a `get_context(request)`; it decides itself
whether it shows for this user (return None to hide). Apps register panels in their
`AppConfig.ready()` so the dashboard imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

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
