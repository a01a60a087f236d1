"""Writes on candidates. Each one is atomic and leaves an `AuditEvent`."""

from django.db import transaction
from django.utils import timezone

from extranet import audit
from extranet.candidates.enums import CandidateSource, CandidateStatus, ConsentSource, MatchStatus
from extranet.enums import AuditAction
from extranet.models import (
    Candidate,
    CandidateContact,
    CandidateShare,
    OfferMatch,
    StatusChange,
)


def assign_reference(candidate):
    candidate.reference = f"ACC-{candidate.created_at:%Y}-{candidate.pk:05d}"
    Candidate.objects.filter(pk=candidate.pk).update(reference=candidate.reference)


@transaction.atomic
def create_candidate(*, actor, candidate, other_communes=(), reason=""):
    """Save a candidate entered by hand (phone call, fair…)."""
    candidate.created_by = actor
    candidate.save()
    if other_communes:
        candidate.other_communes.set(other_communes)
    assign_reference(candidate)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=candidate, reason=reason)
    return candidate


@transaction.atomic
def receive_online_request(*, candidate, other_communes=()):
    """Save the candidate of a request made on the public form ("Je souhaite m'installer"):
    online source and consent, nobody as author."""
    candidate.source = CandidateSource.ONLINE
    candidate.consent_source = ConsentSource.ONLINE
    return create_candidate(
        actor=None, candidate=candidate, other_communes=other_communes, reason="formulaire en ligne"
    )


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
