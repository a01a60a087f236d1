"""Demo candidates: ~60 fictitious households across the two demo poles, in every state,
with contacts, a share with a partner structure and offers proposed. Idempotent (keyed by
reference)."""

import datetime
import itertools

from django.db import transaction
from django.utils import timezone

from extranet.candidates.enums import (
    CandidateSource,
    CandidateStatus,
    ConsentSource,
    ContactKind,
    ProjectType,
)
from extranet.models import Candidate, CandidateContact, OfferMatch, WelcomePole
from portal.demo.offers import seed_offers_demo
from portal.models import Commune, OfferPage

FIRST = ["Camille", "Dominique", "Alex", "Claude", "Sacha", "Morgane", "Yannick", "Maël"]
LAST = ["Moreau", "Lefèvre", "Garnier", "Chevalier", "Roussel", "Perrin", "Fabre", "Marchand"]
ORIGINS = [
    ("France", "69003"),
    ("France", "75011"),
    ("France", "33000"),
    ("Belgique", ""),
    ("France", "59000"),
    ("Royaume-Uni", ""),
]
STATUSES = [CandidateStatus.NEW] * 3 + [
    CandidateStatus.CONTACTED,
    CandidateStatus.SUPPORTED,
    CandidateStatus.SUPPORTED,
    CandidateStatus.SETTLED,
    CandidateStatus.DROPPED,
]
POLES = ("creuse-sud-demo", "monts-et-barrages-demo")


@transaction.atomic
def seed_candidates_demo(count=60):
    seed_offers_demo()
    poles = list(WelcomePole.objects.filter(slug__in=POLES).prefetch_related("officers"))
    if not poles:
        return
    communes = {
        pole.pk: list(Commune.objects.filter(epci__in=pole.epcis.all())[:10]) for pole in poles
    }
    offers = list(OfferPage.objects.current()[:10])
    projects = itertools.cycle(ProjectType.values)
    now = timezone.now()
    for n in range(count):
        reference = f"ACC-DEMO-{n + 1:03d}"
        if Candidate.objects.filter(reference=reference).exists():
            continue
        pole = poles[n % len(poles)]
        candidate = _candidate(n, reference, pole, communes[pole.pk], next(projects), now)
        _history(candidate, pole, offers, n)


def _candidate(n, reference, pole, communes, project, now):
    country, postcode = ORIGINS[n % len(ORIGINS)]
    status = STATUSES[n % len(STATUSES)]
    return Candidate.objects.create(
        reference=reference,
        pole=pole,
        status=status,
        status_reason="Projet reporté" if status == CandidateStatus.DROPPED else "",
        source=CandidateSource.ONLINE if n % 3 else CandidateSource.FAIR,
        first_name=FIRST[n % len(FIRST)],
        last_name=LAST[(n // len(FIRST)) % len(LAST)],
        email=f"candidat{n + 1}@demo.passerelles.localhost",
        origin_country=country,
        origin_postcode=postcode,
        origin_department=postcode[:2],
        adults=1 + n % 2,
        children=n % 3,
        project_type=project,
        sector="Commerce" if project in ("creation", "takeover") else "",
        target_date=(now + datetime.timedelta(days=60 + n * 7)).date(),
        target_commune=communes[n % len(communes)] if communes else None,
        needs_housing=bool(n % 2),
        needs_childcare=n % 3 == 1,
        consent_at=now,
        consent_source=ConsentSource.ONLINE if n % 3 else ConsentSource.ORAL,
        created_at=now - datetime.timedelta(days=n * 6),
        next_action_on=(now + datetime.timedelta(days=n % 5 - 2)).date(),
    )


def _history(candidate, pole, offers, n):
    officer = next(iter(pole.officers.all()), None)
    if candidate.status != CandidateStatus.NEW:
        contact = CandidateContact.objects.create(
            candidate=candidate,
            kind=ContactKind.PHONE if n % 2 else ContactKind.MEETING,
            happened_on=(candidate.created_at + datetime.timedelta(days=3)).date(),
            notes="Premier échange : présentation du territoire et du projet.",
            author=officer,
        )
        Candidate.objects.filter(pk=candidate.pk).update(last_contact_at=contact.happened_on)
    if candidate.status in (CandidateStatus.SUPPORTED, CandidateStatus.SETTLED) and offers:
        OfferMatch.objects.get_or_create(
            candidate=candidate, offer=offers[n % len(offers)], defaults={"proposed_by": officer}
        )
