"""E-mails about referrals, through the outbox (stored with the change, sent after commit).

They never carry the person's details: the reference, the two structures, what happened,
and a link to the extranet, where reading requires signing in and is audited.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from extranet.models import Membership, ReferralReception
from portal.mail import outbox

TEMPLATE = "extranet/emails/referral_notification"


def structure_addresses(structure):
    """Active members of a structure, plus its referral inbox when it has one."""
    members = Membership.objects.active().filter(structure=structure, user__is_active=True)
    addresses = list(members.values_list("user__email", flat=True))
    inbox = ReferralReception.objects.filter(structure=structure).values_list(
        "inbox_email", flat=True
    )
    return addresses + [address for address in inbox if address]


def sender_addresses(referral):
    if referral.sender_id and referral.sender.is_active:
        return [referral.sender.email]
    return structure_addresses(referral.sender_structure)


def _send(referral, *, to, actor, subject, headline, kind):
    actor_email = actor.email if actor is not None else None
    recipients = [address for address in to if address and address != actor_email]
    if not recipients:
        return
    url = settings.SITE_URL + reverse("extranet:referral_detail", args=[referral.reference])
    context = {"referral": referral, "headline": headline, "detail_url": url}
    outbox.enqueue(
        to=recipients,
        subject=f"{subject} ({referral.reference})",
        template=TEMPLATE,
        context=context,
        kind=f"referral_{kind}",
    )


def referral_sent(referral, *, actor):
    headline = _("%(sender)s vous adresse une personne : %(subject)s.") % {
        "sender": referral.sender_structure,
        "subject": referral.subject,
    }
    _send(
        referral,
        to=structure_addresses(referral.target_structure),
        actor=actor,
        subject=_("Nouvelle fiche de liaison"),
        headline=headline,
        kind="sent",
    )


def status_changed(referral, *, actor):
    headline = _("%(target)s a changé l'état de la fiche : %(status)s.") % {
        "target": referral.target_structure,
        "status": referral.get_status_display().lower(),
    }
    _send(
        referral,
        to=sender_addresses(referral),
        actor=actor,
        subject=_("Fiche de liaison %(status)s")
        % {"status": referral.get_status_display().lower()},
        headline=headline,
        kind="status",
    )


def commented(referral, comment, *, actor):
    """Tell the other side (both sides when the regional admin writes)."""
    on_target_side = comment.author_structure_id == referral.target_structure_id
    on_sender_side = comment.author_structure_id == referral.sender_structure_id
    to = []
    if not on_target_side:
        to += structure_addresses(referral.target_structure)
    if not on_sender_side:
        to += sender_addresses(referral)
    headline = _("Nouveau commentaire de %(structure)s.") % {
        "structure": comment.author_structure or _("l'administration régionale")
    }
    _send(referral, to=to, actor=actor, subject=_("Nouveau commentaire"), headline=headline,
          kind="comment")  # fmt: skip


def reminder(referral):
    headline = _("Cette fiche de liaison attend votre accusé de réception depuis le %(date)s.") % {
        "date": referral.created_at.strftime("%d/%m/%Y")
    }
    _send(
        referral,
        to=structure_addresses(referral.target_structure),
        actor=None,
        subject=_("Rappel : fiche de liaison en attente"),
        headline=headline,
        kind="reminder",
    )
