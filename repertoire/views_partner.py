"""Partners propose changes to their own fiche from the extranet (not the Wagtail admin).

The change becomes a draft revision submitted to the moderation workflow; editors approve
or reject it in Wagtail and the partner is told by e-mail. Membership is read through the
reverse relation so the répertoire does not import the extranet (dependency rule).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from repertoire import services
from repertoire.forms import PartnerFicheForm
from repertoire.models import Structure


def structure_for_member(user, slug):
    """The structure if `user` is one of its active members; 404 otherwise (no leak)."""
    structure = get_object_or_404(Structure, slug=slug)
    if not structure.memberships.filter(user=user, is_active=True).exists():
        raise Http404
    return structure


@login_required
def partner_fiche(request, slug):
    structure = structure_for_member(request.user, slug)
    draft = structure.get_latest_revision_as_object()
    form = PartnerFicheForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        services.propose_fiche_changes(structure=form.save(commit=False), user=request.user)
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
    return render(
        request, "repertoire/partner_fiche_form.html", context, status=400 if form.errors else 200
    )
