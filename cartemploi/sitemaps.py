"""Cartemploi's public lists in the sitemap, in both languages (cards are left out: the
young people's cards are anonymous, and change as profiles are validated)."""

from django.urls import reverse

from portal.sitemaps import BilingualSitemap


class CartemploiSitemap(BilingualSitemap):
    def items(self):
        return ["cartemploi:index", "cartemploi:observatory"]

    def location(self, item):
        return reverse(item)
