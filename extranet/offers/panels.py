"""Dashboard panel of the approvers: offers (partners' proposals too) awaiting their review."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.roles import roles_of
from portal.models import OfferPage


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


def register():
    register_panel(
        Panel(
            "offers_moderation",
            _("Offres en attente de modération"),
            "extranet/panels/offers_moderation.html",
            _offers_in_moderation,
            32,
        )
    )
