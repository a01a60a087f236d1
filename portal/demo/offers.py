"""Demo offers (~30, every type, a few expired) and one territory page per demo pole.

Idempotent: pages are matched by slug; a re-run creates nothing new. Contacts are fictitious.
"""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Site

from portal.models import Commune, Epci, OfferIndexPage, OfferPage, OfferType, TerritoryPage

# Communes of the demo poles' EPCIs (Creuse and Haute-Vienne), nearest towns first.
TERRITORIES = {
    "s-installer-en-creuse-sud": (
        "S'installer en Creuse Sud",
        "Pôle local d'accueil Creuse Sud",
        ("200044014", "200067189", "200067593"),
    ),
    "s-installer-monts-et-barrages": (
        "S'installer dans les Monts et Barrages",
        "Pôle local d'accueil Monts et Barrages",
        ("248719353", "248719338", "248719361"),
    ),
}
OFFERS = [
    (OfferType.BUSINESS, "Boulangerie-pâtisserie à reprendre", {"activity": "Boulangerie"}),
    (OfferType.BUSINESS, "Café-épicerie de village à reprendre", {"activity": "Multiple rural"}),
    (OfferType.BUSINESS, "Garage automobile cherche repreneur", {"activity": "Mécanique"}),
    (OfferType.BUSINESS, "Création d'un cabinet infirmier", {"activity": "Santé"}),
    (OfferType.BUSINESS, "Ferme maraîchère bio à transmettre", {"activity": "Maraîchage"}),
    (OfferType.JOB, "Infirmier·e en EHPAD", {"contract_type": "CDI"}),
    (
        OfferType.JOB,
        "Professeur·e de musique",
        {"working_time": "Mi-temps"},
    ),
    (OfferType.JOB, "Agent·e technique polyvalent·e", {"contract_type": "CDI"}),
    (OfferType.JOB, "Animateur·rice jeunesse", {"contract_type": "CDD"}),
    (OfferType.JOB, "Médecin généraliste", {"contract_type": "Libéral"}),
    (OfferType.HOUSING, "Maison de bourg T4 à louer", {"housing_mode": "rent", "rooms": 4}),
    (OfferType.HOUSING, "Longère avec terrain à vendre", {"housing_mode": "sale", "rooms": 5}),
    (OfferType.HOUSING, "Logement communal T3", {"housing_mode": "rent", "rooms": 3}),
    (OfferType.HOUSING, "Appartement passerelle meublé", {"housing_mode": "rent", "rooms": 2}),
    (OfferType.HOUSING, "Maison à rénover", {"housing_mode": "sale", "rooms": 6}),
    (OfferType.SERVICE, "Crèche intercommunale : places disponibles", {}),
    (OfferType.SERVICE, "Transport à la demande", {}),
    (OfferType.SERVICE, "Maison de santé pluridisciplinaire", {}),
    (OfferType.SERVICE, "École et accueil périscolaire", {}),
    (OfferType.SERVICE, "France services : vos démarches", {}),
    (OfferType.SUPPORT, "Accompagnement à la création d'entreprise", {"audience": "Porteurs"}),
    (OfferType.SUPPORT, "Prêt d'honneur pour reprendre", {"audience": "Repreneurs"}),
    (OfferType.SUPPORT, "Week-end découverte du territoire", {"audience": "Nouveaux"}),
    (OfferType.SUPPORT, "Parrainage par un habitant", {"audience": "Nouveaux arrivants"}),
    (OfferType.SUPPORT, "Aide à l'installation des soignants", {"audience": "Soignants"}),
    (OfferType.WORKSPACE, "Tiers-lieu et espace de coworking", {}),
    (OfferType.WORKSPACE, "Atelier partagé de fabrication", {}),
    (OfferType.WORKSPACE, "Bureaux partagés en gare", {}),
    (OfferType.WORKSPACE, "Cuisine partagée pour artisans", {}),
    (OfferType.WORKSPACE, "Salle de réunion à la journée", {}),
]
WORKSPACE_DEFAULTS = {
    "opening_hours": "Du lundi au vendredi, 9 h – 18 h",
    "access_conditions": "Sur adhésion, première journée offerte",
    "equipment": "Fibre, imprimante, visioconférence",
    "workspace_rooms": "12 postes, 2 bureaux fermés, 1 salle de réunion",
}


def _index(home):
    index = OfferIndexPage.objects.child_of(home).first()
    if index:
        return index
    index = OfferIndexPage(
        title="Les offres du territoire",
        slug="offres",
        introduction="Entreprises à reprendre, emplois, logements, services et tiers-lieux.",
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _offer(index, number, offer_type, title, extra, commune):
    today = timezone.localdate()
    expired = number % 10 == 9  # a few expired offers: they leave the public list
    fields = {
        "title": title,
        "slug": f"demo-offre-{number:02d}",
        "offer_type": offer_type,
        "summary": f"{title}, à {commune.name}. Offre de démonstration.",
        "commune": commune,
        "valid_from": today - datetime.timedelta(days=30),
        "valid_until": today + datetime.timedelta(days=-3 if expired else 60 + number * 5),
        "contact_organisation": "Communauté de communes (démonstration)",
        "contact_email": "accueil@demo.passerelles.localhost",
        **extra,
    }
    if offer_type == OfferType.WORKSPACE:
        fields = {**WORKSPACE_DEFAULTS, **fields}
    page = OfferPage(**fields)
    index.add_child(instance=page)
    page.save_revision().publish()


def seed_offers_demo():
    """~30 offers spread over the demo poles' communes, and their territory pages."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = _index(home)
    codes = [code for _t, _o, epcis in TERRITORIES.values() for code in epcis]
    communes = list(Commune.objects.filter(epci__in=codes).order_by("-population")[:15])
    if not communes:
        return
    existing = set(OfferPage.objects.child_of(index).values_list("slug", flat=True))
    cycle = itertools.cycle(communes)
    for number, (offer_type, title, extra) in enumerate(OFFERS, start=1):
        commune = next(cycle)
        if f"demo-offre-{number:02d}" not in existing:
            _offer(index, number, offer_type, title, extra, commune)
    for slug, (title, organisation, epcis) in TERRITORIES.items():
        _territory(home, slug, title, organisation, epcis)


def _territory(home, slug, title, organisation, epcis):
    if TerritoryPage.objects.filter(slug=slug).exists():
        return
    page = TerritoryPage(
        title=title,
        slug=slug,
        introduction="Un territoire rural accueillant : services, emplois et entreprises.",
        contact_organisation=organisation,
        contact_email="accueil@demo.passerelles.localhost",
        contact_phone="05 00 00 00 00",
    )
    home.add_child(instance=page)
    page.epcis.set(Epci.objects.filter(pk__in=epcis))
    page.save_revision().publish()
