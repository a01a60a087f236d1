"""Fiches de liaison at scale: 100k referrals, list pages ≤ 12 queries and fast; a pathway
PDF in ≤ 2 s; the statistics page and the streamed CSV export.

Runs on a throw-away SQLite database (or $DATABASE_URL). Usage: .venv/bin/python bench/referrals.py
"""

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
_tmp = tempfile.mkdtemp(prefix="bench-referrals-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402
from verdicts import finish, verdict  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from extranet.models import Membership, Pathway, Referral  # noqa: E402
from extranet.pathways import services as pathway_services  # noqa: E402
from extranet.pathways.paper import pathway_pdf_bytes  # noqa: E402
from extranet.referrals.enums import ReferralStatus  # noqa: E402
from portal.models import Commune, Department, User  # noqa: E402
from repertoire.models import Structure  # noqa: E402

ROWS = int(os.environ.get("BENCH_REFERRALS", 100_000))
STATUSES = list(ReferralStatus.values)
THEMES = [
    "logement-hebergement--louer-un-logement",
    "sante--acces-aux-soins",
    "mobilite--preparer-un-permis",
]


def seed():
    dept, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    commune, _ = Commune.objects.get_or_create(
        insee_code="23096",
        defaults={"name": "Guéret", "department": dept, "latitude": 46.17, "longitude": 1.87},
    )
    structures = [
        Structure.objects.create(
            name=f"Structure {n}",
            slug=f"structure-{n}",
            commune=commune,
            live=True,
            phone="05 55 00 00 00",
            opening_hours="Mo-Fr 09:00-12:00,14:00-17:00",
        )
        for n in range(20)
    ]
    user = User.objects.create_user("bench@exemple.fr", "x")
    Membership.objects.create(user=user, structure=structures[0])
    seed_referrals(structures)
    return user, structures


def seed_referrals(structures):
    now = timezone.now()
    batch = []
    for n in range(ROWS):
        sender, target = structures[n % 20], structures[(n * 7 + 1) % 20]
        status = STATUSES[n % len(STATUSES)]
        batch.append(
            Referral(
                reference=f"OR-2026-{n:06d}",
                submission_key=uuid.uuid4(),
                status=status,
                sender_structure=sender,
                target_structure=target,
                person_first_name="Personne",
                person_last_name=f"Fictive {n}",
                consent_at=now,
                consent_method="oral",
                subject="Demande de démonstration",
                thematiques=[THEMES[n % 3]],
                acknowledged_at=None if status in ("sent", "expired") else now,
            )
        )
        if len(batch) == 5000:
            Referral.objects.bulk_create(batch)
            batch = []
    Referral.objects.bulk_create(batch)


def timed_get(client, url):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    statements = [
        q for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    return elapsed, len(statements)


def pathway_pdf_seconds(user, structures):
    pathway = pathway_services.save_pathway(
        actor=user,
        pathway=Pathway(
            structure=structures[0],
            person_first_name="Maëlle",
            situation="Vous cherchez un logement.",
            thematiques=THEMES,
        ),
        contacts=[(s, None, "Vous aide pour le dossier.") for s in structures[1:5]],
        steps=[("Appeler pour un rendez-vous.", None)],
        email_consent=False,
    )
    pathway = Pathway.objects.get(pk=pathway.pk)
    pathway_pdf_bytes(pathway)  # fonts are loaded once per process
    started = time.perf_counter()
    pathway_pdf_bytes(pathway)
    return time.perf_counter() - started


def main():
    settings.USERSESSIONS_TRACK_ACTIVITY = False  # 5 statements on every page; reported apart
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    user, structures = seed()
    print(f"seeded {ROWS} referrals in {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(user)
    client.get("/extranet/orientations/")
    for label, url, is_list in [
        ("liste reçues", "/extranet/orientations/", True),
        ("liste toutes, page 200", "/extranet/orientations/?box=all&page=200", True),
        ("liste filtrée par statut", "/extranet/orientations/?box=sent&status=open", True),
        ("statistiques", "/extranet/orientations/statistiques/", False),
        ("export CSV", "/extranet/orientations/statistiques/export.csv", False),
    ]:
        elapsed, queries = min(timed_get(client, url) for _ in range(3))
        budget = 12 if is_list else 15
        verdict(f"{label} : requêtes", queries, "req.", f"≤ {budget}", queries <= budget)
        if is_list:
            verdict(f"{label} : durée (meilleure de 3)", elapsed * 1000, "ms", "≤ 100 ms",
                    elapsed <= 0.1)  # fmt: skip
        else:  # no target for these: shown, not judged
            print(f"  --  {label} : durée {elapsed * 1000:.0f} ms (sans objectif)")
    seconds = pathway_pdf_seconds(user, structures)
    verdict("fiche parcours PDF", seconds * 1000, "ms", "≤ 2000 ms", seconds <= 2)
    finish()


if __name__ == "__main__":
    main()
