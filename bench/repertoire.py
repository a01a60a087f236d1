"""Répertoire at scale: 30k structures, 100k services (issue 4's benchmark, never a test).

Reports SQL query counts and p95 render times of the theme list (plain, with commune and
distance, with a keyword) and of fiche pages (Django test Client), the time of a booklet
PDF of 1,000 fiches, and the time to import 10k structures + 30k services with the
data·inclusion importer (then to re-import them: the update path).

Runs on a throw-away SQLite database (BENCH_DATABASE_URL to use another one), so it never
touches var/. Sizes: BENCH_STRUCTURES, BENCH_SERVICES, BENCH_REQUESTS, BENCH_BOOKLET,
BENCH_IMPORT_STRUCTURES, BENCH_IMPORT_SERVICES; BENCH_INDEX=0 skips the search index
(and the keyword measure). Usage: .venv/bin/python bench/repertoire.py
"""

import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
_TMP = tempfile.mkdtemp(prefix="bench-repertoire-")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{_TMP}/bench.sqlite3")
os.environ["ELASTICSEARCH_URL"] = ""

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402


def size(name, default):
    return int(os.environ.get(name, default))


STRUCTURES = size("BENCH_STRUCTURES", 30_000)
SERVICES = size("BENCH_SERVICES", 100_000)
REQUESTS = size("BENCH_REQUESTS", 50)
BOOKLET = size("BENCH_BOOKLET", 1_000)
IMPORT_STRUCTURES = size("BENCH_IMPORT_STRUCTURES", 10_000)
IMPORT_SERVICES = size("BENCH_IMPORT_SERVICES", 30_000)
INDEX = os.environ.get("BENCH_INDEX", "1") != "0"
QUERY_BUDGET = 12
WORDS = [
    "accueil",
    "écoute",
    "orientation",
    "épicerie",
    "solidaire",
    "crèche",
    "halte-garderie",
    "permanence",
    "juridique",
    "atelier",
    "numérique",
    "logement",
    "hébergement",
    "insertion",
    "emploi",
    "formation",
    "mobilité",
    "permis",
    "santé",
    "prévention",
    "parentalité",
    "soutien",
    "scolaire",
    "vestiaire",
    "alimentation",
    "transport",
    "aidants",
]
THEMATIQUES = [
    "equipement-et-alimentation--alimentation",
    "famille--garde-denfants",
    "sante--acces-aux-soins",
    "logement-hebergement--louer-un-logement",
    "mobilite--preparer-un-permis",
    "numerique--maitriser-les-fondamentaux-du-numerique",
    "trouver-un-emploi--repondre-a-des-offres-demploi",
]


FILLER = [f"mot{n}" for n in range(3000)]


def text(rng, words):
    """One word in ten from the domain (a keyword then matches ~10% of fiches, as in a
    real répertoire), the others from a 3,000-word filler vocabulary."""
    chosen = (rng.choice(WORDS) if rng.random() < 0.1 else rng.choice(FILLER) for _ in range(words))
    return " ".join(chosen).capitalize() + "."


# --- Seeding -----------------------------------------------------------------------------


def seed_communes(rng, count=300):
    from portal.models import Commune, Department

    department, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    Commune.objects.bulk_create(
        [
            Commune(
                insee_code=f"23{n:03d}",
                name=f"Commune {n}",
                department=department,
                postal_codes=f"23{n % 100:03d}",
                population=rng.randint(100, 15_000),
                latitude=45.7 + rng.random() * 0.7,
                longitude=1.4 + rng.random() * 1.0,
            )
            for n in range(1, count + 1)
        ],
        ignore_conflicts=True,
    )
    return list(Commune.objects.values_list("insee_code", flat=True))


