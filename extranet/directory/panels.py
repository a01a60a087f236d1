"""Dashboard panels of the network life: members' news and shared documents."""

from django.utils.translation import gettext_lazy as _

from extranet.dashboard import Panel, count_many, register_panel
from extranet.directory.documents import network_documents
from extranet.enums import SharedDocumentStatus
from extranet.models import JoinRequest, NewsItem, SharedDocument
from extranet.perms import can_review_documents, can_review_join_requests


def _news(request):
    return {"news": list(NewsItem.objects.published().select_related("structure")[:3])}


def _documents(request):
    return {"documents": list(network_documents()[:5])}


def _to_review(request):
    """Join requests and proposed documents waiting for this user (hidden when none)."""
    user = request.user
    querysets = {}
    if can_review_join_requests(user):
        querysets["join_requests"] = JoinRequest.objects.reviewable_by(user).pending()
    if can_review_documents(user):
        querysets["documents"] = SharedDocument.objects.filter(status=SharedDocumentStatus.PROPOSED)
    if not querysets:
        return None
    counts = count_many(**querysets)
    return counts if any(counts.values()) else None


def register():
    register_panel(
        Panel(
            "network_to_review",
            _("Demandes à traiter"),
            "extranet/panels/network_to_review.html",
            _to_review,
            39,
        )
    )
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
