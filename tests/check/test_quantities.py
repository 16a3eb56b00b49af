"""Amounts, periods, figures with words and sentences as contracts write them; bad input never hangs or crashes."""

from __future__ import annotations

import pytest

from policydocs.check import sentences
from policydocs.check.invariants import extract, normalise_number
from policydocs.check.quantities import figure_word_mismatches

from ..check_helpers import findings


def only(found, rule):
    return [f for f in found if f.rule == rule]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("500 000 (пятьсот тысяч) тенге", "ru", "500000 KZT"),
        ("не менее 200 теңгеден кем емес", "kk", "200 KZT"),
        ("500 000 теңгені құрайды", "kk", "500000 KZT"),
        ("3 000 теңгеге дейін", "kk", "3000 KZT"),
        ("5 000 теңгенің", "kk", "5000 KZT"),
        ("10 000 теңгемен", "kk", "10000 KZT"),
        ("500,000 (five hundred thousand) tenge", "en", "500000 KZT"),
        ("KZT 500,000", "en", "500000 KZT"),
        ("₸ 500 000", "kk", "500000 KZT"),
        ("500\u00a0000,00 тенге", "ru", "500000 KZT"),
        ("500,000 (five hundred thousand) US dollars", "en", "500000 USD"),
        ("$500,000", "en", "500000 USD"),
        ("500 000 долларов США", "ru", "500000 USD"),
        ("500 000 (бес жүз мың) АҚШ доллары", "kk", "500000 USD"),
        ("100 евро", "ru", "100 EUR"),
        ("€100", "en", "100 EUR"),
        ("100 еуро", "kk", "100 EUR"),
        ("1 000 рублей", "ru", "1000 RUB"),
        ("₽1,000", "en", "1000 RUB"),
        ("5 000 (пять тысяч тенге)", "ru", "5000 KZT"),
        ("1.000.000 тенге", "ru", "1000000 KZT"),
        ("1 000 000.00 tenge", "en", "1000000 KZT"),
        ("1.000.000,50 тенге", "ru", "1000000.5 KZT"),
        ("1,000,000.50 tenge", "en", "1000000.5 KZT"),
    ],
)
def test_amounts_in_every_way_of_writing(text, lang, value):
    assert extract(text, lang) == {"money": {value}}


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("10 (десяти) рабочих дней", "ru", "10|days|working"),
        ("10 (он) жұмыс күні ішінде", "kk", "10|days|working"),
        ("10 (ten) working days", "en", "10|days|working"),
        ("ten (10) business days", "en", "10|days|working"),
        ("30 (тридцати) календарных дней", "ru", "30|days|calendar"),
        ("30 (отыз) күнтізбелік күн", "kk", "30|days|calendar"),
        ("3 (трех) банковских дней", "ru", "3|days|banking"),
        ("3 (үш) банктік күн", "kk", "3|days|banking"),
        ("3 (three) banking days", "en", "3|days|banking"),
        ("24 (двадцати четырех) часов", "ru", "24|hours|"),
        ("24 (жиырма төрт) сағаттан", "kk", "24|hours|"),
        ("12 (двенадцать) месяцев", "ru", "12|months|"),
        ("12 (он екі) айда", "kk", "12|months|"),
        ("5 (пяти) лет", "ru", "5|years|"),
        ("5 (бес) жылдан", "kk", "5|years|"),
        ("1 (one) year", "en", "1|years|"),
    ],
)
def test_periods_with_unit_and_kind_of_day(text, lang, value):
    assert extract(text, lang) == {"period": {value}}


def test_dates_and_percentages_keep_working():
    assert extract("2024 жылғы 1 наурыздан", "kk") == extract("1 марта 2024 г.", "ru") == {"date": {"2024-03-01"}}
    assert extract("0,95%", "ru") == extract("0.95%", "en") == extract("0,95%-ын", "kk") == {"percent": {"0.95%"}}
    assert extract("10 (десять) процентов", "ru") == extract("10 (ten) per cent", "en") == {"percent": {"10%"}}


# --- the rules on a three-language policy --------------------------------------------------


def test_another_currency_is_an_amount_error_naming_both(tmp_path):
    found = findings(tmp_path, {"en": [("3,500 tenge", "3,500 US dollars")]})
    f = only(found, "amount-differs")
    assert len(f) == 1 and f[0].severity == "error" and f[0].lang == "en" and f[0].clause == "2.2"
    assert "'3500 KZT'" in f[0].message and "'3500 USD'" in f[0].message
    assert "суммы не совпадают" in f[0].text("ru")


