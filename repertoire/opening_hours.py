"""Opening hours in the OpenStreetMap `opening_hours` syntax, as data·inclusion stores them.

Supported subset (what French social services publish): weekday selectors (`Mo-Fr`,
`Mo,We`, wrapping `Sa-Mo`), public holidays (`PH`), time spans (`08:30-12:00,13:30-17:00`),
`off`/`closed`, `24/7`, quoted comments, rules separated by `;` (a later rule replaces the
hours of the days it names) or by `,` before a day selector (the rule adds hours).
Anything else is refused with a French message that names the position of the error.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils.translation import gettext as _

from repertoire.holidays import is_public_holiday

DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
FULL_DAY = ((0, 24 * 60),)

TOKEN_RE = re.compile(
    r"""(?P<ws>\s+)
    |(?P<always>24/7)
    |(?P<time>\d{1,2}:\d{2})
    |(?P<day>Mo|Tu|We|Th|Fr|Sa|Su)
    |(?P<ph>PH)
    |(?P<off>off|closed)
    |(?P<open>open)
    |(?P<dash>-)
    |(?P<comma>,)
    |(?P<semi>;)
    |(?P<comment>"[^"]*")""",
    re.VERBOSE,
)


class OpeningHoursError(ValueError):
    """A syntax error; `position` is 1-based, as people count characters."""

    def __init__(self, message, position):
        self.position = position
        super().__init__(
            _("Horaires non reconnus, position %(position)s : %(message)s")
            % {"position": position, "message": message}
        )


@dataclass(frozen=True)
class Rule:
    days: frozenset = frozenset()
    holidays: bool = False
    spans: tuple = ()
    additional: bool = False
    comment: str = ""

    def applies(self, day, holiday):
        if self.holidays and holiday:
            return True
        return not self.holidays and (not self.days or day.weekday() in self.days)


@dataclass
class Status:
    is_open: bool
    text: str


@dataclass
class OpeningHours:
    rules: tuple = ()
    comments: list = field(default_factory=list)

    def has_holiday_rule(self):
        return any(rule.holidays for rule in self.rules)

    def spans_on(self, day):
        """Open (start, end) minutes on `day`, after the rules are applied in order."""
        holiday = is_public_holiday(day)
        spans = ()
        for rule in self.rules:
            if rule.applies(day, holiday):
                spans = spans + rule.spans if rule.additional else rule.spans
        return tuple(sorted(set(spans)))

    def status_at(self, moment):
        """'Ouvert maintenant — ferme à 17 h' or 'Fermé — ouvre lundi à 8 h 30'."""
        today, minute = moment.date(), moment.hour * 60 + moment.minute
        for start, end in self.spans_on(today):
            if start <= minute < end:
                if end >= 24 * 60:
                    return Status(True, _("Ouvert maintenant"))
                return Status(True, _("Ouvert maintenant — ferme à %s") % format_minutes(end))
        return Status(False, self._next_opening(today, minute))

    def _next_opening(self, today, minute):
        for offset in range(0, 15):
            day = today + timedelta(days=offset)
            starts = [s for s, _e in self.spans_on(day) if offset or s > minute]
            if starts:
                when = format_minutes(min(starts))
                if offset == 0:
                    return _("Fermé — ouvre à %s") % when
                if offset == 1:
                    return _("Fermé — ouvre demain à %s") % when
                return _("Fermé — ouvre %(day)s à %(time)s") % {
                    "day": french_day(day.weekday()),
                    "time": when,
                }
        return _("Fermé")


@lru_cache(maxsize=4096)
def parse(value):
    """Parse an `opening_hours` string; raise OpeningHoursError on anything unsupported.

    Memoised: a list of fiches parses the same few strings on every request (the result is
    only read, never changed)."""
    tokens = tokenize(value)
    if not tokens:
        raise OpeningHoursError(_("les horaires sont vides"), 1)
    return Parser(tokens, len(value)).parse()


def tokenize(value):
    tokens, position = [], 0
    while position < len(value):
        match = TOKEN_RE.match(value, position)
        if not match:
            raise OpeningHoursError(
                _("« %s » n'est pas compris (jours : Mo Tu We Th Fr Sa Su, heures : 08:30)")
                % re.match(r"\S{1,8}", value[position:]).group(),
                position + 1,
            )
        if match.lastgroup != "ws":
            tokens.append((match.lastgroup, match.group(), position + 1))
        position = match.end()
    return tokens


