"""Helpers of `bench/faults.py`: an HTTP client, the intake journey, an SMTP sink, a
closed port, data·inclusion files."""

import json
import socket
import socketserver
import threading
from datetime import date
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

from tests.threaded_server import ThreadedServer


def closed_port():
    """A local port nobody listens on (bound then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, timeout=60):
    try:
        with urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode(errors="replace")
    except HTTPError as error:
        return error.code, ""


STEPS = {
    "vous": {"last_name": "Bench", "origin_country": "France", "adults": 1, "children": 0},
    "projet": {"project_type": "job", "target_date": "2099-01-01"},
    "lieu": {"commune_1": "23010"},
    "besoins": {},
    "contact": {"consent": "on"},
}


def one_intake(base, n, results):
    """The public form, step by step, as one browser; "ok" or what went wrong."""
    opener = build_opener(HTTPCookieProcessor(jar := CookieJar()))
    try:
        opener.open(f"{base}/je-m-installe/etape/vous/", timeout=300).read()
        token = next(c.value for c in jar if c.name == "csrftoken")
        for slug, data in [*STEPS.items(), ("__review__", {})]:
            url = f"{base}/je-m-installe/" + (
                "verification/" if slug == "__review__" else f"etape/{slug}/"
            )
            extra = {"vous": {"first_name": f"P{n}"}, "contact": {"email": email(n)}}
            body = {**data, **extra.get(slug, {}), "action": "next", "csrfmiddlewaretoken": token}
            request = Request(url, data=urlencode(body).encode(), headers={"Referer": url})
            opener.open(request, timeout=300).read()
        results.append("ok")
    except HTTPError as error:
        results.append(str(error.code))
    except Exception as error:  # noqa: BLE001  (counted and reported)
        results.append(repr(error))


def sign_in(base, email_address, password, then):
    """Sign in through allauth's form, then GET `then`; its status."""
    opener = build_opener(HTTPCookieProcessor(jar := CookieJar()))
    try:
        opener.open(f"{base}/comptes/login/", timeout=60).read()
        token = next(c.value for c in jar if c.name == "csrftoken")
        body = {"login": email_address, "password": password, "csrfmiddlewaretoken": token}
        url = f"{base}/comptes/login/"
        opener.open(Request(url, data=urlencode(body).encode(), headers={"Referer": url}))
        with opener.open(f"{base}{then}", timeout=60) as response:
            landed = response.geturl()
            return response.status if "/comptes/login/" not in landed else 401
    except HTTPError as error:
        return error.code


def email(n):
    return f"bench-{n}@bench.exemple.fr"


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive messages: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def handle(self):
        self.wfile.write(b"220 bench ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250-bench\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                while self.rfile.readline() not in (b".\r\n", b".\n", b""):
                    pass
                with self.server.lock:
                    self.server.count += 1
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class SmtpSink(ThreadedServer):
    def __init__(self):
        super().__init__(_SmtpHandler)
        self.count, self.lock = 0, threading.Lock()


def data_inclusion_files(folder, count, *, prefix):
    """structures.json and services.json at the data·inclusion schema, `count` of each."""
    today = date.today().isoformat()
    structures = [
        {"source": prefix, "id": f"{prefix}--{n}", "nom": f"{prefix} structure {n}",
         "date_maj": today, "description": "Accueil et orientation des habitants du canton.",
         "code_insee": f"23{n % 50 + 1:03d}", "adresse": f"{n} rue de la Gare",
         "telephone": "05 55 00 00 00", "courriel": f"contact{n}@exemple.fr"}
        for n in range(count)
    ]  # fmt: skip
    services = [
        {"source": prefix, "structure_id": f"{prefix}--{n}", "id": f"{prefix}--{n}--s",
         "nom": f"{prefix} service {n}", "description": "Aide aux démarches administratives.",
         "date_maj": today, "type": "accompagnement", "thematiques": ["famille--garde-denfants"],
         "publics": ["tous-publics"], "frais": "gratuit", "modes_accueil": ["en-presentiel"]}
        for n in range(count)
    ]  # fmt: skip
    paths = [folder / f"{prefix}-structures.json", folder / f"{prefix}-services.json"]
    for path, rows in zip(paths, (structures, services), strict=True):
        path.write_text(json.dumps(rows, ensure_ascii=False))
    return paths
