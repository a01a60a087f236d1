"""Start-up wiring of the network-life features (called from `extranet.panels`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from extranet.dashboard import Panel, register_panel
from extranet.directory.documents import guard_wagtail_serve, network_documents
from extranet.models import NewsItem


def _news(request):
    return {"news": list(NewsItem.objects.published().select_related("structure")[:3])}


def _documents(request):
    return {"documents": list(network_documents()[:5])}


class NewsItemViewSet(SnippetViewSet):
    model = NewsItem
    icon = "doc-full"
    menu_label = _("Actualités du réseau")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "structure", "published_at", "is_published"]


def register():
    hooks.register("before_serve_document", guard_wagtail_serve)
    register_snippet(NewsItemViewSet)
    register_panel(
        Panel(
            "network_news",
            _("Actualités du réseau"),
            "extranet/directory/panel_news.html",
            _news,
            40,
        )
    )
    register_panel(
        Panel(
            "network_documents",
            _("Documents du réseau"),
            "extranet/documents/panel_documents.html",
            _documents,
            41,
        )
    )
