"""Opening hours of a workspace, through the répertoire's one door to the opening-hours
library (`repertoire.hours`: the OpenStreetMap syntax, French public holidays).

Times are the place's local wall-clock times (Europe/Paris), naive: the rules are compared
with them as written.
"""

import datetime
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from repertoire import hours as opening_hours

MAX_CHARS = 255


def validate_opening_hours(value):
    """Hours must follow the OpenStreetMap syntax; French message with the position."""
    if not value:
        return
    if len(value) > MAX_CHARS:
        raise ValidationError(_("Horaires trop longs."), code="opening_hours")
    try:
        opening_hours.validate(value)
    except opening_hours.OpeningHoursError as error:
        raise ValidationError(str(error), code="opening_hours") from error


@lru_cache(maxsize=2048)
def _rules(text):
    """The evaluated rules, or None when `text` is empty or unreadable (cached: the network
    view reads hundreds of places)."""
    return opening_hours.parse_or_none(text) if text else None


def local_naive(moment):
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None)


def is_open_throughout(text, start, end):
    """True when the place is open from `start` to `end` without a break."""
    return is_open_local(text, local_naive(start), local_naive(end))


def is_open_local(text, start, end):
    """`is_open_throughout` for naive local times (the network view converts them once)."""
    if end <= start:
        return False
    reached = start
    for opens, closes in open_periods(text, start, end):
        if opens > reached:
            return False
        reached = max(reached, closes)
        if reached >= end:
            return True
    return False


def open_periods(text, start, end):
    """[(from, to)] naive local datetimes when the place is open between `start` and `end`,
    cut at midnight (each period belongs to one day)."""
    rules = _rules(text)
    if rules is None:
        return []
    start, end = local_naive(start), local_naive(end)
    window = rules.window(start.date(), (end - datetime.timedelta(microseconds=1)).date())
    periods = []
    for day, spans in sorted(window.items()):
        midnight = datetime.datetime.combine(day, datetime.time.min)
        for first, last in spans:
            opens = max(start, midnight + datetime.timedelta(minutes=first))
            closes = min(end, midnight + datetime.timedelta(minutes=last))
            if opens < closes:
                periods.append((opens, closes))
    return periods


def aware(naive):
    return timezone.make_aware(naive) if timezone.is_naive(naive) else naive


def day_bounds(day):
    start = datetime.datetime.combine(day, datetime.time.min)
    return start, start + datetime.timedelta(days=1)
