"""The extranet's "Proposer une offre" form and the list of one's proposals with their status."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, WorkflowState

from extranet.decorators import member_required
from extranet.offers.forms import OfferProposalForm
from extranet.offers.perms import can_propose_offer
from extranet.offers.services import submit_proposal
from portal.models import OfferPage

STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: gettext_lazy("En attente de modération"),
    WorkflowState.STATUS_NEEDS_CHANGES: gettext_lazy("Modifications demandées"),
    WorkflowState.STATUS_CANCELLED: gettext_lazy("Retirée de la modération"),
    WorkflowState.STATUS_APPROVED: gettext_lazy("Approuvée"),
}


def _check(user):
    if not can_propose_offer(user):
        raise PermissionDenied


def proposal_status(offer, state):
    """What the partner reads: published, or where the moderation stands."""
    if offer.live:
        return _("Publiée") if offer.is_current() else _("Publiée, période de validité passée")
    if state is None:
        return _("Brouillon")
    return STATUS_LABELS.get(state.status, state.status)


def proposals_of(user):
    """The user's offers with their latest workflow state, in two queries."""
    offers = list(
        OfferPage.objects.filter(owner=user)
        .select_related("commune")
        .order_by("-latest_revision_created_at", "-pk")
    )
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(o.pk) for o in offers],
    ).order_by("created_at", "pk")
    latest = {state.object_id: state for state in states}
    return [(offer, proposal_status(offer, latest.get(str(offer.pk)))) for offer in offers]


@member_required
@require_GET
def offer_proposals(request):
    _check(request.user)
    context = {"proposals": proposals_of(request.user)}
    return render(request, "extranet/offers/offer_proposals.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def offer_propose(request):
    _check(request.user)
    form = OfferProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        offer = submit_proposal(user=request.user, data=form.cleaned_data)
        messages.success(
            request,
            _("Merci : « %(title)s » est transmise à l'équipe éditoriale pour relecture.")
            % {"title": offer.title},
        )
        return redirect("extranet:offer_proposals")
    return render(request, "extranet/offers/offer_propose.html", {"form": form})
