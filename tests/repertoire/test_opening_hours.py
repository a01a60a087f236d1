from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repertoire.holidays import easter_sunday, is_public_holiday
from repertoire.opening_hours import OpeningHoursError, describe, parse

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
    assert parse("Sa-Mo 10:00-12:00").rules[0].days == frozenset({5, 6, 0})
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
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert is_public_holiday(date(2026, 5, 14))  # Ascension
    assert is_public_holiday(date(2026, 7, 14))
    assert not is_public_holiday(date(2026, 7, 15))


ALPHABET = 'MoTuWeThFrSaSuPH0123456789:-,; offclosed24/7"x '


@given(st.text(alphabet=ALPHABET, max_size=60) | st.text(max_size=40))
def test_parser_never_crashes(value):
    try:
        hours = parse(value)
    except OpeningHoursError as error:
        assert 1 <= error.position <= len(value) + 1
    else:
        describe(hours, date(2026, 3, 4))
        hours.status_at(datetime(2026, 3, 4, 10, 0))
