"""Cartemploi at 30k cards (issue #13, item 4): 20k young people + 10k companies. The map data
of any viewport ≤ 100 ms and ≤ 200 KB; the public list (`/cartemploi/`) p95 ≤ 100 ms with its
filters, queries flat (the same count with 30 cards and with 30k). Each figure OK/KO with the
load average; exit 1 on a miss.

On PostgreSQL when DATABASE_URL is one (in the test database Django makes of it,
`test_<name>`, dropped at the end unless BENCH_REUSE=1), else on a throw-away SQLite file
(said so: the issue's targets are on PostgreSQL).
Usage: [DATABASE_URL=postgres://…/passerelles_x] .venv/bin/python bench/cartemploi.py
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "support"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    _tmp = tempfile.mkdtemp(prefix="bench-cartemploi-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"

import django  # noqa: E402
from verdicts import finish, verdict  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cartemploi.models import PublicCard  # noqa: E402
from cartemploi.models.cards import tokens  # noqa: E402
from portal.models import Commune, Department  # noqa: E402

YOUTHS, COMPANIES = 20_000, 10_000
SKILLS = ["soudure", "cuisine", "vente", "menuiserie", "logistique", "soins", "bureautique"]
VIEWPORTS = [
    ("France, zoom 6", "-5.5,41,10,51.5", 6),
    ("Région, zoom 8", "0,45,3.5,47", 8),
    ("Département, zoom 10", "1.5,45.9,2.4,46.4", 10),
    ("Bourg, zoom 14", "1.85,46.15,1.90,46.19", 14),
    ("Monde, zoom 3", "-180,-85,180,85", 3),
]


def seed(count):
    rng = random.Random(7 + PublicCard.objects.count())
    dept, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    communes = Commune.objects.located()
    if communes.count() < 200:
        Commune.objects.bulk_create(
            Commune(
                insee_code=f"9{n:04d}",
                name=f"Commune {n}",
                department=dept,
                latitude=44 + rng.random() * 4,
                longitude=-1 + rng.random() * 6,
            )
            for n in range(2000)
        )
    communes = list(Commune.objects.located().only("pk", "latitude", "longitude"))
    cards = []
    start = PublicCard.objects.count()
    for n in range(start, start + count):
        commune = rng.choice(communes)
        kind = "youth" if n % 3 else "company"
        skills = rng.sample(SKILLS, 2)
        cards.append(
            PublicCard(
                kind=kind,
                title=f"{chr(65 + n % 26)}. — 18–21 ans" if kind == "youth" else f"Entreprise {n}",
                summary=", ".join(skills),
                commune=commune,
                latitude=commune.latitude,
                longitude=commune.longitude,
                sectors=tokens([rng.choice("ACFGIQ")]),
                offer_kinds=tokens(["job"]),
                skills=tokens(skills),
                validated_skills=tokens(skills[:1]),
                data={
                    "skills": [
                        {"label": s, "level": "declared", "level_label": "Déclaré"} for s in skills
                    ]
                },
            )
        )
    PublicCard.objects.bulk_create(cards, batch_size=2000)  # no signals: no search indexing


LISTS = [
    ("liste, récentes", "/cartemploi/"),
    ("liste, page 300", "/cartemploi/?page=300"),
    ("liste, jeunes", "/cartemploi/?kind=youth"),
    ("liste, compétence", "/cartemploi/?skill=soudure"),
    ("liste, compétence validée, page 3", "/cartemploi/?skill=soudure&validated_only=on&page=3"),
    ("liste, entreprises, secteur", "/cartemploi/?kind=company&sector=F"),
    ("liste, offre d'emploi", "/cartemploi/?offer_kind=job"),
]


def measure(client, bbox, zoom, extra=""):
    url = f"/cartemploi/carte.json?bbox={bbox}&zoom={zoom}{extra}"
    client.get(url)  # warm-up
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, response.content[:200]
    return sorted(timings)[2], len(response.content)


def list_p95(client, url, runs=20):
    """p95 of the page (ms) and the median time of its SQL (ms)."""
    client.get(url)  # fragments warm, as on a served site
    timings, sql = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    return statistics.quantiles(timings, n=20)[-1], statistics.median(sql)


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main():
    reuse = bool(os.environ.get("BENCH_REUSE"))
    postgres = connection.vendor == "postgresql"
    name = None
    if postgres:
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    else:
        call_command("migrate", verbosity=0)
        print("SQLite (DATABASE_URL PostgreSQL non défini) : les objectifs valent pour PostgreSQL.")
    try:
        run()
    finally:
        if postgres and not reuse:
            connection.creation.destroy_test_db(name, verbosity=0)
    finish()


def run():
    client = Client()
    small = None
    if PublicCard.objects.count() < YOUTHS + COMPANIES:
        seed(30)
        small = {url: query_count(client, url) for _label, url in LISTS}
        seed(YOUTHS + COMPANIES - 30)
        cache.clear()  # cards written without signals: the kept counts and fragments go
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{PublicCard.objects.count()} cartes ({connection.vendor})")
    for label, bbox, zoom in VIEWPORTS:
        for extra in ("", "&skill=soudure&kind=youth"):
            ms, size = measure(client, bbox, zoom, extra)
            name = f"carte {label} {extra.replace('&', ' ').strip()}"
            verdict(f"{name} (médiane)", ms, "ms", "≤ 100 ms", ms <= 100)
            verdict(f"{name} (poids)", size / 1024, "Ko", "≤ 200 Ko", size <= 200 * 1024)
    for label, url in LISTS:
        p95, sql_ms = list_p95(client, url)
        verdict(f"{label} p95", p95, "ms", "≤ 100 ms", p95 <= 100)
        print(f"      SQL {sql_ms:.1f} ms par page (médiane)")
        count = query_count(client, url)
        before = f"{small[url]} avec 30 cartes" if small else "?"
        flat = small is None or count <= small[url]
        verdict(f"{label} requêtes ({before})", count, "req.", "≤ 12, plat", count <= 12 and flat)


if __name__ == "__main__":
    main()
