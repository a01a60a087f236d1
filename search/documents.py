"""The one document shape every searchable kind is mapped to (see ARCHITECTURE.md)."""

from dataclasses import dataclass, field
from datetime import datetime

PUBLIC = "public"
MEMBERS = "members"
SCOPE_PREFIX = "scope:"
# A user scope key that opens every document (the regional admin's).
ALL_SCOPES = "*"


@dataclass
class Document:
    kind: str
    id: str
    title: str
    text: str
    url: str
    themes: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    commune_code: str = ""
    department_code: str = ""
    point: tuple[float, float] | None = None
    visibility: str = PUBLIC
    updated_at: datetime | None = None
    suggest: list[str] = field(default_factory=list)

    @property
    def key(self):
        return f"{self.kind}:{self.id}"

    @property
    def scopes(self):
        """Scope keys that open this document; empty means public.

        "members" is itself a scope key: every network member holds it.
        """
        return scopes_of_visibility(self.visibility)

    @property
    def suggestions(self):
        """What the completion field offers: the explicit list, else the title."""
        values = [s.strip() for s in self.suggest if s and s.strip()]
        return values or ([self.title.strip()] if self.title.strip() else [])


@dataclass
class Hit(Document):
    """A document as found: with a highlighted snippet and its distance to `near`."""

    highlight: str = ""
    distance_km: float | None = None


def scopes_of_visibility(visibility):
    """ "public" → [], "members" → ["members"], "scope:a,b" → ["a", "b"].

    Anything else is treated as restricted to nobody but the regional admin: a typo in a
    mapper must never publish a private document.
    """
    if visibility == PUBLIC:
        return []
    if visibility == MEMBERS:
        return [MEMBERS]
    if visibility.startswith(SCOPE_PREFIX):
        keys = [k.strip() for k in visibility[len(SCOPE_PREFIX) :].split(",") if k.strip()]
        return keys or [ALL_SCOPES]
    return [ALL_SCOPES]


def visible(scopes_of_doc, user_scopes):
    """True when a user holding `user_scopes` may see a document with `scopes_of_doc`."""
    if not scopes_of_doc or ALL_SCOPES in user_scopes:
        return True
    return bool(set(scopes_of_doc) & set(user_scopes))
