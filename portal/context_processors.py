from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from portal.menus import site_shell as cached_shell


def site_shell(request):
    """Navigation, site settings and flags the layout needs on every page (the menu and the
    settings come from the cache: no query once warm)."""
    shell = cached_shell(request)
    return {
        "main_menu": shell["menu"],
        # "/" in French, "/en/" in English: the home page of the language shown.
        "home_url": reverse("wagtail_serve", args=[""]),
        "site_settings": shell["settings"],
        "app_menu": _app_menu(),
        "account_spaces": _account_spaces(request),
        "map_tile_url": settings.MAP_TILE_URL,
        "is_demo": getattr(settings, "PASSERELLES_DEMO", False),
    }


def _app_menu():
    """Entries for the apps' own (non-page) sections, named in settings by the wiring."""
    entries = []
    for label, url_name in getattr(settings, "PASSERELLES_APP_MENU", ()):
        try:
            entries.append({"label": label, "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    return entries


def _account_spaces(request):
    """Links to the personal spaces this user may open (none is a page they would be refused).

    Each space is named in settings with the rule that opens it, a dotted path: `portal`
    knows no higher app, the setting is the wiring.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return [
        {"label": label, "url": reverse(url_name)}
        for label, url_name, rule in getattr(settings, "PASSERELLES_ACCOUNT_SPACES", ())
        if import_string(rule)(user)
    ]
