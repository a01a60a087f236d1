"""The répertoire reminds a structure's managers when its fiche goes stale."""

from extranet.models import Membership
from repertoire import extensions


def manager_emails(structure):
    """Addresses of the structure's active managers who still have an active account."""
    managers = (
        Membership.objects.active().managers().filter(structure=structure, user__is_active=True)
    )
    return managers.values_list("user__email", flat=True)


def register():
    extensions.register_keepers(manager_emails)
