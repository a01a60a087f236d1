"""Who is what. Roles are derived, never stored twice:

- regional admin, youth-agency advisor: membership of a Django group (managed in the admin);
- editor: Wagtail's "Editors" or "Moderators" group;
- welcome-pole officer: listed as an officer of a `WelcomePole`;
- structure member / manager: an active `Membership`;
- young person / company: the account kind chosen at sign-up.
"""

from extranet.enums import MembershipRole, Role
from portal.enums import AccountKind

REGIONAL_ADMIN_GROUP = "Administration régionale"
ADVISOR_GROUP = "Conseillers mission locale"
EDITOR_GROUPS = ("Editors", "Moderators")

# Roles that reach other people's personal data: they must use two-factor authentication.
STAFF_ROLES = frozenset({Role.REGIONAL_ADMIN, Role.POLE_OFFICER, Role.ADVISOR, Role.EDITOR})


def roles_of(user):
    """The set of `Role` values of a user (cached on the user object for the request)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_passerelles_roles", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    roles = set()
    if user.is_superuser or REGIONAL_ADMIN_GROUP in groups:
        roles.add(Role.REGIONAL_ADMIN)
    if ADVISOR_GROUP in groups:
        roles.add(Role.ADVISOR)
    if groups.intersection(EDITOR_GROUPS):
        roles.add(Role.EDITOR)
    if user.welcome_poles.exists():
        roles.add(Role.POLE_OFFICER)
    for role in user.memberships.active().values_list("role", flat=True).distinct():
        roles.add(
            Role.STRUCTURE_MANAGER if role == MembershipRole.MANAGER else Role.STRUCTURE_MEMBER
        )
    if user.kind == AccountKind.YOUTH:
        roles.add(Role.YOUTH)
    elif user.kind == AccountKind.COMPANY:
        roles.add(Role.COMPANY)
    user._passerelles_roles = frozenset(roles)
    return user._passerelles_roles


def has_role(user, *roles):
    return bool(roles_of(user).intersection(roles))


def is_staff_role(user):
    return user.is_staff or bool(roles_of(user) & STAFF_ROLES)


def is_network_member(user):
    """Anyone who works in the network: what the extranet is for."""
    return has_role(
        user,
        Role.REGIONAL_ADMIN,
        Role.POLE_OFFICER,
        Role.STRUCTURE_MANAGER,
        Role.STRUCTURE_MEMBER,
        Role.ADVISOR,
        Role.EDITOR,
    )
