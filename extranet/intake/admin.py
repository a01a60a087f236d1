"""Outbox in the Wagtail admin: failed messages are visible (and readable) by admins."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from extranet.models import OutboundEmail
from extranet.perms import can_view_audit_log


class OutboxPermissionHelper(PermissionHelper):
    """Read-only; readable by the regional admin (messages hold personal data)."""

    def user_can_list(self, user):
        return can_view_audit_log(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_audit_log(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


@modeladmin_register
class OutboundEmailAdmin(ModelAdmin):
    model = OutboundEmail
    menu_label = _("E-mails sortants")
    menu_icon = "mail"
    menu_order = 260
    permission_helper_class = OutboxPermissionHelper
    inspect_view_enabled = True
    inspect_view_fields = ["to", "subject", "kind", "status", "attempts", "last_error", "body_text"]
    list_display = ("created_at", "to", "subject", "status", "attempts", "next_attempt_at")
    list_filter = ("status", "kind")
    search_fields = ("to", "subject", "last_error")
    list_per_page = 50
