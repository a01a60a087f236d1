"""Opening hours in the OpenStreetMap `opening_hours` syntax, as data·inclusion stores them.

The full specification (`Tu[1,3] 09:00-12:00`, `week 1-26`, months, `PH off`, comments…) is
parsed and evaluated by the maintained `opening_hours` library; French public holidays
come from `holidays`, by subdivision (Alsace-Moselle and the overseas departments have
their own). This module is the project's one door to both: validation with French
messages, plain French rendering, "ouvert maintenant" and the next opening, in
Europe/Paris time. Callers never import the libraries themselves.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_calendars
import opening_hours as osm
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from repertoire.hours_text import (
    describe_week,
    format_minutes,
    format_spans,
    french_day,
    french_long_date,
)

PARIS = ZoneInfo("Europe/Paris")
DAY_MINUTES = 24 * 60
# Departments whose calendar differs from metropolitan France's, as `holidays` names them.
SUBDIVISIONS = {"57": "57", "67": "6AE", "68": "6AE"} | {
    code: code for code in ("971", "972", "973", "974", "976")
}
QUOTED_OR_PH = re.compile(r'"[^"]*"|\bPH\b')
TIME_SPAN = re.compile(r'"[^"]*"|(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})')
PARSER_POSITION = re.compile(r"-->\s*\d+:(\d+)")
__all__ = [
    "OpeningHoursError",
    "format_minutes",
    "format_spans",
    "french_day",
    "french_long_date",
    "parse",
]


class OpeningHoursError(ValueError):
    """A syntax error; `position` is 1-based, as people count characters."""

    def __init__(self, message, position):
        self.position = position
        super().__init__(
            _("Horaires non reconnus, position %(position)s : %(message)s")
            % {"position": position, "message": message}
        )


@dataclass
class Status:
    is_open: bool
    text: str


@lru_cache(maxsize=16)
def holiday_calendar(department=None):
    """French public holidays for a department code ("57", "971"…), metropolitan otherwise."""
    return holiday_calendars.FR(subdiv=SUBDIVISIONS.get(department or ""), language="fr")


def department_of(insee_code):
    """The department of a commune's INSEE code ("57463" → "57", "97411" → "974")."""
    if not insee_code:
        return ""
    return insee_code[:3] if insee_code.startswith("97") else insee_code[:2]


def is_public_holiday(day, department=None):
    return day in holiday_calendar(department)


def validate(value):
    """Raise OpeningHoursError (French, with a position) unless `value` parses and every
    time span stays within one day, its end after its start."""
    if not value or not value.strip():
        raise OpeningHoursError(_("les horaires sont vides"), 1)
    try:
        osm.OpeningHours(value)
    except Exception as error:  # the library's ParserError (and any panic it turns into)
        raise _parser_error(value, str(error)) from None
    for match in TIME_SPAN.finditer(value):
        if match.group(1) is None:
            continue
        start_h, start_m, end_h, end_m = (int(g) for g in match.groups())
        for hours, minutes, index in ((start_h, start_m, 1), (end_h, end_m, 3)):
            if minutes > 59 or hours > 24 or (hours == 24 and minutes):
                text = f"{match.group(index)}:{match.group(index + 1)}"
                message = _("l'heure « %s » n'existe pas") % text
                raise OpeningHoursError(message, match.start(index) + 1)
        if end_h * 60 + end_m <= start_h * 60 + start_m:
            message = _("l'heure de fin doit suivre l'heure de début")
            raise OpeningHoursError(message, match.start(3) + 1)


def _parser_error(value, report):
    found = PARSER_POSITION.search(report)
    position = int(found.group(1)) if found else 1
    rest = value[position - 1 :].strip()
    if not rest:
        if value.rstrip().endswith("-") and "wday" in report:
            return OpeningHoursError(_("un jour est attendu après « - »"), position)
        return OpeningHoursError(_("les horaires s'arrêtent au milieu d'une règle"), position)
    word = re.match(r"\S{1,8}", rest).group()
    return OpeningHoursError(
        _("« %s » n'est pas compris (jours : Mo Tu We Th Fr Sa Su, heures : 08:30)") % word,
        position,
    )


def parse(value, department=None):
    """Validated `OpeningHours` of `value` for a place in `department` (its holidays): one
    shared object per expression and process (validated and evaluated once, see `window`)."""
    return _parsed(value, department or "")


@lru_cache(maxsize=512)
def _parsed(value, department):
    validate(value)  # an error is raised, hence never cached
    return OpeningHours(value, department)


def _holiday_expression(value):
    """The expression as it reads on a public holiday: every `PH` selector matches."""
    return QUOTED_OR_PH.sub(lambda m: "Mo-Su" if m.group() == "PH" else m.group(), value)


def _minutes(moment, day):
    return DAY_MINUTES if moment.date() > day else moment.hour * 60 + moment.minute


