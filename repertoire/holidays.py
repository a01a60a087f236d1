"""French public holidays (metropolitan France), for the `PH` selector of opening hours."""

from datetime import date, timedelta
from functools import lru_cache

FIXED = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]


def easter_sunday(year):
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year):
    easter = easter_sunday(year)
    movable = [easter + timedelta(days=n) for n in (1, 39, 50)]  # Monday, Ascension, Pentecost
    return frozenset([date(year, m, d) for m, d in FIXED] + movable)


def is_public_holiday(day):
    return day in public_holidays(day.year)
