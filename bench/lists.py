"""Extranet lists at scale (issue #13): candidates (50k) and referrals (100k) on PostgreSQL,
p95 ≤ 100 ms per list page with filters and sorts, queries flat; the plan of each page's
main query is checked for a sequential scan of the big table.

Needs DATABASE_URL (PostgreSQL; the database is emptied by `flush`) — without it the run is
skipped. Sizes: BENCH_CANDIDATES, BENCH_REFERRALS, BENCH_RUNS; BENCH_REUSE=1 keeps the rows of a
previous run.
Usage: DATABASE_URL=postgres://…/passerelles_bench .venv/bin/python bench/lists.py
"""

import os
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

from verdicts import finish, skip, verdict  # noqa: E402

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    skip(
        "bench/lists.py",
        "DATABASE_URL (PostgreSQL) non défini",
        "DATABASE_URL (PostgreSQL) is not set",
    )

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from extranet.candidates.enums import CandidateStatus  # noqa: E402
from extranet.models import Candidate, Membership, Referral, WelcomePole  # noqa: E402
from extranet.referrals.enums import ReferralStatus  # noqa: E402
from portal.models import Commune, Department, Epci, User  # noqa: E402
from repertoire.models import Structure  # noqa: E402

CANDIDATES = int(os.environ.get("BENCH_CANDIDATES", 50_000))
REFERRALS = int(os.environ.get("BENCH_REFERRALS", 100_000))
RUNS = int(os.environ.get("BENCH_RUNS", 20))
TARGET_MS = 100
BIG_TABLES = ("extranet_candidate", "extranet_referral")


def seed():
    dept = Department.objects.create(code="23", name="Creuse")
    epci = Epci.objects.create(code="200000001", name="CC Bench")
    communes = Commune.objects.bulk_create(
        Commune(insee_code=f"23{n:03d}", name=f"Commune {n}", department=dept, epci=epci,
                latitude=46 + n / 100, longitude=1.8 + n / 100)
        for n in range(50)
    )  # fmt: skip
    officer = User.objects.create_user(email="pole@bench.fr", password="x")
    pole = WelcomePole.objects.create(name="Pôle bench", slug="bench")
    pole.officers.add(officer)
    pole.epcis.add(epci)
    statuses = list(CandidateStatus.values)
    Candidate.objects.bulk_create(
        (Candidate(reference=f"B-{n:07d}", pole=pole, first_name="Prénom", last_name=f"N{n}",
                   email=f"c{n}@exemple.fr", project_type="takeover", status=statuses[n % 4],
                   target_commune=communes[n % 50])
         for n in range(CANDIDATES)),
        batch_size=5000,
    )  # fmt: skip
    structures = [
        Structure.objects.create(name=f"Structure {n}", slug=f"structure-{n}",
                                 commune=communes[n], live=True)
        for n in range(20)
    ]  # fmt: skip
    member = User.objects.create_user(email="membre@bench.fr", password="x")
    Membership.objects.create(user=member, structure=structures[0])
    seed_referrals(structures)
    return officer, member


def seed_referrals(structures):
    now, statuses = timezone.now(), list(ReferralStatus.values)
    Referral.objects.bulk_create(
        (Referral(reference=f"OR-2026-{n:06d}", submission_key=uuid.uuid4(),
                  status=statuses[n % len(statuses)], sender_structure=structures[n % 20],
                  target_structure=structures[(n * 7 + 1) % 20], person_first_name="Personne",
                  person_last_name=f"Fictive {n}", consent_at=now, consent_method="oral",
                  subject="Demande", thematiques=["sante--acces-aux-soins"])
         for n in range(REFERRALS)),
        batch_size=5000,
    )  # fmt: skip


def measure(client, url):
    client.get(url)
    durations = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            durations.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    p95 = statistics.quantiles(durations, n=20)[-1] * 1000
    return p95, len(queries), plans(queries.captured_queries)


def plans(captured):
    """The EXPLAIN of each SELECT of the page that reads a big table."""
    found = []
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if sql.startswith("SELECT") and any(table in sql for table in BIG_TABLES):
                cursor.execute(f"EXPLAIN {sql}")
                found.append("\n".join(row[0] for row in cursor.fetchall()))
    return found


def sequential_scans(found):
    """Big tables the plans read by a sequential scan."""
    return {t for t in BIG_TABLES for plan in found if re.search(rf"Seq Scan on {t}\b", plan)}


PAGES = [
    ("officer", "candidats, récents", "/extranet/candidats/"),
    ("officer", "candidats, page 100", "/extranet/candidats/?page=100"),
    ("officer", "candidats, statut", "/extranet/candidats/?status=new&sort=name"),
    ("officer", "candidats, recherche", "/extranet/candidats/?q=N4242"),
    ("officer", "candidats, recherche référence", "/extranet/candidats/?q=b-0004242"),
    ("officer", "candidats, dernier contact", "/extranet/candidats/?sort=-last_contact"),
    ("officer", "candidats, relance", "/extranet/candidats/?sort=next_action"),
    ("member", "orientations reçues", "/extranet/orientations/"),
    ("member", "orientations, toutes p. 200", "/extranet/orientations/?box=all&page=200"),
    ("member", "orientations envoyées, ouvertes", "/extranet/orientations/?box=sent&status=open"),
    ("member", "orientations, statut", "/extranet/orientations/?box=all&status=acknowledged"),
]


def main():
    settings.USERSESSIONS_TRACK_ACTIVITY = False
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if os.environ.get("BENCH_REUSE") and Candidate.objects.count() == CANDIDATES:
        users = {"officer": User.objects.get(email="pole@bench.fr"),
                 "member": User.objects.get(email="membre@bench.fr")}  # fmt: skip
    else:
        call_command("flush", interactive=False, verbosity=0)
        users = dict(zip(("officer", "member"), seed(), strict=True))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"{CANDIDATES} candidats, {REFERRALS} orientations en {time.perf_counter() - started:.0f} s"
    )
    for who, label, url in PAGES:
        client = Client()
        client.force_login(users[who])
        p95, queries, found = measure(client, url)
        verdict(f"{label} p95", p95, "ms", f"≤ {TARGET_MS} ms", p95 <= TARGET_MS)
        scans = sequential_scans(found)
        verdict(f"{label} plan sans parcours séquentiel", ", ".join(sorted(scans)) or "-", "",
                "aucun", not scans)  # fmt: skip
        if "q=" in url:  # the name search: PostgreSQL's trigram indexes (extranet 0014)
            used = any("_trgm" in plan for plan in found)
            verdict(f"{label} index trigramme", "oui" if used else "non", "", "utilisé", used)
        print(f"      {queries} requêtes")
    finish()


if __name__ == "__main__":
    main()
