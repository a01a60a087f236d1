"""Demo permanences: each répertoire archetype holds one in a second commune, and three
network structures (the CIAS des Plateaux, the youth agency, the social centre) hold
several across the territory. Idempotent: keyed by (structure, place, commune)."""

from portal.models import Commune
from repertoire.demo import structures as network
from repertoire.models import Permanence, Structure

RULES = (
    "Tu[1,3] 09:00-12:00; PH off",
    "Th[2] 14:00-17:00; PH off",
    "We 09:00-12:00; PH off",
    "Mo[1] 14:00-16:30; PH off",
    "Fr[2,4] 09:30-12:00; PH off",
)
CIAS = "cias-des-plateaux-demo"
FRANCE_SERVICES = "france-services-trois-lacs-demo"
TRAINING = "atelier-formation-limousin-rural-demo"
# (structure slug, host structure slug or None, place, address, commune, rule, notes)
NETWORK = (
    (CIAS, None, "Mairie d'Ahun", "Place de la Mairie", "23001", RULES[0], "Sans rendez-vous"),
    (CIAS, FRANCE_SERVICES, "", "", "87117", "Th[2,4] 14:00-17:00; PH off", "Sur rendez-vous"),
    (
        network.YOUTH_AGENCY,
        None,
        "Mairie de Bellac",
        "Place de la République",
        "87011",
        RULES[0],
        "Salle du conseil, au rez-de-chaussée",
    ),
    (
        network.YOUTH_AGENCY,
        None,
        "Espace jeunes d'Aubusson",
        "2 rue Vieille",
        "23008",
        "We 14:00-17:00; PH off",
        "",
    ),
    (
        network.SOCIAL_CENTRE,
        FRANCE_SERVICES,
        "",
        "",
        "87117",
        "Mo[1] 09:30-12:00; PH off",
        "Écrivain public",
    ),
    (network.SOCIAL_CENTRE, TRAINING, "", "", "87154", "Fr[2] 14:00-16:30; PH off", ""),
)


def _upsert(structure, host, place_name, address, commune, rule, notes, service=None):
    Permanence.objects.update_or_create(
        structure=structure,
        host_structure=host,
        place_name=place_name,
        commune=commune,
        defaults={
            "address": address,
            "opening_hours": rule,
            "notes": notes,
            "service": service,
            "ends_on": None,
        },
    )


def seed_archetype_permanence(structure, index, commune):
    """One permanence of `structure` at the town hall of `commune`."""
    service = structure.services.first()
    place = f"Mairie de {commune.name}"
    rule = RULES[index % len(RULES)]
    _upsert(structure, None, place, "Place de la Mairie", commune, rule, "", service)


def seed_network_permanences():
    """The network structures' permanences, when those structures and communes exist."""
    slugs = {row[0] for row in NETWORK} | {row[1] for row in NETWORK if row[1]}
    structures = Structure.objects.in_bulk(list(slugs), field_name="slug")
    communes = Commune.objects.in_bulk([row[4] for row in NETWORK])
    for slug, host_slug, place, address, code, rule, notes in NETWORK:
        structure, commune = structures.get(slug), communes.get(code)
        host = structures.get(host_slug) if host_slug else None
        if structure is None or commune is None or (host_slug and host is None):
            continue
        _upsert(structure, host, place, address, commune, rule, notes)
