"""The usage agreement ("convention d'accès") of a place, as a PDF: blank (public, with the
place's rules, for whoever wants to read it before asking) or filled by the manager
(parties, room, dates, rules) in the extranet. Laid out by WeasyPrint like the fiches."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from repertoire.paper.views import pdf_response, render_pdf
from repertoire.workspaces.forms import DATE_WIDGET

TEMPLATE = "repertoire/pdf/workspace_agreement.html"


class AgreementForm(forms.Form):
    """What the manager writes into the agreement; nothing is stored."""

    user_name = forms.CharField(label=_("Utilisateur (personne ou organisme)"), max_length=150)
    user_representative = forms.CharField(
        label=_("Représenté·e par (facultatif)"), max_length=150, required=False
    )
    user_address = forms.CharField(label=_("Adresse de l'utilisateur"), max_length=255)
    room = forms.ModelChoiceField(label=_("Salle ou poste"), queryset=None, empty_label=None)
    first_day = forms.DateField(label=_("Du"), widget=DATE_WIDGET)
    last_day = forms.DateField(label=_("Au"), widget=DATE_WIDGET)
    schedule = forms.CharField(
        label=_("Jours et heures"),
        max_length=255,
        help_text=_("Ex. : tous les mardis, de 14 h à 17 h"),
    )
    price = forms.CharField(label=_("Contrepartie financière"), max_length=255, required=False)
    rules = forms.CharField(
        label=_("Règles d'utilisation"), widget=forms.Textarea(attrs={"rows": 6}), max_length=4000
    )

    def __init__(self, *args, place, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("rules", place.access_rules)
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = place.rooms.all()

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("La fin de la convention doit suivre son début."))
        return data


def agreement_pdf(place, *, base_url, filled=None):
    """The agreement's PDF response; `filled` is a valid `AgreementForm`'s cleaned data."""
    context = {
        "place": place,
        "structure": place.structure,
        "rooms": list(place.rooms.all()),
        "filled": filled,
        "rules": (filled or {}).get("rules") or place.access_rules,
        "today": timezone.localdate(),
    }
    content = render_pdf(TEMPLATE, context, base_url)
    return pdf_response(content, f"convention-{place.slug}.pdf")
