"""Dashboard panels for advisors: what needs them today in Cartemploi."""

from django.utils.translation import gettext_lazy as _

from cartemploi import perms
from cartemploi.enums import MessageStatus
from cartemploi.models import CompanyProfile, Conversation, JobOffer, Message, YouthProfile
from extranet.dashboard import Panel, count_many, per_request, register_panel


def _counts(user):
    """Every counter of the advisor's panels, in one query."""
    return count_many(
        youths=YouthProfile.objects.visible_to(user).pending(),
        companies=CompanyProfile.objects.visible_to(user).pending(),
        offers=JobOffer.objects.visible_to(user).pending(),
        held=Message.objects.filter(
            status=MessageStatus.HELD, conversation__in=Conversation.objects.visible_to(user)
        ),
        waiting=Conversation.objects.visible_to(user).awaiting_answer(),
    )


def _counter(request, names, url_name):
    user = request.user
    if not perms.is_advisor(user):
        return None
    counts = per_request(request, "cartemploi", lambda: _counts(user))
    return {"count": sum(counts[name] for name in names), "url_name": url_name}


def _to_validate(request):
    return _counter(request, ("youths", "companies", "offers"), "cartemploi:advisor_queue")


def _held(request):
    return _counter(request, ("held",), "cartemploi:advisor_queue")


def _waiting(request):
    return _counter(request, ("waiting",), "cartemploi:conversations")


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
