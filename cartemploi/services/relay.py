"""The relay: young people and companies write through the portal, advisors moderate."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cartemploi import notify
from cartemploi.enums import ConversationStatus, MessageStatus, Side
from cartemploi.masking import mask_contacts
from cartemploi.models import Conversation, Message, Outcome
from cartemploi.services.profiles import ValidationError
from extranet.audit import record
from extranet.enums import AuditAction

NO_REPEAT_DAYS = 7


def _setting(name, default):
    return getattr(settings, f"CARTEMPLOI_{name}", default)


def check_can_start(*, sender, youth, company):
    """Raise `ValidationError` (French) when this new conversation is not allowed."""
    side = Side.YOUTH if sender.pk == youth.user_id else Side.COMPANY
    target = company if side == Side.YOUTH else youth
    own = youth if side == Side.YOUTH else company
    if not target.has_public_version:
        raise ValidationError(_("Ce profil n'est pas publié : il ne peut pas recevoir de message."))
    if not own.has_public_version:
        raise ValidationError(
            _("Votre profil doit être validé par la mission locale avant de contacter quelqu'un.")
        )
    now = timezone.now()
    mine = Conversation.objects.filter(started_by=side, **{side: own})
    limit = _setting("MAX_NEW_CONVERSATIONS_PER_DAY", 5)
    if mine.filter(created_at__gte=now - timedelta(days=1)).count() >= limit:
        raise ValidationError(
            _("Vous avez déjà commencé %(n)s conversations aujourd'hui : réessayez demain.")
            % {"n": limit}
        )
    recent = now - timedelta(days=NO_REPEAT_DAYS)
    if Conversation.objects.filter(youth=youth, company=company, created_at__gte=recent).exists():
        raise ValidationError(
            _(
                "Vous avez déjà contacté ce profil il y a moins de 7 jours : poursuivez la "
                "conversation existante depuis votre espace."
            )
        )
    return side


@transaction.atomic
def start_conversation(*, sender, youth, company, body, offer=None):
    side = check_can_start(sender=sender, youth=youth, company=company)
    conversation = Conversation.objects.create(
        youth=youth, company=company, offer=offer, started_by=side, agency=youth.agency
    )
    message, masked = post_message(conversation=conversation, sender=sender, body=body)
    return conversation, message, masked


@transaction.atomic
def post_message(*, conversation, sender, body):
    """Store a message (masked unless both shared contacts); (message, was_masked)."""
    side = conversation.side_of(sender)
    if side is None or conversation.status == ConversationStatus.BLOCKED:
        raise ValidationError(_("Cette conversation est fermée."))
    if not body.strip():
        raise ValidationError(_("Écrivez votre message."))
    masked = False
    if not conversation.contacts_shared:
        body, masked = mask_contacts(body)
    first = not conversation.messages.exists()
    hold = first and _setting("HOLD_FIRST_MESSAGES", True)
    message = Message.objects.create(
        conversation=conversation,
        sender=sender,
        sender_side=side,
        body=body,
        was_masked=masked,
        status=MessageStatus.HELD if hold else MessageStatus.DELIVERED,
    )
    record(actor=sender, action=AuditAction.CREATE, obj=message, reason="cartemploi: message")
    if not hold:
        _deliver(message)
    return message, masked


def _deliver(message):
    conversation = message.conversation
    now = timezone.now()
    conversation.last_message_at = now
    if message.sender_side != conversation.started_by and conversation.answered_at is None:
        conversation.answered_at = now
    conversation.save(update_fields=["last_message_at", "answered_at"])
    recipient = (
        conversation.company.user if message.sender_side == Side.YOUTH else conversation.youth.user
    )
    notify.send(
        to=recipient.email,
        template="new_message",
        context={
            "message": message,
            "conversation": conversation,
            "sender_label": sender_label(conversation, message.sender_side),
            "link": notify.conversation_link(conversation),
        },
    )


def sender_label(conversation, side):
    """How one party is named to the other: anonymous for a young person."""
    if side == Side.YOUTH:
        return _("%(initial)s, jeune de %(commune)s") % {
            "initial": conversation.youth.initial,
            "commune": conversation.youth.commune.name,
        }
    return conversation.company.name


@transaction.atomic
def release(*, message, advisor):
    """An advisor lets a held message through: it is delivered and its recipient told."""
    if message.status != MessageStatus.HELD:
        return message
    message.status = MessageStatus.DELIVERED
    message.moderated_by, message.moderated_at = advisor, timezone.now()
    message.save(update_fields=["status", "moderated_by", "moderated_at"])
    record(actor=advisor, action=AuditAction.UPDATE, obj=message, reason="modération : distribué")
    _deliver(message)
    return message


@transaction.atomic
def block(*, conversation, advisor, reason):
    """Stop an abusive exchange: held messages are blocked and nobody can write any more."""
    if not reason.strip():
        raise ValidationError(_("Indiquez le motif du blocage."))
    conversation.status = ConversationStatus.BLOCKED
    conversation.blocked_reason = reason[:255]
    conversation.save(update_fields=["status", "blocked_reason"])
    conversation.messages.filter(status=MessageStatus.HELD).update(
        status=MessageStatus.BLOCKED, moderated_by=advisor, moderated_at=timezone.now()
    )
    record(actor=advisor, action=AuditAction.UPDATE, obj=conversation, reason=f"blocage : {reason}")


@transaction.atomic
def share_contacts(*, conversation, user):
    side = conversation.side_of(user)
    if side is None:
        raise ValidationError(_("Vous ne participez pas à cette conversation."))
    setattr(conversation, f"{side}_shares_contacts", True)
    conversation.save(update_fields=[f"{side}_shares_contacts"])
    record(actor=user, action=AuditAction.SHARE, obj=conversation, reason="coordonnées partagées")


@transaction.atomic
def record_outcome(*, conversation, kind, occurred_on, actor):
    outcome, created = Outcome.objects.get_or_create(
        conversation=conversation,
        kind=kind,
        defaults={"occurred_on": occurred_on, "recorded_by": actor},
    )
    if created:
        record(actor=actor, action=AuditAction.CREATE, obj=outcome, reason="cartemploi: résultat")
    return outcome
