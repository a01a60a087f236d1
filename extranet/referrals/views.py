"""Fiches de liaison: list, new, detail, attachment download.

Every read goes through `Referral.objects.visible_to(user)` (out of scope → 404) and is
written to the audit log; writes are in `actions.py` and `services.py`.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from extranet import audit
from extranet.decorators import member_required
from extranet.enums import AuditAction
from extranet.models import (
    Referral,
    ReferralAttachment,
    ReferralComment,
    ReferralEvent,
)
from extranet.privacy.sensitive import referrals_flagged
from extranet.referrals import perms, prefill, services
from extranet.referrals.enums import ReferralStatus
from extranet.referrals.forms import (
    AttachForm,
    CommentForm,
    RedirectForm,
    ReferralForm,
    StatusForm,
)
from extranet.thematiques import thematique_groups
from portal.pagination import paginate_uncounted
from portal.storage import private_file_response

PAGE_SIZE = 25
BOXES = {
    "received": gettext_lazy("Reçues"),
    "sent": gettext_lazy("Envoyées"),
    "all": gettext_lazy("Toutes"),
}


def _boxed(user, box):
    """A box's referrals. Received and sent ones are visible to their structure's members
    by definition: filtered on their own column alone (an index answers), not within the
    sender-or-target OR of `visible_to`."""
    if box == "received":
        return Referral.objects.received_by(user)
    if box == "sent":
        return Referral.objects.sent_by(user)
    return Referral.objects.visible_to(user)


@require_GET
@member_required
def referral_list(request):
    box = request.GET.get("box") if request.GET.get("box") in BOXES else "received"
    status = request.GET.get("status")
    referrals = _boxed(request.user, box).for_listing()
    if status in ReferralStatus.values:
        referrals = referrals.filter(status=status)
    elif status == "open":
        referrals = referrals.open()
    page = paginate_uncounted(referrals, request.GET.get("page"), PAGE_SIZE)
    audit.record_reads(actor=request.user, objects=page.object_list, reason="liste")
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "query": query.urlencode(),
        "page_obj": page,
        "box": box,
        "boxes": BOXES,
        "status": status or "",
        "statuses": ReferralStatus.choices,
        "can_send": perms.can_send(request.user),
    }
    return render(request, "extranet/referrals/referral_list.html", context)


@require_http_methods(["GET", "POST"])
@member_required
def referral_create(request):
    if not perms.can_send(request.user):
        raise PermissionDenied
    form = ReferralForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial=prefill.initial_for(request.user, request.GET),
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.send_referral(
                actor=request.user,
                referral=form.build(),
                attachments=form.cleaned_data["attachments"],
            )
        except services.AlreadySent as already:
            messages.info(request, str(already))
            return redirect("extranet:referral_detail", already.existing.reference)
        except services.ReferralError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Fiche %(ref)s envoyée à %(target)s.")
                % {"ref": referral.reference, "target": referral.target_structure},
            )
            return redirect("extranet:referral_detail", referral.reference)
    return render(request, "extranet/referrals/referral_form.html", _form_context(form))


def _form_context(form):
    return {
        "form": form,
        "thematique_groups": thematique_groups(form["thematiques"]),
        "lost_files": form.is_bound and bool(form.files),
    }


def detail_queryset(user):
    return (
        referrals_flagged(Referral.objects.visible_to(user), user)
        .select_related(
            "sender",
            "sender_structure",
            "target_structure",
            "target_service",
            "person_commune",
            "candidate",
            "redirected_from",
        )
        .prefetch_related(
            Prefetch(
                "comments", ReferralComment.objects.select_related("author", "author_structure")
            ),
            Prefetch("events", ReferralEvent.objects.select_related("actor")),
            "attachments",
        )
    )


def get_visible(user, reference):
    return get_object_or_404(detail_queryset(user), reference=reference)


@require_GET
@member_required
def referral_detail(request, reference):
    referral = get_visible(request.user, reference)
    audit.record(actor=request.user, action=AuditAction.READ, obj=referral, reason="fiche")
    return render(
        request, "extranet/referrals/referral_detail.html", detail_context(request, referral)
    )


def detail_context(request, referral, **forms):
    can_answer = perms.can_answer(request.user, referral)
    status_form = forms.get("status_form") or StatusForm()
    allowed = [s for s in referral.allowed_next() if s != ReferralStatus.EXPIRED]
    status_form.fields["status"].choices = [
        (s.value, s.label) for s in allowed if s != ReferralStatus.REDIRECTED
    ]
    return {
        "referral": referral,
        "can_answer": can_answer and bool(allowed),
        "can_redirect": can_answer and ReferralStatus.REDIRECTED in allowed,
        "status_form": status_form,
        "redirect_form": forms.get("redirect_form") or RedirectForm(),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "attach_form": forms.get("attach_form") or AttachForm(),
        "follow_on": getattr(referral, "redirected_to", None),
    }


@require_GET
@member_required
def attachment_download(request, reference, key):
    """The only way to a stored attachment: visible referral, audited, as a download."""
    referral = get_object_or_404(
        referrals_flagged(Referral.objects.visible_to(request.user), request.user),
        reference=reference,
    )
    attachment = ReferralAttachment.objects.filter(referral=referral, key=_uuid(key)).first()
    if attachment is None:
        raise Http404
    if not referral.reads_sensitive:
        raise PermissionDenied
    audit.record(
        actor=request.user,
        action=AuditAction.READ,
        obj=referral,
        reason=f"pièce jointe {attachment.original_name}",
    )
    return private_file_response(
        attachment.file, content_type=attachment.content_type, filename=attachment.original_name
    )


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None
