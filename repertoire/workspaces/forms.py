import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.places import CommuneField, CommuneRadiusForm
from repertoire.validators import validate_schema_email
from repertoire.workspaces.enums import VisitorKind

MAX_PEOPLE = 500
MAX_DAYS_AHEAD = 366
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


class SlotFields(forms.Form):
    """A day, a time range and a number of people, read as the place's local time."""

    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start = forms.TimeField(label=_("De"), widget=TIME_WIDGET)
    end = forms.TimeField(label=_("À"), widget=TIME_WIDGET)
    people = forms.IntegerField(
        label=_("Nombre de personnes"), min_value=1, max_value=MAX_PEOPLE, initial=1
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate() + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Réservez au plus un an à l'avance."))
        return day

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("L'heure de fin doit suivre l'heure de début."))
        return data

    def slot(self):
        """(start, end) as aware datetimes, once the form is valid."""
        day = self.cleaned_data["date"]
        return tuple(
            timezone.make_aware(datetime.datetime.combine(day, self.cleaned_data[key]))
            for key in ("start", "end")
        )


class NetworkSearchForm(CommuneRadiusForm, SlotFields):
    """ "Where can I work on Tuesday afternoon near Laragne?" """

    commune = CommuneField(
        lenient=True,
        label=_("Près de la commune"),
        required=False,
        help_text=_("Nom, code postal ou code INSEE"),
    )
    field_order = ["commune", "rayon", "date", "start", "end", "people"]

    def clean_date(self):
        day = super().clean_date()
        if day < timezone.localdate():
            raise forms.ValidationError(_("Cette date est passée : choisissez une date à venir."))
        return day


class BookingRequestForm(SlotFields):
    room = forms.TypedChoiceField(label=_("Salle ou poste"), coerce=int)
    name = forms.CharField(label=_("Votre nom"), max_length=150)
    email = forms.EmailField(
        label=_("Votre e-mail"),
        validators=[validate_schema_email],
        help_text=_("La réponse du lieu vous sera envoyée à cette adresse."),
    )
    organisation = forms.CharField(
        label=_("Organisme (facultatif)"), max_length=150, required=False
    )
    visitor_kind = forms.ChoiceField(label=_("Vous êtes"), choices=VisitorKind.choices)
    purpose = forms.CharField(
        label=_("Objet (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Bots fill every field; people never see this one (hidden by CSS and aria).
    nickname = forms.CharField(
        required=False,
        label=_("Ne pas remplir"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = [
        "room",
        "date",
        "start",
        "end",
        "people",
        "name",
        "email",
        "organisation",
        "visitor_kind",
        "purpose",
        "nickname",
    ]

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.rooms = {room.pk: room for room in rooms}
        self.fields["room"].choices = [
            (room.pk, f"{room.name} — {room.capacity} pl.") for room in rooms
        ]

    def is_spam(self):
        return bool(self.cleaned_data.get("nickname"))

    def chosen_room(self):
        return self.rooms[self.cleaned_data["room"]]
