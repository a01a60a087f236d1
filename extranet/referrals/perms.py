"""Who may do what on a referral. Reading is `Referral.objects.visible_to(user)` (else 404)."""

from extranet.enums import Role
from extranet.roles import has_role
from extranet.selectors import structures_of


def sender_structures(user):
    """Structures a user may send referrals from: the ones they are an active member of."""
    return structures_of(user)


def can_send(user):
    """Any active member of a structure sends referrals on its behalf."""
    return has_role(user, Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER)


def is_target_member(user, referral):
    return user.memberships.active().filter(structure=referral.target_structure_id).exists()


def can_answer(user, referral):
    """The receiving structure's members (and the regional admin) acknowledge, progress,
    close, redirect or decline a referral."""
    return has_role(user, Role.REGIONAL_ADMIN) or is_target_member(user, referral)


def comment_structure(user, referral):
    """The structure a user writes for in the thread: the target side first, then the
    sender side; None for the regional admin writing as such."""
    ids = set(user.memberships.active().values_list("structure_id", flat=True))
    for structure in (referral.target_structure, referral.sender_structure):
        if structure.pk in ids:
            return structure
    return None
