from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from repertoire.models import Structure


class StructureViewSet(SnippetViewSet):
    model = Structure
    icon = "group"
    menu_label = _("Structures")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "commune", "updated_at"]
    list_filter = ["kind", "live"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(StructureViewSet)
