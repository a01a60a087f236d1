"""Dashboard panels every member sees: their roles and their structures.

Each flow registers its own panels (`extranet/<flow>/panels.py`); `ExtranetConfig.ready`
calls every `register()`. Panel templates: `templates/extranet/panels/<key>.html`.
"""

from django.utils.translation import gettext_lazy as _

from extranet.dashboard import Panel, register_panel
from extranet.enums import Role
from extranet.models import Membership
from extranet.roles import roles_of


def _my_structures(request):
    memberships = list(
        Membership.objects.active().filter(user=request.user).select_related("structure")
    )
    return {"memberships": memberships}


def _my_roles(request):
    return {"roles": [Role(r).label for r in sorted(roles_of(request.user))]}


def register():
    register_panel(Panel("roles", _("Mes rôles"), "extranet/panels/roles.html", _my_roles, 10))
    register_panel(
        Panel(
            "structures",
            _("Mes structures"),
            "extranet/panels/structures.html",
            _my_structures,
            20,
        )
    )
