"""Load and faults bench (issue #14, item 7). Not a test: run `make bench` or

    .venv/bin/python bench/faults.py [--intakes 500]

Against gunicorn (2 workers × 8 threads) and PostgreSQL when DATABASE_URL is set (else a
SQLite file, var/bench-faults.sqlite3, said so). Each figure is printed with OK or KO; the
exit status is 1 on any KO.

1. N concurrent intake submissions while SMTP is down (EMAIL_URL to a closed port):
   N candidates, none lost, no 5xx, every confirmation e-mail waiting in the outbox;
   then an SMTP sink comes back, `send_outbox` runs and every one is delivered.
2. Elasticsearch configured but down: search answers from the database, one warning per
   server process.
3. A data·inclusion import killed (SIGKILL) mid-way: nothing half-imported; the re-run
   completes.
4. Redis down (REDIS_URL to a closed port): the site still serves, signed-in pages too.
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "support"))
os.environ["DJANGO_SETTINGS_MODULE"] = "faults_settings"
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
if not POSTGRES:
    os.environ["DATABASE_URL"] = f"sqlite:///{VAR / 'bench-faults.sqlite3'}"
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "bench" / "support"), str(ROOT)])

from faults_lib import (  # noqa: E402
    SmtpSink,
    closed_port,
    data_inclusion_files,
    get,
    one_intake,
    sign_in,
)

RESULTS = []
RUN = f"r{int(time.time())}"  # names and e-mails of this run: a reused database is fine


def verdict(ok, text):
    RESULTS.append(ok)
    print(f"{'OK' if ok else 'KO'} {text}  (charge {os.getloadavg()[0]:.1f})", flush=True)


def setup_django():
    import django
    from django.core.management import call_command

    if not POSTGRES:
        (VAR / "bench-faults.sqlite3").unlink(missing_ok=True)
    django.setup()
    call_command("migrate", verbosity=0)
    seed_communes()


def seed_communes():
    from portal.models import Commune, Department, Epci

    department, _ = Department.objects.get_or_create(code="23", defaults={"name": "Creuse"})
    epci, _ = Epci.objects.get_or_create(code="200000001", defaults={"name": "CC Bench"})
    for n in range(1, 51):
        Commune.objects.get_or_create(
            insee_code=f"23{n:03d}",
            defaults={"name": f"Commune {n}", "department": department, "epci": epci,
                      "latitude": 46 + n / 100, "longitude": 1.8 + n / 100, "population": n},
        )  # fmt: skip
    Commune.objects.filter(insee_code="23010").update(name="Commune dix")


class Server:
    """gunicorn, 2 workers × 8 threads, with extra environment; its log in var/."""

    def __init__(self, name, port, **env):
        self.port, self.log = port, VAR / f"bench-faults-{name}.log"
        self.env = {**os.environ, **env}

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{self.port}",
             "-w", "2", "--threads", "8", "--backlog", "2048", "--timeout", "120"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log.open("w"),
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.5)
        raise RuntimeError(f"the bench server did not start, see {self.log}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def log_lines(self, pattern):
        return [line for line in self.log.read_text().splitlines() if re.search(pattern, line)]


def bench_intakes_with_smtp_down(count):
    from django.core.management import call_command

    from extranet.models import Candidate
    from portal.mail.enums import EmailStatus
    from portal.models import OutboundEmail

    smtp_port = closed_port()
    before = Candidate.objects.count()
    env = {"EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}", "EMAIL_TIMEOUT": "5",
           "INTAKE_RATE_LIMIT": str(count * 2)}  # fmt: skip
    with Server("intake", 8771, **env) as server:
        results = []
        threads = [
            threading.Thread(target=one_intake, args=(server.base, f"{RUN}-{n}", results))
            for n in range(count)
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    created = Candidate.objects.count() - before
    server_errors = [r for r in results if r.startswith("5")]
    failures = [r for r in results if r != "ok"]
    verdict(
        created == count and not failures,
        f"{count} inscriptions simultanées, SMTP coupé : {created} candidat·es enregistré·es "
        f"en {elapsed:.0f} s, {count - created} perdu·es, {len(server_errors)} réponses 5xx, "
        f"{len(failures)} échecs {failures[:3]}",
    )
    mails = OutboundEmail.objects.filter(to__contains=f"-{RUN}-")
    waiting = mails.exclude(status=EmailStatus.SENT).count()
    verdict(
        waiting >= count and not mails.filter(status=EmailStatus.SENT).exists(),
        f"SMTP coupé : {waiting} e-mails en attente dans la file d'envoi (≥ {count} attendus)",
    )
    from django.conf import settings
    from django.utils import timezone

    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        mails.update(next_attempt_at=timezone.now())  # the retry back-off has passed
        while mails.exclude(status=EmailStatus.SENT).filter(next_attempt_at__lte=timezone.now()):
            call_command("send_outbox", stdout=open(os.devnull, "w"))  # noqa: SIM115
        delivered = mails.filter(status=EmailStatus.SENT).count()
        received = sink.count
    verdict(
        delivered == waiting and received >= delivered,
        f"SMTP revenu : {delivered}/{waiting} e-mails remis par send_outbox, "
        f"{received} reçus par le serveur SMTP",
    )


def bench_elasticsearch_down():
    from django.core.management import call_command

    call_command("search_index", "rebuild", "--no-progress", stdout=open(os.devnull, "w"))  # noqa: SIM115
    es = f"http://127.0.0.1:{closed_port()}"
    with Server("search", 8772, ELASTICSEARCH_URL=es) as server:
        answers = [get(f"{server.base}/recherche/?q=structure+{n}") for n in range(20)]
        warnings = server.log_lines(r"WARNING .*search")
    statuses = {status for status, _body in answers}
    found = sum("Aucun résultat" not in body for _status, body in answers)
    verdict(
        statuses == {200} and found == len(answers) and 1 <= len(warnings) <= 2,
        f"Elasticsearch coupé : 20 recherches, réponses {sorted(statuses)}, {found} avec "
        f"résultats (depuis la base), {len(warnings)} avertissement(s) (un par processus "
        "serveur, 2 processus)",
    )


def writer_active():
    """True while another connection holds an open write transaction on the database."""
    from django.db import connection

    if POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
            )
            return cursor.fetchone()[0] > 0
    import sqlite3

    probe = sqlite3.connect(VAR / "bench-faults.sqlite3", timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def kill_while_writing(command, seconds=0.05):
    """Start `command`, SIGKILL it `seconds` after its first write; True if it was killed
    before it ended (an import that ended first proves nothing)."""
    importer = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while importer.poll() is None and not writer_active():
        time.sleep(0.01)
    time.sleep(seconds)
    importer.send_signal(signal.SIGKILL)
    return importer.wait() == -signal.SIGKILL


def bench_import_killed(structures):
    from repertoire.models import Service, Structure

    prefix = f"bench{RUN}"
    paths = data_inclusion_files(VAR, structures, prefix=prefix)
    command = [sys.executable, "manage.py", "import_data_inclusion", *map(str, paths),
               "--no-index"]  # fmt: skip
    killed = kill_while_writing(command)
    half = Structure.objects.filter(name__startswith=f"{prefix} ").count()
    orphans = Service.objects.filter(name__startswith=f"{prefix} ").count()
    verdict(
        killed and half == 0 and orphans == 0,
        f"Import data·inclusion de {structures} structures + {structures} services tué "
        f"(SIGKILL) pendant l'écriture : {'tué' if killed else 'terminé avant'}, {half} "
        f"structure(s) et {orphans} service(s) écrits",
    )
    start = time.perf_counter()
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True)
    seconds = time.perf_counter() - start
    done = Structure.objects.filter(name__startswith=f"{prefix} ").count()
    services = Service.objects.filter(name__startswith=f"{prefix} ").count()
    verdict(
        rerun.returncode == 0 and done == structures and services == structures,
        f"Ré-import : {done}/{structures} structures, {services}/{structures} services en "
        f"{seconds:.1f} s, code de sortie {rerun.returncode}",
    )


def bench_redis_down():
    from allauth.account.models import EmailAddress

    from portal.models import User

    user, _ = User.objects.get_or_create(email="redis@bench.exemple.fr")
    user.set_password("Bench-redis-2026")
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    redis = f"redis://127.0.0.1:{closed_port()}/0"
    urls = ["/", "/recherche/?q=structure", "/je-m-installe/etape/vous/", "/cartemploi/"]
    with Server("redis", 8773, REDIS_URL=redis) as server:
        start = time.perf_counter()
        answers = {url: get(server.base + url)[0] for url in urls * 3}
        signed_in = sign_in(server.base, user.email, "Bench-redis-2026", "/comptes/email/")
        elapsed = time.perf_counter() - start
        warnings = server.log_lines(r"WARNING .*cache")
    answers["/comptes/email/ (connecté·e)"] = signed_in
    verdict(
        set(answers.values()) == {200},
        f"Redis coupé : {len(urls) * 3 + 1} pages en {elapsed:.1f} s, réponses {answers}, "
        f"{len(warnings)} avertissement(s) du cache (un par processus)",
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--intakes", type=int, default=500)
    parser.add_argument("--structures", type=int, default=3000)
    args = parser.parse_args()
    print(
        "Base : PostgreSQL (DATABASE_URL)" if POSTGRES
        else "Base : SQLite (var/bench-faults.sqlite3) — DATABASE_URL n'est pas défini"
    )  # fmt: skip
    setup_django()
    bench_intakes_with_smtp_down(args.intakes)
    bench_import_killed(args.structures)
    bench_elasticsearch_down()  # searches the structures the import wrote
    bench_redis_down()
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
