"""Permission rules of the candidate pipeline. Each docstring states the rule."""

from extranet.enums import Role
from extranet.models import CandidateShare
from extranet.roles import has_role


def can_view_candidates(user):
    """Pole officers and the regional admin work with candidates; a structure member does
    once a candidate has been shared with one of their structures (read through
    `Candidate.objects.visible_to`)."""
    if not user.is_authenticated:
        return False
    if has_role(user, Role.POLE_OFFICER, Role.REGIONAL_ADMIN):
        return True
    return CandidateShare.objects.filter(
        structure__memberships__user=user, structure__memberships__is_active=True
    ).exists()
