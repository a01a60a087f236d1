"""The public trades observatory, from published cards only.

Counts under `MIN_CELL` are hidden (None) so that no person or company can be singled out.
"""

from collections import Counter

from cartemploi.enums import CardKind, NafSection, OfferKind
from cartemploi.models import PublicCard

MIN_CELL = 5
TOP = 15


def hide_small(count):
    return count if count >= MIN_CELL else None


def suppress_small(rows, columns):
    """Copies of `rows` with each count under `MIN_CELL` set to None. Where a column would
    hide a single cell, its next smallest is hidden too: a total must not give it away."""
    shown = [dict(row) for row in rows]
    for column in columns:
        hidden = [row for row in shown if row[column] < MIN_CELL]
        visible = sorted((r for r in shown if r[column] >= MIN_CELL), key=lambda r: r[column])
        if len(hidden) == 1 and visible:
            hidden.append(visible[0])
        for row in hidden:
            row[column] = None
    return shown


def _split(tokens):
    return [t for t in tokens.strip("|").split("|") if t]


def _counter(kind, field):
    counter = Counter()
    for value in PublicCard.objects.filter(kind=kind).values_list(field, flat=True).iterator():
        counter.update(set(_split(value)))
    return counter


def sectors_table():
    """Per NAF section: companies, offers, young people interested; the gap in between."""
    companies = _counter(CardKind.COMPANY, "sectors")
    offers = _counter(CardKind.OFFER, "sectors")
    youths = _counter(CardKind.YOUTH, "sectors")
    rows = []
    for section in NafSection:
        code = section.value.lower()
        counts = (companies[code], offers[code], youths[code])
        if not any(counts):
            continue
        rows.append(
            {
                "label": str(section.label),
                "companies": hide_small(counts[0]),
                "offers": hide_small(counts[1]),
                "youths": hide_small(counts[2]),
                "gap": _gap(counts[1], counts[2]),
            }
        )
    return rows


def _gap(offers, youths):
    if offers < MIN_CELL and youths < MIN_CELL:
        return ""
    if offers > youths:
        return "more_offers"
    if youths > offers:
        return "more_youths"
    return "balanced"


def top_table(kind, field):
    counter = _counter(kind, field)
    return [
        {"label": label.capitalize(), "count": count}
        for label, count in counter.most_common(TOP)
        if count >= MIN_CELL
    ]


def offers_by_kind():
    counter = _counter(CardKind.OFFER, "offer_kinds")
    return [
        {"label": str(kind.label), "count": hide_small(counter[kind.value])}
        for kind in OfferKind
        if counter[kind.value]
    ]


def observatory():
    return {
        "sectors": sectors_table(),
        "skills": top_table(CardKind.YOUTH, "skills"),
        "trades": top_table(CardKind.COMPANY, "skills"),
        "offers": offers_by_kind(),
        "min_cell": MIN_CELL,
    }
