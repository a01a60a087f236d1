"""Offer pages for tests: Wagtail pages are created under their parent with add_child."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Page

from portal.models import HomePage, OfferIndexPage, OfferPage, OfferType, TerritoryPage
from tests.portal.factories import CommuneFactory

_seq = itertools.count()


def home():
    return HomePage.objects.first() or Page.objects.get(depth=1).add_child(
        instance=HomePage(title="Accueil", slug="accueil")
    )


def offer_index(**kwargs):
    existing = OfferIndexPage.objects.first()
    if existing:
        return existing
    kwargs.setdefault("title", "Les offres du territoire")
    kwargs.setdefault("slug", "offres")
    return home().add_child(instance=OfferIndexPage(**kwargs))


def offer(parent=None, **kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Offre {n}")
    kwargs.setdefault("slug", f"offre-{n}")
    kwargs.setdefault("offer_type", OfferType.SERVICE)
    kwargs.setdefault("summary", "Une offre du territoire.")
    kwargs.setdefault("contact_organisation", "Communauté de communes")
    if "commune" not in kwargs:
        kwargs["commune"] = CommuneFactory()
    if kwargs["offer_type"] == OfferType.BUSINESS:
        kwargs.setdefault("activity", "Boulangerie")
    if kwargs["offer_type"] == OfferType.HOUSING:
        kwargs.setdefault("housing_mode", "rent")
    if kwargs["offer_type"] == OfferType.WORKSPACE:
        kwargs.setdefault("opening_hours", "Lun-ven 9h-18h")
        kwargs.setdefault("access_conditions", "Sur adhésion")
    page = (parent or offer_index()).add_child(instance=OfferPage(**kwargs))
    page.save_revision().publish()
    return page


def expired_offer(**kwargs):
    today = timezone.localdate()
    kwargs.setdefault("valid_from", today - datetime.timedelta(days=60))
    kwargs.setdefault("valid_until", today - datetime.timedelta(days=1))
    return offer(**kwargs)


def territory(epcis=(), **kwargs):
    kwargs.setdefault("title", "S'installer en Creuse")
    kwargs.setdefault("slug", "creuse")
    kwargs.setdefault("contact_organisation", "Pôle local d'accueil du Plateau")
    page = home().add_child(instance=TerritoryPage(**kwargs))
    page.epcis.set(epcis)
    page.save_revision().publish()
    return page