def test_the_same_amount_written_another_way_is_no_finding(tmp_path):
    assert (
        findings(
            tmp_path,
            {
                "en": [("3,500 tenge", "KZT 3,500 (three thousand five hundred)")],
                "kk": [("3 500 теңге құрайды", "3 500 (үш мың бес жүз) теңгені құрайды")],
            },
        )
        == []
    )


def test_another_kind_of_day_is_a_period_error(tmp_path):
    found = findings(tmp_path, {"kk": [("7 (жеті) күнтізбелік күн", "7 (жеті) жұмыс күні")]})
    f = only(found, "period-differs")
    assert len(f) == 1 and f[0].lang == "kk" and f[0].clause == "1.2"
    assert "'7 calendar days'" in f[0].message and "'7 working days'" in f[0].message
    assert "'7 календ. дн.'" in f[0].text("ru")


def test_hours_against_days_is_a_period_error(tmp_path):
    found = findings(tmp_path, {"en": [("7 (seven) calendar days", "7 (seven) hours")]})
    assert len(only(found, "period-differs")) == 1


def test_business_days_are_working_days(tmp_path):
    edits = {
        lang: [(old, new)]
        for lang, old, new in [
            ("ru", "7 (семи) календарных дней", "7 (семи) рабочих дней"),
            ("kk", "7 (жеті) күнтізбелік күн", "7 (жеті) жұмыс күні"),
            ("en", "7 (seven) calendar days", "seven (7) business days"),
        ]
    }
    assert findings(tmp_path, edits) == []


def test_a_figure_and_other_words_in_one_text_is_an_error(tmp_path):
    found = findings(tmp_path, {"ru": [("3 (трех) лет", "3 (четырех) лет")]})
    f = only(found, "figure-words-differ")
    assert len(f) == 1 and f[0].lang == "ru" and f[0].clause == "2.3" and f[0].params["value"] == 4
    assert "цифры 3 и слова в скобках «четырех» (4)" in f[0].text("ru")


def test_words_in_brackets_that_are_not_a_number_are_no_finding(tmp_path):
    assert figure_word_mismatches("в течение 5 (далее — Срок) дней", "ru", normalise_number) == []
    assert figure_word_mismatches("18 (восемнадцати) лет", "ru", normalise_number) == []
    assert figure_word_mismatches("within ten (10) days", "en", normalise_number) == []
    assert figure_word_mismatches("within ten (12) days", "en", normalise_number) == [("12", "ten", 10, 11)]


def test_a_sentence_left_out_is_reported_with_both_excerpts(tmp_path):
    edits = {
        "ru": [
            (
                "как указано в пункте 2.1.",
                "как указано в пункте 2.1. По истечении этого срока данные обезличиваются или уничтожаются.",
            )
        ],
        "kk": [("сақталады.\n", "сақталады. Бұл мерзім өткеннен кейін деректер иесіздендіріледі немесе жойылады.\n")],
    }
    found = findings(tmp_path, edits)
    f = only(found, "sentence-missing")
    assert len(f) == 1 and f[0].lang == "en" and f[0].clause == "2.3"
    assert f[0].other_excerpt.startswith("По истечении этого срока") and "kept for 3 (three) years" in f[0].excerpt
    assert "the second sentence of the ru text has no counterpart" in f[0].message
    assert "у второго предложения текста ru нет соответствия" in f[0].text("ru")


def test_two_sentences_merged_into_one_are_no_finding(tmp_path):
    edits = {
        "ru": [
            (
                "как указано в пункте 2.1.",
                "как указано в пункте 2.1. По истечении этого срока данные обезличиваются или уничтожаются.",
            )
        ],
        "kk": [("сақталады.\n", "сақталады. Бұл мерзім өткеннен кейін деректер иесіздендіріледі немесе жойылады.\n")],
        "en": [
            ("as stated in clause 2.1.", "as stated in clause 2.1, after which the data is anonymised or destroyed.")
        ],
    }
    assert findings(tmp_path, edits) == []


