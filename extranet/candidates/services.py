"""Writes on candidates. Each one is atomic and leaves an `AuditEvent`."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from extranet import audit
from extranet.candidates.enums import CandidateStatus, MatchStatus
from extranet.enums import AuditAction
from extranet.intake.services import assign_reference
from extranet.models import (
    AuditEvent,
    Candidate,
    CandidateContact,
    CandidateShare,
    OfferMatch,
    StatusChange,
)
from portal.middleware import current_request_id


def record_reads(*, actor, candidates, reason=""):
    """One audit row per candidate listed, in a single INSERT (lists stay ≤ 12 queries)."""
    content_type = ContentType.objects.get_for_model(Candidate)
    request_id = current_request_id() or ""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            actor_label=actor.email[:255],
            action=AuditAction.READ,
            content_type=content_type,
            object_id=str(candidate.pk),
            object_label=str(candidate)[:255],
            reason=reason,
            request_id=request_id,
        )
        for candidate in candidates
    )


def record_export(*, actor, label, rows):
    """An export is one audit row on the Candidate model, saying what and how many."""
    AuditEvent.objects.create(
        actor=actor,
        actor_label=actor.email[:255],
        action=AuditAction.EXPORT,
        content_type=ContentType.objects.get_for_model(Candidate),
        object_id="*",
        object_label=f"{label} ({rows} lignes)"[:255],
        request_id=current_request_id() or "",
    )


@transaction.atomic
def create_candidate(*, actor, candidate, other_communes=()):
    """Save a candidate entered by hand (phone call, fair…)."""
    candidate.created_by = actor
    candidate.save()
    if other_communes:
        candidate.other_communes.set(other_communes)
    assign_reference(candidate)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=candidate)
    return candidate


@transaction.atomic
def change_status(*, actor, candidate, status, reason=""):
    if status == candidate.status:
        return None
    change = StatusChange.objects.create(
        candidate=candidate,
        old_status=candidate.status,
        new_status=status,
        reason=reason,
        author=actor,
    )
    candidate.status = status
    candidate.status_reason = reason
    candidate.save(update_fields=["status", "status_reason", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=candidate, reason=f"statut {status}")
    return change


@transaction.atomic
def log_contact(*, actor, candidate, kind, happened_on, notes="", next_action_on=None):
    """Add a contact to the timeline; a new candidate becomes "contacted"."""
    contact = CandidateContact.objects.create(
        candidate=candidate, kind=kind, happened_on=happened_on, notes=notes, author=actor
    )
    candidate.next_action_on = next_action_on
    if candidate.last_contact_at is None or happened_on > candidate.last_contact_at:
        candidate.last_contact_at = happened_on
    candidate.save(update_fields=["next_action_on", "last_contact_at", "updated_at"])
    if candidate.status == CandidateStatus.NEW:
        change_status(actor=actor, candidate=candidate, status=CandidateStatus.CONTACTED)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=candidate, reason="contact")
    return contact


@transaction.atomic
def set_referent(*, actor, candidate, referent):
    candidate.referent = referent
    candidate.save(update_fields=["referent", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=candidate, reason="référent·e")


@transaction.atomic
def share(*, actor, candidate, structure, reason, can_edit=False):
    """Share the record with a partner structure (its members then see it)."""
    shared, _created = CandidateShare.objects.update_or_create(
        candidate=candidate,
        structure=structure,
        defaults={"reason": reason, "can_edit": can_edit, "shared_by": actor},
    )
    candidate.save(update_fields=["updated_at"])  # re-indexes it: search scopes include shares
    audit.record(
        actor=actor, action=AuditAction.SHARE, obj=candidate, reason=f"{structure}: {reason}"
    )
    return shared


@transaction.atomic
def propose_offer(*, actor, candidate, offer, note=""):
    match, _created = OfferMatch.objects.get_or_create(
        candidate=candidate,
        offer=offer,
        defaults={"note": note, "proposed_by": actor, "status": MatchStatus.PROPOSED},
    )
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=candidate, reason="offre proposée")
    return match


@transaction.atomic
def update_match(*, actor, match, status):
    match.status = status
    match.updated_at = timezone.now()
    match.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=match.candidate, reason=f"offre {status}"
    )
    return match
