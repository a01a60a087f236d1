"""Writes on join requests: atomic, notified by e-mail, audited."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet import audit
from extranet.enums import AuditAction, JoinRequestStatus, MembershipRole
from extranet.models import JoinRequest, Membership
from extranet.notices import notify, regional_admins


class AlreadyDecided(Exception):
    """Someone else decided first (or the request was withdrawn)."""


def reviewers(structure):
    """Who decides: the structure's managers, else the regional admin."""
    managers = [
        m.user
        for m in Membership.objects.active()
        .managers()
        .filter(structure=structure)
        .select_related("user")
    ]
    return managers or list(regional_admins())


@transaction.atomic
def submit(*, user, structure, message):
    """A new pending request; None when one is already waiting for this structure."""
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(user=user, structure=structure, message=message)
    except IntegrityError:
        return None
    audit.record(actor=user, action=AuditAction.CREATE, obj=request)
    notify(
        reviewers(structure),
        subject=_("Demande d'adhésion à %(structure)s") % {"structure": structure},
        lines=[
            _("%(person)s demande à rejoindre %(structure)s dans l'extranet du réseau.")
            % {"person": user.get_full_name() or user.email, "structure": structure},
            message,
        ],
        path=reverse("extranet:join_requests"),
        link_label=_("Pour accepter ou refuser la demande (connexion nécessaire) :"),
        kind="join_request",
    )
    return request


def _decide(request_id, reviewer, status, reason=""):
    request = (
        JoinRequest.objects.select_for_update()
        .select_related("user", "structure")
        .get(pk=request_id)
    )
    if request.status != JoinRequestStatus.PENDING:
        raise AlreadyDecided
    request.status = status
    request.refusal_reason = reason
    request.decided_by = reviewer
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "refusal_reason", "decided_by", "decided_at"])
    audit.record(actor=reviewer, action=AuditAction.UPDATE, obj=request, reason=status)
    return request


@transaction.atomic
def accept(request_id, reviewer):
    request = _decide(request_id, reviewer, JoinRequestStatus.ACCEPTED)
    membership, _created = Membership.objects.update_or_create(
        user=request.user,
        structure=request.structure,
        defaults={"is_active": True},
        create_defaults={"role": MembershipRole.MEMBER, "is_active": True},
    )
    audit.record(actor=reviewer, action=AuditAction.CREATE, obj=membership)
    notify(
        [request.user],
        subject=_("Bienvenue dans le réseau"),
        lines=[
            _("Votre demande pour rejoindre %(structure)s a été acceptée.")
            % {"structure": request.structure},
        ],
        path=reverse("extranet:dashboard"),
        link_label=_("Votre espace dans l'extranet :"),
        kind="join_accepted",
    )
    return request


@transaction.atomic
def refuse(request_id, reviewer, reason):
    request = _decide(request_id, reviewer, JoinRequestStatus.REFUSED, reason)
    lines = [
        _("Votre demande pour rejoindre %(structure)s n'a pas été acceptée.")
        % {"structure": request.structure},
    ]
    if reason:
        lines.append(_("Motif : %(reason)s") % {"reason": reason})
    notify(
        [request.user],
        subject=_("Votre demande d'adhésion"),
        lines=lines,
        path=reverse("extranet:join"),
        link_label=_("Vous pouvez faire une autre demande :"),
        kind="join_refused",
    )
    return request
