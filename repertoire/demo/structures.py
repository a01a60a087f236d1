"""Fictitious structures of the demo territory (Creuse, Haute-Vienne, one annexe in Corrèze).

Names, addresses, phone numbers (05 55 00 xx xx), e-mails (@exemple.fr) and SIRETs are
invented; only the communes are real, so they must be loaded first (`load_communes`).
Called by `manage.py seed_demo`; re-running updates the same rows (keyed by slug).
"""

from dataclasses import dataclass

from portal.models import Commune
from repertoire.enums import StructureKind
from repertoire.models import Structure
from repertoire.validators import make_siret


@dataclass(frozen=True)
class DemoStructure:
    slug: str
    name: str
    kind: str
    commune: str  # INSEE code
    address: str
    phone: str
    summary: str

    @property
    def email(self):
        return f"contact@{self.slug}.exemple.fr"


REGIONAL_SERVICE = "service-regional-accueil-demo"
POLE_CREUSE_SUD = "accueil-creuse-sud-demo"
POLE_MONTS_BARRAGES = "accueil-monts-et-barrages-demo"
YOUTH_AGENCY = "mission-locale-deux-vallees-demo"
GROCERY = "epicerie-solidaire-epi-partage-demo"
SOCIAL_CENTRE = "centre-social-fil-des-monts-demo"
# The network of shared workspaces (repertoire.demo.workspaces): a public-services relay, a
# media library and a tourist office within 10 km of one another in the west of the Creuse.
SERVICES_RELAY = "relais-services-publics-grand-bourg-demo"
MEDIA_LIBRARY = "mediatheque-fursac-demo"
TOURIST_OFFICE = "office-tourisme-benevent-demo"

