from dataclasses import dataclass, field

import pytest

from search import backends


@dataclass
class ScopedUser:
    """A signed-in user reduced to what search asks of it: its scope keys."""

    scopes: set = field(default_factory=set)
    is_authenticated: bool = True


def scopes_of(user):
    return user.scopes


@pytest.fixture
def database_search(db, settings):
    """The database backend answers, whatever the environment says."""
    settings.ELASTICSEARCH_URL = ""
    backends.reset()
    yield backends.database_backend()
    backends.reset()


@pytest.fixture
def scoped_users(settings):
    settings.SEARCH_USER_SCOPES = "tests.search.conftest.scopes_of"
    return ScopedUser


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Browse facet counts are cached per index generation; tests start from a clean slate."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
