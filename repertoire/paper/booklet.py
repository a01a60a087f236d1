"""The whole répertoire — or one theme, or one territory — as a printed booklet: a cover,
contents by theme, the fiches, an index of communes, and page numbers.

The fiches are cut into parts laid out side by side (`repertoire.paper.typesetting`); the
contents and the index are then set with the page numbers read from the parts' anchors,
so a booklet of a thousand fiches takes well under a minute on two cores.
"""

import hashlib
import math
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Count, Max
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.models import Department
from repertoire.models import Structure, Theme
from repertoire.models.permanences import permanences_prefetch
from repertoire.paper import typesetting

PDF_CSS = "css/repertoire-pdf.css"
EASY_READ_PICTOGRAM = "img/facile-a-lire.svg"


def pictogram_uri():
    """The « facile à lire » pictogram as a file address WeasyPrint reads (no HTTP)."""
    path = finders.find(EASY_READ_PICTOGRAM)
    return Path(path).as_uri() if path else ""


PARALLEL_FROM = 80  # fiches: below this, one process lays the booklet out faster
MAX_FRONT_ATTEMPTS = 3


@dataclass
class Section:
    """A theme's fiches in one part; `continued` when the theme began in the part before."""

    theme: Theme | None
    structures: list
    continued: bool = False

    @property
    def title(self):
        return self.theme.name if self.theme else _("Autres structures")

    @property
    def anchor(self):
        return f"theme-{self.theme.slug if self.theme else 'autres'}"


def booklet_queryset(params):
    """Published fiches for the booklet, with its scope label; 404 on an unknown scope."""
    structures = Structure.objects.published()
    scope = []
    if params.get("theme"):
        theme = Theme.objects.filter(slug=params["theme"]).first()
        if theme is None:
            raise Http404
        structures = structures.in_theme(theme)
        scope.append(theme.name)
    if params.get("departement"):
        department = Department.objects.filter(code=params["departement"]).first()
        if department is None:
            raise Http404
        structures = structures.filter(commune__department=department)
        scope.append(department.name)
    structures = structures.select_related("commune").prefetch_related(
        "themes", "services", permanences_prefetch()
    )
    return structures.order_by("name"), scope


def booklet_sections(structures, themes):
    """[Section] each structure under its first theme, in theme order, then 'Autres'."""
    grouped = defaultdict(list)
    for structure in structures:
        own = list(structure.themes.all())
        first = min(own, key=lambda t: (t.order, t.name)) if own else None
        grouped[first].append(structure)
    ordered = [Section(theme, grouped[theme]) for theme in themes if grouped.get(theme)]
    if grouped.get(None):
        ordered.append(Section(None, grouped[None]))
    return ordered


def plan_parts(sections, count):
    """Cut the sections into `count` parts of about the same number of fiches; a theme cut
    in two goes on in the next part as a `continued` section."""
    total = sum(len(section.structures) for section in sections)
    if count <= 1 or total == 0:
        return [sections]
    size = math.ceil(total / count)
    parts, current, room = [], [], size
    for section in sections:
        start = 0
        while start < len(section.structures):
            chunk = section.structures[start : start + room]
            current.append(Section(section.theme, chunk, section.continued or start > 0))
            start += len(chunk)
            room -= len(chunk)
            if room == 0:
                parts.append(current)
                current, room = [], size
    if current:
        parts.append(current)
    return parts


def commune_index(structures):
    """[(commune name, [structures])] sorted as a French reader expects (accents ignored)."""
    index = defaultdict(list)
    for structure in structures:
        name = structure.commune.name if structure.commune_id else _("Commune non précisée")
        index[name].append(structure)
    return sorted(index.items(), key=lambda item: slugify(item[0]))


def cache_key(structures, scope, title, site_url):
    """Changes whenever a fiche of the booklet, a service or a theme changes, and each day
    (the cover and the "vérifiée le" lines are dated): one query for the fiches, one for
    the themes."""
    facts = structures.order_by().aggregate(
        count=Count("pk", distinct=True),
        fiches=Max("updated_at"),
        services=Max("services__updated_at"),
    )
    themes = list(Theme.objects.values_list("slug", "name", "order"))
    parts = [scope, title, site_url, timezone.localdate().isoformat(), facts, themes]
    return "repertoire-booklet:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def workers():
    configured = getattr(settings, "REPERTOIRE_BOOKLET_WORKERS", None)
    return max(1, configured or min(os.cpu_count() or 1, 4))


def page_numbers(parts, first_page):
    """{anchor: printed page number} over parts laid out one after the other."""
    numbers, offset = {}, first_page
    for part in parts:
        for name, page in part.anchors.items():
            numbers.setdefault(name, offset + page)
        offset += part.pages
    return numbers, offset


def render_booklet(structures, scope, title, site_url, base_url=None):
    """The booklet's PDF bytes for `structures` (a queryset from `booklet_queryset`)."""
    rows = list(structures)
    sections = booklet_sections(rows, list(Theme.objects.all()))
    pool_size = workers() if len(rows) >= PARALLEL_FROM else 1
    parts = plan_parts(sections, pool_size)
    css = [finders.find(PDF_CSS)]
    context = {
        "title": title,
        "scope": " – ".join(scope),
        "count": len(rows),
        "today": timezone.localdate(),
        "site_url": site_url,
        "pictogram": pictogram_uri(),
    }
    part_htmls = [
        render_to_string("repertoire/pdf/booklet_part.html", {**context, "sections": part})
        for part in parts
    ]
    laid = typesetting.lay_out_all(part_htmls, css, base_url, pool_size)
    front, index = _front_and_index(laid, sections, rows, context, (css, base_url, pool_size))
    return typesetting.join([front, *laid, index])


def _front_and_index(laid, sections, rows, context, layout):
    """Cover + contents and the commune index, with real page numbers. The contents fit on
    one page unless there are dozens of themes: then they are set again at their length."""
    front_pages = 2
    index = [(commune, _numbered(items)) for commune, items in commune_index(rows)]
    for _attempt in range(MAX_FRONT_ATTEMPTS):
        numbers, index_page = page_numbers(laid, front_pages + 1)
        contents = [
            (section.title, numbers.get(section.anchor), len(section.structures))
            for section in sections
        ]
        htmls = [
            render_to_string(
                "repertoire/pdf/booklet_front.html",
                {**context, "contents": contents, "index_page": index_page},
            ),
            render_to_string(
                "repertoire/pdf/booklet_index.html",
                {**context, "index": [(c, _paged(entries, numbers)) for c, entries in index]},
            ),
        ]
        front, index_part = typesetting.lay_out_all(htmls, *layout)
        if front.pages == front_pages:
            break
        front_pages = front.pages
    return front, index_part


def _numbered(structures):
    return [(structure.name, f"s-{structure.pk}") for structure in structures]


def _paged(entries, numbers):
    return [(name, numbers.get(anchor)) for name, anchor in entries]
