"""Partners propose territorial offers from the extranet; editors approve them in Wagtail.

A proposal is an `OfferPage` draft (never live) under the offers index, owned by the partner
and submitted to the page's Wagtail workflow ("Relecture des pages", migration 0008). Publishing
stays the approvers' decision (Moderators, regional admin), in the admin.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import slugify

from extranet.offers.forms import MODEL_FIELDS
from portal.languages import originals
from portal.models import OfferIndexPage, OfferPage


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
    index = originals(OfferIndexPage.objects.all()).first()
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
