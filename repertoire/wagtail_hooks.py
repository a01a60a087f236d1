"""The répertoire's back-office: structures (drafts, workflow), themes, error reports.

Every Wagtail admin registration of an app (snippets, modeladmin, menus, hooks) lives in
its `wagtail_hooks.py`, never in models or at the import of another module. One idiom:
wagtail-modeladmin (`ModelAdmin` in one `ModelAdminGroup` menu) for read-mostly back-office
lists; a `SnippetViewSet` (in one `SnippetViewSetGroup` menu) where drafts, revisions and
workflow matter, with the small models edited beside it in the same menu.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.easy_read import EasyReadTextarea
from repertoire.admin_forms import StructureAdminForm
from repertoire.models import ErrorReport, Room, Structure, Theme, Workspace


def _group(heading, *fields):
    return MultiFieldPanel([FieldPanel(name) for name in fields], heading=heading)


ENGLISH_HELP = _(
    "Facultatif : le texte anglais s'affiche sur le site en anglais (/en/). Un champ laissé "
    "vide y montre le texte français, signalé comme tel. La description anglaise de chaque "
    "service se saisit dans l'onglet Services."
)

STRUCTURE_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                _group(_("Identité"), "name", "slug", "kind", "siret", "summary", "themes"),
                MultiFieldPanel(
                    [FieldPanel("easy_read", widget=EasyReadTextarea())],
                    heading=_("Facile à lire et à comprendre"),
                ),
                _group(_("Fiche"), "objectives", "audience", "access_modes", "access_conditions"),
                _group(_("Fonctionnement"), "how_it_works", "languages", "is_annex"),
            ],
            heading=_("Fiche"),
        ),
        ObjectList([InlinePanel("services", label=_("Services"))], heading=_("Services")),
        ObjectList(
            [
                HelpPanel(content=ENGLISH_HELP),
                FieldPanel("summary_en"),
                FieldPanel("easy_read_en", widget=EasyReadTextarea()),
                FieldPanel("objectives_en"),
                FieldPanel("audience_en"),
                FieldPanel("access_conditions_en"),
                FieldPanel("how_it_works_en"),
            ],
            heading=_("En anglais"),
        ),
        ObjectList(
            [
                InlinePanel(
                    "permanences",
                    label=_("Permanences"),
                    panels=[
                        FieldPanel("service"),
                        FieldPanel("host_structure"),
                        FieldPanel("place_name"),
                        FieldPanel("address"),
                        FieldPanel("commune"),
                        FieldPanel("opening_hours"),
                        FieldPanel("notes"),
                        FieldPanel("ends_on"),
                    ],
                )
            ],
            heading=_("Permanences"),
        ),
        ObjectList(
            [
                _group(_("Lieu"), "commune", "address", "postal_code", "latitude", "longitude"),
                _group(_("Horaires"), "opening_hours", "opening_hours_note"),
                _group(
                    _("Fermeture exceptionnelle"), "closed_from", "closed_until", "closure_message"
                ),
                _group(
                    _("Accessibilité"),
                    "access_motor",
                    "access_visual",
                    "access_hearing",
                    "access_mental",
                    "accessibility_notes",
                    "acceslibre_url",
                ),
            ],
            heading=_("Lieu et horaires"),
        ),
        ObjectList(
            [
                _group(_("Contacts"), "phone", "email", "website", "contact_details"),
                _group(_("Partenariat"), "partnership_can_expect", "partnership_cannot_expect"),
                _group(_("Fraîcheur"), "last_verified_at"),
            ],
            heading=_("Contacts et partenariat"),
        ),
    ],
    base_form_class=StructureAdminForm,
)


class StructureViewSet(SnippetViewSet):
    model = Structure
    icon = "group"
    menu_label = _("Structures")
    list_display = ["name", "kind", "commune", "last_verified_at", "updated_at"]
    list_filter = ["kind", "live", "is_annex", "themes"]
    search_fields = ["name"]
    ordering = ["name"]
    edit_handler = STRUCTURE_PANELS


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "order", "slug"]
    ordering = ["order", "name"]


class ErrorReportViewSet(SnippetViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Signalements")
    list_display = ["structure", "created_at", "handled"]
    list_filter = ["handled"]
    panels = [
        FieldPanel("structure", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("reporter_email", read_only=True),
        FieldPanel("handled"),
    ]


class WorkspaceViewSet(SnippetViewSet):
    """Shared workspaces: the site team creates a place for a structure; its members then
    answer the booking requests in the extranet (bookings hold personal data: they are
    read there only, through scoped and audited views, not in this admin)."""

    model = Workspace
    icon = "home"
    menu_label = _("Espaces de travail")
    list_display = ["name", "kind", "structure", "commune", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["name"]
    panels = [
        _group(_("Lieu"), "structure", "name", "slug", "kind", "summary", "is_published"),
        _group(_("Adresse"), "commune", "address", "latitude", "longitude", "phone", "email"),
        _group(_("Réservations"), "opening_hours", "max_booking_hours", "access_rules"),
    ]


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "table"
    menu_label = _("Salles et postes")
    list_display = ["name", "workspace", "kind", "capacity", "hourly_price"]
    list_filter = ["kind", "audience"]
    search_fields = ["name"]


class RepertoireGroup(SnippetViewSetGroup):
    items = (
        StructureViewSet,
        ThemeViewSet,
        ErrorReportViewSet,
        WorkspaceViewSet,
        RoomViewSet,
    )
    menu_icon = "group"
    menu_label = _("Répertoire")
    menu_order = 200


register_snippet(RepertoireGroup)
