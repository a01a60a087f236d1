from data_inclusion.schema import v1 as di
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from extranet.models import Pathway, PathwayContact, PathwayStep
from repertoire.enums import schema_choices
from repertoire.models import Service, Structure


class PathwayForm(forms.ModelForm):
    structure = forms.ModelChoiceField(
        label=_("Rédigée au nom de"), queryset=Structure.objects.none(), empty_label=None
    )
    thematiques = forms.MultipleChoiceField(
        label=_("Ses difficultés, par thème"),
        choices=schema_choices(di.Thematique),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    email_consent = forms.BooleanField(
        label=_("La personne accepte de recevoir sa fiche par e-mail."), required=False
    )

    class Meta:
        model = Pathway
        fields = ["person_first_name", "person_last_name", "person_email", "language", "situation"]
        widgets = {"situation": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "person_first_name": {"required": _("Indiquez le prénom de la personne.")},
            "situation": {"required": _("Écrivez ses besoins en quelques phrases courtes.")},
        }

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        if self.instance.email_consent_at:
            self.initial.setdefault("email_consent", True)

    def clean(self):
        data = super().clean()
        if data.get("email_consent") and not data.get("person_email"):
            self.add_error(
                "person_email", _("Indiquez l'e-mail de la personne pour le lui envoyer.")
            )
        return data


class ContactForm(forms.ModelForm):
    structure = forms.ModelChoiceField(
        label=_("Structure du répertoire"),
        queryset=Structure.objects.published().order_by("name"),
        required=False,
    )
    service = forms.ModelChoiceField(
        label=_("Service (facultatif)"), queryset=Service.objects.all(), required=False
    )

    class Meta:
        model = PathwayContact
        fields = ["structure", "service", "what_for"]

    def clean(self):
        data = super().clean()
        if data.get("what_for") and not data.get("structure"):
            self.add_error("structure", _("Choisissez la structure dans le répertoire."))
        if data.get("structure") and not data.get("what_for"):
            self.add_error("what_for", _("Dites en une phrase ce qu'elle fera pour la personne."))
        service = data.get("service")
        if service and data.get("structure") and service.structure_id != data["structure"].pk:
            self.add_error("service", _("Ce service n'appartient pas à cette structure."))
        return data


class StepForm(forms.ModelForm):
    class Meta:
        model = PathwayStep
        fields = ["text", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


ContactFormSet = inlineformset_factory(
    Pathway, PathwayContact, form=ContactForm, extra=3, max_num=8, can_delete=True
)
StepFormSet = inlineformset_factory(
    Pathway, PathwayStep, form=StepForm, extra=3, max_num=10, can_delete=True
)
