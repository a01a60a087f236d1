"""The demo's upcoming events: a job fair of the youth agency in Guéret (Cartemploi adds
the companies attending), an information session for newcomers in Aubusson, a discovery
weekend around Eymoutiers (nearly full, one group waiting), the open days of the
Grand-Bourg relay (free entry) and a workshop of the social centre; a few registrations.

Idempotent: events keyed by slug, dated from the day it runs; registrations by e-mail.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from repertoire.demo import structures as demo_structures
from repertoire.demo.workspaces import RELAY_PLACE
from repertoire.events.enums import EventAudience, EventKind, RegistrationStatus
from repertoire.models import Event, EventRegistration, Structure, Workspace

JOB_FAIR = "forum-emploi-jeunes-gueret-demo"
CONFIRMED, WAITING = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING
DESCRIPTIONS = {
    JOB_FAIR: "Une journée pour rencontrer les entreprises du territoire qui recrutent : "
    "apprentissage, saisonniers, premiers emplois. Venez avec votre CV (ou sans : les "
    "conseillers vous aident à le préparer sur place).",
    "reunion-s-installer-creuse-sud-demo": "Vous pensez vous installer dans le sud de la "
    "Creuse ? Le pôle d'accueil présente les aides, le logement, l'emploi et les écoles, et "
    "répond à vos questions.",
    "week-end-decouverte-monts-et-barrages-demo": "Deux jours pour découvrir le territoire "
    "avec des habitants : visites de villages, rencontre avec des cédants d'entreprise, "
    "repas partagé. Hébergement proposé chez l'habitant.",
    "portes-ouvertes-relais-grand-bourg-demo": "Visitez les salles, les bureaux et la salle "
    "informatique du relais ; présentation des services publics présents sur place.",
    "atelier-entretien-embauche-demo": "Atelier en petit groupe : se présenter, répondre "
    "aux questions difficiles, simulation d'entretien.",
}
EVENTS = (
    # slug, organiser, title, kind, audience, days ahead, from, to, duration days, place,
    # commune, capacity (None: unlimited), registration
    (
        JOB_FAIR,
        demo_structures.YOUTH_AGENCY,
        "Forum de l'emploi des jeunes",
        EventKind.JOB_FAIR,
        EventAudience.YOUTH,
        12,
        "09:30",
        "16:30",
        0,
        "Salle polyvalente",
        "23096",
        120,
        True,
    ),
    (
        "reunion-s-installer-creuse-sud-demo",
        demo_structures.POLE_CREUSE_SUD,
        "Réunion d'information : s'installer en Creuse Sud",
        EventKind.INFO_SESSION,
        EventAudience.NEWCOMERS,
        8,
        "18:00",
        "20:00",
        0,
        "Maison de l'accueil",
        "23008",
        30,
        True,
    ),
    (
        "week-end-decouverte-monts-et-barrages-demo",
        demo_structures.POLE_MONTS_BARRAGES,
        "Week-end découverte Monts et Barrages",
        EventKind.DISCOVERY_WEEKEND,
        EventAudience.NEWCOMERS,
        19,
        "10:00",
        "17:00",
        1,
        "Maison de l'accueil Monts et Barrages",
        "87064",
        12,
        True,
    ),
    (
        "portes-ouvertes-relais-grand-bourg-demo",
        demo_structures.SERVICES_RELAY,
        "Portes ouvertes du relais de services publics",
        EventKind.OPEN_DAY,
        EventAudience.EVERYONE,
        5,
        "09:00",
        "17:00",
        0,
        "",
        "23095",
        None,
        False,
    ),
    (
        "atelier-entretien-embauche-demo",
        demo_structures.SOCIAL_CENTRE,
        "Atelier : réussir son entretien d'embauche",
        EventKind.OTHER,
        EventAudience.JOBSEEKERS,
        15,
        "14:00",
        "16:30",
        0,
        "Centre social Le Fil des Monts",
        "87161",
        15,
        True,
    ),
)
REGISTRATIONS = (
    # event, name, people, status
    (JOB_FAIR, "Emma Rousseau", 1, CONFIRMED),
    (JOB_FAIR, "Hugo Lefèvre", 1, CONFIRMED),
    (JOB_FAIR, "Chloé Martin", 2, CONFIRMED),
    ("reunion-s-installer-creuse-sud-demo", "Famille Van Dijk", 4, CONFIRMED),
    ("reunion-s-installer-creuse-sud-demo", "Sarah Collins", 2, CONFIRMED),
    ("week-end-decouverte-monts-et-barrages-demo", "Famille Peeters", 5, CONFIRMED),
    ("week-end-decouverte-monts-et-barrages-demo", "Famille Moreau", 4, CONFIRMED),
    ("week-end-decouverte-monts-et-barrages-demo", "Julie et Marc Petit", 3, CONFIRMED),
    ("week-end-decouverte-monts-et-barrages-demo", "Famille Walker", 3, WAITING),
    ("atelier-entretien-embauche-demo", "Karim Benali", 1, CONFIRMED),
)


def _at(day, hhmm):
    hour, minute = map(int, hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _seed_event(spec, structures, today):
    slug, organiser, title, kind, audience, ahead, start, end, days, place, commune, cap, reg = spec
    workspace = None if place else Workspace.objects.get(slug=RELAY_PLACE)
    day = today + datetime.timedelta(days=ahead)
    if kind == EventKind.DISCOVERY_WEEKEND:
        day += datetime.timedelta(days=(5 - day.weekday()) % 7)  # a Saturday
    organiser = structures[organiser]
    point = workspace.point if workspace else None
    event, _created = Event.objects.update_or_create(
        slug=slug,
        defaults={
            "organiser": organiser,
            "title": title,
            "kind": kind,
            "audience": audience,
            "description": DESCRIPTIONS[slug],
            "start": _at(day, start),
            "end": _at(day + datetime.timedelta(days=days), end),
            "workspace": workspace,
            "place_name": place,
            "address": "" if workspace else organiser.address,
            "commune_id": commune,
            "latitude": point[0] if point else None,
            "longitude": point[1] if point else None,
            "registration": reg,
            "capacity": cap,
            "contact_email": organiser.email,
        },
    )
    return event


@transaction.atomic
def seed_events_demo():
    """Create or update the demo's events and a few registrations."""
    slugs = {spec[1] for spec in EVENTS}
    structures = Structure.objects.in_bulk(list(slugs), field_name="slug")
    today = timezone.localdate()
    events = {spec[0]: _seed_event(spec, structures, today) for spec in EVENTS}
    for slug, name, people, status in REGISTRATIONS:
        local = name.lower().replace(" ", ".").replace("é", "e").replace("è", "e")
        EventRegistration.objects.update_or_create(
            event=events[slug],
            email=f"{local}@exemple.fr",
            defaults={"name": name, "people": people, "status": status},
        )
    return events
