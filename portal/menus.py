"""The site shell: main menu, site settings and legal links, cached as plain values.

Every page draws the header and footer; read from the page tree the menu cost ~75 queries a
page (deferred fields of specific pages loaded one at a time), and the site, its settings,
its logo and its legal pages cost 3 to 5 more. They are now plain dicts kept in the cache
under a generation number, which a publication, unpublication, move or deletion of a page,
a change of the site settings, of a site or of an image starts anew (older entries are never
read again and expire). One shell per site and language: under /en/ the menu and legal links
are the English translations of their pages (the French page, marked `lang`, where none
exists yet).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.languages import interface_language, locale_codes

GENERATION_KEY = "portal:shell:generation"
SITES_GENERATION_KEY = "portal:sites:generation"  # sites change far less than pages
TTL = 3600  # bounds what a change racing a rebuild could leave stale
SETTINGS_FIELDS = ("site_name", "tagline", "contact_email", "contact_phone", "contact_address")
LOGO_FILTER = "height-48"


def _generation(key=GENERATION_KEY):
    return cache.get_or_set(key, 1, None)


def shell_generation():
    """Forgotten on any page publication, unpublication, move or deletion and on a change
    of a site, its settings or an image (what else keys on the page tree uses it too)."""
    return _generation()


def main_menu(site):
    """[{"title", "url", "introduction"}] of the menu pages of `site` (relative URLs); the
    home page shows the same pages as cards."""
    entries = cache.get(_menu_key(site))
    if entries is None:
        entries = _menu_entries(site)
        cache.set(_menu_key(site), entries, TTL)
    return entries


def _menu_key(site):
    return f"portal:menu:{_generation()}:{site.pk}:{interface_language()}"


def site_shell(request):
    """{"menu": [...], "settings": {...}} for the site serving `request`, without a query
    once cached (the site lookup itself is cached, keyed by host)."""
    shell = cache.get(_shell_key(request))
    if shell is None:
        site = Site.find_for_request(request)
        # Settings first, and the key read again: reading them may create their row (which
        # starts a new generation), and the shell must be found under the current one.
        settings = {} if site is None else _settings(site)
        shell = {"menu": [] if site is None else main_menu(site), "settings": settings}
        cache.set(_shell_key(request), shell, TTL)
    return shell


def _shell_key(request):
    return f"portal:shell:{_generation()}:{request.get_host()}:{interface_language()}"


def _menu_entries(site):
    """The site's menu pages, each in the interface language where translated; a page not
    translated yet stays in the menu in French, marked so (`lang`)."""
    pages = site.root_page.get_children().live().in_menu().order_by("path").specific()
    translations = _translations([page.translation_key for page in pages])
    codes = locale_codes()
    entries = []
    for page in pages:
        shown = translations.get(page.translation_key, page)
        entries.append(
            {
                "title": shown.title,
                "url": shown.get_url(current_site=site),
                "introduction": getattr(shown, "introduction", ""),
                "lang": _lang(shown, codes),
            }
        )
    return entries


def _translations(keys):
    """{translation key: live page} in the interface language, when it is not the default."""
    language = interface_language()
    if language == settings.LANGUAGE_CODE.split("-")[0]:
        return {}
    pages = Page.objects.live().filter(translation_key__in=keys, locale__language_code=language)
    return {page.translation_key: page for page in pages.specific()}


def _lang(page, codes):
    """The page's language where it differs from the interface's, else ""."""
    language = codes.get(page.locale_id, settings.LANGUAGE_CODE).split("-")[0]
    return "" if language == interface_language() else language


def _settings(site):
    from portal.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    values = {name: getattr(site_settings, name) for name in SETTINGS_FIELDS}
    codes = locale_codes()
    values["legal_links"] = [
        {"title": page.title, "url": page.get_url(current_site=site), "lang": _lang(page, codes)}
        for page in site_settings.legal_links()
    ]
    values["logo"] = None
    if site_settings.logo_id:
        rendition = site_settings.logo.get_rendition(LOGO_FILTER)
        values["logo"] = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
        }
    return values


class CachedSiteMiddleware:
    """Gives Wagtail the request's site from the cache (it queries it on every request).

    Placed after the anonymous page cache: a page served from it needs no site at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = f"portal:site:{_generation(SITES_GENERATION_KEY)}:{request.get_host()}"
        site = cache.get(key)
        if site is not None:
            request._wagtail_site = site  # what Site.find_for_request reads first
        else:
            site = Site.find_for_request(request)
            if site is not None:
                cache.set(key, _bare(site), TTL)
        return self.get_response(request)


def _bare(site):
    """The site's own fields only: a cached root page would keep a stale tree state (its
    child count, which `get_children` trusts)."""
    bare = Site(
        **{field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}
    )
    bare._state.adding, bare._state.db = False, site._state.db
    return bare


def forget_shell(key=GENERATION_KEY, **kwargs):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def forget_sites(**kwargs):
    forget_shell(SITES_GENERATION_KEY)
    forget_shell()


forget_menus = forget_shell


def connect():
    """Called from `PortalConfig.ready()`."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_shell, dispatch_uid=f"portal-shell-{signal}")
    post_delete.connect(forget_shell, sender=Page, dispatch_uid="portal-shell-page-delete")
    for sender in ("portal.SiteSettings", Site, get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_shell,
                sender=sender,
                weak=False,
                dispatch_uid=f"portal-shell-{signal}-{sender}",
            )
