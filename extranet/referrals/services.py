"""Writes on referrals. Each is atomic, checks the workflow, notifies and leaves an AuditEvent.

Callers (views, commands) check *who* may act with `extranet.referrals.perms`; these
functions check *what* is allowed (the transitions table, closed referrals, receptions).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet import audit
from extranet.enums import AuditAction
from extranet.models import (
    Membership,
    Referral,
    ReferralAttachment,
    ReferralComment,
    ReferralEvent,
    ReferralReception,
)
from extranet.referrals import notify
from extranet.referrals.enums import TRANSITIONS, DeclineReason, ReferralStatus

COPIED_FIELDS = (
    "person_first_name",
    "person_last_name",
    "person_phone",
    "person_email",
    "person_commune",
    "person_reach",
    "consent_at",
    "consent_method",
    "subject",
    "thematiques",
    "urgency",
    "candidate",
)


class ReferralError(Exception):
    """A refused action; the message is French and shown as is."""


class AlreadySent(ReferralError):
    """The same form was submitted twice: the first referral is `existing`."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(_("Cette fiche de liaison a déjà été envoyée : la voici."))


def accepts_referrals(structure):
    """A structure accepts referrals when it has active members and did not opt out."""
    reception = ReferralReception.objects.filter(structure=structure).first()
    if reception is not None and not reception.accepts_referrals:
        return False
    return Membership.objects.active().filter(structure=structure).exists()


def assign_reference(referral):
    referral.reference = f"OR-{referral.created_at:%Y}-{referral.pk:05d}"
    Referral.objects.filter(pk=referral.pk).update(reference=referral.reference)


def _check_target(referral):
    if not accepts_referrals(referral.target_structure):
        raise ReferralError(
            _("« %(name)s » ne reçoit pas de fiches de liaison en ligne : appelez-la.")
            % {"name": referral.target_structure}
        )
    service = referral.target_service
    if service is not None and service.structure_id != referral.target_structure_id:
        raise ReferralError(_("Ce service n'appartient pas à la structure choisie."))


@transaction.atomic
def send_referral(*, actor, referral, attachments=()):
    """Save a new referral (built by the form, unsaved) with its checked attachments
    [(upload, mime, name)], log it, and tell the target structure."""
    existing = Referral.objects.filter(submission_key=referral.submission_key).first()
    if existing is not None:
        raise AlreadySent(existing)
    _check_target(referral)
    if not referral.consent_at:
        raise ReferralError(_("L'accord de la personne est obligatoire."))
    referral.sender = actor
    referral.status = ReferralStatus.SENT
    try:
        with transaction.atomic():
            referral.save()
    except IntegrityError:  # a concurrent double click won the race
        raise AlreadySent(Referral.objects.get(submission_key=referral.submission_key)) from None
    assign_reference(referral)
    ReferralEvent.objects.create(referral=referral, to_status=ReferralStatus.SENT, actor=actor)
    _save_attachments(actor, referral, attachments)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=referral, reason="envoi")
    notify.referral_sent(referral, actor=actor)
    return referral


def _save_attachments(actor, referral, attachments):
    for upload, mime, name in attachments:
        attachment = ReferralAttachment(
            referral=referral,
            original_name=name,
            content_type=mime,
            size=upload.size,
            uploaded_by=actor,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()


@transaction.atomic
def add_attachments(*, actor, referral, attachments):
    if not referral.is_open:
        raise ReferralError(
            _("Cette fiche de liaison est close : on ne peut plus y joindre de document.")
        )
    _save_attachments(actor, referral, attachments)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=referral, reason="pièce jointe")


def _locked(referral):
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _check_transition(current, to_status, decline_reason):
    if to_status not in TRANSITIONS[ReferralStatus(current.status)]:
        raise ReferralError(
            _("Impossible de passer une fiche « %(current)s » à l'état « %(next)s ».")
            % {"current": current.get_status_display(), "next": ReferralStatus(to_status).label}
        )
    if to_status == ReferralStatus.DECLINED and decline_reason not in DeclineReason.values:
        raise ReferralError(_("Choisissez le motif du refus."))


