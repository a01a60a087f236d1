"""What higher apps add to an event's public page, from their `AppConfig.ready()`: the
répertoire imports none of them, it only calls what was registered here.

A section is a template included at the foot of the page, with the context its
`context(events)` function gives for the events shown (a dict keyed by event pk, read once
for the page): Cartemploi's "companies attending this fair".
"""

from dataclasses import dataclass
from typing import Any

_sections = []


@dataclass(frozen=True)
class EventSection:
    template_name: str
    context: Any  # callable(list of events) -> {event pk: value}


def register_event_section(template_name, context):
    """Include `template_name` on every event page; registering twice is harmless."""
    if not any(s.template_name == template_name for s in _sections):
        _sections.append(EventSection(template_name, context))


def sections_for(event):
    """[(template name, value)] for one event's page, in registration order."""
    return [(s.template_name, s.context([event]).get(event.pk)) for s in _sections]
