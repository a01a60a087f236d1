"""Permission rules of Cartemploi. Each docstring states the rule."""

from cartemploi.enums import ConversationStatus
from cartemploi.models.validation import agency_ids_of
from extranet.enums import Role
from extranet.roles import has_role
from portal.enums import AccountKind


def is_advisor(user):
    """Youth-agency advisors and the regional admin run validation, moderation and outcomes."""
    return user.is_authenticated and has_role(user, Role.ADVISOR, Role.REGIONAL_ADMIN)


def can_have_youth_profile(user):
    """Young people's accounts (kind "youth") own a youth profile."""
    return user.is_authenticated and user.kind == AccountKind.YOUTH


def can_have_company_profile(user):
    """Company accounts (kind "company") own a company profile and its offers."""
    return user.is_authenticated and user.kind == AccountKind.COMPANY


def has_own_space(user):
    """Young people and companies have their own Cartemploi space (the extranet is the
    network's, not theirs)."""
    return can_have_youth_profile(user) or can_have_company_profile(user)


def _in_territory(user, agency_id):
    if has_role(user, Role.REGIONAL_ADMIN):
        return True
    return has_role(user, Role.ADVISOR) and (agency_id is None or agency_id in agency_ids_of(user))


def can_validate(user, obj):
    """Advisors validate or unpublish profiles and offers of their agency's territory."""
    agency_id = obj.company.agency_id if hasattr(obj, "kind") else obj.agency_id
    return user.is_authenticated and _in_territory(user, agency_id)


def can_moderate(user, conversation):
    """Advisors of the young person's territory release, block and record outcomes."""
    return user.is_authenticated and _in_territory(user, conversation.agency_id)


def can_write_in(user, conversation):
    """Only the two parties write, and not in a blocked conversation."""
    return conversation.side_of(user) is not None and conversation.status == ConversationStatus.OPEN


def can_record_outcome(user, conversation):
    """The advisor or either party records an interview or a hire."""
    return conversation.side_of(user) is not None or can_moderate(user, conversation)


def can_start_conversation(user):
    """A young person or a company whose own profile is published may contact the other side."""
    if can_have_youth_profile(user):
        profile = getattr(user, "youthprofile", None)
    elif can_have_company_profile(user):
        profile = getattr(user, "companyprofile", None)
    else:
        return False
    return profile is not None and profile.has_public_version
