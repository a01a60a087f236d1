"""POST-only changes on one candidate, from the forms of its detail page.

Scope: `Candidate.objects.editable_by(user)`; a read-only partner or an officer of another
pole gets a 404. On invalid input the detail page is shown again with the form's errors.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from extranet import audit
from extranet.candidates import services
from extranet.candidates.forms import (
    ContactForm,
    MatchForm,
    MatchStatusForm,
    ReferentForm,
    ShareForm,
    StatusForm,
)
from extranet.candidates.views import detail_queryset, timeline
from extranet.decorators import member_required
from extranet.enums import AuditAction
from extranet.models import Candidate


def _editable(request, reference):
    scope = detail_queryset(request.user).filter(
        pk__in=Candidate.objects.editable_by(request.user).values("pk")
    )
    return get_object_or_404(scope, reference=reference)


def _done(request, candidate, message):
    messages.success(request, message)
    return redirect("extranet:candidate_detail", reference=candidate.reference)


def _invalid(request, candidate, **forms):
    """Show the detail page again, the failing form bound with its errors."""
    audit.record(actor=request.user, action=AuditAction.READ, obj=candidate)
    context = {
        "candidate": candidate,
        "timeline": timeline(candidate),
        "editable": True,
        "contact_form": ContactForm(),
        "status_form": StatusForm(initial={"status": candidate.status}),
        "referent_form": ReferentForm(candidate=candidate),
        "share_form": ShareForm(),
        "match_form": MatchForm(),
        "match_status_form": MatchStatusForm,
        **forms,
    }
    return render(request, "extranet/candidates/candidate_detail.html", context, status=400)


def _form_action(form_class, form_key, service, message):
    """A POST on the candidate page: validate `form_class`, call `service`, come back.

    An invalid form re-renders the page with that form (errors and input kept, 400).
    """

    @member_required
    @require_POST
    def action(request, reference):
        candidate = _editable(request, reference)
        form = form_class(request.POST)
        if not form.is_valid():
            return _invalid(request, candidate, **{form_key: form})
        service(actor=request.user, candidate=candidate, **form.cleaned_data)
        return _done(request, candidate, message)

    return action


candidate_contact_add = _form_action(
    ContactForm, "contact_form", services.log_contact, gettext_lazy("Contact ajouté.")
)
candidate_status = _form_action(
    StatusForm, "status_form", services.change_status, gettext_lazy("Statut mis à jour.")
)
candidate_share = _form_action(
    ShareForm, "share_form", services.share, gettext_lazy("Fiche partagée.")
)
candidate_match = _form_action(
    MatchForm, "match_form", services.propose_offer, gettext_lazy("Offre proposée.")
)


@member_required
@require_POST
def candidate_referent(request, reference):
    candidate = _editable(request, reference)
    form = ReferentForm(request.POST, candidate=candidate)
    if not form.is_valid():
        return _invalid(request, candidate, referent_form=form)
    services.set_referent(
        actor=request.user, candidate=candidate, referent=form.cleaned_data["referent"]
    )
    return _done(request, candidate, _("Référent·e mis·e à jour."))


@member_required
@require_POST
def candidate_match_status(request, reference):
    candidate = _editable(request, reference)
    form = MatchStatusForm(request.POST)
    if not form.is_valid():
        return _invalid(request, candidate)
    match = get_object_or_404(candidate.matches, pk=form.cleaned_data["match"])
    services.update_match(actor=request.user, match=match, status=form.cleaned_data["status"])
    return _done(request, candidate, _("Suite de l'offre mise à jour."))
