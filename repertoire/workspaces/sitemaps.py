"""The workspaces network and every place's page in the sitemap, in both languages."""

from django.urls import reverse

from portal.sitemaps import BilingualSitemap
from repertoire.workspaces.models import Workspace


class WorkspaceSitemap(BilingualSitemap):
    def items(self):
        return ["", *Workspace.objects.published().order_by("slug").values_list("slug", flat=True)]

    def location(self, slug):
        if not slug:
            return reverse("workspaces:network")
        return reverse("workspaces:workspace_detail", args=[slug])
