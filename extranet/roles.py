"""Who is what. Roles are derived, never stored twice:

- regional admin, youth-agency advisor: membership of a Django group (managed in the admin);
- editor: Wagtail's "Editors" or "Moderators" group;
- welcome-pole officer: listed as an officer of a `WelcomePole`;
- structure member / manager: an active `Membership`;
- young person / company: the account kind chosen at sign-up.
"""

from django.db.models import CharField, Value
from django.db.models.functions import Cast

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
    groups, membership_roles, is_officer, slugs = _role_sources(user)
    user._passerelles_structure_slugs = tuple(sorted(slugs))
    roles = set()
    if user.is_superuser or REGIONAL_ADMIN_GROUP in groups:
        roles.add(Role.REGIONAL_ADMIN)
    if ADVISOR_GROUP in groups:
        roles.add(Role.ADVISOR)
    if groups.intersection(EDITOR_GROUPS):
        roles.add(Role.EDITOR)
    if is_officer:
        roles.add(Role.POLE_OFFICER)
    for role in membership_roles:
        roles.add(
            Role.STRUCTURE_MANAGER if role == MembershipRole.MANAGER else Role.STRUCTURE_MEMBER
        )
    if user.kind == AccountKind.YOUTH:
        roles.add(Role.YOUTH)
    elif user.kind == AccountKind.COMPANY:
        roles.add(Role.COMPANY)
    user._passerelles_roles = frozenset(roles)
    return user._passerelles_roles


def _role_sources(user):
    """Group names, active membership roles, pole-officer flag and the slugs of the user's
    structures (the menus link to its fiche), in ONE query.

    Every signed-in page needs the roles, so the three sources are read as a UNION of
    (source, value) text pairs rather than three round trips.
    """
    # Imported here: models import the roles' enums, and roles are needed at import time
    # by the middleware and the permission functions.
    from extranet.models import Membership, WelcomePole

    def tagged(queryset, source, value):
        return (
            queryset.order_by()
            .annotate(role_source=Value(source, output_field=CharField()), role_value=value)
            .values_list("role_source", "role_value")
        )

    text = CharField()
    rows = tagged(user.groups.all(), "group", Cast("name", text)).union(
        tagged(Membership.objects.active().filter(user=user), "membership", Cast("role", text)),
        tagged(
            Membership.objects.active().filter(user=user),
            "structure",
            Cast("structure__slug", text),
        ),
        tagged(
            WelcomePole.officers.through.objects.filter(user_id=user.pk),
            "pole",
            Value("", output_field=text),
        ),
        all=True,
    )
    groups, memberships, slugs, is_officer = set(), set(), set(), False
    for source, value in rows:
        if source == "group":
            groups.add(value)
        elif source == "membership":
            memberships.add(value)
        elif source == "structure":
            slugs.add(value)
        else:
            is_officer = True
    return groups, memberships, is_officer, slugs


def structure_slugs(user):
    """Slugs of the structures `user` is an active member of (read with the roles)."""
    if getattr(user, "_passerelles_roles", None) is None:
        roles_of(user)
    return getattr(user, "_passerelles_structure_slugs", ())


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
