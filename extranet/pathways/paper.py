"""The fiche parcours on paper: plain-language context, a small map, the PDF.

The PDF goes through the répertoire's WeasyPrint helper (`repertoire.paper`); its
stylesheet is overridden in the template for large type. It is printed in the person's
language (`Pathway.language`: fixed text, dates and hours; the worker's notes as written)
and in two versions: the usual one, and "facile à lire et à comprendre" (`EASY`: larger
type, one idea per line, a pictogram beside each idea).
"""

import math

from data_inclusion.schema import v1 as di
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from extranet.pathways.pictograms import category_of, svg
from repertoire.paper.views import pdf_response, render_pdf

LABEL_ROOM = 130
EASY = "facile"
TEMPLATES = {
    "": "extranet/pathways/pathway_pdf.html",
    EASY: "extranet/pathways/pathway_pdf_easy.html",
}
# The schema's French category names, marked so that the English fiche says them in English
# (its thématiques stay in French, marked lang="fr").
CATEGORY_LABELS = {
    "choisir-un-metier": _("Choisir un métier"),
    "creer-une-entreprise": _("Créer une entreprise"),
    "difficultes-administratives-ou-juridiques": _("Difficultés administratives ou juridiques"),
    "difficultes-financieres": _("Difficultés financières"),
    "equipement-et-alimentation": _("Équipement et alimentation"),
    "famille": _("Famille"),
    "lecture-ecriture-calcul": _("Lecture, écriture et calcul"),
    "logement-hebergement": _("Logement et hébergement"),
    "mobilite": _("Mobilité"),
    "numerique": _("Numérique"),
    "preparer-sa-candidature": _("Préparer sa candidature"),
    "remobilisation": _("Remobilisation"),
    "sante": _("Santé"),
    "se-former": _("Se former"),
    "souvrir-a-linternational": _("S’ouvrir à l’international"),
    "trouver-un-emploi": _("Trouver un emploi"),
}


def needs(pathway):
    """[(pictogram, category label, [thématique labels])] in the order first ticked."""
    labels = {t.value: t.label for t in di.Thematique}
    groups = {}
    for code in pathway.thematiques:
        groups.setdefault(category_of(code), []).append(labels.get(code, code))
    return [
        (svg(category, 44), str(CATEGORY_LABELS.get(category, category)), items)
        for category, items in groups.items()
    ]


def contact_rows(pathway):
    rows = []
    for number, contact in enumerate(pathway.contacts.all(), start=1):
        structure = contact.structure
        codes = contact.service.thematiques if contact.service_id else []
        theme = category_of(codes[0]) if codes else _structure_category(structure)
        rows.append(
            {
                "number": number,
                "contact": contact,
                "structure": structure,
                "picto": svg(theme, 44),
                "hours": structure.hours_lines(),
                "point": structure.point,
            }
        )
    return rows


def _structure_category(structure):
    for theme in structure.themes.all():
        if theme.di_categories:
            return theme.di_categories[0]
        if theme.di_thematiques:
            return category_of(theme.di_thematiques[0])
    return "other"


def mini_map(rows, width=440, height=200, margin=30):
    """An SVG plan: the contacts as numbered dots placed by their coordinates, with a scale
    bar. No tiles: it prints offline and shows which places are close to each other."""
    points = [(r["number"], r["point"], r["structure"]) for r in rows if r["point"]]
    if not points:
        return ""
    lats = [p[1][0] for p in points]
    lons = [p[1][1] for p in points]
    mid_lat = math.radians(sum(lats) / len(lats))
    km_x, km_y = 111.32 * math.cos(mid_lat), 110.57
    span = max((max(lons) - min(lons)) * km_x, (max(lats) - min(lats)) * km_y, 2.0)
    usable = width - 2 * margin - LABEL_ROOM  # commune names are written right of the dots
    scale = min(usable, height - 2 * margin) / span  # pixels per km
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2

    def place(lat, lon):
        return margin + usable / 2 + (lon - cx) * km_x * scale, height / 2 - (
            lat - cy
        ) * km_y * scale

    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="11" fill="#fff" stroke="#000" stroke-width="2"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="bold">{}</text>'
        '<text x="{}" y="{}" font-size="12">{}</text>',
        (
            (round(x), round(y), round(x), round(y + 4.5), n, round(x + 15), round(y + 4), label)
            for n, (x, y), label in ((n, place(*pt), _place_label(s)) for n, pt, s in points)
        ),
    )
    bar_km = _nice_km(span / 3)
    bar = bar_km * scale
    return format_html(
        '<svg class="mini-map" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        'aria-label="{label}"><rect x="1" y="1" width="{w2}" height="{h2}" '
        'fill="none" stroke="#000"/>{dots}<path d="M12 {y} h{bar}" stroke="#000" '
        'stroke-width="3"/><text x="12" y="{ty}" font-size="11">{km} km</text></svg>',
        w=width, h=height, w2=width - 2, h2=height - 2, dots=dots,
        label=_("Plan des lieux numérotés"), y=height - 12, bar=round(bar), ty=height - 18,
        km=bar_km,
    )  # fmt: skip


def _place_label(structure):
    commune = getattr(structure, "commune", None) if structure is not None else None
    return commune.name if commune is not None else ""


def _nice_km(value):
    for step in (1, 2, 5, 10, 20, 50, 100):
        if value <= step:
            return step
    return 200


def pathway_context(pathway, *, site_url=""):
    rows = contact_rows(pathway)
    return {
        "pathway": pathway,
        # The person's own copy (e-mailed) shows everything; on screen, see privacy/sensitive.
        "show_sensitive": getattr(pathway, "reads_sensitive", True),
        "needs": needs(pathway),
        "contacts": rows,
        "mini_map": mini_map(rows),
        "steps": list(pathway.steps.all()),
        "icons": {name: svg(name, 26) for name in ("phone", "clock", "place", "calendar")},
        "today": timezone.localdate(),
        "site_url": site_url,
    }


def situation_lines(pathway):
    """The worker's note, one idea per line (the easy-to-read version prints each alone)."""
    return [line.strip() for line in pathway.situation.splitlines() if line.strip()]


def pathway_pdf_bytes(pathway, *, site_url="", version=""):
    """The PDF in the pathway's language; `version` is "" or `EASY`."""
    with translation.override(pathway.language):
        context = pathway_context(pathway, site_url=site_url)
        context["situation_lines"] = situation_lines(pathway)
        if version == EASY:  # larger pictograms beside each idea
            context["icons"] = {name: svg(name, 40) for name in context["icons"]}
        return render_pdf(TEMPLATES[version], context)


def pathway_pdf_response(pathway, *, site_url="", version=""):
    suffix = f"-{EASY}" if version == EASY else ""
    content = pathway_pdf_bytes(pathway, site_url=site_url, version=version)
    return pdf_response(content, f"{pathway.reference}{suffix}.pdf")
