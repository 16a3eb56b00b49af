"""The shortcuts that make the meaning rules cheap (issue 25) read a text as the plain way does.

Each shortcut of ``check/meaning.py`` (words read once, per-word memos, a currency looked for in
lower case first, abbreviations looked for only when a word holds one) must give the very profile
the direct reading gives: these tests compare the two, with the memos cold, warm and overflowing.
"""

from __future__ import annotations

import re

import pytest

from policydocs.check import meaning, quantities

TEXTS = [
    ("ru", "Пользователь не вправе передавать учётные данные третьим лицам; ТОО «Касса» обязано хранить их."),
    ("ru", "Оплата производится в тенге (KZT) или в российских рублях, а также в долл. США и руб. РФ."),
    ("ru", "Компания вправе изменить Соглашение. Пользователь обязан ознакомиться с ним, если иное не указано."),
    ("kk", "Компания Пайдаланушының дербес деректерін үшінші тұлғаларға бермейді және сатпайды."),
    ("kk", "ЖШС «Касса» хабарламаны жібере алмайды; Пайдаланушы теңгемен төлейді."),
    ("en", "The User shall not transfer data to third parties unless the Company's LLP's consent is given."),
    ("en", "Payments are made in U.S. dollars, EUR or Russian roubles; the Company doesn't refund them."),
    ("en", "İstanbul office: the Company may process data in the Republic of Kazakhstan."),  # İ lower-cases to two
    ("en", "ǅemal and ΣΟΦΙΑ'S accounts are processed by the Company."),
]


def direct_currency(text: str) -> tuple:
    """The currencies as the profile read them before the lower-case hint: every match, then amounts."""
    amounts = [m.span("cur") for m in quantities.QUANTITY_RE.finditer(text) if m.group("cur")]
    codes, words = set(), []
    for m in meaning.BARE_CURRENCY_RE.finditer(text):
        if any(a <= m.start() < b for a, b in amounts):
            continue
        code = next((n[2:] for n, v in m.groupdict().items() if v and n.startswith("c_")), None)
        if code:
            codes.add(code)
            words.append(m.group(0))
    return frozenset(codes), tuple(words)


@pytest.mark.parametrize("lang,text", TEXTS)
def test_words_read_once_are_the_words_of_the_lower_cased_text(lang, text):
    toks = meaning.Tokens(text, lang)
    plain = meaning.CONTRACTION_RE.sub(" n't", text) if lang == "en" else text
    assert toks.lows == meaning.TOKEN_RE.findall(plain.lower().replace("ё", "е"))
    found = list(meaning.TOKEN_RE.finditer(plain))
    if len(found) == len(toks):  # else the lower-cased text's words and positions, as before
        assert [toks.word(i) for i in range(len(toks))] == [m.group(0) for m in found]
        assert [toks.start(i) for i in range(len(toks))] == [m.start() for m in found]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_currency_hint_misses_no_currency(lang, text):
    assert meaning._bare_currencies(text) == direct_currency(text)
    if meaning.BARE_CURRENCY_RE.search(text):
        assert meaning.CURRENCY_HINT_RE.search(text.lower())


def test_currency_hint_on_every_alternative_written_in_capitals():
    for _code, rx in quantities.CURRENCIES:
        for sample in re.sub(r"\\.|[()?:|+*\\]|\\[ws]", " ", rx).split():
            for text in (sample, sample.upper(), sample.capitalize(), f"в {sample.upper()}."):
                if meaning.BARE_CURRENCY_RE.search(text):
                    assert meaning.CURRENCY_HINT_RE.search(text.lower()), text


@pytest.mark.parametrize("lang,text", TEXTS)
def test_abbreviations_found_by_words_as_in_the_text(lang, text):
    toks = meaning.Tokens(text, lang)
    if toks._words is not None:
        assert meaning._abbreviated(toks) == bool(meaning.ABBREVIATION_RE.search(toks.text))


def test_profiles_the_same_with_memos_cold_warm_and_overflowing(monkeypatch):
    key = meaning.profiles(None)
    profile = meaning._profile.__wrapped__
    for memo in (meaning._ABBREVIATED, meaning._KK_SHAPED, *(ix[4] for ix in meaning._INDEXES.values())):
        memo.clear()
    cold = [profile(text, lang, key) for lang, text in TEXTS]
    warm = [profile(text, lang, key) for lang, text in TEXTS]
    monkeypatch.setattr(meaning, "MAX_WORDS", 3)  # every memo starts again on every text
    small = [profile(text, lang, key) for lang, text in TEXTS]
    assert cold == warm == small
    assert cold[0].negations and "prohibition" in cold[0].modality
    assert cold[1].currencies == {"KZT", "RUB", "USD"}
    assert cold[3].negations == ("бермейді", "сатпайды")
