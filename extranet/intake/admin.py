"""Outbox in the Wagtail admin: failed messages are visible (and readable) by admins."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from extranet.admin_helpers import RegionalAdminReadOnlyHelper
from extranet.models import OutboundEmail


@modeladmin_register
class OutboundEmailAdmin(ModelAdmin):
    model = OutboundEmail
    menu_label = _("E-mails sortants")
    menu_icon = "mail"
    menu_order = 260
    permission_helper_class = RegionalAdminReadOnlyHelper
    inspect_view_enabled = True
    inspect_view_fields = ["to", "subject", "kind", "status", "attempts", "last_error", "body_text"]
    list_display = ("created_at", "to", "subject", "status", "attempts", "next_attempt_at")
    list_filter = ("status", "kind")
    search_fields = ("to", "subject", "last_error")
    list_per_page = 50
