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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
_tmp = tempfile.mkdtemp(prefix="bench-referrals-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

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
    for label, url in [
        ("list received", "/extranet/orientations/"),
        ("list all, page 200", "/extranet/orientations/?box=all&page=200"),
        ("list status filter", "/extranet/orientations/?box=sent&status=open"),
        ("statistics", "/extranet/orientations/statistiques/"),
        ("CSV export", "/extranet/orientations/statistiques/export.csv"),
    ]:
        elapsed, queries = timed_get(client, url)
        print(f"{label:22s} {elapsed * 1000:8.0f} ms  {queries:3d} queries")
    print(
        f"{'pathway PDF':22s} {pathway_pdf_seconds(user, structures) * 1000:8.0f} ms"
        "  (budget 2000 ms)"
    )


if __name__ == "__main__":
    main()