def test_abbreviations_do_not_end_sentences():
    assert (
        len(sentences.split("Оплата до 1 марта 2024 г. включительно, т.е. в срок. Далее — по п. 2.3 Договора.", "ru"))
        == 2
    )
    assert len(sentences.split("Деректер, т.б. ақпарат 2024 ж. сақталады. Басқа сөйлем.", "kk")) == 2
    assert len(sentences.split("Fees, e.g. the transfer fee, apply. See cl. 2.3. Another one.", "en")) == 3


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400 + " (девятьсот) тенге",
        "1e309 тенге",
        "(пятьсот тысяч) тенге",
        "₸",
        "$",
        "5 (" + "а" * 200 + ") дней",
        "10 (" + "пять " * 2000 + ") дней",
        "ten (" + "9" * 5000 + ") days",
    ],
)
def test_absurd_numbers_never_crash(text):
    for lang in ("ru", "kk", "en"):
        extract(text, lang)
        figure_word_mismatches(text, lang, normalise_number)


def test_a_one_megabyte_clause_gives_its_facts_and_no_finding_from_the_sentence_rule():
    unit = "Стоимость составляет 500 000 (пятьсот тысяч) тенге в течение 10 (десяти) рабочих дней. "
    big = unit * 12_000  # 1 MB: far more sentences than a clause has, so the alignment does not run
    assert extract(big, "ru") == {"money": {"500000 KZT"}, "period": {"10|days|working"}}
    assert figure_word_mismatches(big, "ru", normalise_number) == []
    assert sentences.unpaired(big, big[: len(big) // 2], "ru", "en", 1.0) == []


def test_sentence_alignment_work_grows_linearly(monkeypatch):
    calls = []
    real = sentences._length_cost
    monkeypatch.setattr(sentences, "_length_cost", lambda *a: calls.append(1) or real(*a))

    def work(n: int) -> int:
        calls.clear()
        src = [f"Предложение номер {i} о порядке возврата денежных средств." for i in range(n)]
        sentences.align(src, src[: n - 1], 1.0)
        return len(calls)

    small, large = work(40), work(160)
    assert large <= 6 * small  # four times the sentences: about four times the pairs tried (unbanded: sixteen)


# --- property: any amount or period written the three ways is one value, and its words agree ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from num2words import num2words  # noqa: E402

KK_AMOUNT_ENDINGS = ["", "ні", "ден", "ге", "нің", "мен"]  # теңге, теңгені, теңгеден, теңгеге, теңгенің, теңгемен


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=80, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999_999),
    st.sampled_from(["genitive", "nominative", "instrumental"]),
    st.sampled_from(KK_AMOUNT_ENDINGS),
    st.sampled_from([" ", "\u00a0"]),
)
def test_amount_with_words_in_three_languages_is_one_value(n, case, ending, space):
    ru = f"в размере {grouped(n, space)} ({num2words(n, lang='ru', case=case)}) тенге"
    kk = f"{grouped(n, ' ')} ({num2words(n, lang='kz')}) теңге{ending} құрайды"
    en = f"of {grouped(n, ',')} ({num2words(n, lang='en')}) tenge"
    assert extract(ru, "ru") == extract(kk, "kk") == extract(en, "en") == {"money": {f"{n} KZT"}}
    for text, lang in ((ru, "ru"), (kk, "kk"), (en, "en")):
        assert figure_word_mismatches(text, lang, normalise_number) == []


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_words_of_another_number_are_always_found(n, m):
    if n == m:
        return
    for lang, code, case in (("ru", "ru", {"case": "genitive"}), ("kk", "kz", {}), ("en", "en", {})):
        text = f"{n} ({num2words(m, lang=code, **case)}) "
        assert [v for _, _, v, _ in figure_word_mismatches(text, lang, normalise_number)] == [m]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=365),
    st.sampled_from(
        [
            ("календарных дней", "күнтізбелік күн", "calendar days", "calendar"),
            ("рабочих дней", "жұмыс күні", "working days", "working"),
            ("банковских дней", "банктік күн", "banking days", "banking"),
        ]
    ),
)
def test_periods_in_three_languages_are_one_value(n, kind):
    ru_kind, kk_kind, en_kind, name = kind
    ru = extract(f"в течение {n} ({num2words(n, lang='ru', case='genitive')}) {ru_kind}", "ru")
    kk = extract(f"{n} ({num2words(n, lang='kz')}) {kk_kind} ішінде", "kk")
    en = extract(f"within {n} ({num2words(n, lang='en')}) {en_kind}", "en")
    assert ru == kk == en == {"period": {f"{n}|days|{name}"}}
