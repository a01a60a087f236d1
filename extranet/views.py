from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from extranet.dashboard import panels_for
from extranet.decorators import member_required
from extranet.models import Membership
from extranet.roles import roles_of
from extranet.selectors import structures_visible_to


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


@require_GET
@member_required
def my_structures(request):
    memberships = (
        Membership.objects.active()
        .filter(user=request.user)
        .select_related("structure", "structure__commune")
    )
    return render(request, "extranet/my_structures.html", {"memberships": memberships})


@require_GET
@member_required
def structure_members(request, slug):
    """Members of a structure the user belongs to (or any, for the regional admin)."""
    structure = get_object_or_404(structures_visible_to(request.user), slug=slug)
    members = structure.memberships.active().select_related("user").order_by("user__last_name")
    return render(
        request,
        "extranet/structure_members.html",
        {
            "structure": structure,
            "members": members,
        },
    )
