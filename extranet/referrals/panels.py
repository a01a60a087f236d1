"""Dashboard panels of the coordination: what needs the member's structure today."""

from django.utils.translation import gettext_lazy as _

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.models import Referral
from extranet.referrals.enums import ReferralStatus
from extranet.roles import roles_of

SHOWN = 5


def _received(request, statuses):
    # The roles are read once per request: no membership query per panel.
    if not roles_of(request.user) & {Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER}:
        return None
    referrals = (
        Referral.objects.received_by(request.user)
        .filter(status__in=statuses)
        .select_related("sender_structure")
        .order_by("created_at")
    )
    rows = list(referrals[: SHOWN + 1])
    return {"referrals": rows[:SHOWN], "more": len(rows) > SHOWN}


def to_acknowledge(request):
    return _received(request, (ReferralStatus.SENT,))


def waiting_on_us(request):
    return _received(request, (ReferralStatus.ACKNOWLEDGED, ReferralStatus.IN_PROGRESS))


def register():
    register_panel(
        Panel(
            "referrals_to_acknowledge",
            _("Fiches de liaison à accuser réception"),
            "extranet/panels/referrals_to_acknowledge.html",
            to_acknowledge,
            15,
        )
    )
    register_panel(
        Panel(
            "referrals_waiting",
            _("Fiches de liaison qui attendent notre réponse"),
            "extranet/panels/referrals_waiting.html",
            waiting_on_us,
            16,
        )
    )
