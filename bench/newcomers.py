"""Benchmark of the newcomers part (issue 5). Not a test: run `make bench` or

    .venv/bin/python bench/newcomers.py [--candidates 50000] [--offers 10000]
        [--export-rows 100000] [--intake 200]

It uses its own SQLite file (var/bench-newcomers.sqlite3, rebuilt each run) and reports:
queries and p95 of the candidate and offer list pages, time and peak memory of a CSV export,
and N concurrent intake submissions against a real server (gunicorn, 2 workers × 8 threads).
Each figure OK/KO against issue 5's targets, with the load average; exit 1 on a miss. The
offers are written as a page tree in bulk (`bench/support/page_tree.py`).
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "var" / "bench-newcomers.sqlite3"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "support"))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"

from verdicts import finish, verdict  # noqa: E402


def setup_django():
    import django
    from django.core.management import call_command

    DB.unlink(missing_ok=True)
    django.setup()
    call_command("migrate", verbosity=0)


def seed(n_candidates, n_offers):
    from django.core.cache import cache
    from page_tree import bulk_offers

    from extranet.models import Candidate, WelcomePole
    from portal.models import Commune, Department, Epci, User
    from tests.portal import factories as offer_factories

    dept, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    epci, _ = Epci.objects.get_or_create(code="200000001", defaults={"name": "CC Bench"})
    communes = [
        Commune.objects.get_or_create(
            insee_code=f"23{i:03d}",
            defaults={"name": f"Commune {i}", "department": dept, "epci": epci,
                      "latitude": 46 + i / 100, "longitude": 1.8 + i / 100, "population": i},
        )[0]
        for i in range(50)
    ]  # fmt: skip
    officer = User.objects.create_user(email="bench@exemple.fr", password="x")
    pole = WelcomePole.objects.create(name="Pôle bench", slug="bench")
    pole.officers.add(officer)
    pole.epcis.add(epci)
    Candidate.objects.bulk_create(
        (
            Candidate(reference=f"B-{i:07d}", pole=pole, first_name="Prénom", last_name=f"N{i}",
                      email=f"c{i}@exemple.fr", project_type="takeover",
                      target_commune=communes[i % 50])
            for i in range(n_candidates)
        ),
        batch_size=2000,
    )  # fmt: skip
    index = offer_factories.offer_index()
    bulk_offers(index, communes, n_offers)  # a page tree in bulk, not one revision per page
    cache.clear()
    return officer, index


def timed_pages(client, url, params, runs=30):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)
    durations = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            assert client.get(url, params).status_code == 200
            durations.append(time.perf_counter() - start)
    p95 = statistics.quantiles(durations, n=20)[-1]
    return len(queries), p95


def bench_lists(officer, index):
    from django.test import Client

    client = Client()
    n, p95 = timed_pages(client, index.url, {"commune": "Commune 10", "rayon": 50, "tri": "near"})
    verdict("liste des offres (anonyme) : requêtes", n, "req.", "≤ 12", n <= 12)
    verdict("liste des offres (anonyme) : p95", p95 * 1000, "ms", "≤ 100 ms", p95 <= 0.1)
    client.force_login(officer)
    n, p95 = timed_pages(client, "/extranet/candidats/", {"sort": "-last_contact"})
    verdict("liste des candidats : requêtes", n, "req.", "≤ 15", n <= 15)
    verdict("liste des candidats : p95", p95 * 1000, "ms", "≤ 100 ms", p95 <= 0.1)


def bench_export(officer, rows):
    from django.test import Client

    from extranet.models import Candidate

    missing = rows - Candidate.objects.count()
    if missing > 0:
        pole = Candidate.objects.first().pole
        Candidate.objects.bulk_create(
            (Candidate(reference=f"X-{i:07d}", pole=pole, first_name="P", last_name=f"X{i}",
                       project_type="job") for i in range(missing)),
            batch_size=5000,
        )  # fmt: skip
    client = Client()
    client.force_login(officer)
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get("/extranet/candidats/export.csv")
    size = sum(len(chunk) for chunk in response.streaming_content)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    verdict(f"export CSV de {rows} lignes ({size / 1e6:.1f} Mo) : durée", elapsed, "s", "≤ 10 s",
            elapsed <= 10)  # fmt: skip
    verdict("export CSV : pic de mémoire Python", peak / 1e6, "Mo", "≤ 200 Mo", peak <= 200e6)


def one_intake(base, n, results):
    opener = build_opener(HTTPCookieProcessor(jar := CookieJar()))
    steps = {
        "vous": {"first_name": f"P{n}", "last_name": "Bench", "origin_country": "France",
                 "adults": 1, "children": 0},
        "projet": {"project_type": "job", "target_date": "2099-01-01"},
        "lieu": {"commune_1": "23010"},
        "besoins": {},
        "contact": {"email": f"bench{n}@exemple.fr", "consent": "on"},
    }  # fmt: skip
    try:
        opener.open(f"{base}/je-m-installe/etape/vous/", timeout=120).read()
        token = next(c.value for c in jar if c.name == "csrftoken")
        for slug, data in [*steps.items(), ("__review__", {})]:
            url = f"{base}/je-m-installe/" + (
                "verification/" if slug == "__review__" else f"etape/{slug}/"
            )
            body = urlencode({**data, "action": "next", "csrfmiddlewaretoken": token}).encode()
            request = Request(url, data=body, headers={"Referer": url})
            opener.open(request, timeout=120).read()
        results.append("ok")
    except Exception as error:  # noqa: BLE001  (counted and reported)
        results.append(repr(error))


def wait_for(port, seconds=90):
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise RuntimeError("the bench server did not start, see var/bench-newcomers-server.log")


def bench_intake(count, port=8765):
    from extranet.models import Candidate

    before = Candidate.objects.count()
    env = {**os.environ, "INTAKE_RATE_LIMIT": str(count * 2), "DEBUG": "true"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "2", "--threads", "8", "--backlog", "2048", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=(ROOT / "var" / "bench-newcomers-server.log").open("w"),
    )  # fmt: skip
    try:
        wait_for(port)
        results = []
        threads = [
            threading.Thread(target=one_intake, args=(f"http://127.0.0.1:{port}", n, results))
            for n in range(count)
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait()
    created = Candidate.objects.count() - before
    errors = [r for r in results if r != "ok"]
    verdict(f"{count} demandes simultanées en {elapsed:.1f} s : candidats créés", created, "",
            f"= {count}", created == count)  # fmt: skip
    verdict("demandes simultanées : erreurs", len(errors), "", "0", not errors)
    if errors:
        print(f"      {errors[:3]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--intake", type=int, default=200)
    args = parser.parse_args()
    setup_django()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    officer, index = seed(args.candidates, args.offers)
    bench_lists(officer, index)
    bench_export(officer, args.export_rows)
    if args.intake:
        from portal.models import Commune

        Commune.objects.filter(insee_code="23010").update(name="Commune dix")
        bench_intake(args.intake)
    finish()


if __name__ == "__main__":
    main()
