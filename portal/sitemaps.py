"""The sitemap in both languages: every live public page of the site's home page and of its
translations, each listing its versions in the other languages (`hreflang` alternates)."""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page
from wagtail.models import Site as WagtailSite

from portal.languages import locale_codes


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        trees = Q()
        for path in homes:
            trees |= Q(path__startswith=path)
        pages = Page.objects.live().public().filter(trees)
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        items = list(self.paginator.page(page).object_list)
        codes = locale_codes(self.request)
        versions = defaultdict(list)
        for item in items:
            language = codes.get(item.locale_id, "fr").split("-")[0]
            versions[item.translation_key].append((language, item.get_full_url(self.request)))
        by_location = {url: key for key, pairs in versions.items() for _l, url in pairs}
        for info in urls:
            pairs = versions.get(by_location.get(info["location"]), [])
            if len(pairs) > 1:
                info["alternates"] = [
                    {"lang_code": language, "location": url} for language, url in pairs
                ]
        return urls


class BilingualSitemap(DjangoSitemap):
    """Views of the public portal outside the page tree (`portal.urls.bilingual`), each in
    French and in English with its alternates. Subclasses give `items()` and `location()`
    (a `reverse`, made in each language in turn)."""

    i18n = True
    alternates = True
    languages = [code for code, _name in settings.LANGUAGES]

    def get_protocol(self, protocol=None):
        return urlsplit(self._root_url()).scheme

    def get_domain(self, site=None):
        """The page tree's host, so that every entry of the sitemap has the same."""
        return urlsplit(self._root_url()).netloc

    def _root_url(self):
        return WagtailSite.objects.get(is_default_site=True).root_url

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:  # "fr-fr" → "fr", as the page tree's alternates say
            for alternate in info.get("alternates", []):
                alternate["lang_code"] = alternate["lang_code"].split("-")[0]
        return urls
