"""The portal's back-office: the territories, reference data read from `load_communes`.

Every Wagtail admin registration of an app (snippets, modeladmin, menus, hooks) lives in
its `wagtail_hooks.py`, never in models or at the import of another module. One idiom:
wagtail-modeladmin (`ModelAdmin` in one `ModelAdminGroup` menu) for read-mostly back-office
lists; a `SnippetViewSet` (in one `SnippetViewSetGroup` menu) where drafts, revisions and
workflow matter, with the small models edited beside it in the same menu.
Site settings are the one exception: Wagtail's `@register_setting` stays on the model, as the
`settings` template context finds them through it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from portal.admin_helpers import ReadOnlyPermissionHelper
from portal.models import Commune, Department, Epci


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
