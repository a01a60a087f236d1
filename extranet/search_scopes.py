"""Which restricted search documents a user may see (setting `SEARCH_USER_SCOPES`).

Documents carry a visibility: "public", "members", or "scope:<keys>". A user sees a
restricted document when they hold one of its keys:
- the regional admin holds "*": every document;
- every network member (see `can_access_extranet`) holds "members";
- a structure member holds "structure-<id>" for each of their active memberships;
- a welcome-pole officer holds "pole-<id>" for each pole they work for.
"""

from extranet.enums import Role
from extranet.perms import can_access_extranet
from extranet.roles import has_role


def scopes_for(user):
    if not user.is_authenticated:
        return set()
    if has_role(user, Role.REGIONAL_ADMIN):
        return {"*"}
    scopes = {"members"} if can_access_extranet(user) else set()
    structure_ids = user.memberships.active().values_list("structure_id", flat=True)
    scopes |= {f"structure-{pk}" for pk in structure_ids}
    scopes |= {f"pole-{pk}" for pk in user.welcome_poles.values_list("pk", flat=True)}
    return scopes