def seed_repertoire(rng, communes):
    from portal.models import HomePage
    from repertoire.models import RepertoirePage, Service, Structure, Theme

    home = HomePage.objects.get()
    home.add_child(instance=RepertoirePage(title="Répertoire", slug="repertoire"))
    now, today = timezone.now(), date.today()
    Structure.objects.bulk_create(
        [
            Structure(
                name=f"Structure {n} {rng.choice(WORDS)}",
                slug=f"structure-{n}",
                commune_id=rng.choice(communes),
                summary=text(rng, 25),
                objectives=text(rng, 30),
                audience=text(rng, 10),
                opening_hours="Mo-Fr 08:30-12:00,13:30-17:00; PH off",
                access_motor=rng.choice(["yes", "partial", "no", ""]),
                last_verified_at=today,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            for n in range(STRUCTURES)
        ],
        batch_size=2000,
    )
    pks = list(Structure.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    through = Structure.themes.through
    links = {(pk, t) for pk in pks for t in rng.sample(themes, rng.randint(1, 2))}
    through.objects.bulk_create(
        [through(structure_id=s, theme_id=t) for s, t in links], batch_size=5000
    )
    Service.objects.bulk_create(
        [
            Service(
                structure_id=pks[n % len(pks)],
                sort_order=n // len(pks),
                name=f"Service {rng.choice(WORDS)} {n}",
                description=text(rng, 40),
                service_type="accompagnement",
                thematiques=[rng.choice(THEMATIQUES)],
                publics=["tous-publics"],
                fees="gratuit",
            )
            for n in range(SERVICES)
        ],
        batch_size=5000,
    )


# --- Measures ----------------------------------------------------------------------------


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def measure(client, label, urls):
    """Query count of the first URL (after one warm-up), then p50/p95 over `urls`."""
    client.get(urls[0])
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(urls[0])
    assert response.status_code == 200, (urls[0], response.status_code)
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    good = len(queries) <= QUERY_BUDGET and p95(times) <= 100
    print(
        f"{'OK' if good else 'KO'} {label:42} {len(queries):3d} requêtes SQL (≤ {QUERY_BUDGET})  "
        f"p50 {statistics.median(times):7.1f} ms   p95 {p95(times):7.1f} ms (≤ 100)  "
        f"charge {os.getloadavg()[0]:.1f}"
    )
    return len(queries) <= QUERY_BUDGET


def measure_pages(rng, communes):
    from repertoire.models import Structure

    client = Client()
    slugs = list(Structure.objects.order_by("?").values_list("slug", flat=True)[:REQUESTS])
    near = [f"&commune={rng.choice(communes)}&rayon=20" for _ in range(REQUESTS)]
    ok = measure(
        client,
        "Thème (page 1..5)",
        [f"/repertoire/themes/sante/?page={n % 5 + 1}" for n in range(REQUESTS)],
    )
    ok &= measure(
        client, "Thème + commune + 20 km", [f"/repertoire/themes/sante/?x=1{q}" for q in near]
    )
    if INDEX:
        ok &= measure(
            client,
            "Thème + mot-clé (sans accent)",
            [f"/repertoire/themes/sante/?q={rng.choice(WORDS)}" for _ in range(REQUESTS)],
        )
        ok &= measure(
            client,
            "Mot-clé + commune + 20 km",
            [f"/repertoire/?q=creche{q}" for q in near],
        )
    ok &= measure(client, "Fiche structure", [f"/repertoire/structures/{s}/" for s in slugs])
    return ok


def measure_booklet():
    from pypdf import PdfReader

    from repertoire.paper.booklet import booklet_queryset, render_booklet, workers

    start = time.perf_counter()
    structures, scope = booklet_queryset({})
    content = render_booklet(
        structures[:BOOKLET], scope, "Répertoire des compétences sociales", "http://testserver/"
    )
    seconds = time.perf_counter() - start
    path = Path(_TMP) / "booklet.pdf"
    path.write_bytes(content)
    pages = len(PdfReader(path).pages)
    verdict = "OK" if seconds <= 60 else "KO"
    print(
        f"{verdict} Livret de {BOOKLET} fiches (charge {os.getloadavg()[0]:.1f}) : "
        f"{seconds:6.1f} s (≤ 60 s), {pages} pages, "
        f"{len(content) / 1e6:.1f} Mo, {workers()} processus de mise en page"
    )
    return seconds <= 60


def import_files(rng, communes):
    today = date.today().isoformat()
    structures = [
        {
            "source": "bench",
            "id": f"bench--{n}",
            "nom": f"Structure importée {n}",
            "date_maj": today,
            "description": text(rng, 20),
            "code_insee": rng.choice(communes),
            "adresse": f"{n} rue de la Gare",
            "telephone": "05 55 00 00 00",
            "courriel": f"contact{n}@exemple.fr",
            "horaires_accueil": "Mo-Fr 09:00-12:00",
            "reseaux_porteurs": ["ccas-cias"],
        }
        for n in range(IMPORT_STRUCTURES)
    ]
    services = [
        {
            "source": "bench",
            "structure_id": f"bench--{n % IMPORT_STRUCTURES}",
            "id": f"bench--{n % IMPORT_STRUCTURES}--{n}",
            "nom": f"Service importé {n}",
            "description": text(rng, 30),
            "date_maj": today,
            "type": "accompagnement",
            "thematiques": [rng.choice(THEMATIQUES)],
            "publics": ["tous-publics"],
            "frais": "gratuit",
            "modes_accueil": ["en-presentiel"],
        }
        for n in range(IMPORT_SERVICES)
    ]
    paths = [Path(_TMP) / "structures.json", Path(_TMP) / "services.json"]
    for path, rows in zip(paths, (structures, services), strict=True):
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return paths


def measure_import(rng, communes):
    from repertoire.interop.importer import import_files as run_import

    paths = import_files(rng, communes)
    ok = True
    for label in ("Import", "Ré-import (mises à jour)"):
        start = time.perf_counter()
        report = run_import(paths)
        seconds = time.perf_counter() - start
        assert report.written and not report.errors, report.errors[:5]
        good = seconds <= 60
        ok &= good
        c = report.counts
        print(
            f"{'OK' if good else 'KO'} {label} (charge {os.getloadavg()[0]:.1f}, ≤ 60 s) de "
            f"{IMPORT_STRUCTURES} structures + "
            f"{IMPORT_SERVICES} services : {seconds:6.1f} s "
            f"({c['structures_created']}+{c['structures_updated']} structures, "
            f"{c['services_created']}+{c['services_updated']} services créés+mis à jour)"
        )
    return ok


def main():
    started = time.perf_counter()
    rng = random.Random(4)
    call_command("migrate", verbosity=0)
    communes = seed_communes(rng)
    step = time.perf_counter()
    seed_repertoire(rng, communes)
    print(
        f"{STRUCTURES} structures, {SERVICES} services créés en "
        f"{time.perf_counter() - step:.1f} s ({connection.vendor}, {_TMP})"
    )
    if INDEX:
        step = time.perf_counter()
        call_command("search_index", "rebuild", kind=["structure", "service"], no_progress=True)
        print(f"Index de recherche (base de données) : {time.perf_counter() - step:.1f} s")
    ok = measure_pages(rng, communes)
    ok &= measure_booklet()
    ok &= measure_import(rng, communes)
    print(f"Durée totale : {time.perf_counter() - started:.0f} s")
    if "BENCH_DATABASE_URL" not in os.environ:
        shutil.rmtree(_TMP, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
