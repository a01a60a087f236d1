from django.shortcuts import render
from django.views.decorators.http import require_GET

from extranet.dashboard import panels_for
from extranet.decorators import member_required
from extranet.roles import roles_of


@require_GET
@member_required
def dashboard(request):
    roles = sorted(roles_of(request.user), key=str)
    return render(
        request,
        "extranet/dashboard.html",
        {
            "panels": panels_for(request),
            "roles": roles,
        },
    )
