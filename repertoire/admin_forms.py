"""The structure's editing form in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminModelForm

from repertoire.models import Service


def limit_permanence_services(form):
    """A permanence may name one of the structure's own services, never another's: each
    permanence form (the blank one too) offers only them."""
    formset = form.formsets.get("permanences")
    if formset is None:
        return
    structure = form.instance
    services = (
        Service.objects.filter(structure=structure) if structure.pk else Service.objects.none()
    )
    base = formset.form

    class PermanenceForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "service" in self.fields:
                self.fields["service"].queryset = services

    formset.form = PermanenceForm


class StructureAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_permanence_services(self)
