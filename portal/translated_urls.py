"""Addresses of the French site in the interface language, for lists built away from the
page (search results, indexed with their French address): setting `SEARCH_SHOWN_URLS`.

A public view of both languages (`portal.urls.bilingual`, `i18n_patterns`) has its English
address; a Wagtail page has its English translation's, and a routable page's sub-address
(a fiche under the répertoire) the same sub-address under its translation; anything else
(a page not translated yet, a French-only document) keeps its French address.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.languages import interface_language
from portal.menus import TTL, shell_generation

WAGTAIL_VIEW = "wagtail_serve"


def shown_urls(urls):
    """{French address: address in the interface language} of those `urls` that exist in
    it; on the French site, {}."""
    language = interface_language()
    if language == settings.LANGUAGE_CODE.split("-")[0]:
        return {}
    pages = translated_pages(language)
    shown = {}
    for url in urls:
        parts = urlsplit(url)
        try:
            with translation.override(settings.LANGUAGE_CODE):
                match = resolve(parts.path)
        except Resolver404:
            continue
        if match.url_name == WAGTAIL_VIEW:
            translated = _page_address(pages, url)
        else:
            translated = _view_address(match, parts)
        if translated and translated != url:
            shown[url] = translated
    return shown


def _view_address(match, parts):
    """The same view's address in the interface language (a French-only view: the same)."""
    try:
        path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    return urlunsplit(parts._replace(path=path))


def _page_address(pages, url):
    if url in pages:
        return pages[url][0]
    parents = [p for p in pages if pages[p][1] and url.startswith(p)]
    if not parents:
        return None
    parent = max(parents, key=len)
    return pages[parent][0] + url[len(parent) :]


def translated_pages(language):
    """{French page address: (its translation's address, routable)} of the live pages
    translated into `language`, kept under the site shell's generation."""
    key = f"portal:translated-pages:{shell_generation()}:{language}"
    found = cache.get(key)
    if found is None:
        found = _read_translated_pages(language)
        cache.set(key, found, TTL)
    return found


def _read_translated_pages(language):
    translations = Page.objects.live().filter(locale__language_code=language).specific()
    by_key = {page.translation_key: page for page in translations}
    default = settings.LANGUAGE_CODE
    originals = Page.objects.live().filter(
        locale__language_code=default, translation_key__in=list(by_key)
    )
    found = {}
    for original in originals:
        french = original.get_url()
        english = by_key[original.translation_key]
        if french:
            routable = isinstance(english, RoutablePageMixin)
            found[french] = (english.get_url(), routable)
    return found
