"""Wagtail routing from the cache: a page's address found once, then one query a request.

Wagtail finds the page of an address by walking the tree from the site's root: the root
page, its locale, each child by slug and each specific page (four queries or more a page,
~15 % of an uncached page's CPU). The result of that walk — which page, and how many
components of the path it took (a routable page takes the rest: `structures/<slug>/`) — is
kept under the site shell's generation (`portal.menus`: forgotten on any publication,
unpublication, move or deletion of a page and on a change of a site). A request then loads
that page alone and lets it route the rest of the path itself: `live` and Wagtail's view
restrictions are checked as before.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal.menus import TTL, shell_generation


def _components(path):
    return [component for component in path.split("/") if component]


def _key(site, path):
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    return f"portal:route:{shell_generation()}:{site.pk}:{get_language()}:{digest}"


def route(request, path):
    """Fill Wagtail's per-request route (`route_for_request` reads it first) from the
    cache, or walk the tree and remember where it led."""
    site = Site.find_for_request(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    key, components = _key(site, path), _components(path)
    found = cache.get(key)
    if found is None:
        result = Page.route_for_request(request, path)
        if result is not None:
            page = result[0]
            taken = page.depth - site.root_page.depth
            cache.set(key, (page.content_type_id, page.pk, taken), TTL)
        return
    content_type_id, pk, taken = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=pk).first()
    if page is None:  # deleted in between: Wagtail walks the tree itself
        return
    try:
        request._wagtail_route_for_request = page.route(request, components[taken:])
    except Http404:
        request._wagtail_route_for_request = None


class CachedRouteMiddleware:
    """Last of the middleware: only requests resolved to Wagtail's page view are routed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            route(request, view_kwargs.get("path", view_args[0] if view_args else ""))
