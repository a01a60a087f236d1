from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from portal.easy_read import EasyReadTextarea
from portal.models import Commune
from portal.places import CommuneField, CommuneInput, CommuneRadiusForm
from repertoire.models import ErrorReport, Service, Structure

DISTANCE_CHOICES = [
    (0, _("dans la commune")),
    (5, _("à 5 km")),
    (10, _("à 10 km")),
    (20, _("à 20 km")),
    (30, _("à 30 km")),
    (50, _("à 50 km")),
]


class RepertoireFilterForm(CommuneRadiusForm):
    q = forms.CharField(
        label=_("Mot-clé"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Ex. : épicerie solidaire, permis, garde"),
    )
    commune = CommuneField(
        lenient=True,
        label=_("Commune"),
        required=False,
        help_text=_("Nom, code postal ou code INSEE"),
        widget=CommuneInput(datalist="communes-connues"),
    )
    rayon = forms.TypedChoiceField(
        label=_("Distance"),
        choices=DISTANCE_CHOICES,
        coerce=int,
        required=False,
        empty_value=0,
    )

    field_order = ["q", "commune", "rayon"]


class ErrorReportForm(forms.ModelForm):
    # Bots fill every field; people never see this one (hidden by CSS and aria).
    nickname = forms.CharField(
        required=False,
        label=_("Ne pas remplir"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["message", "reporter_email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "message": _("Ex. : les horaires ont changé, le numéro de téléphone ne répond plus."),
            "reporter_email": _("Pour que l'équipe puisse vous répondre."),
        }

    def is_spam(self):
        return bool(self.cleaned_data.get("nickname"))


PARTNER_FIELDSETS = [
    (
        _("Présentation"),
        [
            "summary",
            "easy_read",
            "objectives",
            "audience",
            "access_modes",
            "access_conditions",
            "how_it_works",
            "languages",
        ],
    ),
    (
        _("Lieu et horaires"),
        [
            "address",
            "postal_code",
            "opening_hours",
            "opening_hours_note",
            "closed_from",
            "closed_until",
            "closure_message",
        ],
    ),
    (
        _("Accessibilité"),
        [
            "access_motor",
            "access_visual",
            "access_hearing",
            "access_mental",
            "accessibility_notes",
            "acceslibre_url",
        ],
    ),
    (_("Contacts"), ["phone", "email", "website", "contact_details"]),
    (_("Travailler avec nous"), ["partnership_can_expect", "partnership_cannot_expect"]),
    (
        _("En anglais (facultatif)"),
        [
            "summary_en",
            "easy_read_en",
            "objectives_en",
            "audience_en",
            "access_conditions_en",
            "how_it_works_en",
        ],
    ),
]
PARTNER_FIELDS = [name for _legend, names in PARTNER_FIELDSETS for name in names]
SERVICE_FIELDS = [
    "name",
    "description",
    "description_en",
    "service_type",
    "thematiques",
    "publics",
    "fees",
    "fees_details",
    "mobilisation_modes",
    "how_to_mobilise",
]


def limit_permanence_services(form):
    """A permanence may name one of the structure's own services, never another's: each
    permanence form (the blank one too) offers only them. The choices and the communes
    shown are read once for the whole formset, not once per permanence."""
    formset = form.formsets.get("permanences")
    if formset is None:
        return
    structure = form.instance
    services = (
        Service.objects.filter(structure=structure) if structure.pk else Service.objects.none()
    )
    shared = {}
    base = formset.form

    class PermanenceForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "service" in self.fields:
                field = self.fields["service"]
                field.queryset = services
                if "service" not in shared:
                    shared["service"] = list(field.choices)
                field.choices = shared["service"]
            code = self.initial.get("commune")
            if code and isinstance(code, str):
                if "communes" not in shared:
                    shared["communes"] = _permanence_communes(structure)
                self.initial["commune"] = shared["communes"].get(code, code)
            if self.instance.pk:  # its title names both, already read
                self.instance.structure = structure
                if self.instance.commune_id in shared.get("communes", {}):
                    self.instance.commune = shared["communes"][self.instance.commune_id]

    formset.form = PermanenceForm


def _permanence_communes(structure):
    codes = structure.permanences.values_list("commune_id", flat=True) if structure.pk else []
    return Commune.objects.in_bulk(list(codes))


PERMANENCE_FIELDS = [
    "service",
    "place_name",
    "address",
    "commune",
    "opening_hours",
    "notes",
    "ends_on",
]


class PartnerFicheForm(ClusterForm):
    """What a partner may change on its own fiche; services come as an inline formset."""

    class Meta:
        model = Structure
        fields = PARTNER_FIELDS
        formsets = {
            "services": {"fields": SERVICE_FIELDS, "extra": 1},
            "permanences": {
                "fields": PERMANENCE_FIELDS,
                "extra": 1,
                "widgets": {"ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")},
            },
        }
        widgets = {
            "closed_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closed_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "easy_read": EasyReadTextarea(),
            "easy_read_en": EasyReadTextarea(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_permanence_services(self)

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in PARTNER_FIELDSETS]
