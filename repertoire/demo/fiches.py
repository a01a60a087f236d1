"""Demo répertoire: 20 fictitious structures on real Creuse / Haute-Vienne communes, each
also holding a permanence in another commune (once two "… – Commune" copies of the same
structure; re-running removes those copies).

Every name, phone (ARCEP range reserved for fiction: 05 36 49 xx xx) and address is made
up. Idempotent: structures are keyed by slug, services by (structure, name).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify

from portal.languages import originals
from portal.models import Commune, HomePage
from repertoire.demo.permanences import seed_archetype_permanence, seed_network_permanences
from repertoire.models import RepertoirePage, Service, Structure, Theme

COMMUNES = [
    "23096",
    "23176",
    "23008",
    "23030",
    "23031",
    "87085",
    "87154",
    "87187",
    "87011",
    "87161",
]
WEEKDAYS = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"

# (name, kind, themes, summary, opening hours, access modes, service, service type, thématique)
ARCHETYPES = [
    (
        "Relais petite enfance Les Galipettes",
        "public_service",
        ["garde-d-enfants"],
        "Informe les parents sur les modes de garde et accompagne les assistantes maternelles.",
        "Tu,Th 09:00-12:00,13:30-17:30",
        ["appointment"],
        "Trouver un mode de garde",
        "information",
        "famille--garde-denfants",
    ),
    (
        "Maison de santé du Bocage",
        "association",
        ["sante"],
        "Médecins, infirmières et permanences de prévention sous un même toit.",
        "Mo-Fr 08:00-19:00; Sa 08:00-12:00; PH off",
        ["appointment"],
        "Consultations de médecine générale",
        "accompagnement",
        "sante--acces-aux-soins",
    ),
    (
        "Point écoute santé jeunes L'Escale",
        "association",
        ["sante"],
        "Écoute anonyme et gratuite des 12-25 ans et de leurs parents.",
        "We 14:00-18:00; Sa 10:00-12:00",
        ["free"],
        "Écoute psychologique",
        "accompagnement",
        "sante--sante-mentale",
    ),
    (
        "Espace solidarité du canton",
        "public_service",
        ["suivi-social", "aide-ponctuelle-ou-d-urgence"],
        "Travailleurs sociaux pour les démarches, les droits et les difficultés du quotidien.",
        WEEKDAYS,
        ["appointment"],
        "Accompagnement social global",
        "accompagnement",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ),
    (
        "Point conseil budget Les Comptes Clairs",
        "association",
        ["suivi-social"],
        "Aide à faire ses comptes, prévenir et traiter le surendettement.",
        "Mo,Th 09:00-12:00",
        ["appointment"],
        "Rendez-vous budget",
        "accompagnement",
        "difficultes-financieres--situation-dendettement-surendettement",
    ),
    (
        "Épicerie solidaire La Musette",
        "association",
        ["aide-materielle", "aide-ponctuelle-ou-d-urgence"],
        "Produits du quotidien à petit prix, sur orientation d'un travailleur social.",
        "Tu 14:00-18:00; Fr 09:00-12:00",
        ["referral"],
        "Épicerie à prix réduit",
        "aide-materielle",
        "equipement-et-alimentation--alimentation",
    ),
    (
        "Vestiaire et recyclerie Le Fil",
        "association",
        ["aide-materielle"],
        "Vêtements, meubles et électroménager de seconde main.",
        "We,Sa 09:30-12:30",
        ["free"],
        "Vestiaire solidaire",
        "aide-materielle",
        "equipement-et-alimentation--habillement",
    ),
    (
        "Accompagnement scolaire Les Cartables",
        "association",
        ["soutien-educatif"],
        "Aide aux devoirs et ateliers de lecture pour les écoliers et collégiens.",
        "Mo,Tu,Th 16:30-18:30",
        ["registration"],
        "Aide aux devoirs",
        "atelier",
        "famille--soutien-a-la-parentalite-et-a-leducation",
    ),
    (
        "Atelier français langue étrangère Les Mots Passants",
        "association",
        ["soutien-educatif", "formation"],
        "Cours de français pour adultes, tous niveaux, en petits groupes.",
        "Mo,We 09:30-11:30",
        ["registration"],
        "Cours de français",
        "formation",
        "lecture-ecriture-calcul--maitriser-le-francais",
    ),
    (
        "Antenne emploi du Pays",
        "public_service",
        ["emploi-et-insertion"],
        "Offres d'emploi locales, aide au CV et mise en relation avec les employeurs.",
        WEEKDAYS,
        ["free", "appointment"],
        "Atelier CV et lettre de motivation",
        "atelier",
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
    ),
    (
        "Chantier d'insertion Les Jardins du Thaurion",
        "social_enterprise",
        ["emploi-et-insertion"],
        "Contrats d'insertion en maraîchage biologique avec accompagnement socio-professionnel.",
        "Mo-Fr 08:00-12:00,13:00-16:00",
        ["referral"],
        "Contrat d'insertion en maraîchage",
        "accompagnement",
        "trouver-un-emploi--repondre-a-des-offres-demploi",
    ),
    (
        "Antenne jeunes 16-25",
        "youth_agency",
        ["emploi-et-insertion", "formation", "mobilite"],
        "Accompagne les 16-25 ans vers l'emploi, la formation, le logement et la mobilité.",
        WEEKDAYS,
        ["appointment"],
        "Accompagnement vers l'emploi des jeunes",
        "accompagnement",
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
    ),
    (
        "Centre de formation rurale du Limousin",
        "association",
        ["formation"],
        "Formations qualifiantes courtes aux métiers du soin, de l'agriculture et du bâtiment.",
        "Mo-Th 08:30-17:00; Fr 08:30-12:00",
        ["registration", "fees"],
        "Formation d'agent de service",
        "formation",
        "se-former--trouver-sa-formation",
    ),
    (
        "Comité local pour le logement autonome",
        "association",
        ["logement"],
        "Aide les jeunes et les familles à trouver et garder un logement.",
        "Tu,Th 09:00-12:30",
        ["appointment"],
        "Recherche de logement",
        "accompagnement",
        "logement-hebergement--louer-un-logement",
    ),
    (
        "Accueil de jour et hébergement d'urgence La Halte",
        "association",
        ["logement", "aide-ponctuelle-ou-d-urgence"],
        "Accueil de jour, douches, domiciliation et quelques places d'hébergement d'urgence.",
        "Mo-Su 08:00-20:00",
        ["free"],
        "Hébergement d'urgence",
        "aide-materielle",
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
    ),
    (
        "Garage solidaire Roue Libre",
        "social_enterprise",
        ["mobilite"],
        "Réparations à prix coûtant et location de véhicules pour aller au travail.",
        "Mo-Fr 08:30-12:00,13:30-18:00",
        ["referral", "fees"],
        "Location de voiture à 5 € par jour",
        "aide-materielle",
        "mobilite--acceder-a-un-vehicule",
    ),
    (
        "Transport à la demande du Pays",
        "local_authority",
        ["mobilite"],
        "Un minibus sur réservation pour rejoindre le bourg, la gare ou le marché.",
        "Mo-Sa 07:00-19:00",
        ["registration", "fees"],
        "Réserver un trajet",
        "aide-materielle",
        "mobilite--mobilite-douce-partagee-collective",
    ),
    (
        "Service d'accompagnement à la vie sociale Le Trait d'Union",
        "association",
        ["handicap"],
        "Accompagne les adultes en situation de handicap dans leur vie quotidienne.",
        WEEKDAYS,
        ["referral"],
        "Accompagnement à domicile",
        "accompagnement",
        "famille--prise-en-charge-personne-dependante",
    ),
    (
        "Permanence accès aux droits handicap",
        "public_service",
        ["handicap"],
        "Aide à constituer un dossier MDPH et à connaître ses droits.",
        "We 09:00-12:00,14:00-17:00",
        ["appointment"],
        "Aide au dossier MDPH",
        "accompagnement",
        "sante--constituer-un-dossier-mdph-invalidite",
    ),
    (
        "Espace numérique de la médiathèque",
        "local_authority",
        ["numerique"],
        "Ordinateurs en libre accès et conseillers numériques pour les démarches en ligne.",
        "Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-12:00",
        ["free"],
        "Aide aux démarches en ligne",
        "accompagnement",
        "numerique--acceder-a-des-services-en-ligne",
    ),
]


def _commune(code):
    return Commune.objects.filter(insee_code=code).first()


def _structure_values(archetype, index, commune):
    name, kind, _themes, summary, hours, modes, *_service = archetype
    return {
        "name": name,
        "kind": kind,
        "summary": summary,
        "objectives": summary,
        "audience": "Habitants du territoire" if index % 3 else "Toute personne, sans condition",
        "access_modes": modes,
        "access_conditions": "Appelez avant de venir pour un premier rendez-vous."
        if "appointment" in modes
        else "",
        "how_it_works": (
            "Un premier accueil pour comprendre la demande, puis un accompagnement adapté."
        ),
        "opening_hours": hours,
        "languages": "français, anglais" if index % 4 == 0 else "français",
        "commune": commune,
        "address": f"{3 + index} rue de la Fontaine",
        "phone": f"05 36 49 {10 + index:02d} {index * 7 % 100:02d}",
        "email": f"contact@{slugify(name)[:30].strip('-')}.exemple.fr",
        "access_motor": ["yes", "partial", "no", ""][index % 4],
        "access_visual": ["partial", "yes", "", "no"][index % 4],
        "access_hearing": ["yes", "", "partial", "yes"][index % 4],
        "access_mental": ["yes", "partial", "", "yes"][index % 4],
        "partnership_can_expect": "Un retour sous 48 h à toute fiche de liaison.",
        "partnership_cannot_expect": "Une prise en charge sans l'accord de la personne.",
        "last_verified_at": timezone.localdate() - timedelta(days=30 * (index % 9)),
        "is_annex": False,
        "live": True,
    }


def _upsert(archetype, index, commune, themes):
    values = _structure_values(archetype, index, commune)
    slug = slugify(values["name"])[:200] + "-demo"
    structure, _created = Structure.objects.update_or_create(slug=slug, defaults=values)
    structure.themes.set([themes[s] for s in archetype[2] if s in themes])
    structure.save()
    service_name, service_type, thematique = archetype[6:9]
    Service.objects.update_or_create(
        structure=structure,
        name=service_name,
        defaults={
            "description": archetype[3],
            "service_type": service_type,
            "thematiques": [thematique],
            "publics": ["tous-publics"],
            "fees": "payant" if "fees" in archetype[5] else "gratuit",
            "mobilisation_modes": ["telephoner", "se-presenter"],
            "mobilisable_by": ["usagers", "professionnels"],
        },
    )
    return structure


def _remove_place_copies(name, communes):
    """The "… – Commune" copies earlier demos made of one structure: deleted, or
    unpublished when something (a referral) still points at them."""
    slugs = [slugify(f"{name} – {commune.name}")[:200] for commune in communes]
    for copy in Structure.objects.filter(slug__in=slugs):
        try:
            copy.delete()
        except ProtectedError:
            Structure.objects.filter(pk=copy.pk).update(live=False)


def _enrich_existing(themes):
    """Identity-only demo structures get hours, accessibility and a theme if they lack them."""
    for structure in Structure.objects.filter(opening_hours=""):
        structure.opening_hours = WEEKDAYS
        structure.access_motor = structure.access_motor or "yes"
        structure.last_verified_at = structure.last_verified_at or timezone.localdate()
        if not structure.themes.exists():
            structure.themes.set([themes["suivi-social"]])
        structure.save()


@transaction.atomic
def seed_repertoire_demo():
    """Create or refresh the demo répertoire; returns the number of demo structures."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    communes = [c for c in (_commune(code) for code in COMMUNES) if c is not None]
    if not communes:
        return 0
    count = 0
    for index, archetype in enumerate(ARCHETYPES):
        structure = _upsert(archetype, index, communes[index % len(communes)], themes)
        held_in = communes[(index + 5) % len(communes)]
        seed_archetype_permanence(structure, index, held_in)
        _remove_place_copies(archetype[0], communes)
        count += 1
    seed_network_permanences()
    _enrich_existing(themes)
    return count


def ensure_repertoire_page():
    """The public répertoire page under the home page (slug "repertoire"), published once."""
    existing = originals(RepertoirePage.objects.all()).first()
    if existing is not None:
        return existing
    home = originals(HomePage.objects.all()).first()
    page = RepertoirePage(
        title="Répertoire des compétences sociales",
        slug="repertoire",
        show_in_menus=True,
        introduction=(
            "Qui fait quoi, pour qui, où et quand : les structures du territoire et leurs "
            "services, par thème, sur une carte et à imprimer."
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
