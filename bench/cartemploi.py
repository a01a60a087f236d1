"""Cartemploi map data: 20k young people + 10k companies, any viewport ≤ 100 ms and ≤ 200 KB.

Runs on a throw-away SQLite database (or $DATABASE_URL). Usage: .venv/bin/python bench/cartemploi.py
"""

import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
_tmp = tempfile.mkdtemp(prefix="bench-cartemploi-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
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


def seed():
    rng = random.Random(7)
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
    for n in range(YOUTHS + COMPANIES):
        commune = rng.choice(communes)
        kind = "youth" if n < YOUTHS else "company"
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


def main():
    call_command("migrate", verbosity=0)
    if PublicCard.objects.count() < YOUTHS + COMPANIES:
        seed()
    client = Client()
    ok = True
    print(f"{PublicCard.objects.count()} cards ({connection.vendor})")
    for label, bbox, zoom in VIEWPORTS:
        for extra in ("", "&skill=soudure&kind=youth"):
            ms, size = measure(client, bbox, zoom, extra)
            good = ms <= 100 and size <= 200 * 1024
            ok &= good
            verdict = "OK " if good else "KO "
            print(f"{verdict} {label:24} {extra or '-':28} {ms:6.1f} ms {size / 1024:7.1f} KB")
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/cartemploi/?skill=soudure&page=3")
    print(f"list page: {response.status_code}, {len(queries)} SQL queries")
    sys.exit(0 if ok and len(queries) <= 12 else 1)


if __name__ == "__main__":
    main()
