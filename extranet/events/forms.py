from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.places import CommuneChoiceField
from repertoire.models import Event, Workspace

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    commune = CommuneChoiceField(
        label=_("Commune"),
        required=False,
        help_text=_("Pour un lieu hors du réseau : nom, code postal ou code INSEE."),
    )

    class Meta:
        model = Event
        fields = [
            "organiser",
            "title",
            "kind",
            "audience",
            "start",
            "end",
            "workspace",
            "place_name",
            "address",
            "commune",
            "description",
            "registration",
            "capacity",
            "waiting_list",
            "contact_email",
            "is_published",
        ]
        widgets = {"start": DATETIME_WIDGET, "end": DATETIME_WIDGET}

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = structures
        self.fields["organiser"].empty_label = None
        self.fields["workspace"].queryset = Workspace.objects.published().select_related("commune")
        self.fields["capacity"].validators.append(MinValueValidator(1))
        self.fields["capacity"].widget.attrs["min"] = 1
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean_start(self):
        start = self.cleaned_data["start"]
        if not self.instance.pk and start < timezone.now():
            raise forms.ValidationError(_("Cette date est passée : choisissez une date à venir."))
        return start

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        taken = self.instance.places_taken if self.instance.pk else 0
        if capacity is not None and capacity < taken:
            raise forms.ValidationError(
                _("%(n)s places sont déjà prises : indiquez au moins %(n)s.") % {"n": taken}
            )
        return capacity

    def clean(self):
        data = super().clean()
        if data.get("workspace"):
            data["commune"] = data["workspace"].commune  # the place's own commune
        elif not data.get("commune") and "commune" not in self.errors:
            self.add_error("commune", _("Indiquez la commune du lieu."))
        return data


class AttendanceForm(forms.Form):
    PRESENT, ABSENT, CANCEL = "present", "absent", "cancel"
    action = forms.ChoiceField(
        choices=[(PRESENT, _("Présent·e")), (ABSENT, _("Absent·e")), (CANCEL, _("Annuler"))]
    )
