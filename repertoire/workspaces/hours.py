"""Opening hours of a workspace, read by opening-hours-py (the full OpenStreetMap syntax).

Times are the place's local wall-clock times (Europe/Paris), naive: the library compares
them with the rules as written. Public holidays are France's.
"""

import datetime
from functools import lru_cache

import opening_hours
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_CHARS = 255


@lru_cache(maxsize=2048)
def parse(text):
    """The parsed expression (cached: the network view reads hundreds of places)."""
    return opening_hours.OpeningHours(
        text, country="FR", auto_country=False, auto_timezone=False, max_interval_days=366
    )


def validate_opening_hours(value):
    """Hours must follow the OpenStreetMap syntax; French message with the position."""
    if not value:
        return
    if len(value) > MAX_CHARS:
        raise ValidationError(_("Horaires trop longs."), code="opening_hours")
    try:
        parse(value)
    except (opening_hours.ParserError, SyntaxError, ValueError) as error:
        column = _column(str(error))
        message = _(
            "Horaires illisibles%(where)s. Exemple : Mo-Fr 09:00-12:00,14:00-18:00; PH off "
            "(Mo lundi … Su dimanche, PH jours fériés)."
        ) % {"where": f" (à partir du caractère {column})" if column else ""}
        raise ValidationError(message, code="opening_hours") from error


def _column(error_text):
    """The column pest reports ("--> 1:4"), when it does."""
    marker = error_text.find("-->")
    if marker < 0:
        return None
    position = error_text[marker + 3 :].split()[0] if error_text[marker + 3 :].split() else ""
    return position.split(":")[-1] if ":" in position else None


def local_naive(moment):
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None)


def is_open_throughout(text, start, end):
    """True when the place is open from `start` to `end` without a break."""
    return is_open_local(text, local_naive(start), local_naive(end))


def is_open_local(text, start, end):
    """`is_open_throughout` for naive local times (the network view converts them once)."""
    if not text or end <= start:
        return False
    try:
        rules = parse(text)
    except (opening_hours.ParserError, SyntaxError, ValueError):
        return False
    return all(
        state == opening_hours.State.OPEN for _s, _e, state, _c in rules.intervals(start, end)
    )


def open_periods(text, start, end):
    """[(from, to)] naive local datetimes when the place is open between `start` and `end`."""
    if not text:
        return []
    try:
        rules = parse(text)
    except (opening_hours.ParserError, SyntaxError, ValueError):
        return []
    return [
        (s, e)
        for s, e, state, _c in rules.intervals(local_naive(start), local_naive(end))
        if state == opening_hours.State.OPEN
    ]


def aware(naive):
    return timezone.make_aware(naive) if timezone.is_naive(naive) else naive


def day_bounds(day):
    start = datetime.datetime.combine(day, datetime.time.min)
    return start, start + datetime.timedelta(days=1)
