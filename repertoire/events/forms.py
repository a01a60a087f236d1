import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.places import CommuneField, CommuneRadiusForm
from repertoire.events.enums import EventAudience, EventKind
from repertoire.validators import validate_schema_email
from repertoire.workspaces.forms import DATE_WIDGET

MAX_PEOPLE = 20
PHONE_RE = re.compile(r"\+?[\d .-]{8,20}")


class EventFilterForm(CommuneRadiusForm):
    """Upcoming events near a commune, of a kind, for an audience, from a date."""

    commune = CommuneField(
        lenient=True,
        label=_("Près de la commune"),
        required=False,
        help_text=_("Nom, code postal ou code INSEE"),
    )
    type = forms.ChoiceField(
        label=_("Type d'événement"),
        choices=[("", _("Tous"))] + EventKind.choices,
        required=False,
    )
    public = forms.ChoiceField(
        label=_("Public"), choices=[("", _("Tous"))] + EventAudience.choices, required=False
    )
    depuis = forms.DateField(label=_("À partir du"), required=False, widget=DATE_WIDGET)

    def filter(self, events):
        """`events` narrowed to what was asked, and {commune code: km} when near a commune."""
        data = self.cleaned_data
        if data.get("type"):
            events = events.filter(kind=data["type"])
        if data.get("public"):
            events = events.filter(audience=data["public"])
        if data.get("depuis"):
            since = timezone.make_aware(datetime.datetime.combine(data["depuis"], datetime.time()))
            events = events.filter(end__gte=since)
        distances = None
        if data.get("commune"):
            distances = {c.pk: round(c.distance_km, 1) for c in self.around()}
            events = events.filter(commune_id__in=list(distances))
        return events, distances


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Votre nom"), max_length=150)
    email = forms.EmailField(
        label=_("Votre e-mail"),
        validators=[validate_schema_email],
        help_text=_("La confirmation et le lien d'annulation vous seront envoyés à cette adresse."),
    )
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"),
        max_length=30,
        required=False,
        help_text=_("Format : 06 12 34 56 78"),
    )
    people = forms.IntegerField(
        label=_("Nombre de personnes"), min_value=1, max_value=MAX_PEOPLE, initial=1
    )
    # Bots fill every field; people never see this one (hidden by CSS and aria).
    nickname = forms.CharField(
        required=False,
        label=_("Ne pas remplir"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        remaining = event.remaining
        if remaining:  # places left: no more than that (a full event takes a waiting list)
            self.fields["people"].widget.attrs["max"] = min(MAX_PEOPLE, remaining)
        self.fields["people"].help_text = (
            _("Vous compris. %(n)s place(s) restante(s).") % {"n": remaining}
            if remaining
            else _("Vous compris.")
        )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.fullmatch(phone):
            raise forms.ValidationError(_("Ce numéro de téléphone ne semble pas valide."))
        return phone

    def clean_people(self):
        people = self.cleaned_data["people"]
        remaining = self.event.remaining
        if remaining and people > remaining:
            raise forms.ValidationError(
                _("Il ne reste que %(n)s place(s) : réduisez le nombre de personnes.")
                % {"n": remaining}
            )
        return people

    def is_spam(self):
        return bool(self.cleaned_data.get("nickname"))
