"""Dashboard panels of the network life: members' news and shared documents."""

from django.utils.translation import gettext_lazy as _

from extranet.dashboard import Panel, register_panel
from extranet.directory.documents import network_documents
from extranet.models import NewsItem


def _news(request):
    return {"news": list(NewsItem.objects.published().select_related("structure")[:3])}


def _documents(request):
    return {"documents": list(network_documents()[:5])}


def register():
    register_panel(
        Panel(
            "network_news",
            _("Actualités du réseau"),
            "extranet/panels/network_news.html",
            _news,
            40,
        )
    )
    register_panel(
        Panel(
            "network_documents",
            _("Documents du réseau"),
            "extranet/panels/network_documents.html",
            _documents,
            41,
        )
    )
