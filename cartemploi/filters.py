"""The criteria of the public map and its list twin: one form, one queryset."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import CardKind, NafSection, OfferKind
from cartemploi.forms import UNKNOWN_COMMUNE
from cartemploi.models import PublicCard
from portal.places import CommuneField, CommuneRadiusForm

MIN_RADIUS_KM, MAX_RADIUS_KM = 1, 200


class MapFilterForm(CommuneRadiusForm):
    kind = forms.ChoiceField(
        label=_("Je cherche"),
        required=False,
        choices=[("", _("Tout"))] + list(CardKind.choices),
    )
    skill = forms.CharField(label=_("Compétence ou métier"), required=False, max_length=80)
    sector = forms.ChoiceField(
        label=_("Secteur"), required=False, choices=[("", _("Tous"))] + list(NafSection.choices)
    )
    offer_kind = forms.ChoiceField(
        label=_("Type d'offre"),
        required=False,
        choices=[("", _("Tous"))] + list(OfferKind.choices),
    )
    commune = CommuneField(
        lenient=True,
        label=_("Autour de la commune"),
        required=False,
        help_text=_("Nom ou code INSEE."),
        error_messages=UNKNOWN_COMMUNE,
    )
    rayon = forms.IntegerField(
        label=_("Rayon (km)"),
        required=False,
        help_text=_("Entre 1 et 200 km."),
        error_messages={"invalid": _("Indiquez un nombre entier de kilomètres.")},
    )
    validated_only = forms.BooleanField(
        label=_("Compétences validées seulement (diplôme ou expérience)"), required=False
    )

    field_order = ["kind", "skill", "sector", "offer_kind", "commune", "rayon", "validated_only"]

    def clean_rayon(self):
        radius = self.cleaned_data.get("rayon")
        if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
            raise forms.ValidationError(
                _("Le rayon doit être compris entre %(min)s et %(max)s km."),
                params={"min": MIN_RADIUS_KM, "max": MAX_RADIUS_KM},
            )
        return radius

    def clean(self):
        data = super().clean()
        if data.get("rayon") and not data.get("commune") and "commune" not in self.errors:
            self.add_error("commune", _("Choisissez une commune pour chercher autour d'elle."))
        return data

    def filter(self, queryset=None):
        """The cards matching the valid criteria (all cards when the form is unbound)."""
        qs = queryset if queryset is not None else PublicCard.objects.all()
        if not self.is_bound or not self.is_valid():
            return qs
        data = self.cleaned_data
        qs = qs.of_kind(data["kind"])
        if data["sector"]:
            qs = qs.filter(sectors__contains=f"|{data['sector'].lower()}|")
        if data["offer_kind"]:
            qs = qs.filter(offer_kinds__contains=f"|{data['offer_kind']}|")
        if data["skill"]:
            field = "validated_skills" if data["validated_only"] else "skills"
            qs = qs.filter(**{f"{field}__icontains": data["skill"].strip()})
        elif data["validated_only"]:
            qs = qs.exclude(kind=CardKind.YOUTH, validated_skills="")
        if data["commune"]:
            qs = qs.filter(commune__in=[c.insee_code for c in self.around()])
        return qs
