"""The main menu: the pages marked "show in menus" under the site root, cached per site.

Every public page draws this menu; read from the page tree it cost ~75 queries a page
(deferred fields of specific pages loaded one at a time). It is now a list of plain
(title, url) pairs kept in the cache and forgotten whenever a page is published,
unpublished, moved or deleted. One menu per site and language: under /en/ it lists the
English translations of the menu pages (the French page where none exists yet).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.languages import interface_language, locale_codes

CACHE_KEY = "portal:main-menu:{site_id}:{language}"


def main_menu(site):
    """[{"title", "url", "introduction"}] of the menu pages of `site` (relative URLs); the
    home page shows the same pages as cards."""
    key = CACHE_KEY.format(site_id=site.pk, language=translation.get_language())
    entries = cache.get(key)
    if entries is None:
        entries = _menu_entries(site)
        cache.set(key, entries, None)
    return entries


def _menu_entries(site):
    """The site's menu pages, each in the interface language where translated; a page not
    translated yet stays in the menu in French, marked so (`lang`)."""
    pages = site.root_page.get_children().live().in_menu().order_by("path").specific()
    translations = _translations([page.translation_key for page in pages])
    codes = locale_codes()
    entries = []
    for page in pages:
        shown = translations.get(page.translation_key, page)
        language = codes.get(shown.locale_id, settings.LANGUAGE_CODE).split("-")[0]
        entries.append(
            {
                "title": shown.title,
                "url": shown.get_url(current_site=site),
                "introduction": getattr(shown, "introduction", ""),
                "lang": "" if language == interface_language() else language,
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


def forget_menus(**kwargs):
    cache.delete_many(
        [
            CACHE_KEY.format(site_id=pk, language=language)
            for pk in Site.objects.values_list("pk", flat=True)
            for language in _languages()
        ]
    )


def _languages():
    """Every value `get_language()` takes: the default ("fr-fr") and each listed language."""
    return {settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)}


def connect():
    """Called from `PortalConfig.ready()`."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"portal-menu-{signal}")
    post_delete.connect(forget_menus, sender=Page, dispatch_uid="portal-menu-delete")
