"""Public offer list at scale (issue #13, item 4): 10k offers on PostgreSQL, p95 ≤ 100 ms per
list page with filters and sorts (uncached: the anonymous page cache is off), queries flat
(the same count with 20 offers and with 10k), and the plan of each page's main query.

The offers are written as a page tree in bulk (`bench/support/page_tree.py`): the
`wagtailcore_page` rows in one `bulk_create` with their treebeard paths computed, then the
`portal_offerpage` rows in batched INSERTs — not one `save_revision` per page (an hour).

Needs DATABASE_URL (PostgreSQL); it works in the test database Django makes of it
(`test_<name>`, created afresh, dropped at the end unless BENCH_REUSE=1), never in the
database itself. Sizes: BENCH_OFFERS (10000), BENCH_RUNS (20).
Usage: DATABASE_URL=postgres://…/passerelles_x .venv/bin/python bench/offers.py
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
        "bench/offers.py",
        "DATABASE_URL (PostgreSQL) non défini",
        "DATABASE_URL (PostgreSQL) is not set",
    )

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from page_tree import bulk_offers  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from portal.models import Commune, Department, Epci, HomePage, OfferIndexPage, OfferPage  # noqa: E402

OFFERS = int(os.environ.get("BENCH_OFFERS", 10_000))
RUNS = int(os.environ.get("BENCH_RUNS", 20))
TARGET_MS = 100
MAX_QUERIES = 12
BIG_TABLES = ("wagtailcore_page", "portal_offerpage")
PAGES = [
    ("offres, récentes", "/offres/"),
    ("offres, page 200", "/offres/?page=200"),
    ("offres, type emploi", "/offres/?type=job"),
    ("offres, deux types, titre", "/offres/?type=job&type=housing&tri=title"),
    ("offres, fin de validité", "/offres/?tri=ending"),
    ("offres, département", "/offres/?departement=23"),
    ("offres, intercommunalité, page 5", "/offres/?epci=200000001&page=5"),
    ("offres, commune + 30 km, proches", "/offres/?commune=Commune+7&rayon=30&tri=near"),
]


def territory():
    dept = Department.objects.create(code="23", name="Creuse")
    epcis = [Epci.objects.create(code=f"20000000{n}", name=f"CC Bench {n}") for n in range(1, 4)]
    return Commune.objects.bulk_create(
        Commune(insee_code=f"23{n:03d}", name=f"Commune {n}", department=dept,
                epci=epcis[n % 3], latitude=45.8 + n / 100, longitude=1.6 + n / 80)
        for n in range(60)
    )  # fmt: skip


def offer_index():
    """The list at /offres/ (the home page the migrations made serves the site)."""
    home = HomePage.objects.first() or Page.objects.get(depth=1).add_child(
        instance=HomePage(title="Accueil", slug="accueil")
    )
    Site.objects.update(root_page=home, hostname="testserver", is_default_site=True)
    found = OfferIndexPage.objects.first()
    return found or home.add_child(instance=OfferIndexPage(title="Offres", slug="offres"))


def measure(client, url):
    client.get(url)  # fragments and routes warm, as on a served site
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
    """Big tables a SELECT of the page reads by a sequential scan (EXPLAIN)."""
    found = set()
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if sql.startswith("SELECT") and any(table in sql for table in BIG_TABLES):
                cursor.execute(f"EXPLAIN {sql}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
                found |= {t for t in BIG_TABLES if re.search(rf"Seq Scan on {t}\b", plan)}
    return found


def query_counts(client):
    return {url: measure_count(client, url) for _label, url in PAGES}


def measure_count(client, url):
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main():
    from django.conf import settings

    settings.PAGE_CACHE_SECONDS = 0
    reuse = bool(os.environ.get("BENCH_REUSE"))
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    try:
        run(name)
    finally:
        if not reuse:
            connection.creation.destroy_test_db(name, verbosity=0)
    finish()


def run(name):
    client = Client()
    if OfferPage.objects.count() >= OFFERS:
        print(f"Base {name} reprise : {OfferPage.objects.count()} offres")
        small = None
    else:
        communes = territory()
        index = offer_index()
        bulk_offers(index, communes, 20)
        small = query_counts(client)
        started = time.perf_counter()
        bulk_offers(index, communes, OFFERS - 20)
        seconds = time.perf_counter() - started
        cache.clear()  # rows written without signals: the kept counts and fragments go
        print(f"{OFFERS} offres écrites en bloc en {seconds:.1f} s (base {name})")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    for label, url in PAGES:
        p95, count, captured, sql_ms = measure(client, url)
        scans = sequential_scans(captured)
        verdict(f"{label} p95", p95, "ms", f"≤ {TARGET_MS} ms", p95 <= TARGET_MS)
        # Flat: never more than with 20 offres (a page past their end falls back: fewer).
        flat = small is None or count <= small[url]
        before = f"{small[url]} avec 20 offres" if small else "?"
        verdict(f"{label} requêtes ({before})", count, "req.", f"≤ {MAX_QUERIES}, plat",
                count <= MAX_QUERIES and flat)  # fmt: skip
        scan = f" ; parcours séquentiel : {', '.join(sorted(scans))}" if scans else ""
        print(f"      SQL {sql_ms:.1f} ms par page (médiane){scan}")


if __name__ == "__main__":
    main()
