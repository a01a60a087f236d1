"""Public pages served for real (issue #13): requests per second, p50/p99 and server CPU per
request of each public page, uncached (page cache off) then cached, next to a static file
served by the same server. Prints the ratios against the targets, OK/KO; exits 1 on a miss.

The demo is built in a throw-away SQLite database (`migrate`, `load_communes`, `seed_demo`,
`collectstatic`) and served by gunicorn: 2 sync workers, the embedded defaults
(`portal.settings.dev`) with DEBUG=false. Server CPU is read from /proc: user + system time
of the two workers over a measure, divided by the requests served. The load comes from
client processes of threads (http.client, a new connection per request as gunicorn's sync
workers close it), on the same machine: what they use is not counted as server CPU.

Usage: .venv/bin/python bench/pages.py [--seconds 3] [--clients 2] [--threads 4] [--keep]
"""

import argparse
import http.client
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CPU_TARGET_MS = 20.0  # an uncached public page
CACHED_SHARE_TARGET = 0.5  # a cached page, against the static file's req/s
FIXED_PAGES = ["/", "/offres/", "/repertoire/", "/recherche/?q=emploi", "/cartemploi/"]
FORM_PAGES = ["/je-m-installe/"]  # a form (CSRF token): never cached, measured uncached only
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def run_manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def build_demo(env):
    started = time.perf_counter()
    run_manage(env, "migrate", "--no-input", "-v", "0")
    run_manage(env, "load_communes", "--no-progress")
    run_manage(env, "seed_demo")
    run_manage(env, "collectstatic", "--no-input", "-v", "0")
    print(f"Démo construite en {time.perf_counter() - started:.0f} s")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env, port, log):
    command = [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
               "--backlog", "2048", "--timeout", "120"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/robots.txt")[0] == 200 and len(workers(server.pid)) == 2:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn n'a pas démarré (voir le journal du serveur)")


def workers(master):
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return pids


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _client(args):
    """One client process: `threads` threads requesting `path` until `seconds` are over."""
    import threading

    port, path, seconds, threads = args
    latencies, errors, stop_at = [], [], time.perf_counter() + seconds

    def loop():
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            try:
                status = get(port, path)[0]
            except OSError as error:
                errors.append(str(error))
                continue
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(str(status))

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors


def measure(pool, server, port, path, options):
    for _ in range(6):  # both workers warm (and their local caches filled)
        get(port, path)
    pids = workers(server.pid)
    cpu_before, started = cpu_seconds(pids), time.perf_counter()
    jobs = [(port, path, options.seconds, options.threads)] * options.clients
    results = pool.map(_client, jobs)
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(pids) - cpu_before
    latencies = sorted(latency for result in results for latency in result[0])
    errors = [error for result in results for error in result[1]]
    count = len(latencies)
    return {
        "rps": count / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(count - 1, int(count * 0.99))] * 1000,
        "cpu": cpu / max(count, 1) * 1000,
        "errors": len(errors),
        "cache": get(port, path)[1].get("X-Page-Cache", "-"),
        "load": os.getloadavg()[0],
    }


def pages_of(port):
    """The issue's pages: fixed ones, plus the first offer and the first fiche of the sitemap."""
    sitemap = get(port, "/sitemap.xml")[2].decode()
    urls = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    offer = next(url for url in urls if re.match(r"^/offres/[^/]+/$", url))
    listing = get(port, "/repertoire/")[2].decode()
    fiche = re.findall(r'href="(/repertoire/structures/[^"/]+/)"', listing)[0]
    home = get(port, "/")[2].decode()
    static = re.findall(r'href="(/static/[^"]+\.css)"', home)[0]
    return [*FIXED_PAGES[:2], offer, FIXED_PAGES[2], fiche, *FIXED_PAGES[3:]], static


def run_phase(pool, env, cached, options, log):
    port = free_port()
    server = serve({**env, "PAGE_CACHE_SECONDS": "300" if cached else "0"}, port, log)
    try:
        pages, static = pages_of(port)
        if not cached:
            pages += FORM_PAGES
        rows = {path: measure(pool, server, port, path, options) for path in pages}
        rows["static"] = measure(pool, server, port, static, options)
        return rows, static
    finally:
        server.terminate()
        server.wait()


def print_table(title, rows):
    print(f"\n{title}")
    print(f"{'page':42} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req':>11} {'cache':>6}"
          f" {'charge':>7}")  # fmt: skip
    for path, row in rows.items():
        errors = f"  ({row['errors']} erreurs)" if row["errors"] else ""
        print(f"{path[:42]:42} {row['rps']:8.0f} {row['p50']:8.1f} {row['p99']:8.1f} "
              f"{row['cpu']:11.1f} {row['cache']:>6} {row['load']:7.1f}{errors}")  # fmt: skip


def verdicts(cold, warm):
    checks = []
    for path, row in cold.items():
        if path != "static":
            checks.append((f"CPU sans cache {path}", row["cpu"], f"≤ {CPU_TARGET_MS:.0f} ms",
                           row["cpu"] <= CPU_TARGET_MS and not row["errors"]))  # fmt: skip
    for path, row in warm.items():
        if path != "static":
            share = row["rps"] / warm["static"]["rps"]
            checks.append((f"en cache / statique {path}", share * 100, "≥ 50 %",
                           share >= CACHED_SHARE_TARGET and row["cache"] == "hit"))  # fmt: skip
    print(f"\nObjectifs (charge moyenne pendant les mesures : {load_text(cold, warm)}) :")
    for name, value, target, ok in checks:
        print(f"  {'OK' if ok else 'KO'}  {name[:48]:48} {value:7.1f}  (objectif {target})")
    return all(ok for *_, ok in checks)


def load_text(*phases):
    loads = [row["load"] for rows in phases for row in rows.values()]
    return f"{min(loads):.1f} à {max(loads):.1f}"


def demo_env(workdir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir}/demo.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
        "SITE_URL": "http://127.0.0.1",
    }
    if not os.environ.get("BENCH_REDIS"):  # the embedded default: local-memory cache
        env.pop("REDIS_URL", None)
    return env


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="durée de chaque mesure")
    parser.add_argument("--clients", type=int, default=2, help="processus clients")
    parser.add_argument("--threads", type=int, default=4, help="fils par processus client")
    parser.add_argument("--keep", action="store_true", help="garder la base construite")
    parser.add_argument("--reuse", type=Path, help="dossier d'une base gardée par --keep")
    return parser.parse_args()


def main():
    options = arguments()
    workdir = options.reuse or Path(tempfile.mkdtemp(prefix="bench-pages-"))
    env = demo_env(workdir)
    try:
        if options.reuse:
            run_manage(env, "collectstatic", "--no-input", "-v", "0")
        else:
            build_demo(env)
        log = (workdir / "server.log").open("w")
        with log, multiprocessing.Pool(options.clients) as pool:
            cold, _ = run_phase(pool, env, False, options, log)
            warm, static = run_phase(pool, env, True, options, log)
        print_table("Sans cache de pages (PAGE_CACHE_SECONDS=0)", cold)
        print_table("Avec le cache de pages (visiteur anonyme)", warm)
        print(f"\nFichier statique : {static} ; {os.cpu_count()} cœurs, clients sur la machine.")
        ok = verdicts(cold, warm)
    finally:
        if options.keep or options.reuse:
            print(f"Base gardée : {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
