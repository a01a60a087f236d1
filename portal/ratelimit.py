"""A fixed-window rate limit per client IP, counted in the cache (Redis in production).

Every public form that writes or sends something counts its posts here: the intake form,
the répertoire's "signaler une erreur"; allauth limits the account forms itself."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client address. Behind a proxy, set TRUSTED_PROXY_HEADER (e.g. HTTP_X_REAL_IP)
    to the header the proxy sets; it is never trusted by default."""
    header = settings.TRUSTED_PROXY_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def is_rate_limited(request, scope, *, limit, window):
    """Count one post of `scope` for the client of `request`; True once `limit` posts were
    counted in the current window of `window` seconds."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
