"""Who may propose offers. Each docstring states the rule."""

from extranet.enums import Role
from extranet.roles import has_role


def can_propose_offer(user):
    """Members of a partner structure and pole officers propose offers (the regional admin
    too); editors publish them from the Wagtail admin."""
    return user.is_authenticated and has_role(
        user,
        Role.POLE_OFFICER,
        Role.REGIONAL_ADMIN,
        Role.STRUCTURE_MEMBER,
        Role.STRUCTURE_MANAGER,
    )
