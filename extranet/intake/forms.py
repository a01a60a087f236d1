"""The steps of "Je souhaite m'installer": one small form per step."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.models import Candidate
from portal.places import CommuneField

NEEDS = [
    ("needs_housing", _("Un logement")),
    ("needs_partner_job", _("Un emploi pour mon ou ma conjoint·e")),
    ("needs_childcare", _("Une école, une crèche ou une garde d'enfants")),
    ("needs_premises", _("Des locaux professionnels")),
    ("needs_support", _("Un accompagnement pour mon projet")),
]


class IdentityForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=80)
    last_name = forms.CharField(label=_("Nom"), max_length=80)
    origin_country = forms.CharField(label=_("Pays où vous vivez"), max_length=80, initial="France")
    origin_postcode = forms.CharField(
        label=_("Code postal actuel"),
        max_length=10,
        required=False,
        help_text=_("Si vous vivez en France, pour savoir d'où viennent les nouveaux arrivants."),
    )
    adults = forms.IntegerField(
        label=_("Nombre d'adultes dans le foyer"), min_value=1, max_value=12, initial=1
    )
    children = forms.IntegerField(label=_("Nombre d'enfants"), min_value=0, max_value=15, initial=0)
    children_ages = forms.CharField(
        label=_("Âge des enfants"),
        max_length=80,
        required=False,
        help_text=_("Par exemple : 4 et 9 ans."),
    )

    def clean(self):
        data = super().clean()
        country = (data.get("origin_country") or "").strip().lower()
        postcode = (data.get("origin_postcode") or "").replace(" ", "")
        if country == "france" and postcode and not re.fullmatch(r"\d{5}|2[ABab]\d{3}", postcode):
            self.add_error("origin_postcode", _("Un code postal français a 5 chiffres."))
        return data


class ProjectForm(forms.Form):
    project_type = forms.ChoiceField(
        label=_("Votre projet"),
        choices=Candidate._meta.get_field("project_type").choices,
        widget=forms.RadioSelect,
    )
    sector = forms.CharField(
        label=_("Secteur d'activité ou métier"),
        max_length=120,
        required=False,
        help_text=_("Par exemple : boulangerie, maraîchage, infirmier·e, développeur·se web."),
    )
    target_date = forms.DateField(
        label=_("Quand souhaitez-vous vous installer ?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("Une date approximative suffit (format JJ/MM/AAAA)."),
    )
    project_description = forms.CharField(
        label=_("Décrivez votre projet en quelques lignes"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        required=False,
    )

    def clean_target_date(self):
        value = self.cleaned_data["target_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Cette date est passée : indiquez une date à venir."))
        return value


class PlaceForm(forms.Form):
    commune_1 = CommuneField(
        label=_("Commune où vous souhaitez vous installer"),
        help_text=_("Nom de la commune, ou son code postal. Par exemple : Aubusson ou 23200."),
    )
    commune_2 = CommuneField(label=_("Autre commune envisagée (facultatif)"), required=False)
    commune_3 = CommuneField(label=_("Autre commune envisagée (facultatif)"), required=False)


class NeedsForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("De quoi avez-vous besoin ?"),
        choices=NEEDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    housing_wish = forms.ChoiceField(
        label=_("Pour le logement, vous souhaitez"),
        choices=Candidate._meta.get_field("housing_wish").choices,
        required=False,
        widget=forms.RadioSelect,
    )
    needs_other = forms.CharField(
        label=_("Autre chose ?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class ContactForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), help_text=_("Format : nom@exemple.fr"))
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"),
        max_length=30,
        required=False,
        help_text=_("Format : 06 12 34 56 78"),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que le réseau d'accueil enregistre ces informations et les partage avec "
            "les partenaires utiles à mon projet, comme décrit dans la politique de "
            "confidentialité."
        ),
        error_messages={"required": _("Votre accord est nécessaire pour traiter votre demande.")},
    )
    # Honeypot: hidden from people (CSS + aria-hidden + tabindex=-1), filled in by robots.
    website = forms.CharField(
        label=_("Ne pas remplir ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"\+?[\d .-]{8,20}", phone):
            raise forms.ValidationError(_("Ce numéro de téléphone ne semble pas valide."))
        return phone


STEPS = [
    ("vous", _("Vous et votre foyer"), IdentityForm),
    ("projet", _("Votre projet"), ProjectForm),
    ("lieu", _("Où"), PlaceForm),
    ("besoins", _("Vos besoins"), NeedsForm),
    ("contact", _("Vous contacter"), ContactForm),
]
STEP_SLUGS = [slug for slug, _title, _form in STEPS]
