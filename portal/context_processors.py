from django.conf import settings
from wagtail.models import Site


def site_shell(request):
    """Navigation and flags the layout needs on every page."""
    return {
        "main_menu": _main_menu(request),
        "map_tile_url": settings.MAP_TILE_URL,
        "is_demo": getattr(settings, "PASSERELLES_DEMO", False),
    }


def _main_menu(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    return list(root.get_children().live().in_menu().specific(defer=True).only("title", "url_path"))
