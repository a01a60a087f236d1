"""Anonymous page cache: public pages served from the cache to visitors without a session.

Only a request with no session and no message cookie is served from (or stored in) the
cache, and only a 200 HTML/JSON response that sets no cookie and is not private is stored:
a page holding a CSRF token sets the CSRF cookie, so it is never stored; signed-in people
and anyone with a pending message always get a fresh page.

Invalidation is by generation: every stored key carries the current generation, and a
publication, an unpublication, a move or a deletion of a page, or a change of a model
listed in `PAGE_CACHE_MODELS` (fiches, offers, Cartemploi cards…) starts a new one. Entries
of older generations are never read again and expire with their TTL. What changes with
time alone (an offer's end date, "ouvert maintenant") is bounded by `PAGE_CACHE_SECONDS`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"
PRIVATE_COOKIES = ("sessionid", "messages")
CACHEABLE_TYPES = ("text/html", "application/json", "application/xml", "text/plain")


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, None)


def new_generation(**kwargs):
    """Every cached page is forgotten at once (called by signals and commands)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:{generation()}:{request.get_host()}:{request.LANGUAGE_CODE}:{path}"


def _eligible(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def _storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


class AnonymousPageCacheMiddleware:
    """Placed right after the authentication middleware (see settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        storable = request.method == "GET" and _storable(response)
        if storable and not request.user.is_authenticated:
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def connect():
    """Called from `PortalConfig.ready()`: what makes a cached page stale."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_generation, dispatch_uid=f"pagecache-{signal}")
    post_delete.connect(new_generation, sender=Page, dispatch_uid="pagecache-page-delete")
    for label in settings.PAGE_CACHE_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                new_generation, sender=label, weak=False, dispatch_uid=f"pagecache-{signal}-{label}"
            )