STRUCTURES = (
    DemoStructure(
        REGIONAL_SERVICE,
        "Service régional d'accueil des nouveaux habitants",
        StructureKind.WELCOME_NETWORK,
        "87085",  # Limoges
        "12 rue des Tilleuls",
        "05 55 00 10 00",
        "Anime le réseau des pôles locaux d'accueil, reçoit les projets d'installation qui "
        "ne relèvent d'aucun pôle et tient les statistiques régionales.",
    ),
    DemoStructure(
        POLE_CREUSE_SUD,
        "Association Creuse Sud Accueil",
        StructureKind.WELCOME_NETWORK,
        "23008",  # Aubusson
        "4 place de la Tapisserie",
        "05 55 00 23 10",
        "Porte le pôle local d'accueil du sud de la Creuse : premier rendez-vous, visite du "
        "territoire, mise en relation avec les cédants, les employeurs et les bailleurs.",
    ),
    DemoStructure(
        POLE_MONTS_BARRAGES,
        "Maison de l'accueil Monts et Barrages",
        StructureKind.WELCOME_NETWORK,
        "87064",  # Eymoutiers
        "7 avenue du Lac",
        "05 55 00 87 10",
        "Porte le pôle local d'accueil de l'est de la Haute-Vienne, du lac de Vassivière "
        "aux bords de la Vienne : accompagnement des projets d'installation et d'activité.",
    ),
    DemoStructure(
        YOUTH_AGENCY,
        "Mission locale des Deux Vallées",
        StructureKind.YOUTH_AGENCY,
        "23096",  # Guéret
        "3 rue du Marché",
        "05 55 00 23 20",
        "Accompagne les jeunes de 16 à 25 ans vers l'emploi, la formation, le logement et "
        "la mobilité ; anime la carte des compétences Cartemploi avec les entreprises.",
    ),
    DemoStructure(
        "cias-des-plateaux-demo",
        "Centre intercommunal d'action sociale des Plateaux",
        StructureKind.LOCAL_AUTHORITY,
        "23030",  # Bourganeuf
        "1 place de l'Hôtel-de-Ville",
        "05 55 00 23 30",
        "Aides facultatives, domiciliation, instruction des demandes d'aide sociale, portage "
        "de repas et écoute des personnes isolées.",
    ),
    DemoStructure(
        GROCERY,
        "Épicerie solidaire L'Épi partagé",
        StructureKind.ASSOCIATION,
        "23079",  # Felletin
        "9 rue des Tisserands",
        "05 55 00 23 40",
        "Produits alimentaires et d'hygiène à petit prix sur orientation d'un travailleur "
        "social, ateliers cuisine et jardin partagé.",
    ),
    DemoStructure(
        "creche-les-ptits-cailloux-demo",
        "Crèche associative Les P'tits Cailloux",
        StructureKind.ASSOCIATION,
        "23001",  # Ahun
        "2 chemin des Écoliers",
        "05 55 00 23 50",
        "Seize places d'accueil régulier ou occasionnel pour les enfants de 10 semaines à "
        "4 ans, horaires adaptés aux parents qui travaillent en horaires décalés.",
    ),
    DemoStructure(
        SOCIAL_CENTRE,
        "Centre social Le Fil des Monts",
        StructureKind.ASSOCIATION,
        "87161",  # Saint-Léonard-de-Noblat
        "15 boulevard des Promenades",
        "05 55 00 87 20",
        "Accueil de loisirs, accompagnement à la scolarité, permanences d'écrivain public "
        "et d'accès aux droits, animations pour les familles nouvellement arrivées.",
    ),
    DemoStructure(
        "garage-solidaire-roule-en-marche-demo",
        "Roule en Marche — garage et mobilité solidaires",
        StructureKind.SOCIAL_ENTERPRISE,
        "23176",  # La Souterraine
        "ZA des Granges, allée B",
        "05 55 00 23 60",
        "Location de voitures et de scooters à petit prix pour aller au travail ou en "
        "formation, réparations solidaires et conseil en mobilité.",
    ),
    DemoStructure(
        "atelier-formation-limousin-rural-demo",
        "Atelier Formation Limousin Rural",
        StructureKind.ASSOCIATION,
        "87154",  # Saint-Junien
        "21 rue de la Ganterie",
        "05 55 00 87 30",
        "Remise à niveau, français langue étrangère, savoirs numériques et préparation aux "
        "métiers du soin, du bâtiment et de l'agriculture.",
    ),
    DemoStructure(
        "france-services-trois-lacs-demo",
        "Espace France services des Trois Lacs",
        StructureKind.PUBLIC_SERVICE,
        "87117",  # Peyrat-le-Château
        "5 place du Champ-de-Foire",
        "05 55 00 87 40",
        "Aide aux démarches administratives en ligne (CAF, retraite, impôts, santé, emploi) "
        "avec deux conseillères et un poste informatique en libre accès.",
    ),
    DemoStructure(
        "habitat-relais-creuse-limousin-demo",
        "Habitat Relais Creuse-Limousin",
        StructureKind.ASSOCIATION,
        "23096",  # Guéret
        "8 allée des Acacias",
        "05 55 00 23 70",
        "Logements temporaires pour les nouveaux arrivants et les salariés en mobilité, "
        "recherche de logement et médiation avec les propriétaires.",
    ),
    DemoStructure(
        "relais-solidarite-monedieres-demo",
        "Relais Solidarité Monédières (annexe)",
        StructureKind.ASSOCIATION,
        "19269",  # Treignac, Corrèze: an annexe just outside the territory
        "6 rue du Pont-Vieux",
        "05 55 00 19 10",
        "Structure voisine, hors du territoire : accompagnement vers l'emploi et aide aux "
        "démarches pour les habitants des confins de la Creuse et de la Haute-Vienne.",
    ),
    DemoStructure(
        SERVICES_RELAY,
        "Relais de services publics du Grand-Bourg",
        StructureKind.PUBLIC_SERVICE,
        "23095",  # Le Grand-Bourg
        "2 place du Champ de Foire",
        "05 55 00 23 95",
        "France services : aide aux démarches administratives, permanences des partenaires, "
        "salles de réunion, salle informatique et bureaux prêtés aux télétravailleurs.",
    ),
    DemoStructure(
        MEDIA_LIBRARY,
        "Médiathèque intercommunale de Fursac",
        StructureKind.LOCAL_AUTHORITY,
        "23192",  # Fursac
        "5 rue de l'École",
        "05 55 00 23 19",
        "Prêt de livres et de jeux, ateliers numériques, postes de travail en accès libre.",
    ),
    DemoStructure(
        TOURIST_OFFICE,
        "Office de tourisme de Bénévent-l'Abbaye",
        StructureKind.PUBLIC_SERVICE,
        "23021",  # Bénévent-l'Abbaye
        "1 place du Marché",
        "05 55 00 23 21",
        "Accueil des visiteurs, billetterie, et un espace de coworking au premier étage.",
    ),
)

COMMUNE_CODES = frozenset(structure.commune for structure in STRUCTURES)


def seed_structures():
    """Create or update the demo structures; returns them by slug.

    A structure is saved only when its demo values differ, so a re-run does not touch
    (nor re-index) unchanged rows.
    """
    communes = Commune.objects.in_bulk(COMMUNE_CODES)
    existing = Structure.objects.in_bulk([demo.slug for demo in STRUCTURES], field_name="slug")
    structures = {}
    for index, demo in enumerate(STRUCTURES, start=1):
        values = {
            "name": demo.name,
            "kind": demo.kind,
            "siret": make_siret(f"99{index:06d}"),
            "commune": communes[demo.commune],
            "address": demo.address,
            "phone": demo.phone,
            "email": demo.email,
            "summary": demo.summary,
            "live": True,
        }
        structure = existing.get(demo.slug) or Structure(slug=demo.slug)
        if structure.pk is None or any(getattr(structure, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(structure, name, value)
            structure.save()
        structures[demo.slug] = structure
    return structures
