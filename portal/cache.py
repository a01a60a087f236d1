"""A Redis cache that degrades instead of failing the page (issue #14, item 7).

The cache only saves work: menus, anonymous pages, rate-limit counters. When Redis does not
answer (down, or slower than `REDIS_SOCKET_TIMEOUT`), every call behaves as a miss — `get`
returns the default, writes are dropped, `incr` counts from 1 — and one warning is logged
per outage, per process; the next call that succeeds ends the outage. Sessions are in the
database, so nobody is signed out.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("passerelles.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)
RETRY_AFTER = 5.0  # seconds without trying Redis after a failure, so pages stay fast


class _Outage:
    """Per process and per Redis address (Django makes one cache object per thread)."""

    def __init__(self):
        self.down_until, self.warned = 0.0, False


_outages = {}


def _degrading(fallback):
    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            outage = self._outage_state()
            if time.monotonic() < outage.down_until:
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self._outage(outage, error)
                return fallback(*args, **kwargs)
            outage.down_until, outage.warned = 0.0, False
            return result

        return wrapper

    return decorate


def _default(key=None, default=None, *args, **kwargs):
    return default


class DegradingRedisCache(RedisCache):
    def _outage_state(self):
        return _outages.setdefault(tuple(self._servers), _Outage())

    def _outage(self, outage, error):
        outage.down_until = time.monotonic() + RETRY_AFTER
        if not outage.warned:
            outage.warned = True
            logger.warning("cache unavailable, serving without it: %s", type(error).__name__)

    get = _degrading(_default)(RedisCache.get)
    get_many = _degrading(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _degrading(lambda *a, **k: False)(RedisCache.has_key)
    add = _degrading(lambda *a, **k: True)(RedisCache.add)
    set = _degrading(lambda *a, **k: None)(RedisCache.set)
    set_many = _degrading(lambda *a, **k: [])(RedisCache.set_many)
    touch = _degrading(lambda *a, **k: False)(RedisCache.touch)
    delete = _degrading(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _degrading(lambda *a, **k: None)(RedisCache.delete_many)
    incr = _degrading(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    decr = _degrading(lambda key, delta=1, *a, **k: -delta)(RedisCache.decr)
    clear = _degrading(lambda *a, **k: False)(RedisCache.clear)
