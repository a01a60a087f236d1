"""The criteria of the public map and its list twin: one form, one queryset."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import CardKind, NafSection, OfferKind
from cartemploi.models import PublicCard
from portal.models import Commune

MIN_RADIUS_KM, MAX_RADIUS_KM, DEFAULT_RADIUS_KM = 1, 200, 20


class MapFilterForm(forms.Form):
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
    commune = forms.CharField(
        label=_("Autour de la commune"),
        required=False,
        max_length=120,
        help_text=_("Nom ou code INSEE."),
    )
    radius = forms.IntegerField(
        label=_("Rayon (km)"),
        required=False,
        help_text=_("Entre 1 et 200 km."),
        error_messages={"invalid": _("Indiquez un nombre entier de kilomètres.")},
    )
    validated_only = forms.BooleanField(
        label=_("Compétences validées seulement (diplôme ou expérience)"), required=False
    )

    def clean_radius(self):
        radius = self.cleaned_data.get("radius")
        if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
            raise forms.ValidationError(
                _("Le rayon doit être compris entre %(min)s et %(max)s km."),
                params={"min": MIN_RADIUS_KM, "max": MAX_RADIUS_KM},
            )
        return radius

    def clean_commune(self):
        text = self.cleaned_data.get("commune", "").strip()
        if not text:
            return None
        communes = Commune.objects.located()
        found = (
            communes.filter(insee_code=text).first()
            or communes.filter(name__iexact=text).order_by("-population").first()
            or communes.search_name(text).first()
        )
        if found is None:
            raise forms.ValidationError(_("Commune introuvable : vérifiez son nom."))
        return found

    def clean(self):
        data = super().clean()
        if data.get("radius") and not data.get("commune") and "commune" not in self.errors:
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
            qs = qs.filter(commune__in=self.communes_around())
        return qs

    def communes_around(self):
        commune = self.cleaned_data["commune"]
        radius = self.cleaned_data["radius"] or DEFAULT_RADIUS_KM
        near = Commune.objects.near(commune.latitude, commune.longitude, radius)
        return [c.insee_code for c in near]
