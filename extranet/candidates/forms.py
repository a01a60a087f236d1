from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.candidates.enums import (
    CandidateSource,
    CandidateStatus,
    ContactKind,
    MatchStatus,
)
from extranet.enums import Role
from extranet.models import Candidate, WelcomePole
from extranet.roles import has_role
from portal.languages import originals
from portal.models import OfferPage
from portal.places import CommuneField
from repertoire.models import Structure

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type de contact"), choices=ContactKind.choices)
    happened_on = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=DATE_WIDGET)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    next_action_on = forms.DateField(
        label=_("Prochaine relance le"), required=False, widget=DATE_WIDGET
    )

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Un contact ne peut pas être daté dans le futur."))
        return value


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouveau statut"), choices=CandidateStatus.choices)
    reason = forms.CharField(label=_("Motif"), max_length=255, required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == CandidateStatus.DROPPED and not data.get("reason"):
            self.add_error("reason", _("Indiquez le motif de l'abandon."))
        return data


class ReferentForm(forms.Form):
    referent = forms.ModelChoiceField(
        label=_("Référent·e"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        officers = get_user_model().objects.filter(welcome_poles=candidate.pole_id)
        self.fields["referent"].queryset = officers.order_by("last_name")
        self.fields["referent"].label_from_instance = lambda u: u.get_full_name() or u.email


class ShareForm(forms.Form):
    structure = forms.ModelChoiceField(
        label=_("Structure partenaire"), queryset=Structure.objects.order_by("name")
    )
    reason = forms.CharField(
        label=_("Motif du partage"),
        max_length=255,
        help_text=_("Par exemple : reprise d'un commerce, accompagnement par la chambre."),
    )
    can_edit = forms.BooleanField(label=_("La structure peut aussi modifier"), required=False)


class MatchForm(forms.Form):
    offer = forms.ModelChoiceField(
        label=_("Offre"), queryset=originals(OfferPage.objects.current()).order_by("title")
    )
    note = forms.CharField(label=_("Remarque"), max_length=255, required=False)


class MatchStatusForm(forms.Form):
    match = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Suite donnée"), choices=MatchStatus.choices)


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Nom du filtre"), max_length=80)
    query = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)


class CandidateCreateForm(forms.ModelForm):
    """Staff enter a candidate met at a fair or on the phone."""

    target = CommuneField(label=_("Commune visée"), required=False)

    class Meta:
        model = Candidate
        fields = [
            "pole",
            "source",
            "first_name",
            "last_name",
            "email",
            "phone",
            "origin_country",
            "origin_postcode",
            "adults",
            "children",
            "project_type",
            "sector",
            "target_date",
            "project_description",
            "needs_housing",
            "needs_partner_job",
            "needs_childcare",
            "needs_premises",
            "needs_support",
            "needs_other",
            "consent_source",
        ]
        widgets = {"target_date": DATE_WIDGET}

    def __init__(self, *args, poles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pole"].queryset = poles
        self.fields["pole"].required = True
        if poles.count() == 1:
            self.fields["pole"].initial = poles.first()
        self.fields["source"].choices = [
            c for c in CandidateSource.choices if c[0] != CandidateSource.ONLINE
        ]
        self.fields["consent_source"].required = True

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            self.add_error("email", _("Indiquez au moins un e-mail ou un téléphone."))
        return data

    def save(self, commit=True):
        candidate = super().save(commit=False)
        candidate.target_commune = self.cleaned_data.get("target")
        candidate.consent_at = timezone.now()
        return candidate


def poles_for(user):
    """Poles a user may create candidates for."""
    if has_role(user, Role.REGIONAL_ADMIN):
        return WelcomePole.objects.all()
    return WelcomePole.objects.filter(officers=user)
