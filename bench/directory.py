"""The extranet's partner directory (`/extranet/annuaire/`) at scale (issue #13, item 4):
5,000 partner structures, 20,000 members on PostgreSQL; p95 ≤ 100 ms per list page with its
search, queries flat (the same count with 20 structures and with 5,000), plans shown.

Needs DATABASE_URL (PostgreSQL); works in the test database Django makes of it
(`test_<name>`, dropped at the end unless BENCH_REUSE=1). Sizes: BENCH_STRUCTURES (5000),
BENCH_MEMBERS (20000), BENCH_RUNS (20).
Usage: DATABASE_URL=postgres://…/passerelles_x .venv/bin/python bench/directory.py
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "support"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

from verdicts import finish, skip, verdict  # noqa: E402

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    skip(
        "bench/directory.py",
        "DATABASE_URL (PostgreSQL) non défini",
        "DATABASE_URL (PostgreSQL) is not set",
    )

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from extranet.models import Membership  # noqa: E402
from portal.models import Commune, Department, User  # noqa: E402
from repertoire.models import Structure  # noqa: E402

STRUCTURES = int(os.environ.get("BENCH_STRUCTURES", 5_000))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", 20_000))
RUNS = int(os.environ.get("BENCH_RUNS", 20))
TARGET_MS = 100
MAX_QUERIES = 15
BIG_TABLES = ("repertoire_structure", "extranet_membership", "portal_user")
PAGES = [
    ("annuaire", "/extranet/annuaire/"),
    ("annuaire, page 100", "/extranet/annuaire/?page=100"),
    ("annuaire, recherche structure", "/extranet/annuaire/?q=Structure+4242"),
    ("annuaire, recherche membre", "/extranet/annuaire/?q=Nom17171"),
    ("annuaire, recherche commune", "/extranet/annuaire/?q=Commune+7"),
]


def seed(structures, members):
    """`structures` more partner structures, `members` more members spread over them."""
    start = Structure.objects.count()
    dept, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    if not Commune.objects.exists():
        Commune.objects.bulk_create(
            Commune(insee_code=f"23{n:03d}", name=f"Commune {n}", department=dept,
                    latitude=46 + n / 100, longitude=1.8 + n / 100)
            for n in range(50)
        )  # fmt: skip
    communes = list(Commune.objects.all())
    created = Structure.objects.bulk_create(
        (Structure(name=f"Structure {n}", slug=f"structure-{n}", live=True,
                   commune=communes[n % len(communes)], summary="Une structure du réseau.")
         for n in range(start, start + structures)),
        batch_size=2000,
    )  # fmt: skip
    first = User.objects.count()
    users = User.objects.bulk_create(
        (User(email=f"membre{n}@bench.fr", first_name="Prénom", last_name=f"Nom{n}")
         for n in range(first, first + members)),
        batch_size=5000,
    )  # fmt: skip
    Membership.objects.bulk_create(
        (Membership(user=user, structure=created[n % len(created)])
         for n, user in enumerate(users)),
        batch_size=5000,
    )  # fmt: skip
    cache.clear()  # rows written without signals


def measure(client, url):
    client.get(url)
    durations, sql = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            durations.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries))
    p95 = statistics.quantiles(durations, n=20)[-1] * 1000
    return p95, len(queries), queries.captured_queries, statistics.median(sql) * 1000


def sequential_scans(captured):
    found = set()
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if sql.startswith("SELECT") and any(table in sql for table in BIG_TABLES):
                cursor.execute(f"EXPLAIN {sql}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
                found |= {t for t in BIG_TABLES if re.search(rf"Seq Scan on {t}\b", plan)}
    return found


def counts(client):
    found = {}
    for _label, url in PAGES:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        found[url] = len(queries)
    return found


def main():
    settings.USERSESSIONS_TRACK_ACTIVITY = False
    reuse = bool(os.environ.get("BENCH_REUSE"))
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    try:
        run(name)
    finally:
        if not reuse:
            connection.creation.destroy_test_db(name, verbosity=0)
    finish()


def run(name):
    small = None
    if Structure.objects.count() < STRUCTURES:
        seed(20, 80)
        client = logged_in()
        small = counts(client)
        started = time.perf_counter()
        seed(STRUCTURES - 20, MEMBERS - 80)
        print(
            f"{STRUCTURES} structures, {MEMBERS} membres en {time.perf_counter() - started:.0f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = logged_in()
    for label, url in PAGES:
        p95, count, captured, sql_ms = measure(client, url)
        verdict(f"{label} p95", p95, "ms", f"≤ {TARGET_MS} ms", p95 <= TARGET_MS)
        before = f"{small[url]} avec 20 structures" if small else "?"
        flat = small is None or count <= small[url]
        verdict(f"{label} requêtes ({before})", count, "req.", f"≤ {MAX_QUERIES}, plat",
                count <= MAX_QUERIES and flat)  # fmt: skip
        scans = sequential_scans(captured)
        scan = f" ; parcours séquentiel : {', '.join(sorted(scans))}" if scans else ""
        print(f"      SQL {sql_ms:.1f} ms par page (médiane){scan}")


def logged_in():
    client = Client()
    client.force_login(Membership.objects.select_related("user").earliest("pk").user)
    return client


if __name__ == "__main__":
    main()