@transaction.atomic
def change_status(*, actor, referral, to_status, note="", decline_reason=""):
    """Move a referral along the workflow (see `TRANSITIONS`); returns the fresh row."""
    current = _locked(referral)
    _check_transition(current, to_status, decline_reason)
    now = timezone.now()
    from_status = current.status
    current.status = to_status
    current.status_note = note or current.status_note
    if to_status == ReferralStatus.DECLINED:
        current.decline_reason = decline_reason
    if to_status != ReferralStatus.EXPIRED and not current.acknowledged_at:
        current.acknowledged_at = now  # any answer counts as acknowledging
    if not current.is_open:
        current.closed_at = now
    current.save()
    ReferralEvent.objects.create(
        referral=current, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=current, reason=f"état {to_status}")
    notify.status_changed(current, actor=actor)
    return current


@transaction.atomic
def redirect(*, actor, referral, target_structure, target_service=None, note=""):
    """Close a referral as redirected and send the follow-on one, from the structure that
    redirects it, to another structure; the person's details and consent carry over."""
    follow_on = Referral(
        sender_structure=referral.target_structure,
        target_structure=target_structure,
        target_service=target_service,
        redirected_from=referral,
        message=note,
        **{name: getattr(referral, name) for name in COPIED_FIELDS},
    )
    if target_structure.pk in (referral.target_structure_id, referral.sender_structure_id):
        raise ReferralError(_("Choisissez une autre structure que les deux déjà concernées."))
    closed = change_status(
        actor=actor, referral=referral, to_status=ReferralStatus.REDIRECTED, note=note
    )
    copies = [(a.file, a.content_type, a.original_name) for a in referral.attachments.all()]
    follow_on = send_referral(actor=actor, referral=follow_on, attachments=())
    for file, mime, name in copies:  # the same stored file, no copy of personal data
        ReferralAttachment.objects.create(
            referral=follow_on, file=file.name, content_type=mime, original_name=name,
            size=file.size, uploaded_by=actor,
        )  # fmt: skip
    return closed, follow_on


@transaction.atomic
def add_comment(*, actor, referral, body, structure):
    """Write in the thread; refused once the referral is closed."""
    current = _locked(referral)
    if not current.is_open:
        raise ReferralError(
            _("Cette fiche de liaison est close (%(status)s) : on ne peut plus la commenter.")
            % {"status": current.get_status_display().lower()}
        )
    comment = ReferralComment.objects.create(
        referral=current, author=actor, author_structure=structure, body=body.strip()
    )
    Referral.objects.filter(pk=current.pk).update(updated_at=timezone.now())
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=current, reason="commentaire")
    notify.commented(current, comment, actor=actor)
    return comment


def send_reminders(*, now=None):
    """Remind the target of referrals unacknowledged for N days, at most every N days:
    running it twice in a row sends nothing more. Returns how many were reminded."""
    now = now or timezone.now()
    wait = timedelta(days=settings.REFERRAL_REMIND_AFTER_DAYS)
    due = Referral.objects.filter(status=ReferralStatus.SENT, created_at__lte=now - wait)
    due = due.exclude(reminded_at__gt=now - wait).select_related("target_structure")
    count = 0
    for referral in due.iterator():
        with transaction.atomic():
            Referral.objects.filter(pk=referral.pk).update(reminded_at=now)
            notify.reminder(referral)
        count += 1
    return count


def expire_overdue(*, now=None):
    """Referrals still unacknowledged after M days expire (once: they leave `sent`)."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.REFERRAL_EXPIRE_AFTER_DAYS)
    overdue = Referral.objects.filter(status=ReferralStatus.SENT, created_at__lte=limit)
    count = 0
    for referral in overdue.iterator():
        change_status(actor=None, referral=referral, to_status=ReferralStatus.EXPIRED,
                      note=_("Sans réponse après %(days)s jours.")
                      % {"days": settings.REFERRAL_EXPIRE_AFTER_DAYS})  # fmt: skip
        count += 1
    return count
