"""Reading numbers in words back: verified against num2words in every Russian case and with Kazakh case endings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from policydocs.check.numwords import read, read_backwards

RU_CASES = ["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]
KK_BACK, KK_FRONT = set("аоұы"), set("әеөүі")
VOICELESS = set("кқпстфхцчшщ")


def kk_case(word: str, case: str) -> str:
    """A Kazakh word with a case ending by vowel harmony and the last sound (for the test's forms)."""
    vowels = [c for c in word if c in KK_BACK | KK_FRONT]
    back = not vowels or vowels[-1] in KK_BACK
    last = word[-1]
    if case == "ablative":
        ending = (
            ("нан" if back else "нен")
            if last in "мнң"
            else (("тан" if back else "тен") if last in VOICELESS else ("дан" if back else "ден"))
        )
    elif case == "dative":
        ending = ("қа" if back else "ке") if last in VOICELESS else ("ға" if back else "ге")
    elif case == "accusative":
        ending = (
            ("ны" if back else "ні")
            if last in KK_BACK | KK_FRONT
            else (("ты" if back else "ті") if last in VOICELESS else ("ды" if back else "ді"))
        )
    elif case == "genitive":
        ending = (
            ("ның" if back else "нің")
            if last in KK_BACK | KK_FRONT | set("мнң")
            else (("тың" if back else "тің") if last in VOICELESS else ("дың" if back else "дің"))
        )
    elif case == "locative":
        ending = ("та" if back else "те") if last in VOICELESS else ("да" if back else "де")
    else:
        ending = "мен" if last in KK_BACK | KK_FRONT | set("лрйуң") else ("пен" if last in VOICELESS else "бен")
    return word + ending


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999), st.sampled_from(RU_CASES), st.sampled_from(["m", "f", "n"]))
def test_russian_words_in_every_case_read_back(n, case, gender):
    words = num2words(n, lang="ru", case=case, gender=gender)
    assert read(words, "ru") == (n, len(words))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=999_999_999_999),
    st.sampled_from(["", "ablative", "dative", "accusative", "genitive", "locative", "instrumental"]),
)
def test_kazakh_words_with_case_endings_read_back(n, case):
    words = num2words(n, lang="kz")
    if case:
        *head, last = words.split(" ")
        words = " ".join([*head, kk_case(last, case)])
    assert read(words, "kk") == (n, len(words))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_english_words_read_back(n):
    words = num2words(n, lang="en")
    assert read(words, "en") == (n, len(words))


def test_every_number_below_two_thousand_in_every_language():
    for n in range(2000):
        for case in RU_CASES:
            w = num2words(n, lang="ru", case=case)
            assert read(w, "ru")[0] == n, w
        assert read(num2words(n, lang="kz"), "kk")[0] == n
        assert read(num2words(n, lang="en"), "en")[0] == n


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("пятьсот тысяч) тенге", "ru", 500_000),
        ("десяти рабочих дней", "ru", 10),
        ("шестнадцати", "ru", 16),
        ("восемнадцати лет", "ru", 18),
        ("он", "kk", 10),
        ("жиырма бес", "kk", 25),
        ("бес жүз мың теңге", "kk", 500_000),
        ("оннан", "kk", 10),
        ("five hundred thousand US dollars", "en", 500_000),
        ("Thirty", "en", 30),
        ("двадцати четырёх часов", "ru", 24),
        ("двадцати четырех часов", "ru", 24),
    ],
)
def test_contract_wording(text, lang, value):
    assert read(text, lang)[0] == value


@pytest.mark.parametrize(
    "text, lang",
    [("далее — Срок", "ru"), ("тенге", "ru"), ("бірақ", "kk"), ("the Term", "en"), ("", "en"), ("оны", "kk")],
)
def test_words_that_are_not_numbers(text, lang):
    assert read(text, lang) is None


def test_words_before_a_figure_in_brackets():
    assert read_backwards("within twenty-one", "en") == (21, "twenty-one")
    assert read_backwards("within the Term", "en") is None


def test_a_long_run_of_number_words_is_not_a_number():
    assert read(" ".join(["one"] * 1000), "en") is None
