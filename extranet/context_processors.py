from django.utils.functional import SimpleLazyObject

from extranet.enums import Role
from extranet.perms import can_delete_own_account
from extranet.roles import has_role, roles_of


def extranet_nav(request):
    """Role flags for the extranet navigation, computed only if a template asks.

    Uses the roles already cached on the user rather than `perms`, which costs two
    permission queries on every page.
    """
    user = request.user

    def can_use_admin():
        return user.is_authenticated and (
            user.is_staff or has_role(user, Role.REGIONAL_ADMIN, Role.EDITOR)
        )

    return {
        "can_use_admin": SimpleLazyObject(can_use_admin),
        "user_roles": SimpleLazyObject(lambda: frozenset(str(r) for r in roles_of(user))),
        "can_delete_account": SimpleLazyObject(lambda: can_delete_own_account(user)),
    }
