"""Members share documents with the network; editors publish or refuse the proposals."""

import mimetypes
import os

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from extranet import audit
from extranet.decorators import member_required
from extranet.directory import sharing_services as services
from extranet.enums import AuditAction, SharedDocumentStatus
from extranet.models import SharedDocument
from extranet.perms import can_review_documents, can_share_documents
from extranet.selectors import structures_of
from portal.documents import check_document
from portal.pagination import paginate_uncounted
from portal.storage import private_file_response

PAGE_SIZE = 20


FORMATS = gettext_lazy(
    "PDF, bureautique (Word, Excel, LibreOffice), CSV ou texte, %(mb)s Mo au plus."
)


class ShareForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Titre"),
        max_length=255,
        error_messages={"required": gettext_lazy("Donnez un titre au document.")},
    )
    file = forms.FileField(
        label=gettext_lazy("Fichier"),
        error_messages={"required": gettext_lazy("Choisissez le fichier à partager.")},
    )
    description = forms.CharField(
        label=gettext_lazy("Description (facultatif)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    structure = forms.ModelChoiceField(
        label=gettext_lazy("Au nom de"), queryset=None, empty_label=None, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        mb = settings.DOCUMENT_MAX_BYTES // (1024 * 1024)
        self.fields["file"].help_text = FORMATS % {"mb": mb}
        self.fields["structure"].queryset = structures_of(user).order_by("name")
        self.structures = list(self.fields["structure"].queryset)
        if len(self.structures) < 2:
            del self.fields["structure"]

    def clean_file(self):
        return check_document(self.cleaned_data["file"])

    def chosen_structure(self):
        if "structure" in self.fields:
            return self.cleaned_data.get("structure")
        return self.structures[0] if self.structures else None


@member_required
@require_http_methods(["GET", "POST"])
def document_share(request):
    if not can_share_documents(request.user):
        raise PermissionDenied
    form = ShareForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        shared = services.share(
            user=request.user,
            structure=form.chosen_structure(),
            title=data["title"],
            description=data["description"],
            upload=data["file"],
        )
        if shared.status == SharedDocumentStatus.PUBLISHED:
            messages.success(request, _("Votre document est publié pour les membres du réseau."))
        else:
            messages.success(
                request,
                _("Merci ! Votre document sera visible dès qu'un·e éditeur·rice l'aura validé."),
            )
        return redirect("extranet:document_list")
    moderated = settings.NETWORK_DOCUMENTS_MODERATED
    return render(request, "extranet/sharing/share.html", {"form": form, "moderated": moderated})


def _reviewable(request):
    if not can_review_documents(request.user):
        raise PermissionDenied
    return SharedDocument.objects.filter(status=SharedDocumentStatus.PROPOSED)


@member_required
@require_GET
def document_proposals(request):
    proposals = (
        _reviewable(request).select_related("shared_by", "structure").order_by("created_at", "pk")
    )
    page = paginate_uncounted(proposals, request.GET.get("page"), PAGE_SIZE)
    return render(request, "extranet/sharing/proposals.html", {"page_obj": page})


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif du refus (envoyé à la personne)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@member_required
@require_http_methods(["GET", "POST"])
def document_review(request, pk):
    shared = get_object_or_404(_reviewable(request).select_related("shared_by", "structure"), pk=pk)
    decision = request.POST.get("decision")
    form = RefusalForm(request.POST if decision == "refuse" else None)
    if request.method == "POST" and (decision == "publish" or form.is_valid()):
        try:
            if decision == "publish":
                services.publish(shared.pk, request.user)
                messages.success(
                    request, _("Le document est publié ; la personne en est informée.")
                )
            else:
                services.refuse(shared.pk, request.user, form.cleaned_data["reason"])
                messages.success(
                    request, _("Le document est refusé ; la personne en est informée.")
                )
        except services.AlreadyDecided:
            messages.error(request, _("Ce document a déjà reçu une réponse."))
        return redirect("extranet:document_proposals")
    return render(request, "extranet/sharing/review.html", {"shared": shared, "form": form})


@member_required
@require_GET
def proposal_download(request, pk):
    """The waiting file, for the editors who decide on it only: private, audited."""
    shared = get_object_or_404(_reviewable(request), pk=pk)
    if not shared.file:
        raise PermissionDenied
    audit.record(actor=request.user, action=AuditAction.READ, obj=shared)
    name = os.path.basename(shared.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return private_file_response(shared.file, content_type=content_type, filename=name)
