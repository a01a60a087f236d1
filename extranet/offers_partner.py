"""Partners propose territorial offers from the extranet; editors approve them in Wagtail.

A proposal is an `OfferPage` draft (never live) under the offers index, owned by the partner
and submitted to the page's Wagtail workflow (the default "Moderators approval"). Publishing
stays the editors' decision, in the admin.
"""

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from extranet.enums import Role
from extranet.roles import has_role
from portal.models import OfferIndexPage, OfferPage
from portal.places import CommuneField

MODEL_FIELDS = [
    "offer_type", "title", "summary", "address", "valid_from", "valid_until",
    "contact_organisation", "contact_name", "contact_email", "contact_phone",
    "activity", "turnover_band", "price_band", "premises", "contract_type", "working_time",
    "housing_mode", "surface_m2", "rooms", "price_eur", "audience",
    "workspace_rooms", "equipment", "opening_hours", "access_conditions",
]  # fmt: skip
FIELDSETS = [
    (_("L'offre"), ["offer_type", "title", "summary", "description"]),
    (_("Lieu et validité"), ["commune", "address", "valid_from", "valid_until"]),
    (_("Contact"), ["contact_organisation", "contact_name", "contact_email", "contact_phone"]),
    (
        _("Pour une création ou reprise d'entreprise"),
        ["activity", "turnover_band", "price_band", "premises"],
    ),
    (_("Pour un emploi"), ["contract_type", "working_time"]),
    (_("Pour un logement"), ["housing_mode", "surface_m2", "rooms", "price_eur"]),
    (_("Pour un service ou un accompagnement"), ["audience"]),
    (
        _("Pour un espace de travail partagé / tiers-lieu"),
        ["workspace_rooms", "equipment", "opening_hours", "access_conditions"],
    ),
]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def can_propose_offer(user):
    """Members of a partner structure and pole officers propose offers (the regional admin
    too); editors publish them from the Wagtail admin."""
    return user.is_authenticated and (
        has_role(user, Role.POLE_OFFICER, Role.REGIONAL_ADMIN) or user.memberships.active().exists()
    )


class OfferProposalForm(forms.Form):
    """The offer fields a partner fills in; the ones of other offer types may stay empty."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(OfferPage, fields=MODEL_FIELDS))
        self.fields["commune"] = CommuneField(
            label=_("Commune"), help_text=_("Nom de la commune ou code postal.")
        )
        self.fields["description"] = forms.CharField(
            label=_("Description détaillée"), widget=forms.Textarea(attrs={"rows": 6}),
            required=False, max_length=5000,
        )  # fmt: skip
        for name in ("valid_from", "valid_until"):
            self.fields[name].widget = DATE_WIDGET
        self.fields["valid_until"].required = True
        structure = user.memberships.active().select_related("structure").first() if user else None
        if structure:
            self.fields["contact_organisation"].initial = structure.structure.name

    def fieldsets(self):
        """(legend, bound fields) groups: what every offer needs, then one group per type."""
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("La fin de validité précède son début."))
        for name in OfferPage.REQUIRED_BY_TYPE.get(data.get("offer_type"), ()):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("Ce champ est obligatoire pour ce type d'offre."))
        return data


def _unique_slug(index, title):
    base = slugify(title)[:60] or "offre"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def submit_proposal(*, user, data):
    """Create the offer as a draft owned by `user` and start the moderation workflow."""
    index = OfferIndexPage.objects.first()
    if index is None:
        raise ImproperlyConfigured("Aucune page « liste des offres » : créez-la dans l'admin.")
    values = {name: data.get(name) for name in MODEL_FIELDS}
    values = {k: v for k, v in values.items() if v not in (None, "")}
    offer = OfferPage(**values, commune=data["commune"], live=False, owner=user)
    offer.slug = _unique_slug(index, offer.title)
    if data.get("description"):
        offer.body = [("paragraph", linebreaks(escape(data["description"])))]
    index.add_child(instance=offer)
    offer.save_revision(user=user, log_action=True)
    workflow = offer.get_workflow()
    if workflow is not None:
        workflow.start(offer, user)
    return offer
