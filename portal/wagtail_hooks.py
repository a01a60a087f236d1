"""The portal's back-office: the territories, reference data read from `load_communes`.

Every Wagtail admin registration of an app (snippets, modeladmin, menus, hooks) lives in
its `wagtail_hooks.py`, never in models or at the import of another module. One idiom:
wagtail-modeladmin (`ModelAdmin` in one `ModelAdminGroup` menu) for read-mostly back-office
lists; a `SnippetViewSet` (in one `SnippetViewSetGroup` menu) where drafts, revisions and
workflow matter, with the small models edited beside it in the same menu.
Site settings are the one exception: Wagtail's `@register_setting` stays on the model, as the
`settings` template context finds them through it.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from portal.admin_helpers import ReadOnlyPermissionHelper
from portal.models import Commune, Department, Epci, OutboundEmail


class ReadOnlyReferenceAdmin(ModelAdmin):
    """Reference data comes from `load_communes`; the back-office only reads it."""

    inspect_view_enabled = True
    menu_icon = "site"

    permission_helper_class = ReadOnlyPermissionHelper


class CommuneAdmin(ReadOnlyReferenceAdmin):
    model = Commune
    list_display = ("name", "insee_code", "postal_codes", "department", "epci", "population")
    list_filter = ("department",)
    search_fields = ("name", "insee_code", "postal_codes")
    list_select_related = ("department", "epci")
    list_per_page = 50


class EpciAdmin(ReadOnlyReferenceAdmin):
    model = Epci
    list_display = ("name", "code")
    search_fields = ("name", "code")


class DepartmentAdmin(ReadOnlyReferenceAdmin):
    model = Department
    list_display = ("code", "name")
    search_fields = ("name", "code")


@modeladmin_register
class TerritoriesGroup(ModelAdminGroup):
    menu_label = _("Territoires")
    menu_icon = "site"
    menu_order = 300
    items = (CommuneAdmin, EpciAdmin, DepartmentAdmin)


class OutboxPermissionHelper(ReadOnlyPermissionHelper):
    """Messages hold personal data: only the users `PASSERELLES_OUTBOX_READERS` lets in (the
    regional admin) list and read them. The setting is the wiring: `portal` names no app."""

    def user_can_list(self, user):
        return import_string(settings.PASSERELLES_OUTBOX_READERS)(user)

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)


@modeladmin_register
class OutboundEmailAdmin(ModelAdmin):
    """The outbox: failed messages are visible (and readable) by the regional admin."""

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


@hooks.register("insert_global_admin_js")
def date_picker_in_french():
    """The admin date picker's "Save Selected" button, named in the admin's language."""
    return format_html(
        '<script src="{}" data-label="{}"></script>',
        static("js/admin-date-picker.js"),
        gettext_now("Enregistrer la sélection"),
    )
