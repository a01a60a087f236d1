"""Dashboard panels for advisors: what needs them today in Cartemploi."""

from django.utils.translation import gettext_lazy as _

from cartemploi import perms
from cartemploi.enums import MessageStatus
from cartemploi.models import CompanyProfile, Conversation, JobOffer, Message, YouthProfile
from extranet.dashboard import Panel, register_panel


def _to_validate(request):
    user = request.user
    if not perms.is_advisor(user):
        return None
    count = (
        YouthProfile.objects.visible_to(user).pending().count()
        + CompanyProfile.objects.visible_to(user).pending().count()
        + JobOffer.objects.visible_to(user).pending().count()
    )
    return {"count": count, "url_name": "cartemploi:advisor_queue"}


def _held(request):
    user = request.user
    if not perms.is_advisor(user):
        return None
    count = Message.objects.filter(
        status=MessageStatus.HELD, conversation__in=Conversation.objects.visible_to(user)
    ).count()
    return {"count": count, "url_name": "cartemploi:advisor_queue"}


def _waiting(request):
    user = request.user
    if not perms.is_advisor(user):
        return None
    count = Conversation.objects.visible_to(user).awaiting_answer().count()
    return {"count": count, "url_name": "cartemploi:conversations"}


def register():
    template = "cartemploi/panels/count.html"
    register_panel(Panel("cartemploi_validate", _("Profils à valider"), template, _to_validate, 40))
    register_panel(
        Panel("cartemploi_held", _("Messages retenus pour modération"), template, _held, 41)
    )
    register_panel(
        Panel(
            "cartemploi_waiting", _("Conversations en attente de réponse"), template, _waiting, 42
        )
    )
