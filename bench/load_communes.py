"""Time `load_communes` on the full reference file, into a fresh temporary SQLite database.

Run with `make bench` (or `.venv/bin/python bench/load_communes.py`). Prints the time of a
first load (all inserts), a second load (all updates) and an `--if-changed` no-op. No issue
sets a target for them: shown with the load average, never judged (exit 0).
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(call_command, *args):
    started = time.perf_counter()
    call_command("load_communes", "--no-progress", *args, stdout=io.StringIO())
    return time.perf_counter() - started


def main():
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as directory:
        os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        import django

        django.setup()
        from django.core.management import call_command

        from portal.models import Commune

        call_command("migrate", verbosity=0)
        first = timed(call_command)
        count = Commune.objects.count()
        second = timed(call_command)
        skipped = timed(call_command, "--if-changed")
    load = os.getloadavg()[0]
    print(
        f"load_communes, {count} communes, SQLite temporaire (sans objectif ; charge {load:.1f}) :"
    )
    print(f"  premier chargement (insertions)  : {first:6.2f} s")
    print(f"  second chargement (mises à jour) : {second:6.2f} s")
    print(f"  --if-changed (fichier inchangé)  : {skipped:6.3f} s")


if __name__ == "__main__":
    main()
