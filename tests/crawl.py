"""Crawl the seeded demo as a person would: follow the links a page shows, nothing typed.

`build_demo()` seeds the demo (`seed_demo`, on the few communes it needs); `crawl(client,
start)` walks same-site links breadth-first from a start page and records each page's
status, visible text and links. The role crawls (`tests/test_role_crawl.py`) and the
raw-value checks read what it records.
"""

import csv
import io
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import Resolver404, resolve

from extranet import demo
from portal.territories import COMMUNES_CSV, parse_communes, read_text, write_all

DEPARTMENT_NAMES = {"19": "Corrèze", "23": "Creuse", "87": "Haute-Vienne"}
# Where a signed-in person's work is: pages there are followed further.
PRIVATE_AREAS = ("/extranet/", "/cartemploi/", "/comptes/")
# Checked (they must answer), never followed: files, feeds, the Wagtail admin.
NOT_FOLLOWED = re.compile(r"(^/admin/|^/api/|\.(csv|xlsx|pdf|xml|json|ics)$|/export|/fichiers/)")
NEVER_FETCHED = re.compile(r"^/(static|media|documents)/|^/comptes/(logout|.*supprimer)")
INVISIBLE = ("script", "style", "template", "noscript")
TEXT_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def create_demo_communes():
    """The real communes of the demo's three départements (names, points, populations and
    EPCIs from the reference file, ~1,200 rows, not all 35,000): the demo's offers sit on
    the communes of the poles' EPCIs, as they do after `make demo`."""
    _, text = read_text(COMMUNES_CSV)
    header, *lines = text.splitlines(keepends=True)
    kept = [line for line in lines if next(csv.reader([line]))[2] in DEPARTMENT_NAMES]
    rows = parse_communes(COMMUNES_CSV, header + "".join(kept), set(DEPARTMENT_NAMES))
    write_all(rows, DEPARTMENT_NAMES, progress=False, communes_sha="", departments_sha="")
    assert {row.insee_code for row in rows} >= demo.COMMUNE_CODES
    assert {row.epci_code for row in rows} >= demo.EPCI_CODES


def build_demo():
    create_demo_communes()
    call_command("seed_demo", stdout=io.StringIO())


@dataclass
class Visit:
    status: int
    text: str = ""
    links: tuple = ()
    referrer: str = ""


@dataclass
class Crawl:
    start: str
    visits: dict = field(default_factory=dict)  # url -> Visit
    seen: dict = field(default_factory=dict)  # every link shown -> the first page showing it

    def paths_shown(self):
        return {urlsplit(url).path for url in [self.start, *self.seen]}

    def broken(self):
        """Links answered with anything but a page (after redirects): {url: (status, from)}."""
        return {
            url: (visit.status, visit.referrer)
            for url, visit in self.visits.items()
            if visit.status != 200
        }


def visible_text(soup):
    """What a person reads or hears: text outside scripts, plus labels given as attributes."""
    for tag in soup(INVISIBLE):
        tag.decompose()
    words = [soup.get_text(" ")]
    for attribute in TEXT_ATTRIBUTES:
        words += [tag[attribute] for tag in soup.find_all(attrs={attribute: True})]
    words += [tag["value"] for tag in soup.find_all("input", type=("submit", "button"))]
    return re.sub(r"\s+", " ", " ".join(words))


def links_of(soup, base):
    """Same-site URLs a click reaches: links, and GET forms submitted as they are."""
    targets = [a["href"] for a in soup.find_all("a", href=True)]
    targets += [
        urlsplit(form.get("action") or base).path
        for form in soup.find_all("form")
        if form.get("method", "get").lower() == "get"
    ]
    paths = []
    for target in targets:
        parts = urlsplit(urljoin(base, target))
        if parts.scheme not in ("http", "https", "") or not parts.path.startswith("/"):
            continue
        if parts.netloc and parts.netloc not in ("testserver", "localhost", "127.0.0.1"):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return tuple(dict.fromkeys(paths))


def fetch(client, url):
    """(final status, parsed page or None) after following redirects."""
    response = client.get(url, follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else url
    if "/comptes/login/" in final and "/comptes/login/" not in url:
        return 401, None  # sent to the login page: a dead end for a signed-in person
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return response.status_code, None
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return 200, BeautifulSoup(content.decode(), "html.parser")


def shape(path):
    """Pages of one kind (one view; for Wagtail pages, one branch of the tree)."""
    try:
        match = resolve(path)
    except Resolver404:
        return path
    if match.view_name == "wagtail_serve":
        return "page:" + "/".join(path.strip("/").split("/")[:1])
    return match.view_name


def crawl(client, start, *, per_shape=3, limit=250, follow_public=False, also=()):
    """Breadth-first from `start` (and `also`, pages reached by typing in a form); at most
    `per_shape` pages of each kind are opened."""
    result = Crawl(start)
    queue, shapes = deque([(start, ""), *((url, start) for url in also)]), {}
    while queue and len(result.visits) < limit:
        url, referrer = queue.popleft()
        path = urlsplit(url).path
        if url in result.visits or NEVER_FETCHED.search(path):
            continue
        kind = shape(path)
        if shapes.get(kind, 0) >= per_shape and url != start:
            continue
        shapes[kind] = shapes.get(kind, 0) + 1
        status, soup = fetch(client, url)
        visit = result.visits[url] = Visit(status, referrer=referrer)
        if soup is None:
            continue
        visit.links = links_of(soup, url)
        visit.text = visible_text(soup)
        for link in visit.links:
            result.seen.setdefault(link, url)
        followed = url == start or path.startswith(PRIVATE_AREAS) or follow_public
        if followed and not NOT_FOLLOWED.search(path):
            queue.extend((link, url) for link in visit.links)
    return result
