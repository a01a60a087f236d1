"""Dashboard panels of the welcome poles: new candidates and contacts due."""

from django.utils.translation import gettext_lazy as _

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.models import Candidate
from extranet.roles import roles_of


def _new_candidates(request):
    if Role.POLE_OFFICER not in roles_of(request.user):
        return None
    mine = Candidate.objects.of_pole_officer(request.user).filter(status="new")
    return {"count": mine.count(), "candidates": list(mine.select_related("target_commune")[:5])}


def _contacts_due(request):
    if Role.POLE_OFFICER not in roles_of(request.user):
        return None
    due = Candidate.objects.of_pole_officer(request.user).contact_due().order_by("next_action_on")
    return {"count": due.count(), "candidates": list(due[:5])}


def register():
    register_panel(
        Panel(
            "new_candidates",
            _("Nouveaux candidats de mon pôle"),
            "extranet/panels/new_candidates.html",
            _new_candidates,
            30,
        )
    )
    register_panel(
        Panel(
            "contacts_due",
            _("Relances à faire"),
            "extranet/panels/contacts_due.html",
            _contacts_due,
            31,
        )
    )
