"""Dates inside Kazakh sentences take their case endings by the suffix rules, on every month."""

from __future__ import annotations

import datetime as dt

import pytest

from policydocs.kkcase import inflect, inflect_last_word
from policydocs.publication.dates import long_date, long_date_in
from policydocs.publication.words import phrase

# Babel's month name (the last word of its long Kazakh date) and its three cases, as a Kazakh
# grammar gives them: back or front vowels; after a vowel or р/л/й/з, after м/н, after к.
MONTHS = {
    1: ("қаңтар", "қаңтарға", "қаңтарда", "қаңтардан"),
    2: ("ақпан", "ақпанға", "ақпанда", "ақпаннан"),
    3: ("наурыз", "наурызға", "наурызда", "наурыздан"),
    4: ("сәуір", "сәуірге", "сәуірде", "сәуірден"),
    5: ("мамыр", "мамырға", "мамырда", "мамырдан"),
    6: ("маусым", "маусымға", "маусымда", "маусымнан"),
    7: ("шілде", "шілдеге", "шілдеде", "шілдеден"),
    8: ("тамыз", "тамызға", "тамызда", "тамыздан"),
    9: ("қыркүйек", "қыркүйекке", "қыркүйекте", "қыркүйектен"),
    10: ("қазан", "қазанға", "қазанда", "қазаннан"),
    11: ("қараша", "қарашаға", "қарашада", "қарашадан"),
    12: ("желтоқсан", "желтоқсанға", "желтоқсанда", "желтоқсаннан"),
}


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [1, 9, 23, 28])
def test_every_month_and_day_takes_the_ending_of_its_month_name(month, day):
    date = dt.date(2026, month, day)
    plain = long_date(date, "kk")
    name, dative, locative, ablative = MONTHS[month]
    assert plain == f"2026\u202fж. {day} {name}"  # Babel's own form; the ending follows its last word
    assert long_date_in(date, "kk", "dat") == f"2026\u202fж. {day} {dative}"
    assert long_date_in(date, "kk", "loc") == f"2026\u202fж. {day} {locative}"
    assert long_date_in(date, "kk", "abl") == f"2026\u202fж. {day} {ablative}"


def test_the_three_sentences_of_the_issue():
    from zoneinfo import ZoneInfo

    almaty = ZoneInfo("Asia/Almaty")
    assert phrase("in_force_since", "kk", dt.datetime(2026, 11, 23, tzinfo=almaty)).startswith(
        "2026\u202fж. 23 қарашадан (00:00, Алматы уақыты, UTC+05:00) бастап"
    )
    assert phrase("in_force_until", "kk", dt.datetime(2026, 12, 1, tzinfo=almaty)).startswith(
        "2026\u202fж. 1 желтоқсанға (00:00"
    )
    assert phrase("takes_effect", "kk", dt.datetime(2026, 12, 1, tzinfo=almaty)).endswith(
        "1 желтоқсанда (00:00, Алматы уақыты, UTC+05:00) күшіне енеді"
    )
    # Russian and English dates need no ending
    assert (
        phrase("takes_effect", "ru", dt.datetime(2026, 12, 1, tzinfo=almaty))
        == "Вступает в силу 1 декабря 2026\u202fг., 00:00 (время Алматы, UTC+05:00)"
    )


@pytest.mark.parametrize(
    "word, case, expected",
    [
        ("күн", "loc", "күнде"),
        ("күн", "abl", "күннен"),  # front vowel, nasal
        ("ай", "abl", "айдан"),
        ("ай", "dat", "айға"),  # й is voiced
        ("жыл", "loc", "жылда"),
        ("мерзім", "abl", "мерзімнен"),
        ("апта", "dat", "аптаға"),
        ("кітап", "dat", "кітапқа"),
        ("кітап", "loc", "кітапта"),
        ("мектеп", "abl", "мектептен"),
        ("сағат", "abl", "сағаттан"),
        ("тең", "dat", "теңге"),
    ],
)
def test_suffix_rules_on_other_words(word, case, expected):
    assert inflect(word, case) == expected


def test_bad_requests_are_refused():
    with pytest.raises(ValueError, match="unknown case"):
        inflect("қараша", "gen")
    with pytest.raises(ValueError, match="ends in a letter"):
        inflect_last_word("2026 ж. 1", "loc")
    assert long_date_in(dt.date(2026, 12, 1), "ru", "loc") == long_date(dt.date(2026, 12, 1), "ru")


def test_the_redline_dateline_puts_kazakh_dates_in_their_case():
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from policydocs.publication.words import redline_moments

    almaty = ZoneInfo("Asia/Almaty")
    version = SimpleNamespace(
        number=2,
        published=dt.datetime(2026, 11, 23, 6, 10, tzinfo=almaty),
        effective=dt.datetime(2026, 12, 1, tzinfo=almaty),
    )
    assert redline_moments(version, "kk") == (
        "2026\u202fж. 23 қарашада (06:10, Алматы уақыты, UTC+05:00) жарияланды; "
        "2026\u202fж. 1 желтоқсанда (00:00, Алматы уақыты, UTC+05:00) күшіне енеді; 1-нұсқамен салыстырғанда"
    )
