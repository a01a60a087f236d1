"""Permission rules of the extranet. Each docstring states the rule."""

from extranet.enums import Role
from extranet.roles import has_role, is_network_member, roles_of


def can_access_extranet(user):
    """Network members (any role working for a structure, a pole or the region) enter the
    extranet; young people and companies have their own space in Cartemploi."""
    return user.is_authenticated and is_network_member(user)


def can_view_audit_log(user):
    """Only the regional admin reads the audit log."""
    return user.is_authenticated and has_role(user, Role.REGIONAL_ADMIN)


def can_manage_structure(user, structure):
    """The regional admin and the structure's own managers manage its memberships and fiche."""
    if not user.is_authenticated:
        return False
    if has_role(user, Role.REGIONAL_ADMIN):
        return True
    return user.memberships.active().managers().filter(structure=structure).exists()


def can_edit_own_contact(user, membership):
    """Members manage their own contact details; managers those of their structure."""
    return membership.user_id == user.pk or can_manage_structure(user, membership.structure)


def can_handle_personal_data_requests(user):
    """Only the regional admin exports or erases a person's data on their request."""
    return user.is_authenticated and has_role(user, Role.REGIONAL_ADMIN)


def can_delete_own_account(user):
    """Young people, companies and newcomers close their own account; a network
    professional's account (staff, member of a structure, pole officer) is closed by the
    network, which keeps its audit trail."""
    from portal.enums import AccountKind

    if not user.is_authenticated or user.is_staff or user.is_superuser:
        return False
    if user.kind not in (AccountKind.YOUTH, AccountKind.COMPANY, AccountKind.PERSON):
        return False
    return not roles_of(user) - {Role.YOUTH, Role.COMPANY}


def can_ask_to_join(user):
    """A signed-in person outside the network (not a young person or a company, who have
    their Cartemploi space) may ask to join a structure: the partner sign-up path."""
    from portal.enums import AccountKind

    if not user.is_authenticated or user.kind in (AccountKind.YOUTH, AccountKind.COMPANY):
        return False
    return not is_network_member(user)


def can_review_join_requests(user):
    """Structure managers decide on requests to their structures; the regional admin on all."""
    return user.is_authenticated and has_role(user, Role.REGIONAL_ADMIN, Role.STRUCTURE_MANAGER)


def can_share_documents(user):
    """Members of a structure (and the network's staff) share documents with the network."""
    return user.is_authenticated and has_role(
        user, Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER, Role.REGIONAL_ADMIN, Role.EDITOR
    )


def can_review_documents(user):
    """The network's editors (and the regional admin) publish or refuse shared documents."""
    return user.is_authenticated and has_role(user, Role.EDITOR, Role.REGIONAL_ADMIN)
