"""Who may write a fiche parcours. Reading is `Pathway.objects.visible_to(user)` (else 404)."""

from extranet.enums import Role
from extranet.roles import has_role
from extranet.selectors import structures_of


def can_write(user):
    """Any active member of a structure writes fiches parcours on its behalf."""
    return has_role(user, Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER)


def author_structures(user):
    """Structures a user may write a fiche parcours for: those they are an active member of."""
    return structures_of(user)
