"""The offer a partner proposes: the `OfferPage` fields, grouped by offer type."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import OfferPage
from portal.places import CommuneField

MODEL_FIELDS = [
    "offer_type", "title", "summary", "address", "valid_from", "valid_until",
    "contact_organisation", "contact_name", "contact_email", "contact_phone",
    "activity", "turnover_band", "price_band", "premises", "contract_type", "working_time",
    "housing_mode", "surface_m2", "rooms", "price_eur", "audience",
    "workspace_rooms", "equipment", "opening_hours", "access_conditions",
]  # fmt: skip
FIELDSETS = [
    (_("L'offre"), ["offer_type", "title", "summary", "description"]),
    (_("Lieu et validité"), ["commune", "address", "valid_from", "valid_until"]),
    (_("Contact"), ["contact_organisation", "contact_name", "contact_email", "contact_phone"]),
    (
        _("Pour une création ou reprise d'entreprise"),
        ["activity", "turnover_band", "price_band", "premises"],
    ),
    (_("Pour un emploi"), ["contract_type", "working_time"]),
    (_("Pour un logement"), ["housing_mode", "surface_m2", "rooms", "price_eur"]),
    (_("Pour un service ou un accompagnement"), ["audience"]),
    (
        _("Pour un espace de travail partagé / tiers-lieu"),
        ["workspace_rooms", "equipment", "opening_hours", "access_conditions"],
    ),
]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferProposalForm(forms.Form):
    """The offer fields a partner fills in; the ones of other offer types may stay empty."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(OfferPage, fields=MODEL_FIELDS))
        self.fields["commune"] = CommuneField(
            label=_("Commune"), help_text=_("Nom de la commune ou code postal.")
        )
        self.fields["description"] = forms.CharField(
            label=_("Description détaillée"), widget=forms.Textarea(attrs={"rows": 6}),
            required=False, max_length=5000,
        )  # fmt: skip
        for name in ("valid_from", "valid_until"):
            self.fields[name].widget = DATE_WIDGET
        self.fields["valid_until"].required = True
        structure = user.memberships.active().select_related("structure").first() if user else None
        if structure:
            self.fields["contact_organisation"].initial = structure.structure.name

    def fieldsets(self):
        """(legend, bound fields) groups: what every offer needs, then one group per type."""
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("La fin de validité précède son début."))
        for name in OfferPage.REQUIRED_BY_TYPE.get(data.get("offer_type"), ()):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("Ce champ est obligatoire pour ce type d'offre."))
        return data
