"""Territorial offers in the site search (kind "offer"); `register()` is called by
`PortalConfig.ready`.

Every live offer is indexed, but only a current one is public: an offer that has expired
(or not started yet) is indexed with the "members" visibility, so it leaves the public
search and stays findable from the extranet — the same rule as the offer lists. Dates pass
without any save, so `manage.py refresh_offer_index` (daily, see its help) re-indexes the
offers whose validity started or ended recently.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.languages import originals
from portal.models import OfferPage
from portal.search_sources import _stream_text
from search import registry
from search.documents import MEMBERS, PUBLIC, Document

KIND = "offer"


def offer_queryset():
    return originals(OfferPage.objects.live().public()).select_related("commune")


def offer_document(offer):
    commune = offer.commune
    return Document(
        kind=KIND,
        id=str(offer.pk),
        title=offer.title,
        text=" ".join(
            filter(
                None,
                [offer.summary, offer.activity, offer.audience, _stream_text(offer.body)],
            )
        ),
        url=offer.url or "",
        types=[offer.offer_type],
        commune_code=commune.insee_code,
        department_code=commune.department_id or "",
        point=offer.point,
        visibility=PUBLIC if offer.is_current() else MEMBERS,
        updated_at=offer.last_published_at,
        suggest=[offer.title],
    )


def recently_changed_state(days=7, today=None):
    """Live offers whose validity began or ended within the last `days` days: the ones whose
    visibility may have changed since they were last indexed."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    return offer_queryset().filter(
        Q(valid_until__gte=since, valid_until__lt=today)
        | Q(valid_from__gt=since, valid_from__lte=today)
    )


def register():
    registry.register(
        registry.Source(
            kind=KIND,
            label=_("Offres du territoire"),
            model=OfferPage,
            get_queryset=offer_queryset,
            to_document=offer_document,
        )
    )
