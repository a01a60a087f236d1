"""The events in the sitemap: the list and every upcoming published event."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from repertoire.events.models import Event


class EventSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["list", *Event.objects.published().upcoming().only("slug", "updated_at")]

    def location(self, item):
        return reverse("events:event_list") if item == "list" else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == "list" else item.updated_at
