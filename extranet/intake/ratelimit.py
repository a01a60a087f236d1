"""A fixed-window rate limit per client IP, counted in the cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client address. Behind a proxy, set INTAKE_TRUSTED_PROXY_HEADER (e.g.
    HTTP_X_REAL_IP) to the header the proxy sets; it is never trusted by default."""
    header = getattr(settings, "INTAKE_TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def is_rate_limited(ip):
    """Count one submission for `ip`; True once the limit of the window is exceeded."""
    limit = settings.INTAKE_RATE_LIMIT
    window = settings.INTAKE_RATE_WINDOW_SECONDS
    key = f"intake:rate:{ip}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
