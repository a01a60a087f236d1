"""Pictograms of the fiche parcours: one simple line drawing per data·inclusion category,
plus phone, clock, place and calendar. Inline SVG (no font, no network), black strokes so
they print and photocopy well; each has a text twin for screen readers and the HTML page.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# 48 × 48 drawings, stroked (no fill) unless the element says otherwise.
DRAWINGS = {
    "logement-hebergement": '<path d="M6 24 24 8l18 16"/><path d="M11 20v20h26V20"/>'
    '<path d="M20 40V28h8v12"/>',
    "sante": '<path d="M19 8h10v11h11v10H29v11H19V29H8V19h11z"/>',
    "difficultes-financieres": '<circle cx="24" cy="24" r="17"/><path d="M31 16a9 9 0 1 0 0 16"/>'
    '<path d="M14 21h13M14 27h13"/>',
    "famille": '<circle cx="14" cy="12" r="5"/><circle cx="34" cy="12" r="5"/>'
    '<circle cx="24" cy="26" r="4"/><path d="M6 40v-13a8 8 0 0 1 16 0M26 27a8 8 0 0 1 16 0v13"/>'
    '<path d="M18 42v-5a6 6 0 0 1 12 0v5"/>',
    "mobilite": '<path d="M6 32v-8l5-10h26l5 10v8z"/><circle cx="14" cy="34" r="4"/>'
    '<circle cx="34" cy="34" r="4"/><path d="M11 24h26"/>',
    "numerique": '<rect x="8" y="9" width="32" height="22" rx="2"/>'
    '<path d="M4 39h40M18 31l-2 8M30 31l2 8"/>',
    "equipement-et-alimentation": '<path d="M6 18h36l-5 22H11z"/>'
    '<path d="M15 18l6-10M33 18l-6-10"/>'
    '<path d="M18 26v8M24 26v8M30 26v8"/>',
    "difficultes-administratives-ou-juridiques": '<path d="M12 5h17l9 9v29H12z"/>'
    '<path d="M29 5v9h9"/>'
    '<path d="M18 22h14M18 29h14M18 36h9"/>',
    "trouver-un-emploi": '<rect x="6" y="15" width="36" height="25" rx="2"/>'
    '<path d="M18 15v-5h12v5M6 26h36"/>',
    "se-former": '<path d="M4 18 24 9l20 9-20 9z"/><path d="M12 22v10c6 6 18 6 24 0V22M44 18v12"/>',
    "lecture-ecriture-calcul": '<path d="M10 38l4-12 20-20 8 8-20 20z"/>'
    '<path d="M30 10l8 8M14 26l8 8"/>',
    "choisir-un-metier": '<path d="M24 44V6"/>'
    '<path d="M24 10h14l4 5-4 5H24M24 24H10l-4 5 4 5h14"/>',
    "preparer-sa-candidature": '<path d="M12 5h24v38H12z"/><circle cx="24" cy="16" r="5"/>'
    '<path d="M16 28h16M16 34h16"/>',
    "creer-une-entreprise": '<path d="M6 20h36l-3-11H9z"/><path d="M9 20v22h30V20"/>'
    '<path d="M20 42V30h8v12"/>',
    "remobilisation": '<circle cx="24" cy="24" r="8"/><path d="M24 4v6M24 38v6M4 24h6M38 24h6'
    'M10 10l4 4M34 34l4 4M10 38l4-4M34 14l4-4"/>',
    "souvrir-a-linternational": '<circle cx="24" cy="24" r="18"/>'
    '<path d="M6 24h36M24 6c-8 10-8 26 0 36'
    'M24 6c8 10 8 26 0 36"/>',
    "phone": '<path d="M14 6l6 8-4 5c2 5 6 9 11 11l5-4 8 6-4 8C20 40 8 28 6 12z"/>',
    "clock": '<circle cx="24" cy="24" r="18"/><path d="M24 13v11l8 5"/>',
    "place": '<path d="M24 44S10 29 10 19a14 14 0 0 1 28 0c0 10-14 25-14 25z"/>'
    '<circle cx="24" cy="19" r="5"/>',
    "calendar": '<rect x="6" y="9" width="36" height="33" rx="2"/>'
    '<path d="M6 18h36M15 5v8M33 5v8"/>',
    "other": '<circle cx="24" cy="24" r="18"/><path d="M24 21v13"/>'
    '<circle cx="24" cy="14" r="1.5"/>',
}


def svg(name, size=40, label=""):
    """An inline <svg>; with `label` it is announced (role="img"), else hidden from readers."""
    drawing = DRAWINGS.get(name, DRAWINGS["other"])
    accessibility = (
        format_html('role="img" aria-label="{}"', label)
        if label
        else mark_safe('aria-hidden="true"')
    )
    return format_html(
        '<svg class="picto" width="{s}" height="{s}" viewBox="0 0 48 48" fill="none" '
        'stroke="#000" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" {a}>'
        "{d}</svg>",
        s=size,
        a=accessibility,
        d=mark_safe(drawing),  # noqa: S308  (our own constant drawings)
    )


def category_of(thematique):
    return thematique.split("--", 1)[0]
