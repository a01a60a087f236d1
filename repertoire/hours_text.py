"""Plain French for opening hours: '8 h 30 – 12 h', 'Du lundi au jeudi',
'1er et 3e mardi du mois', 'Lundi, du 4 janvier au 28 juin 2027'; on the English portal the
same sentences come from the catalogue, with English times and ordinals ('8:30', '2nd').

Works from evaluated days ({date: ((start, end) minutes, …)}), so what is written always
agrees with what "ouvert maintenant" computes, whatever the syntax of the rule.
"""

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

FRENCH_DAYS = [
    gettext_noop("lundi"),
    gettext_noop("mardi"),
    gettext_noop("mercredi"),
    gettext_noop("jeudi"),
    gettext_noop("vendredi"),
    gettext_noop("samedi"),
    gettext_noop("dimanche"),
]
FULL_DAY = ((0, 24 * 60),)


def french_day(index):
    return _(FRENCH_DAYS[index])


def _english():
    return (get_language() or "").startswith("en")


def format_minutes(minutes):
    """480 → '8 h', 510 → '8 h 30' (French typographic convention); '8:00', '8:30' in
    English."""
    hours, rest = divmod(minutes, 60)
    if _english():
        return f"{hours}:{rest:02d}"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def format_spans(spans):
    if not spans:
        return _("fermé")
    if tuple(spans) == FULL_DAY:
        return _("ouvert 24 h sur 24")
    parts = [f"{format_minutes(s)} – {format_minutes(e)}" for s, e in spans]
    return _(" et ").join(parts)


def french_date(day):
    number = _("1er") if day.day == 1 else str(day.day)
    return f"{number} {date_format(day, 'F Y')}"


def french_long_date(day):
    """'mardi 1er décembre 2026'."""
    return f"{french_day(day.weekday())} {french_date(day)}"


def _ordinal(n):
    if _english():
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
        return f"{n}{suffix}"
    return _("1er") if n == 1 else f"{n}e"


def _and():
    return _("et")  # outside the f-strings, where the extractor would not see it


def _enumerate(words):
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {_and()} {words[-1]}"


def _day_label(first, last):
    if first == last:
        return french_day(first).capitalize()
    if last == first + 1:
        return f"{french_day(first).capitalize()} {_and()} {french_day(last)}"
    return _("Du %(first)s au %(last)s") % {"first": french_day(first), "last": french_day(last)}


def _nth_lines(weekday, occurrences):
    """Lines when the hours depend only on the rank of the day in its month, else None."""
    by_rank = {}
    for day, spans in occurrences:
        by_rank.setdefault((day.day - 1) // 7 + 1, set()).add(spans)
    if any(len(values) > 1 for values in by_rank.values()):
        return None
    groups = {}
    for rank in sorted(by_rank):
        groups.setdefault(next(iter(by_rank[rank])), []).append(rank)
    lines = []
    for spans, ranks in groups.items():
        if spans:
            label = _("%(ranks)s %(day)s du mois") % {
                "ranks": _enumerate([_ordinal(r) for r in ranks]),
                "day": french_day(weekday),
            }
            lines.append((label, format_spans(spans)))
    return lines


def _period_lines(weekday, occurrences):
    """Runs of equal hours (seasonal rules: weeks, months): 'Lundi, du … au …'."""
    runs = []
    for day, spans in occurrences:
        if runs and runs[-1][2] == spans:
            runs[-1][1] = day
        else:
            runs.append([day, day, spans])
    lines = []
    for first, last, spans in runs:
        if spans:
            label = _("%(day)s, du %(first)s au %(last)s") % {
                "day": french_day(weekday).capitalize(),
                "first": french_date(first),
                "last": french_date(last),
            }
            lines.append((label, format_spans(spans)))
    return lines or [(french_day(weekday).capitalize(), format_spans(()))]


def _weekday_entry(weekday, days):
    occurrences = sorted((d, s) for d, s in days.items() if d.weekday() == weekday)
    values = {spans for _day, spans in occurrences}
    if len(values) <= 1:
        return ("uniform", values.pop() if values else ())
    lines = _nth_lines(weekday, occurrences)
    return ("lines", lines if lines is not None else _period_lines(weekday, occurrences))


def describe_week(days):
    """[(days, hours)] of a year of ordinary days: consecutive days with equal weekly
    hours grouped; days whose hours vary get their own lines."""
    entries = [_weekday_entry(weekday, days) for weekday in range(7)]
    lines, first = [], None
    for index in range(8):
        kind, value = entries[index] if index < 7 else ("end", None)
        if first is not None and (kind != "uniform" or value != entries[first][1]):
            lines.append((_day_label(first, index - 1), format_spans(entries[first][1])))
            first = None
        if kind == "uniform" and first is None:
            first = index
        elif kind == "lines":
            lines.extend(value)
    return lines
