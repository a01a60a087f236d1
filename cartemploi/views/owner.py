"""The spaces of young people and companies: charter, profile, offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cartemploi import perms
from cartemploi.enums import OfferStatus
from cartemploi.forms import (
    CharterForm,
    CompanyProfileForm,
    JobOfferForm,
    OwnYouthProfileForm,
    SkillFormSet,
)
from cartemploi.models import CharterVersion, JobOffer, YouthProfile
from cartemploi.services.profiles import accept_charter, needs_charter, save_profile
from extranet.audit import record
from extranet.enums import AuditAction
from portal.storage import private_file_response

# Lazy: a module-level string is built at import, before any request's language is active.
SUBMITTED = gettext_lazy(
    "Votre fiche est envoyée à la mission locale pour validation. "
    "La version déjà publiée reste visible en attendant."
)


@login_required
def my_space(request):
    user = request.user
    if perms.can_have_youth_profile(user):
        return redirect("cartemploi:youth_space")
    if perms.can_have_company_profile(user):
        return redirect("cartemploi:company_space")
    if perms.is_advisor(user):
        return redirect("cartemploi:advisor_queue")
    return render(request, "cartemploi/no_space.html")


@login_required
@require_http_methods(["GET", "POST"])
def charter(request):
    current = CharterVersion.objects.current()
    next_url = request.GET.get("next") or request.POST.get("next") or reverse("cartemploi:my_space")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("cartemploi:my_space")
    form = CharterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept_charter(user=request.user)
        messages.success(request, _("Merci : vous avez accepté la charte."))
        return redirect(next_url)
    return render(
        request,
        "cartemploi/charter.html",
        {
            "charter": current,
            "form": form,
            "next": next_url,
            "accepted": not needs_charter(request.user),
        },
    )


def _charter_first(request):
    if needs_charter(request.user):
        return redirect(f"{reverse('cartemploi:charter')}?next={request.path}")
    return None


@login_required
@require_http_methods(["GET", "POST"])
def youth_space(request):
    if not perms.can_have_youth_profile(request.user):
        raise PermissionDenied
    if response := _charter_first(request):
        return response
    profile = YouthProfile.objects.filter(user=request.user).first()
    instance = profile or YouthProfile(user=request.user, first_name=request.user.first_name)
    form = OwnYouthProfileForm(request.POST or None, request.FILES or None, instance=instance)
    skills = SkillFormSet(request.POST or None, instance=instance, prefix="skills")
    if request.method == "POST" and form.is_valid() and skills.is_valid():
        with transaction.atomic():
            profile = save_profile(profile=form.save(commit=False), actor=request.user)
            skills.instance = profile
            skills.save()
        messages.success(request, SUBMITTED)
        return redirect("cartemploi:youth_space")
    if request.method == "POST":
        messages.error(
            request, _("Votre fiche n'est pas enregistrée : corrigez les erreurs signalées.")
        )
    elif profile:
        record(actor=request.user, action=AuditAction.READ, obj=profile, reason="espace jeune")
    return render(
        request,
        "cartemploi/youth_space.html",
        {"profile": profile, "form": form, "skills": skills},
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_space(request):
    if not perms.can_have_company_profile(request.user):
        raise PermissionDenied
    if response := _charter_first(request):
        return response
    company = getattr(request.user, "companyprofile", None)
    form = CompanyProfileForm(
        request.POST or None,
        instance=company,
        initial={} if company else {"contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        company = form.save(commit=False)
        company.user = request.user
        save_profile(profile=company, actor=request.user)
        messages.success(request, SUBMITTED)
        return redirect("cartemploi:company_space")
    if request.method == "POST":
        messages.error(
            request, _("Votre fiche n'est pas enregistrée : corrigez les erreurs signalées.")
        )
    offers = company.offers.all() if company else []
    return render(
        request,
        "cartemploi/company_space.html",
        {"company": company, "form": form, "offers": offers},
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk=None):
    company = getattr(request.user, "companyprofile", None)
    if company is None:
        raise Http404
    offer = get_object_or_404(JobOffer, pk=pk, company=company) if pk else None
    form = JobOfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        offer = form.save(commit=False)
        offer.company = company
        offer.status = OfferStatus.PENDING
        offer.save()
        record(actor=request.user, action=AuditAction.UPDATE, obj=offer, reason="offre soumise")
        messages.success(request, SUBMITTED)
        return redirect("cartemploi:company_space")
    return render(request, "cartemploi/offer_form.html", {"form": form, "offer": offer})


@login_required
def private_file(request, pk, what):
    """A young person's photo or CV: for them and the advisors of their territory only."""
    profile = get_object_or_404(YouthProfile.objects.visible_to(request.user), pk=pk)
    field = {"photo": profile.photo, "cv": profile.cv}.get(what)
    if not field:
        raise Http404
    record(actor=request.user, action=AuditAction.READ, obj=profile, reason=f"fichier : {what}")
    if what == "cv":
        return private_file_response(field, content_type="application/pdf", filename="cv.pdf")
    return private_file_response(
        field, content_type="image/jpeg", filename="photo.jpg", inline=True
    )
