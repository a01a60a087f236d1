from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from extranet.perms import can_access_extranet


def member_required(view):
    """Login first (anonymous → login page), then network membership (others → 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_access_extranet(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)
