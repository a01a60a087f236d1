"""Reads spanning apps, scoped to what a user may see."""

from extranet.enums import Role
from extranet.roles import has_role
from repertoire.models import Structure


def structures_of(user):
    """Structures the user is an active member of."""
    return Structure.objects.filter(memberships__user=user, memberships__is_active=True).distinct()


def structures_visible_to(user):
    """Structures whose member list a user may read: their own; all for the regional admin."""
    if not user.is_authenticated:
        return Structure.objects.none()
    if has_role(user, Role.REGIONAL_ADMIN):
        return Structure.objects.all()
    return structures_of(user)
