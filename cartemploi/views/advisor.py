"""Advisors: validation queue, review, moderation, profiles created with a young person."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cartemploi import perms
from cartemploi.enums import MessageStatus
from cartemploi.forms import AdvisorYouthAccountForm, ReasonForm, SkillFormSet, YouthProfileForm
from cartemploi.models import CompanyProfile, Conversation, JobOffer, Message, YouthProfile
from cartemploi.services import relay
from cartemploi.services.profiles import (
    ValidationError,
    accept_charter,
    publish,
    save_profile,
    unpublish,
)
from extranet.audit import record
from extranet.enums import AuditAction
from portal.enums import AccountKind

MODELS = {"jeune": YouthProfile, "entreprise": CompanyProfile, "offre": JobOffer}


def advisor_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not perms.is_advisor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


@advisor_required
def queue(request):
    user = request.user
    held = (
        Message.objects.filter(
            status=MessageStatus.HELD, conversation__in=Conversation.objects.visible_to(user)
        )
        .select_related("conversation__youth__commune", "conversation__company")
        .order_by("created_at")
    )
    context = {
        "youths": YouthProfile.objects.visible_to(user).pending().select_related("commune"),
        "companies": CompanyProfile.objects.visible_to(user).pending().select_related("commune"),
        "offers": JobOffer.objects.visible_to(user).pending().select_related("company"),
        "held": held,
        "waiting": Conversation.objects.visible_to(user)
        .awaiting_answer()
        .select_related("youth__commune", "company")[:50],
    }
    return render(request, "cartemploi/advisor/queue.html", context)


def _get(request, kind, pk):
    model = MODELS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.visible_to(request.user), pk=pk)


@advisor_required
@require_http_methods(["GET", "POST"])
def review(request, kind, pk):
    obj = _get(request, kind, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                publish(obj=obj, advisor=request.user)
                messages.success(request, _("Fiche validée et publiée."))
                return redirect("cartemploi:advisor_queue")
            if form.is_valid():
                unpublish(obj=obj, advisor=request.user, reason=form.cleaned_data["reason"])
                messages.success(
                    request, _("Fiche dépubliée ; le motif a été envoyé au titulaire.")
                )
                return redirect("cartemploi:advisor_queue")
        except ValidationError as error:
            messages.error(request, str(error))
    record(actor=request.user, action=AuditAction.READ, obj=obj, reason="validation")
    return render(
        request,
        "cartemploi/advisor/review.html",
        {"obj": obj, "kind": kind, "form": form, "card": getattr(obj, "public_card", None)},
    )


@advisor_required
@require_http_methods(["GET", "POST"])
def youth_create(request):
    """An advisor enters a young person's profile with them (the field report's first step)."""
    account = AdvisorYouthAccountForm(request.POST or None, prefix="account")
    form = YouthProfileForm(request.POST or None, request.FILES or None)
    skills = SkillFormSet(request.POST or None, prefix="skills", instance=YouthProfile())
    valid = request.method == "POST" and all(
        [account.is_valid(), form.is_valid(), skills.is_valid()]
    )
    if valid:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                email=account.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=account.cleaned_data["last_name"],
                kind=AccountKind.YOUTH,
            )
            accept_charter(user=user, recorded_by=request.user)
            profile = form.save(commit=False)
            profile.user = user
            profile = save_profile(profile=profile, actor=request.user)
            skills.instance = profile
            skills.save()
        messages.success(request, _("Profil créé : validez-le pour le publier."))
        return redirect("cartemploi:advisor_review", "jeune", profile.pk)
    return render(
        request,
        "cartemploi/advisor/youth_create.html",
        {"account": account, "form": form, "skills": skills},
    )


@advisor_required
@require_POST
def release(request, pk):
    message = get_object_or_404(
        Message.objects.filter(conversation__in=Conversation.objects.visible_to(request.user)),
        pk=pk,
    )
    relay.release(message=message, advisor=request.user)
    messages.success(request, _("Message transmis à son destinataire."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    return redirect("cartemploi:advisor_queue")


@advisor_required
@require_POST
def block(request, pk):
    conv = get_object_or_404(Conversation.objects.visible_to(request.user), pk=pk)
    if not perms.can_moderate(request.user, conv):
        raise PermissionDenied
    try:
        relay.block(conversation=conv, advisor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Conversation bloquée."))
    return redirect("cartemploi:conversation", conv.pk)
