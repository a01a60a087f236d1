"""Dashboard panel of the editors: offers (partners' proposals too) awaiting moderation."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.roles import roles_of
from portal.models import OfferPage


def _offers_in_moderation(request):
    if not roles_of(request.user) & {Role.EDITOR, Role.REGIONAL_ADMIN}:
        return None
    states = WorkflowState.objects.active().filter(
        content_type=ContentType.objects.get_for_model(OfferPage)
    )
    return {"count": states.count()}


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
