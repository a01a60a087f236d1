"""Redis down: the cache behaves as a miss, fast, with one warning (issue #14, item 7)."""

import logging
import socket
import time

from portal.cache import DegradingRedisCache
from portal.ratelimit import is_rate_limited


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def down_cache():
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    return DegradingRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": options})


def test_every_call_is_a_miss_and_one_warning_is_logged(caplog):
    cache = down_cache()
    caplog.set_level(logging.WARNING, logger="passerelles.cache")
    start = time.monotonic()
    assert cache.get("menu", "défaut") == "défaut"
    cache.set("menu", "x")
    assert cache.add("k", 0) is True
    assert cache.incr("k") == 1
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("menu")
    assert time.monotonic() - start < 2
    assert len([r for r in caplog.records if r.name == "passerelles.cache"]) == 1


def test_rate_limits_let_people_through_while_the_cache_is_down(rf, monkeypatch):
    monkeypatch.setattr("portal.ratelimit.cache", down_cache())
    request = rf.post("/je-m-installe/")
    assert not any(is_rate_limited(request, "bench", limit=5, window=60) for _ in range(3))
