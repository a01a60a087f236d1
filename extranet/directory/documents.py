"""Shared documents: Wagtail documents of the "Documents du réseau" collection (and its
sub-collections), listed and served to network members only, never by a public URL."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model
from wagtail.models import Collection

from extranet.decorators import member_required
from extranet.perms import can_access_extranet


def network_collections():
    """The network collection and its descendants, as a lazy queryset (no query of its own:
    a tree path starts with its ancestors' paths)."""
    roots = Collection.objects.filter(
        name=settings.NETWORK_DOCUMENTS_COLLECTION,
        path=Substr(OuterRef("path"), 1, Length("path")),
    )
    return Collection.objects.filter(Exists(roots))


def network_documents():
    return (
        get_document_model()
        .objects.filter(collection__in=network_collections())
        .select_related("collection", "shared")
        .order_by("-created_at")
    )


def is_network_document(document):
    return network_collections().filter(pk=document.collection_id).exists()


@require_GET
@member_required
def document_list(request):
    return render(
        request,
        "extranet/directory/document_list.html",
        {"documents": network_documents()[:200]},
    )


@require_GET
@member_required
def document_download(request, key):
    if not (key.isascii() and key.isdigit()):
        raise Http404
    document = network_documents().filter(pk=int(key)).first()
    if document is None:
        raise Http404
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def guard_wagtail_serve(document, request):
    """`before_serve_document` hook: Wagtail's own /documents/<id>/<name> URL refuses the
    network's documents to anyone outside the network (403)."""
    from django.core.exceptions import PermissionDenied

    if is_network_document(document) and not can_access_extranet(request.user):
        raise PermissionDenied