class Parser:
    def __init__(self, tokens, length):
        self.tokens, self.index, self.end_position = tokens, 0, length + 1

    def peek(self, offset=0):
        index = self.index + offset
        return self.tokens[index] if index < len(self.tokens) else ("end", "", self.end_position)

    def take(self, kind, message):
        token = self.peek()
        if token[0] != kind:
            raise OpeningHoursError(message, token[2])
        self.index += 1
        return token

    def parse(self):
        rules, additional = [], False
        while True:
            rules.append(self.rule(additional))
            kind, _text, position = self.peek()
            if kind == "end":
                break
            self.index += 1
            if kind == "comma" and self.peek()[0] in ("day", "ph"):
                additional = True
            elif kind == "semi":
                additional = False
            else:
                raise OpeningHoursError(_("séparateur « ; » attendu entre deux règles"), position)
        return OpeningHours(tuple(rules), [r.comment for r in rules if r.comment])

    def rule(self, additional):
        if self.peek()[0] == "always":
            self.index += 1
            return Rule(spans=FULL_DAY, additional=additional, comment=self.comment())
        days, holidays = self.selectors()
        kind, _text, position = self.peek()
        if kind == "off":
            self.index += 1
            spans = ()
        elif kind == "time":
            spans = self.spans()
        elif kind == "open" or days or holidays:
            self.index += kind == "open"
            spans = FULL_DAY
        else:
            raise OpeningHoursError(
                _("un jour (Mo, Tu…) ou une heure (08:30) est attendu"), position
            )
        return Rule(frozenset(days), holidays, spans, additional, self.comment())

    def comment(self):
        if self.peek()[0] == "comment":
            return self.take("comment", "")[1].strip('"')
        return ""

    def selectors(self):
        days, holidays = set(), False
        while self.peek()[0] in ("day", "ph"):
            kind, text, _position = self.take(self.peek()[0], "")
            if kind == "ph":
                holidays = True
            else:
                days |= self.day_range(DAY_CODES.index(text))
            if self.peek()[0] == "comma" and self.peek(1)[0] in ("day", "ph"):
                self.index += 1
        if holidays and days:
            raise OpeningHoursError(
                _("écrivez les jours fériés (PH) dans une règle à part"), self.peek()[2]
            )
        return days, holidays

    def day_range(self, first):
        if self.peek()[0] != "dash":
            return {first}
        self.index += 1
        last = DAY_CODES.index(self.take("day", _("un jour est attendu après « - »"))[1])
        return {(first + step) % 7 for step in range((last - first) % 7 + 1)}

    def spans(self):
        spans = [self.span()]
        while self.peek()[0] == "comma" and self.peek(1)[0] == "time":
            self.index += 1
            spans.append(self.span())
        return tuple(spans)

    def span(self):
        start = self.time()
        self.take("dash", _("« - » est attendu entre l'heure de début et l'heure de fin"))
        position = self.peek()[2]
        end = self.time()
        if end <= start:
            raise OpeningHoursError(_("l'heure de fin doit suivre l'heure de début"), position)
        return (start, end)

    def time(self):
        _kind, text, position = self.take("time", _("une heure au format 08:30 est attendue"))
        hours, minutes = (int(part) for part in text.split(":"))
        if minutes > 59 or hours > 24 or (hours == 24 and minutes):
            raise OpeningHoursError(_("l'heure « %s » n'existe pas") % text, position)
        return hours * 60 + minutes


FRENCH_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def french_day(index):
    return _(FRENCH_DAYS[index])


def format_minutes(minutes):
    """480 → '8 h', 510 → '8 h 30' (French typographic convention)."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def format_spans(spans):
    if not spans:
        return _("fermé")
    if spans == FULL_DAY:
        return _("ouvert 24 h sur 24")
    parts = [f"{format_minutes(s)} – {format_minutes(e)}" for s, e in spans]
    return _(" et ").join(parts)


def describe(hours, reference=None):
    """Plain French lines [(days, hours)], consecutive days with equal hours grouped."""
    monday = _ordinary_monday(reference or date.today())
    week = [hours.spans_on(monday + timedelta(days=i)) for i in range(7)]
    lines, first = [], 0
    for index in range(1, 8):
        if index == 7 or week[index] != week[first]:
            lines.append((_day_label(first, index - 1), format_spans(week[first])))
            first = index
    if hours.has_holiday_rule():
        holiday_spans = next(r.spans for r in reversed(hours.rules) if r.holidays)
        lines.append((_("Jours fériés"), format_spans(holiday_spans)))
    return lines


def _day_label(first, last):
    if first == last:
        return french_day(first).capitalize()
    if last == first + 1:
        return f"{french_day(first).capitalize()} {_('et')} {french_day(last)}"
    return _("Du %(first)s au %(last)s") % {"first": french_day(first), "last": french_day(last)}


def _ordinary_monday(reference):
    """A Monday starting a week with no public holiday, so the usual week is described."""
    monday = reference - timedelta(days=reference.weekday())
    while any(is_public_holiday(monday + timedelta(days=i)) for i in range(7)):
        monday += timedelta(days=7)
    return monday


def status_text(value, moment=None):
    """Convenience for templates: '' when the value is empty or does not parse."""
    try:
        hours = parse(value)
    except OpeningHoursError:
        return None
    return hours.status_at(moment or datetime.now())
