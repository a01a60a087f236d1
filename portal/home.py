"""Sections higher apps add to the home page (the next events…), from their
`AppConfig.ready()`: `portal` imports none of them.

A section is a template and a `context(request)` function; the home page renders each
with what it returns (nothing is shown for None). Keep each one to a query or two: the
home page is served within the public budget of 12 queries.
"""

from dataclasses import dataclass
from typing import Any

_sections = []


@dataclass(frozen=True)
class HomeSection:
    template_name: str
    context: Any  # callable(request) -> dict or None


def register_home_section(template_name, context):
    if not any(s.template_name == template_name for s in _sections):
        _sections.append(HomeSection(template_name, context))


def sections(request):
    """[(template name, context)] of the sections with something to show."""
    found = []
    for section in _sections:
        context = section.context(request)
        if context:
            found.append((section.template_name, context))
    return found
