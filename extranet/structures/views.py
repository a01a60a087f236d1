"""A member's structures: the list, each one's members, and its répertoire fiche.

Partners propose changes to their own fiche here (not in the Wagtail admin): the change
becomes a draft revision submitted to the moderation workflow
(`repertoire.services.propose_fiche_changes`); editors approve or reject it in Wagtail and
the partner is told by e-mail.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from extranet.decorators import member_required
from extranet.models import Membership
from extranet.selectors import structures_visible_to
from repertoire import services as repertoire_services
from repertoire.forms import PartnerFicheForm
from repertoire.models import Structure


@require_GET
@member_required
def my_structures(request):
    memberships = (
        Membership.objects.active()
        .filter(user=request.user)
        .select_related("structure", "structure__commune")
    )
    return render(request, "extranet/structures/my_structures.html", {"memberships": memberships})


@require_GET
@member_required
def structure_members(request, slug):
    """Members of a structure the user belongs to (or any, for the regional admin)."""
    structure = get_object_or_404(structures_visible_to(request.user), slug=slug)
    members = structure.memberships.active().select_related("user").order_by("user__last_name")
    return render(
        request,
        "extranet/structures/structure_members.html",
        {
            "structure": structure,
            "members": members,
        },
    )


def structure_for_member(user, slug):
    """The structure if `user` is one of its active members; 404 otherwise (no leak)."""
    structure = get_object_or_404(Structure, slug=slug)
    if not Membership.objects.active().filter(user=user, structure=structure).exists():
        raise Http404
    return structure


@require_http_methods(["GET", "POST"])
@member_required
def partner_fiche(request, slug):
    structure = structure_for_member(request.user, slug)
    draft = structure.get_latest_revision_as_object()
    form = PartnerFicheForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        repertoire_services.propose_fiche_changes(
            structure=form.save(commit=False), user=request.user
        )
        messages.success(
            request,
            _(
                "Merci ! Vos modifications sont envoyées à l'équipe du répertoire, "
                "qui les publiera."
            ),
        )
        return redirect(request.path)
    if request.method == "POST":
        messages.error(
            request, _("La fiche n'est pas encore envoyée : corrigez les champs signalés.")
        )
    context = {
        "structure": structure,
        "form": form,
        "pending": structure.workflow_in_progress,
        "has_draft": structure.has_unpublished_changes,
    }
    # A refused POST (the fiche or one of its services or permanences) answers 400.
    status = 400 if request.method == "POST" else 200
    return render(request, "extranet/structures/fiche_form.html", context, status=status)
