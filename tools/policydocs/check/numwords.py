"""Reading numbers written in words back into numbers: "пятьсот тысяч", "десяти", "он", "жиырма бес", "thirty".

Contracts in Kazakhstan write a figure and then the number in words in brackets, in the
case the sentence needs ("в течение 10 (десяти) рабочих дней", "18 (восемнадцати) лет",
"жүз мыңнан (100 000)"). num2words writes numbers in words in all three languages but does
not read them; this module does the reverse for the forms real texts use: every Russian
case of every cardinal (with ё or е), Kazakh cardinals with any case ending on the last
word, English cardinals with "and", hyphens and commas. The tests check it against
num2words' own output for many numbers and every Russian case.
"""

from __future__ import annotations

import re

ADD, HUNDRED, BIG = 0, 1, 2  # how a word combines: added, multiplies the group by 100, closes a group

_RU = {
    0: "ноль нуль ноля нуля нолю нулю нолём нулём нолем нулем ноле нуле",
    8: "восьми восьмью",
    1: "один одна одно одного одной одному одним одном одну одною одни одних одними",
    2: "два две двух двум двумя",
    3: "три трёх трех трём трем тремя",
    4: "четыре четырёх четырех четырём четырем четырьмя",
    40: "сорок сорока",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трёхсот трехсот трёмстам тремстам тремястами трёхстах трехстах",
    400: "четыреста четырёхсот четырехсот четырёмстам четыремстам четырьмястами четырёхстах четырехстах",
}
# numerals declined like "пять, пяти, пятью": stem + ь / и / ью
_RU_SOFT = {
    5: "пят",
    6: "шест",
    7: "сем",
    8: "восем",
    9: "девят",
    10: "десят",
    11: "одиннадцат",
    12: "двенадцат",
    13: "тринадцат",
    14: "четырнадцат",
    15: "пятнадцат",
    16: "шестнадцат",
    17: "семнадцат",
    18: "восемнадцат",
    19: "девятнадцат",
    20: "двадцат",
    30: "тридцат",
}
# 50-80 and 500-900: both parts decline ("пятьдесят, пятидесяти, пятьюдесятью")
_RU_COMPOUND = {
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"),
    8: ("восемь", "восьми", "восемью", "восьмью"),
    9: ("девять", "девяти", "девятью"),
}
_RU_BIG = {1000: "тысяч", 10**6: "миллион", 10**9: "миллиард", 10**12: "триллион"}
_RU_BIG_ENDINGS = {
    "тысяч": ("а", "и", "", "е", "у", "ей", "ью", "ам", "ами", "ах"),
    "": ("", "а", "ов", "у", "ом", "е", "ам", "ами", "ах"),
}

_KK = {
    "нөл": 0,
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "елу": 50,
    "алпыс": 60,
    "жетпіс": 70,
    "сексен": 80,
    "тоқсан": 90,
}
_KK_MULT = {
    "жүз": (100, HUNDRED),
    "мың": (1000, BIG),
    "миллион": (10**6, BIG),
    "миллиард": (10**9, BIG),
    "триллион": (10**12, BIG),
}
# case endings a Kazakh numeral takes on its last word (ablative, dative, accusative, genitive,
# locative, instrumental), longest first
_KK_ENDINGS = sorted(
    "дан ден тан тен нан нен ға ге қа ке на не а е ды ді ты ті ны ні н дың дің тың тің ның нің "
    "да де та те нда нде мен бен пен менен бенен пенен".split(),
    key=len,
    reverse=True,
)

_EN_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split()
)
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_MULT = {
    "hundred": (100, HUNDRED),
    "thousand": (1000, BIG),
    "million": (10**6, BIG),
    "billion": (10**9, BIG),
    "trillion": (10**12, BIG),
}


