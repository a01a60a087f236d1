"""The structure's editing form in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminModelForm

from repertoire.forms import limit_permanence_services


class StructureAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_permanence_services(self)
