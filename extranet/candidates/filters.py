"""Filter, search and sort the candidate list (also used by the exports and statistics)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from extranet.candidates.enums import CandidateSource, CandidateStatus, ProjectType
from extranet.models import Candidate, WelcomePole
from portal.models import Commune

SORTS = {
    "-created": ("-created_at", "-pk"),
    "created": ("created_at", "pk"),
    "name": ("last_name", "first_name", "pk"),
    "status": ("status", "-created_at", "pk"),
    "-last_contact": (F("last_contact_at").desc(nulls_last=True), "-created_at", "pk"),
    "next_action": ("next_action_on", "-created_at", "pk"),
}
SORT_LABELS = [
    ("-created", _("Reçus récemment")),
    ("created", _("Reçus il y a longtemps")),
    ("name", _("Nom")),
    ("status", _("Statut")),
    ("-last_contact", _("Dernier contact")),
    ("next_action", _("Prochaine relance")),
]


class CandidateFilterForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=100)
    status = forms.MultipleChoiceField(
        label=_("Statut"),
        choices=CandidateStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    project_type = forms.ChoiceField(
        label=_("Projet"), choices=[("", _("Tous"))] + ProjectType.choices, required=False
    )
    source = forms.ChoiceField(
        label=_("Origine"), choices=[("", _("Toutes"))] + CandidateSource.choices, required=False
    )
    pole = forms.ModelChoiceField(
        label=_("Pôle"), queryset=WelcomePole.objects.all(), required=False, empty_label=_("Tous")
    )
    referent = forms.ModelChoiceField(
        label=_("Référent·e"),
        queryset=get_user_model().objects.filter(welcome_poles__isnull=False).distinct(),
        required=False,
        empty_label=_("Tous"),
    )
    received_from = forms.DateField(
        label=_("Reçus depuis le"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Reçus jusqu'au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Trier par"), choices=SORT_LABELS, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("Cette date précède la date de début."))
        return data


def search(candidates, text):
    """Every word in a name, the e-mail, the reference, the sector or the target commune.

    Each condition reads a column of the candidate table, so PostgreSQL combines its
    trigram indexes (migration 0014) with a BitmapOr; the communes are looked up first
    (one query a word, among the communes candidates target): a condition on the joined
    commune's name inside the OR would make it read every candidate."""
    text = text.strip()
    if not text:
        return candidates
    query = Q()
    for word in text.split()[:5]:
        query &= (
            Q(last_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(email__icontains=word)
            | Q(reference__iexact=word)
            | Q(sector__icontains=word)
            | Q(target_commune__in=_targeted_communes_named(word))
        )
    return candidates.filter(query)


def _targeted_communes_named(word):
    targeted = Candidate.objects.filter(target_commune__isnull=False).values("target_commune")
    named = Commune.objects.filter(name__icontains=word, pk__in=targeted)
    return list(named.values_list("pk", flat=True))


def apply_filters(candidates, data):
    candidates = search(candidates, data.get("q") or "")
    if data.get("status"):
        candidates = candidates.filter(status__in=data["status"])
    for name in ("project_type", "source", "pole", "referent"):
        if data.get(name):
            candidates = candidates.filter(**{name: data[name]})
    if data.get("received_from"):
        candidates = candidates.filter(created_at__date__gte=data["received_from"])
    if data.get("received_to"):
        candidates = candidates.filter(created_at__date__lte=data["received_to"])
    return candidates


def sorted_candidates(candidates, sort):
    return candidates.order_by(*SORTS.get(sort or "-created", SORTS["-created"]))


def filtered(candidates, params):
    """(form, filtered and sorted queryset) from GET parameters; bad filters are ignored."""
    form = CandidateFilterForm(params or None)
    form.is_valid()  # fills cleaned_data with the valid fields only
    data = getattr(form, "cleaned_data", {})
    return form, sorted_candidates(apply_filters(candidates, data), data.get("sort"))
