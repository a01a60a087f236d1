"""What every search backend implements, and the value objects they exchange."""

import math
from contextlib import contextmanager
from dataclasses import dataclass, field

from search.documents import ALL_SCOPES
from search.text import query_terms, query_words

FACET_FIELDS = ("kind", "themes", "types", "department_code", "commune_code")
MAX_FILTER_VALUES = 20
MAX_PER_PAGE = 100
MAX_FACET_VALUES = 50


class BackendUnavailable(Exception):
    """The engine cannot be reached: callers fall back to the database backend."""


@dataclass(frozen=True)
class Query:
    """A normalised search request (see `search.api.search` for the public entry)."""

    text: str = ""
    filters: dict = field(default_factory=dict)
    facets: tuple = ()
    near: tuple | None = None  # (lat, lon, km)
    page: int = 1
    per_page: int = 20
    scopes: frozenset = frozenset()  # empty: public documents only

    @property
    def terms(self):
        return query_terms(self.text)

    @property
    def words(self):
        return query_words(self.text)

    @property
    def sees_everything(self):
        return ALL_SCOPES in self.scopes

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def filters_without(self, field_name):
        return {k: v for k, v in self.filters.items() if k != field_name}


@dataclass
class SearchResult:
    hits: list
    total: int
    facets: dict
    page: int
    pages: int
    suggestions: list = field(default_factory=list)


def page_count(total, per_page):
    return max(1, math.ceil(total / per_page))


def facet_groups(query):
    """Facets whose counts share one query: all unfiltered ones together, then one group
    per filtered facet (its counts ignore its own filter, so checking a box never hides
    the other values of the same facet)."""
    free = tuple(f for f in query.facets if f not in query.filters)
    groups = [(free, query.filters)] if free else []
    groups += [((f,), query.filters_without(f)) for f in query.facets if f in query.filters]
    return groups


class BaseBackend:
    name = "base"

    def index(self, documents):
        """Add or replace documents; returns how many were written."""
        raise NotImplementedError

    def delete(self, kind, ids):
        raise NotImplementedError

    def search(self, query):
        """A `SearchResult` for a `Query`."""
        raise NotImplementedError

    def suggest(self, prefix, scopes, limit):
        """Completions of `prefix` among the documents `scopes` may see."""
        raise NotImplementedError

    def did_you_mean(self, text, scopes, limit):
        """Close spellings of `text` from the completion entries `scopes` may see."""
        raise NotImplementedError

    def counts(self):
        """{kind: number of documents in the index}."""
        raise NotImplementedError

    def refresh(self):
        """Make writes visible to searches (Elasticsearch refreshes; SQL needs nothing)."""

    def kind_ids(self, kind):
        """The set of ids of a kind in the index (used by `search_index update`)."""
        raise NotImplementedError

    @contextmanager
    def rebuilding(self, kinds=None):
        """Context in which `index()` refills the index (only `kinds` when given)."""
        raise NotImplementedError
        yield
