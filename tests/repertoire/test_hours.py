from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repertoire.hours import OpeningHoursError, is_public_holiday, parse


def describe(hours, reference):
    return hours.describe(reference)


WEEKDAY_HOURS = "Mo-Fr 08:30-12:15,13:30-17:00; Fr 08:30-12:15,13:30-16:30; PH off"


def test_week_is_described_in_plain_french():
    assert describe(parse(WEEKDAY_HOURS), date(2026, 3, 4)) == [
        ("Du lundi au jeudi", "8 h 30 – 12 h 15 et 13 h 30 – 17 h"),
        ("Vendredi", "8 h 30 – 12 h 15 et 13 h 30 – 16 h 30"),
        ("Samedi et dimanche", "fermé"),
        ("Jours fériés", "fermé"),
    ]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 4, 10, 0), "Ouvert maintenant — ferme à 12 h 15"),
        (datetime(2026, 3, 4, 12, 30), "Fermé — ouvre à 13 h 30"),
        (datetime(2026, 3, 4, 16, 59), "Ouvert maintenant — ferme à 17 h"),
        (datetime(2026, 3, 5, 18, 0), "Fermé — ouvre demain à 8 h 30"),
        (datetime(2026, 3, 6, 17, 0), "Fermé — ouvre lundi à 8 h 30"),
        # Easter Monday 2026 is a public holiday: closed, opens on Tuesday.
        (datetime(2026, 4, 6, 10, 0), "Fermé — ouvre demain à 8 h 30"),
    ],
)
def test_status_now(moment, expected):
    assert parse(WEEKDAY_HOURS).status_at(moment).text == expected


def test_additional_rule_after_comma_adds_hours():
    hours = parse("Tu,Th 14:00-18:00, Sa 09:00-12:00")
    assert hours.spans_on(date(2026, 3, 7)) == ((540, 720),)
    assert hours.spans_on(date(2026, 3, 3)) == ((840, 1080),)
    assert hours.spans_on(date(2026, 3, 2)) == ()


def test_wrapping_day_range_and_always_open():
    hours = parse("Sa-Mo 10:00-12:00")
    open_days = {d.weekday() for d in (date(2026, 3, n) for n in range(2, 9)) if hours.spans_on(d)}
    assert open_days == {5, 6, 0}
    assert parse("24/7").status_at(datetime(2026, 1, 1, 3, 0)).text == "Ouvert maintenant"


@pytest.mark.parametrize(
    ("value", "position", "words"),
    [
        ("Mo-Fr 8h30-12h", 7, "8h30"),
        ("Lu-Ve 08:30-12:00", 1, "Lu-Ve"),
        ("Mo-Fr 08:30-25:00", 13, "25:00"),
        ("Mo-Fr 12:00-08:00", 13, "fin doit suivre"),
        ("Mo-", 4, "jour est attendu"),
    ],
)
def test_errors_name_the_position_in_french(value, position, words):
    with pytest.raises(OpeningHoursError) as error:
        parse(value)
    assert error.value.position == position
    assert f"position {position}" in str(error.value)
    assert words in str(error.value)


def test_french_public_holidays():
    assert is_public_holiday(date(2026, 4, 6))  # Easter Monday
    assert is_public_holiday(date(2026, 5, 14))  # Ascension
    assert is_public_holiday(date(2026, 7, 14))
    assert not is_public_holiday(date(2026, 7, 15))


ALPHABET = 'MoTuWeThFrSaSuPH0123456789:-,; offclosed24/7"x '


# No deadline: the first example loads the holiday calendars.
@settings(deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60) | st.text(max_size=40))
def test_parser_never_crashes(value):
    try:
        hours = parse(value)
    except OpeningHoursError as error:
        assert 1 <= error.position <= len(value) + 1
    else:
        describe(hours, date(2026, 3, 4))
        hours.status_at(datetime(2026, 3, 4, 10, 0))


# Rules the hand-written subset parser refused (issue 15, item 7).


def test_nth_weekday_of_the_month():
    hours = parse("Tu[1,3] 09:00-12:00")
    assert hours.spans_on(date(2026, 12, 1)) == ((540, 720),)  # 1st Tuesday
    assert hours.spans_on(date(2026, 12, 8)) == ()  # 2nd
    assert hours.spans_on(date(2026, 12, 15)) == ((540, 720),)  # 3rd
    assert hours.summary(date(2026, 3, 4)) == "1er et 3e mardi du mois, 9 h – 12 h"
    assert ("1er et 3e mardi du mois", "9 h – 12 h") in hours.describe(date(2026, 3, 4))
    assert hours.status_at(datetime(2026, 12, 2, 10, 0)).text == "Fermé — ouvre mardi à 9 h"
    assert hours.next_opening(datetime(2026, 12, 2, 10, 0)) == (date(2026, 12, 15), 540, 720)


def test_week_ranges():
    hours = parse("week 1-26 Mo 09:00-12:00")
    assert hours.spans_on(date(2027, 1, 4)) == ((540, 720),)  # week 1
    assert hours.spans_on(date(2026, 11, 30)) == ()  # week 49
    lines = hours.describe(date(2026, 11, 30))
    assert lines[0] == ("Lundi, du 4 janvier 2027 au 28 juin 2027", "9 h – 12 h")


@pytest.mark.parametrize(
    ("department", "day", "is_open"),
    [
        ("23", date(2026, 12, 26), True),  # Creuse: an ordinary Saturday
        ("57", date(2026, 12, 26), False),  # Moselle: Saint-Étienne
        ("67", date(2026, 12, 26), False),  # Bas-Rhin
        ("68", date(2026, 4, 3), False),  # Haut-Rhin: Good Friday
        ("87", date(2026, 4, 3), True),
        ("971", date(2026, 5, 27), False),  # Guadeloupe: abolition of slavery
        ("23", date(2026, 12, 25), False),
    ],
)
def test_public_holidays_by_department(department, day, is_open):
    hours = parse("Mo-Sa 09:00-12:00; PH off", department)
    assert bool(hours.spans_on(day)) is is_open
    assert hours.is_open_at(datetime.combine(day, datetime.min.time()).replace(hour=10)) is is_open


def test_holiday_selector_with_weekdays():
    hours = parse("Mo-Fr,PH 09:00-12:00")
    assert hours.spans_on(date(2026, 11, 1)) == ((540, 720),)  # All Saints', a Sunday
    assert hours.spans_on(date(2026, 11, 8)) == ()


def test_aware_moments_are_read_in_paris_time():
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 3, 4, 9, 30, tzinfo=ZoneInfo("UTC"))  # 10:30 in Paris
    assert parse(WEEKDAY_HOURS).status_at(moment).text == "Ouvert maintenant — ferme à 12 h 15"


def test_hours_read_in_english_on_the_english_portal():
    from django.utils import translation

    from repertoire.hours_text import _ordinal, format_spans

    with translation.override("en"):
        assert format_spans([(510, 720), (840, 1080)]) == "8:30 – 12:00 and 14:00 – 18:00"
        assert [_ordinal(n) for n in (1, 2, 3, 4, 11, 22)] == [
            "1st",
            "2nd",
            "3rd",
            "4th",
            "11th",
            "22nd",
        ]
    assert format_spans([(510, 720)]) == "8 h 30 – 12 h"
