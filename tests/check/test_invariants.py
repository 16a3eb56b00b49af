"""Numbers, phones and dates written in each language's own way compare equal; different values do not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policydocs.check.invariants import extract

MONTHS = {
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "kk": [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1000, max_value=99_999_999), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_amounts_in_each_convention_are_one_value(n, space):
    ru = extract(f"составляет {grouped(n, space)} тенге в месяц", "ru")
    kk = extract(f"айына {grouped(n, space)} ₸ құрайды", "kk")
    en = extract(f"costs {grouped(n, ',')} tenge per month", "en")
    assert ru == kk == en == {"money": {f"{n} KZT"}}


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1000, max_value=99_999_999))
def test_a_different_amount_is_a_different_value(n):
    assert extract(f"{grouped(n, ' ')} тенге", "ru") != extract(f"{grouped(n + 1, ',')} tenge", "en")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=700_000_0000, max_value=799_999_9999))
def test_phone_in_any_spacing(digits):
    d = str(digits)
    forms = [
        f"+7{d}",
        f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}",
        f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
        f"8 {d[:3]} {d[3:6]} {d[6:]}",
    ]
    assert {frozenset(extract(f"тел. {f}.", "ru")["phone"]) for f in forms} == {frozenset({f"+7{d}"})}


@settings(max_examples=40, deadline=None)
@given(
    st.dates(),
)
def test_dates_in_each_language(date):
    ru = extract(f"с {date.day} {MONTHS['ru'][date.month - 1]} {date.year} г.", "ru")
    kk = extract(f"{date.year} ж. {date.day} {MONTHS['kk'][date.month - 1]} бастап", "kk")
    en = extract(f"since {MONTHS['en'][date.month - 1]} {date.day}, {date.year}", "en")
    num = extract(f"с {date.day:02d}.{date.month:02d}.{date.year}", "ru")
    if date.year >= 1000:
        assert ru == kk == en == num == {"date": {date.isoformat()}}


def test_spelled_out_numbers_leave_the_digit():
    assert extract("7 (семи) дней", "ru") == extract("7 (жеті) күн", "kk") == extract("7 (seven) days", "en")


def test_decimal_comma_and_point():
    assert extract("12,5%", "ru") == extract("12.5%", "en") == {"percent": {"12.5%"}}
    assert extract("3,5 года", "ru") != extract("3,500 years", "en")


def test_number_after_an_abbreviation_dot_counts():
    # seed 004's address: "ул. Луначарского д.6/3" must carry the house number 6/3 like "6/3 Lunacharsky St."
    assert extract("ул. Луначарского д.6/3 к.В", "ru") == extract("6/3 Lunacharsky St., building V", "en")
    assert extract("д.6/3", "ru") != extract("д.7/3", "ru")
    # a dot after a digit still continues the number: "2.5" is one value, not 2 and 5
    assert extract("срок 2.5 года", "ru") == extract("2,5 жыл", "kk")
