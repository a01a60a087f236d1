"""Candidate pipeline: list, detail, manual creation, saved filters.

Every read goes through `Candidate.objects.visible_to(user)` (out of scope → 404) and is
written to the audit log.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from extranet import audit
from extranet.candidates import services
from extranet.candidates.filters import filtered
from extranet.candidates.forms import (
    CandidateCreateForm,
    ContactForm,
    MatchForm,
    MatchStatusForm,
    ReferentForm,
    SavedFilterForm,
    ShareForm,
    StatusForm,
    poles_for,
)
from extranet.decorators import member_required
from extranet.enums import AuditAction, Role
from extranet.models import Candidate, CandidateShare, OfferMatch, SavedCandidateFilter
from extranet.privacy.sensitive import candidates_flagged
from extranet.roles import has_role
from portal.pagination import paginate

PAGE_SIZE = 25


def list_queryset(user):
    return Candidate.objects.visible_to(user).select_related("pole", "target_commune", "referent")


@require_GET
@member_required
def candidate_list(request):
    form, candidates = filtered(list_queryset(request.user), request.GET)
    page = paginate(candidates, request.GET.get("page"), PAGE_SIZE)
    audit.record_reads(actor=request.user, objects=page.object_list, reason="liste")
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "saved_filters": request.user.saved_candidate_filters.all(),
        "save_form": SavedFilterForm(initial={"query": query.urlencode()}),
        "can_create": has_role(request.user, Role.POLE_OFFICER, Role.REGIONAL_ADMIN),
    }
    return render(request, "extranet/candidates/candidate_list.html", context)


def detail_queryset(user):
    return candidates_flagged(list_queryset(user), user).prefetch_related(
        "other_communes",
        Prefetch("shares", CandidateShare.objects.select_related("structure")),
        Prefetch("matches", OfferMatch.objects.select_related("offer", "offer__commune")),
    )


def timeline(candidate):
    """Contacts and status changes, newest first."""
    contacts = candidate.contacts.select_related("author")
    changes = candidate.status_changes.select_related("author")
    items = [("contact", c.happened_on, c) for c in contacts]
    items += [("status", s.created_at.date(), s) for s in changes]
    return sorted(items, key=lambda item: item[1], reverse=True)


@require_GET
@member_required
def candidate_detail(request, reference):
    candidate = get_object_or_404(detail_queryset(request.user), reference=reference)
    audit.record(actor=request.user, action=AuditAction.READ, obj=candidate)
    editable = Candidate.objects.editable_by(request.user).filter(pk=candidate.pk).exists()
    context = {
        "candidate": candidate,
        "timeline": timeline(candidate),
        "editable": editable,
    }
    if editable:
        context.update(
            contact_form=ContactForm(),
            status_form=StatusForm(initial={"status": candidate.status}),
            referent_form=ReferentForm(
                candidate=candidate, initial={"referent": candidate.referent_id}
            ),
            share_form=ShareForm(),
            match_form=MatchForm(),
            match_status_form=MatchStatusForm,
        )
    return render(request, "extranet/candidates/candidate_detail.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def candidate_create(request):
    poles = poles_for(request.user)
    if not poles.exists():
        raise PermissionDenied
    form = CandidateCreateForm(request.POST or None, poles=poles)
    if request.method == "POST" and form.is_valid():
        candidate = services.create_candidate(actor=request.user, candidate=form.save())
        messages.success(request, _("Candidat·e enregistré·e."))
        return redirect("extranet:candidate_detail", reference=candidate.reference)
    return render(request, "extranet/candidates/candidate_form.html", {"form": form})


@member_required
@require_POST
def candidate_filter_save(request):
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        SavedCandidateFilter.objects.update_or_create(
            user=request.user,
            name=form.cleaned_data["name"],
            defaults={"query": form.cleaned_data["query"]},
        )
        messages.success(request, _("Filtre enregistré."))
    else:
        messages.error(request, _("Donnez un nom au filtre pour l'enregistrer."))
    query = form.cleaned_data.get("query", "") if form.is_valid() else ""
    return redirect(_list_url(query))


@member_required
@require_POST
def candidate_filter_delete(request):
    request.user.saved_candidate_filters.filter(name=request.POST.get("name", "")).delete()
    messages.success(request, _("Filtre supprimé."))
    return redirect("extranet:candidate_list")


def _list_url(query):
    url = reverse("extranet:candidate_list")
    return f"{url}?{query}" if query else url
