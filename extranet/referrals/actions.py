"""What the two structures do on a referral: answer, redirect, comment, attach.

Each view re-reads the referral through `visible_to` (404 outside), checks who may act,
calls one service, and on a refusal shows the detail page again with the message and the
text already typed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.decorators import member_required
from extranet.referrals import perms, services
from extranet.referrals.forms import AttachForm, CommentForm, RedirectForm, StatusForm
from extranet.referrals.views import detail_context, get_visible


def _again(request, referral, message=None, **forms):
    """The detail page with the bound form (its text kept) and the refusal, status 400."""
    if message:
        messages.error(request, message)
    context = detail_context(request, referral, **forms)
    return render(request, "extranet/referrals/referral_detail.html", context, status=400)


@member_required
@require_POST
def referral_status(request, reference):
    referral = get_visible(request.user, reference)
    if not perms.can_answer(request.user, referral):
        raise PermissionDenied
    form = StatusForm(request.POST)  # every status: the workflow itself refuses the wrong ones
    if not form.is_valid():
        return _again(request, referral, status_form=form)
    try:
        updated = services.change_status(
            actor=request.user,
            referral=referral,
            to_status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            decline_reason=form.cleaned_data["decline_reason"],
        )
    except services.ReferralError as error:
        return _again(request, referral, str(error), status_form=form)
    messages.success(request, _("État enregistré : %(s)s.") % {"s": updated.get_status_display()})
    return redirect("extranet:referral_detail", reference)


@member_required
@require_POST
def referral_redirect(request, reference):
    referral = get_visible(request.user, reference)
    if not perms.can_answer(request.user, referral):
        raise PermissionDenied
    form = RedirectForm(request.POST)
    if not form.is_valid():
        return _again(request, referral, redirect_form=form)
    try:
        _closed, follow_on = services.redirect(
            actor=request.user,
            referral=referral,
            target_structure=form.cleaned_data["target_structure"],
            note=form.cleaned_data["note"],
        )
    except services.ReferralError as error:
        return _again(request, referral, str(error), redirect_form=form)
    messages.success(
        request,
        _("Personne réorientée vers %(target)s : fiche %(ref)s envoyée.")
        % {"target": follow_on.target_structure, "ref": follow_on.reference},
    )
    return redirect("extranet:referral_detail", reference)


@member_required
@require_POST
def referral_comment(request, reference):
    referral = get_visible(request.user, reference)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _again(request, referral, comment_form=form)
    try:
        services.add_comment(
            actor=request.user,
            referral=referral,
            body=form.cleaned_data["body"],
            structure=perms.comment_structure(request.user, referral),
        )
    except services.ReferralError as error:
        return _again(request, referral, str(error), comment_form=form)
    messages.success(request, _("Commentaire envoyé."))
    return redirect(reverse("extranet:referral_detail", args=[reference]) + "#fil")


@member_required
@require_POST
def referral_attach(request, reference):
    referral = get_visible(request.user, reference)
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        return _again(request, referral, attach_form=form)
    try:
        services.add_attachments(
            actor=request.user, referral=referral, attachments=form.cleaned_data["attachments"]
        )
    except services.ReferralError as error:
        return _again(request, referral, str(error), attach_form=form)
    messages.success(request, _("Document ajouté."))
    return redirect("extranet:referral_detail", reference)