def _ru_words() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for n, forms in _RU.items():
        for w in forms.split():
            out[w] = (n, ADD)
    for n, stem in _RU_SOFT.items():
        for ending in ("ь", "и", "ью"):
            out[stem + ending] = (n, ADD)
    for n, units in _RU_COMPOUND.items():
        nom, obl, ins = units[:3]
        out[nom + "десят"] = (n * 10, ADD)
        out[obl + "десяти"] = (n * 10, ADD)
        out[ins + "десятью"] = (n * 10, ADD)
        out[nom + "сот"] = (n * 100, ADD)  # пятьсот
        for ending in ("сот", "стам", "стах"):  # пятисот, пятистам, пятистах
            out[obl + ending] = (n * 100, ADD)
        for i in units[2:]:
            out[i + "десятью"] = (n * 10, ADD)
            out[i + "стами"] = (n * 100, ADD)
    for n, stem in _RU_BIG.items():
        for ending in _RU_BIG_ENDINGS["тысяч" if stem == "тысяч" else ""]:
            out[stem + ending] = (n, BIG)
    return out


_WORDS = {
    "ru": _ru_words(),
    "en": {**{w: (i, ADD) for i, w in enumerate(_EN_SMALL)}, **{w: (n, ADD) for w, n in _EN_TENS.items()}, **_EN_MULT},
}
_TOKEN_RE = re.compile(r"[^\W\d_]+", re.U)
_JOINERS = {"en": {"and"}, "ru": set(), "kk": set()}
MAX_WORDS = 24  # longer runs are not numbers in a contract ("nine hundred ninety-nine billion ...")


def word_value(word: str, lang: str, endings: bool = True) -> tuple[int, int] | None:
    """(value, how it combines) of one number word in any case form, or None.

    ``endings=False`` reads Kazakh words only without a case ending: outside brackets
    "бірге" (together) and "онда" (there) are ordinary words.
    """
    w = word.lower()
    if lang == "kk":
        for table in (_KK, _KK_MULT):
            if w in table:
                return (table[w], ADD) if table is _KK else table[w]
        for ending in _KK_ENDINGS if endings else ():
            if len(w) > len(ending) + 1 and w.endswith(ending):
                stem = w[: -len(ending)]
                if stem in _KK:
                    return _KK[stem], ADD
                if stem in _KK_MULT:
                    return _KK_MULT[stem]
        return None
    return _WORDS.get(lang, _WORDS["en"]).get(w)


def _combine(values: list[tuple[int, int]]) -> int:
    total = group = 0
    for value, how in values:
        if how == ADD:
            group += value
        elif how == HUNDRED:
            group = (group or 1) * value
        else:
            total += (group or 1) * value
            group = 0
    return total + group


def read(text: str, lang: str) -> tuple[int, int] | None:
    """The number that ``text`` starts with in words, and where its words end; None if it starts otherwise.

    "пятьсот тысяч) тенге" -> (500000, 13); "сорока пяти" -> (45, 11); "тенге" -> None.
    """
    values: list[tuple[int, int]] = []
    end = 0
    joiners = _JOINERS.get(lang, set())
    joined = False  # an "and" stands between the last number word and this one
    for m in _TOKEN_RE.finditer(text):
        gap = text[end : m.start()]
        if values and gap.strip(" \u00a0-,") != "" and not (joined and gap.strip(" \u00a0-,") in joiners):
            break
        if not values and gap.strip():
            break
        word = m.group(0).lower()
        if values and word in joiners and not joined:
            joined = True
            continue
        v = word_value(word, lang)
        if v is None:
            break
        values.append(v)
        end = m.end()
        joined = False
        if len(values) > MAX_WORDS:
            return None
    if not values:
        return None
    return _combine(values), end


def read_backwards(text: str, lang: str) -> tuple[int, str] | None:
    """The number the words at the end of ``text`` make, and those words: "within ten" -> (10, 'ten')."""
    tail = text[-200:]
    start = None
    joiners = _JOINERS.get(lang, set())
    for m in reversed(list(_TOKEN_RE.finditer(tail))):
        word = m.group(0).lower()
        if word_value(word, lang, endings=False) is not None:
            start = m.start()
        elif not (word in joiners and start is not None):
            break
    if start is None:
        return None
    found = read(tail[start:], lang)
    return (found[0], tail[start : start + found[1]]) if found else None
