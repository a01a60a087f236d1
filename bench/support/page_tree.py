"""Offers written as a Wagtail page tree in bulk, for the benches (issue #13): the
`wagtailcore_page` rows in one `bulk_create` with their treebeard paths computed
(`Page._get_path`), then the `portal_offerpage` rows in batched INSERTs (a multi-table model
has no `bulk_create`) — not one `save_revision` per page (an hour for 10k). No signals: the
caller forgets the caches (`cache.clear()`) and indexes nothing. Needs Django set up."""

import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.models import OfferPage
from portal.models.offers import OfferType

BATCH = 2000


@transaction.atomic
def bulk_offers(index, communes, count, seed=13):
    """`count` live offers under `index` (an `OfferIndexPage`), in `communes` at random."""
    index.refresh_from_db()
    start, depth = index.numchild + 1, index.depth + 1
    content_type = ContentType.objects.get_for_model(OfferPage)
    locale, now = Locale.get_default(), timezone.now()
    pages = Page.objects.bulk_create(
        (Page(path=Page._get_path(index.path, depth, start + n), depth=depth, numchild=0,
              title=f"Offre {start + n}", draft_title=f"Offre {start + n}",
              slug=f"offre-{start + n}", url_path=f"{index.url_path}offre-{start + n}/",
              content_type=content_type, locale=locale, live=True,
              first_published_at=now - timedelta(minutes=start + n),
              last_published_at=now - timedelta(minutes=start + n))
         for n in range(count)),
        batch_size=BATCH,
    )  # fmt: skip
    offers = _offer_rows(pages, communes, random.Random(seed + start))
    fields = OfferPage._meta.local_concrete_fields
    for at in range(0, len(offers), BATCH):
        OfferPage._base_manager._insert(offers[at : at + BATCH], fields=fields, raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)


def _offer_rows(pages, communes, rng):
    today, types = timezone.localdate(), list(OfferType.values)
    return [
        OfferPage(
            page_ptr_id=page.pk,
            offer_type=rng.choice(types),
            summary="Une offre du territoire.",
            body=[],
            commune=rng.choice(communes),
            contact_organisation="Communauté de communes",
            valid_until=today + timedelta(days=rng.randint(-30, 300)),
        )  # fmt: skip
        for page in pages
    ]
