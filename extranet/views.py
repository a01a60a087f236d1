from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from extranet.dashboard import panels_for
from extranet.perms import can_access_extranet, can_ask_to_join
from extranet.roles import roles_of


@require_GET
@login_required
def dashboard(request):
    """The network's start page; a signed-in person outside the network is offered to
    join a structure instead of a refusal."""
    if not can_access_extranet(request.user):
        if can_ask_to_join(request.user):
            return redirect("extranet:join")
        raise PermissionDenied
    roles = sorted(roles_of(request.user), key=str)
    return render(
        request,
        "extranet/dashboard.html",
        {
            "panels": panels_for(request),
            "roles": roles,
        },
    )