class OpeningHours:
    """An evaluated expression; days are local dates, moments Europe/Paris. The last few
    windows asked (and descriptions) are kept: a list of structures asks each one "open
    now?" on every page."""

    KEPT_WINDOWS = 8

    def __init__(self, value, department=""):
        self.value, self.department = value, department
        self._usual = osm.OpeningHours(value)  # no country: `PH` never matches
        self.has_holiday_rule = any(m.group() == "PH" for m in QUOTED_OR_PH.finditer(value))
        self._holiday, self._windows = None, {}
        if self.has_holiday_rule:
            try:
                self._holiday = osm.OpeningHours(_holiday_expression(value))
            except Exception:  # an unusual PH form (offsets): evaluate it as written
                self._holiday = self._usual

    def window(self, first, last):
        """{day: ((start, end) minutes, …)} for every day from `first` to `last` (shared:
        callers read it, never change it)."""
        return self._kept((first, last), lambda: self._evaluate(first, last))

    def _kept(self, key, build):
        found = self._windows.get(key)
        if found is None:
            if len(self._windows) >= self.KEPT_WINDOWS:
                self._windows.clear()
            found = self._windows[key] = build()
        return found

    def _evaluate(self, first, last):
        days = {first + timedelta(days=n): [] for n in range((last - first).days + 1)}
        self._collect(self._usual, first, last, days)
        if self.has_holiday_rule:
            calendar = holiday_calendar(self.department)
            for day in [d for d in days if d in calendar]:
                days[day] = []
                self._collect(self._holiday, day, day, days)
        return {day: tuple(sorted(spans)) for day, spans in days.items()}

    @staticmethod
    def _collect(expression, first, last, days):
        start = datetime.combine(first, time())
        end = datetime.combine(last + timedelta(days=1), time())
        for opens, closes, state, _comment in expression.intervals(start, end):
            if state != osm.State.OPEN:
                continue
            while opens < closes:
                day = opens.date()
                segment_end = min(closes, datetime.combine(day + timedelta(days=1), time()))
                if day in days:
                    days[day].append((_minutes(opens, day), _minutes(segment_end, day)))
                opens = segment_end

    def spans_on(self, day):
        return self.window(day, day)[day]

    def status_at(self, moment):
        """'Ouvert maintenant — ferme à 17 h' or 'Fermé — ouvre lundi à 8 h 30'."""
        moment = local(moment)
        today, minute = moment.date(), moment.hour * 60 + moment.minute
        week = self.window(today, today + timedelta(days=14))
        for start, end in week[today]:
            if start <= minute < end:
                if end >= DAY_MINUTES:
                    return Status(True, _("Ouvert maintenant"))
                return Status(True, _("Ouvert maintenant — ferme à %s") % format_minutes(end))
        opening = self._next_start(week, today, minute)
        if opening is None:
            return Status(False, _("Fermé"))
        day, start = opening
        when, offset = format_minutes(start), (day - today).days
        if offset == 0:
            return Status(False, _("Fermé — ouvre à %s") % when)
        if offset == 1:
            return Status(False, _("Fermé — ouvre demain à %s") % when)
        text = _("Fermé — ouvre %(day)s à %(time)s")
        return Status(False, text % {"day": french_day(day.weekday()), "time": when})

    @staticmethod
    def _next_start(window, today, minute):
        for day, spans in sorted(window.items()):
            starts = [s for s, _e in spans if day > today or s > minute]
            if starts:
                return day, min(starts)
        return None

    def is_open_at(self, moment):
        moment = local(moment)
        minute = moment.hour * 60 + moment.minute
        return any(s <= minute < e for s, e in self.spans_on(moment.date()))

    def next_opening(self, moment, days=120):
        """(day, start, end) of the next opening from `moment` (the current one if open)."""
        moment = local(moment)
        today, minute = moment.date(), moment.hour * 60 + moment.minute
        for day, spans in sorted(self.window(today, today + timedelta(days=days)).items()):
            for start, end in spans:
                if day > today or end > minute:
                    return day, start, end
        return None

    def describe(self, reference=None):
        """Plain French lines [(days, hours)]: the usual week, consecutive days with equal
        hours grouped; "1er et 3e mardi du mois"; periods for seasonal rules (kept per
        week and language, like the windows: a copy is returned)."""
        monday = self._ordinary_monday(reference or date.today())
        return list(
            self._kept(("describe", monday, get_language()), lambda: self._describe(monday))
        )

    def _describe(self, monday):
        window = self.window(monday, monday + timedelta(weeks=53, days=-1))
        calendar = holiday_calendar(self.department)
        lines = describe_week({d: s for d, s in window.items() if d not in calendar})
        if self.has_holiday_rule:
            holiday = next((d for d in sorted(window) if d in calendar), None)
            if holiday is not None:
                lines.append((_("Jours fériés"), format_spans(window[holiday])))
        return lines

    def summary(self, reference=None):
        """One line of the open days: '1er et 3e mardi du mois, 9 h – 12 h'."""
        lines = [(days, hours) for days, hours in self.describe(reference) if hours != _("fermé")]
        return " ; ".join(f"{days}, {hours}" for days, hours in lines)

    def weekly_spans(self, reference=None):
        """{weekday: spans} of the days open the same hours every week (schema.org)."""
        monday = self._ordinary_monday(reference or date.today())
        window = self.window(monday, monday + timedelta(weeks=8, days=-1))
        weekly = {}
        for weekday in range(7):
            values = {s for d, s in window.items() if d.weekday() == weekday}
            if len(values) == 1:
                weekly[weekday] = values.pop()
        return weekly

    def _ordinary_monday(self, reference):
        """A Monday starting a week with no public holiday, so the usual week is described."""
        calendar = holiday_calendar(self.department)
        monday = reference - timedelta(days=reference.weekday())
        while any(monday + timedelta(days=i) in calendar for i in range(7)):
            monday += timedelta(days=7)
        return monday


def local(moment):
    """A naive Europe/Paris datetime (aware moments are converted)."""
    if moment.tzinfo is not None:
        return moment.astimezone(PARIS).replace(tzinfo=None)
    return moment


def now():
    return datetime.now(PARIS).replace(tzinfo=None)


def parse_or_none(value, department=None):
    if not value:
        return None
    try:
        return parse(value, department)
    except OpeningHoursError:
        return None
