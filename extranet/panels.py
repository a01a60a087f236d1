from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.models import Candidate, Membership
from extranet.roles import roles_of
from portal.models import OfferPage


def _my_structures(request):
    memberships = list(
        Membership.objects.active().filter(user=request.user).select_related("structure")
    )
    return {"memberships": memberships}


def _my_roles(request):
    return {"roles": [Role(r).label for r in sorted(roles_of(request.user))]}


register_panel(Panel("roles", _("Mes rôles"), "extranet/panels/roles.html", _my_roles, 10))
register_panel(
    Panel(
        "structures",
        _("Mes structures"),
        "extranet/panels/structures.html",
        _my_structures,
        20,
    )
)


# --- Newcomers: candidates and offers ---------------------------------------------------
def _new_candidates(request):
    if not request.user.welcome_poles.exists():
        return None
    mine = Candidate.objects.of_pole_officer(request.user).filter(status="new")
    return {"count": mine.count(), "candidates": list(mine.select_related("target_commune")[:5])}


def _contacts_due(request):
    if not request.user.welcome_poles.exists():
        return None
    due = Candidate.objects.of_pole_officer(request.user).contact_due().order_by("next_action_on")
    return {"count": due.count(), "candidates": list(due[:5])}


def _offers_in_moderation(request):
    """Offers waiting for a review this user can give (approvers only: a card pointing at
    reviews one cannot do would be a dead end)."""
    user = request.user
    if not roles_of(user) & {Role.EDITOR, Role.REGIONAL_ADMIN} or not _is_approver(user):
        return None
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__content_type=ContentType.objects.get_for_model(OfferPage))
        .select_related("workflow_state")
    )
    offers = [(s.workflow_state.object_id, s.workflow_state.content_object) for s in states[:5]]
    return {"count": states.count(), "offers": offers}


def _is_approver(user):
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )


register_panel(
    Panel(
        "new_candidates",
        _("Nouveaux candidats de mon pôle"),
        "extranet/candidates/panel_new.html",
        _new_candidates,
        30,
    )
)
register_panel(
    Panel(
        "contacts_due",
        _("Relances à faire"),
        "extranet/candidates/panel_due.html",
        _contacts_due,
        31,
    )
)
register_panel(
    Panel(
        "offers_moderation",
        _("Offres en attente de modération"),
        "extranet/candidates/panel_offers.html",
        _offers_in_moderation,
        32,
    )
)


# --- Coordination: referrals, documents, news; the referral search source -----------------
def _register_coordination():
    from extranet import referral_search
    from extranet.demo import register_demo_step
    from extranet.demo_referrals import seed_referrals_demo
    from extranet.directory import registration as directory
    from extranet.referrals import panels as referral_panels

    referral_panels.register()
    referral_search.register()
    directory.register()
    register_demo_step(seed_referrals_demo)


_register_coordination()
