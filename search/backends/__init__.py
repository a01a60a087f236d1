"""Which engine serves a search: Elasticsearch when configured and reachable, else the
database. A configured engine that cannot be reached is reported once, not per request."""

import logging
import time

from django.conf import settings

from search.backends.base import BackendUnavailable
from search.backends.database import DatabaseBackend

logger = logging.getLogger("search")
RECHECK_SECONDS = 30
_state = {"elastic": None, "url": None, "down_since": None, "warned": False}


def database_backend():
    return DatabaseBackend()


def elastic_backend():
    """The configured Elasticsearch backend (one client per URL), or None."""
    url = settings.ELASTICSEARCH_URL
    if not url:
        return None
    if _state["url"] != url:
        from search.backends.elastic import ElasticBackend

        _state.update(elastic=ElasticBackend(url), url=url, down_since=None, warned=False)
    return _state["elastic"]


def mark_unavailable(error):
    """Remember the engine is down; log one warning per outage."""
    if _state["down_since"] is None:
        _state["down_since"] = time.monotonic()
    if not _state["warned"]:
        _state["warned"] = True
        logger.warning(
            "Elasticsearch (%s) injoignable, recherche servie par la base de données : %s",
            settings.ELASTICSEARCH_URL,
            error,
        )


def _elastic_if_up():
    elastic = elastic_backend()
    if elastic is None:
        return None
    down_since = _state["down_since"]
    if down_since is not None and time.monotonic() - down_since < RECHECK_SECONDS:
        return None
    try:
        elastic.check()
    except BackendUnavailable as error:
        _state["down_since"] = time.monotonic()
        mark_unavailable(error)
        return None
    _state.update(down_since=None, warned=False)
    return elastic


def get_backend():
    """The backend that answers searches now."""
    return _elastic_if_up() or database_backend()


def writing_backends():
    """Backends that receive index writes: the database always (it is the fallback), and
    Elasticsearch when it is configured and reachable."""
    elastic = _elastic_if_up()
    return [database_backend(), elastic] if elastic else [database_backend()]


def reset():
    """Forget the engine state (tests, settings changes)."""
    _state.update(elastic=None, url=None, down_since=None, warned=False)
