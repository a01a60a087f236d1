from django.utils.functional import SimpleLazyObject

from extranet.perms import can_delete_own_account


def extranet_nav(request):
    """Flags the account pages need, computed only if a template asks (the menus are
    `extranet.navigation`'s)."""
    user = request.user
    return {"can_delete_account": SimpleLazyObject(lambda: can_delete_own_account(user))}
