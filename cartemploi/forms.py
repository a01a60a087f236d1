from datetime import date

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from cartemploi import uploads
from cartemploi.enums import Gender, NafSection, OfferKind, OutcomeKind
from cartemploi.models import CompanyProfile, JobOffer, Skill, YouthProfile
from cartemploi.models.profiles import age_on
from portal.places import CommuneField

MIN_AGE = 16
UNKNOWN_COMMUNE = {"unknown": _("Commune introuvable : vérifiez son nom.")}


def commune_field():
    """The commune of a profile or an offer, in Cartemploi's words."""
    return CommuneField(
        label=_("Commune"),
        help_text=_("Nom de la commune ou code INSEE."),
        error_messages=UNKNOWN_COMMUNE,
    )


class CharterForm(forms.Form):
    accept = forms.BooleanField(
        label=_("J'ai lu la charte et je m'engage à la respecter"),
        error_messages={"required": _("Cochez la case pour accepter la charte.")},
    )


class PhotoCvMixin:
    """New uploads only are checked (an unchanged form keeps the stored files)."""

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return uploads.clean_photo(upload) if isinstance(upload, UploadedFile) else upload

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        return uploads.clean_cv(upload) if isinstance(upload, UploadedFile) else upload


class YouthProfileForm(PhotoCvMixin, forms.ModelForm):
    commune = commune_field()
    birth_date = forms.DateField(
        label=_("Date de naissance"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Jamais publiée : seule la tranche d'âge apparaît."),
    )
    looking_for = forms.MultipleChoiceField(
        label=_("Je cherche"),
        choices=OfferKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sectors = forms.MultipleChoiceField(
        label=_("Secteurs qui m'intéressent"),
        choices=NafSection.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    photo = forms.FileField(label=_("Photo (facultative)"), required=False)
    cv = forms.FileField(label=_("CV au format PDF (facultatif)"), required=False)

    class Meta:
        model = YouthProfile
        fields = [
            "first_name",
            "birth_date",
            "commune",
            "driving_licence",
            "has_vehicle",
            "mobility_km",
            "motivations",
            "looking_for",
            "sectors",
            "availability",
            "photo",
            "cv",
        ]
        help_texts = {"first_name": _("Seule l'initiale est publiée.")}

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        if born > date.today() or age_on(born) < MIN_AGE:
            raise forms.ValidationError(_("Cartemploi est ouvert aux jeunes à partir de 16 ans."))
        return born

    def clean_mobility_km(self):
        km = self.cleaned_data["mobility_km"]
        if km is not None and km > 300:
            raise forms.ValidationError(_("Indiquez un rayon de mobilité de 300 km au plus."))
        return km


class OwnYouthProfileForm(YouthProfileForm):
    """The young person's own form: only they may say their gender (an advisor's may not)."""

    gender = forms.ChoiceField(
        label=_("Genre (facultatif)"),
        choices=Gender.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Jamais publié ni montré à une entreprise : il sert seulement à compter, sans "
            "votre nom, les résultats de Cartemploi pour les jeunes femmes et les jeunes "
            "hommes."
        ),
    )

    class Meta(YouthProfileForm.Meta):
        fields = [*YouthProfileForm.Meta.fields, "gender"]


class BaseSkillFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            f
            for f in self.forms
            if f.cleaned_data and f.cleaned_data.get("label") and not f.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise forms.ValidationError(
                _("Ajoutez au moins une compétence ou un savoir-faire."), code="no_skill"
            )


SkillFormSet = inlineformset_factory(
    YouthProfile,
    Skill,
    formset=BaseSkillFormSet,
    fields=["label", "level"],
    extra=3,
    can_delete=True,
)


class CompanyProfileForm(forms.ModelForm):
    commune = commune_field()
    offers_kinds = forms.MultipleChoiceField(
        label=_("Nous proposons"),
        choices=OfferKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CompanyProfile
        fields = [
            "name",
            "trade",
            "know_how",
            "values",
            "sector",
            "size_band",
            "commune",
            "offers_kinds",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        help_texts = {
            "contact_name": _("Jamais publié : la mission locale relaie les messages."),
        }


class JobOfferForm(forms.ModelForm):
    commune = commune_field()

    class Meta:
        model = JobOffer
        fields = ["kind", "title", "description", "commune", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("La date de fin doit suivre la date de début."))
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        error_messages={"required": _("Écrivez votre message.")},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (envoyé au titulaire)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Indiquez un motif.")},
    )


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Résultat"), choices=OutcomeKind.choices)
    occurred_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=date.today,
    )


class AdvisorYouthAccountForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail du ou de la jeune"),
        help_text=_("Un lien lui permettra de choisir son mot de passe."),
    )
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    charter_read = forms.BooleanField(
        label=_("La charte a été lue et acceptée par le ou la jeune"),
        error_messages={"required": _("La charte doit être acceptée par le ou la jeune.")},
    )

    def clean_email(self):
        from django.contrib.auth import get_user_model

        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse."))
        return email
