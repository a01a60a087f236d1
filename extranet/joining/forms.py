"""The join request form: the structure is found by a search (name or commune) and picked
among a short list of matches, so the page never carries every structure of the network."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from repertoire.models import Structure

MATCHES = 10


def structure_matches(query):
    """Up to `MATCHES` published structures whose name or commune contains `query`."""
    query = (query or "").strip()[:100]
    if len(query) < 2:
        return []
    return list(
        Structure.objects.published()
        .filter(Q(name__icontains=query) | Q(commune__name__icontains=query))
        .select_related("commune")
        .order_by("name")[:MATCHES]
    )


class StructureSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom ou commune de votre structure"),
        max_length=100,
        required=False,
        help_text=_("Par exemple « épicerie » ou « Guéret »."),
    )


class JoinRequestForm(forms.Form):
    structure = forms.ModelChoiceField(
        label=_("Votre structure"),
        queryset=Structure.objects.published(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez votre structure dans la liste."),
            "invalid_choice": _("Choisissez votre structure dans la liste."),
        },
    )
    message = forms.CharField(
        label=_("Message au responsable de la structure"),
        help_text=_("Votre fonction, pourquoi vous rejoignez le réseau (1000 caractères au plus)."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Présentez-vous en quelques mots.")},
    )

    def __init__(self, *args, matches=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Only the matches are offered; any published structure is accepted back.
        self.fields["structure"].choices = [(s.pk, _label(s)) for s in matches]


def _label(structure):
    return f"{structure.name} ({structure.commune.name})" if structure.commune else structure.name


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus (envoyé à la personne)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
