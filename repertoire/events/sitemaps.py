"""The events in the sitemap, in both languages: the list and every upcoming published
event."""

from django.urls import reverse

from portal.sitemaps import BilingualSitemap
from repertoire.events.models import Event


class EventSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return ["list", *Event.objects.published().upcoming().only("slug", "updated_at")]

    def location(self, item):
        return reverse("events:event_list") if item == "list" else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == "list" else item.updated_at
