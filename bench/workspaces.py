"""Workspaces network view ("free near a commune, Tuesday afternoon"): 500 places, 5,000
rooms, 200k bookings; p95 ≤ 100 ms and ≤ 12 queries per page, whatever the search.

Runs on a throw-away SQLite database, or on $DATABASE_URL (PostgreSQL: the exclusion
constraint is then in place). Seeds once (bulk inserts), then measures.
Usage: .venv/bin/python bench/workspaces.py
"""

import datetime
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
_tmp = tempfile.mkdtemp(prefix="bench-workspaces-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal.models import Commune, Department  # noqa: E402
from repertoire.models import Booking, Room, Structure, Workspace  # noqa: E402

PLACES, ROOMS_PER_PLACE, BOOKINGS_PER_ROOM = 500, 10, 40
DAYS = 60
HOURS = [
    "Mo-Fr 09:00-12:30,13:30-18:00; PH off",
    "Tu,Th 14:00-18:00; We 10:00-12:00,14:00-18:00; Sa 10:00-12:00",
    "Mo-Sa 09:30-12:30,14:00-17:30; PH off",
    "Mo,We,Fr 08:00-19:00",
]
RUNS = 40


def seed_places(rng):
    dept, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    Commune.objects.bulk_create(
        Commune(
            insee_code=f"9{n:04d}",
            name=f"Bourg {n}",
            department=dept,
            latitude=45.5 + rng.random() * 1.5,
            longitude=1.0 + rng.random() * 1.5,
        )
        for n in range(PLACES)
    )
    communes = list(Commune.objects.filter(insee_code__startswith="9").order_by("pk"))
    structures = Structure.objects.bulk_create(
        Structure(name=f"Lieu {n}", slug=f"lieu-bench-{n}", commune=communes[n], live=True)
        for n in range(PLACES)
    )
    places = Workspace.objects.bulk_create(
        Workspace(
            structure=s,
            name=f"Espace {n}",
            slug=f"espace-bench-{n}",
            kind="third_place",
            commune=s.commune,
            opening_hours=HOURS[n % len(HOURS)],
        )
        for n, s in enumerate(structures)
    )
    return Room.objects.bulk_create(
        Room(
            workspace=p,
            name=f"Salle {k}",
            kind="office",
            capacity=1 + k % 6,
            feed_token=f"bench-{p.pk}-{k}",
        )
        for p in places
        for k in range(ROOMS_PER_PLACE)
    )


def seed(rng):
    rooms = seed_places(rng)
    today = timezone.localdate()
    slots = [(d, h) for d in range(1, DAYS + 1) for h in (9, 14, 16)]
    batch = []
    for room in rooms:
        for day, hour in rng.sample(slots, BOOKINGS_PER_ROOM):
            start = timezone.make_aware(
                datetime.datetime.combine(today + datetime.timedelta(days=day), datetime.time(hour))
            )
            batch.append(
                Booking(
                    room=room,
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    people=1,
                    name="Bench",
                    email="bench@exemple.fr",
                    reference=f"b{len(batch)}",
                    status=rng.choice(["accepted", "accepted", "requested", "declined"]),
                )
            )
            if len(batch) % 20_000 == 0:
                Booking.objects.bulk_create(batch[-20_000:], batch_size=5000)
    Booking.objects.bulk_create(batch[len(batch) - len(batch) % 20_000 :], batch_size=5000)


def next_tuesday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)


def searches():
    tuesday = next_tuesday().isoformat()
    slot = f"date={tuesday}&start=14:00&end=17:00"
    return [
        ("commune + 20 km, 1 pers.", f"?commune=Bourg+7&rayon=20&{slot}&people=1"),
        ("commune + 50 km, 4 pers.", f"?commune=Bourg+7&rayon=50&{slot}&people=4"),
        ("whole network, 1 pers.", f"?{slot}&people=1"),
        ("whole network, page 5", f"?{slot}&people=1&page=5"),
    ]


def measure(client, query):
    url = f"/espaces-de-travail/{query}"
    client.get(url)  # warm-up
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, response.content[:300]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    found = re.search(r"(\d+) lieux? ouverts?", response.content.decode())
    found = found[1] if found else "?"
    return sorted(timings)[int(RUNS * 0.95) - 1], len(queries), sql_ms, found


def main():
    call_command("migrate", verbosity=0)
    if Booking.objects.count() < PLACES * ROOMS_PER_PLACE * BOOKINGS_PER_ROOM:
        began = time.perf_counter()
        seed(random.Random(15))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics after the bulk inserts
        print(f"seeded in {time.perf_counter() - began:.0f} s")
    print(
        f"{Workspace.objects.count()} places, {Room.objects.count()} rooms, "
        f"{Booking.objects.count()} bookings ({connection.vendor})"
    )
    client, ok = Client(), True
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for label, query in searches():
        p95, queries, sql_ms, found = measure(client, query)
        good = p95 <= 100 and queries <= 12
        ok &= good
        print(
            f"{'OK' if good else 'KO'}  {label:28} p95 {p95:6.1f} ms  {queries:2d} queries "
            f"({sql_ms:5.1f} ms SQL)  {found} places  charge {os.getloadavg()[0]:.1f}"
        )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
