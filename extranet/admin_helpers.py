from extranet.perms import can_view_audit_log
from portal.admin_helpers import ReadOnlyPermissionHelper


class RegionalAdminReadOnlyHelper(ReadOnlyPermissionHelper):
    """Read-only, and readable by the regional admin only (rows hold personal data)."""

    def user_can_list(self, user):
        return can_view_audit_log(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_audit_log(user)
