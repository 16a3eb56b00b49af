"""Amounts and periods as contracts write them: a figure, its words in brackets, a currency or a unit.

"500 000 (пятьсот тысяч) тенге", "500 000 (бес жүз мың) теңгені құрайды", "USD 500,000",
"$500", "500,000 (five hundred thousand) US dollars", "10 (десяти) рабочих дней",
"10 (он) күнтізбелік күн", "ten (10) business days", "24 (twenty-four) hours". Each is one
value with one currency, or one value with a unit and a kind of day (calendar, working,
banking). Comparing across languages is by value: a value that one language writes as an
amount or a period and the other as a bare figure is not a difference of amount or
period (the bare figure still has to match); the same value with another currency, unit
or kind of day, or a value that the other language does not have at all, is.
"""

from __future__ import annotations

import re

from ..i18n import N_
from . import numwords, wording

# a figure: groups of three after spaces ("500 000,00", "500 000.00") or plain, with dots and commas
NUM = r"\d{1,3}(?:[ \u00a0\u202f\u2009](?=\d{3}(?!\d))\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)*"

# currencies: (code, pattern); words in any case form, codes and signs
CURRENCIES = [
    ("KZT", r"₸|KZT|тенге|теңге\w*|tenge|тг\.?(?!\w)"),
    (
        "USD",
        r"\$|USD|(?:АҚШ\s+)?доллар\w*(?:\s+(?:США|США\.))?|долл\.(?:\s*США)?"
        r"|(?:US|U\.S\.|United\s+States)\s+dollars?|dollars?",
    ),
    ("EUR", r"€|EUR|евро|еуро(?!п)\w*|euros?"),  # not «Еуропа», Europe
    ("RUB", r"₽|RUB|(?:российск\w+\s+|ресей\s+)?рубл\w*|руб\.|(?:Russian\s+)?r(?:o)?ubles?"),
]
UNITS = [
    ("minutes", r"минут\w*|minutes?"),
    ("hours", r"час(?:а|ов|ам|ами|ах|у)?|сағат\w*|hours?"),
    ("days", r"дн(?:я|ей|ю|ям|ями|ях)|день|сут(?:ки|ок|кам|ками|ках)|күн(?!тізбелік)\w*|тәулік\w*|days?"),
    ("weeks", r"недел[ьяиюе]\w*|апта\w*|weeks?"),
    ("months", r"месяц\w*|ай(?:дың|дан|ға|ды|да|ын|ына|ынан|ы|лық|лар\w*)?|months?"),
    ("years", r"год(?:а|у|ом|ов)?|лет|жыл\w*|years?"),
]
KINDS = [
    ("calendar", r"календарн\w+|күнтізбелік|calendar"),
    ("banking", r"банковск\w+|банктік|банк|bank(?:ing)?(?:\s+(?:business|working))?"),
    ("working", r"рабоч\w+|жұмыс|working|business"),
]
PERCENT = r"%|процент\w*|пайыз\w*|per\s?cent"

_CUR = "|".join(f"(?P<c_{code}>{rx})" for code, rx in CURRENCIES)
_UNIT = "|".join(f"(?P<u_{name}>{rx})" for name, rx in UNITS)
_KIND = "|".join(f"(?P<k_{name}>{rx})" for name, rx in KINDS)
# the words in brackets: no digits, no brackets, bounded, so that matching stays linear
WORDS = r"\(\s*(?P<words>[^()\d\n]{1,160}?)\s*\)"
_TAIL = rf"(?:(?P<cur>{_CUR})|(?:(?P<kind>{_KIND})\s+)?(?P<unit>{_UNIT})|(?P<pct>{PERCENT}))"
# a figure, then its words in brackets and/or a currency, unit or percent sign ("ten (10) days": the
# figure in brackets after its words); a bare figure matches too and is read as a number
QUANTITY_RE = re.compile(rf"(?<![\w,])(?<!\d\.)(?P<num>{NUM})(?P<close>\))?(?:\s*{WORDS})?(?:\s*{_TAIL})?(?!\w)", re.I)
CURRENCY_IN_WORDS_RE = re.compile(_CUR, re.I)
FIGURE_WORDS_RE = re.compile(rf"(?<![\w,])(?<!\d\.)(?P<num>{NUM})\s*{WORDS}")
WORDS_FIGURE_RE = re.compile(rf"\(\s*(?P<num>{NUM})\s*\)")
MAX_DIGITS = 15  # a longer figure is not an amount or a deadline: not compared with words

# how a period is shown in a message; English as the values are kept ("10 working days")
UNIT_NAMES = {
    "minutes": N_("minutes"),
    "hours": N_("hours"),
    "days": N_("days"),
    "weeks": N_("weeks"),
    "months": N_("months"),
    "years": N_("years"),
}
KIND_NAMES = {"calendar": N_("calendar"), "working": N_("working"), "banking": N_("banking")}
PERIOD = N_("{number} {unit}")
PERIOD_OF_KIND = N_("{number} {kind} {unit}")
DAYS_OF_KIND = {  # whole phrases: Kazakh says "күнтізбелік күн" but "жұмыс күні"
    "calendar": N_("{number} calendar days"),
    "working": N_("{number} working days"),
    "banking": N_("{number} banking days"),
}


_GROUPS = {
    "c_": [f"c_{code}" for code, _ in CURRENCIES],
    "u_": [f"u_{name}" for name, _ in UNITS],
    "k_": [f"k_{name}" for name, _ in KINDS],
}


def _named(m: re.Match, prefix: str) -> str:
    """Which alternative of a group matched: 'KZT' for c_KZT, 'days' for u_days."""
    for name in _GROUPS[prefix]:
        if m.group(name) is not None:
            return name[len(prefix) :]
    return ""


def value(m: re.Match, normalise, lang: str) -> tuple[str, str] | None:
    """(category, value) of a quantity match: ('money', '500000 KZT'), ('period', '10|days|working'), ('percent', '5%')."""
    number = normalise(m.group("num"), lang)
    if m.group("pct"):
        return "percent", exact(number) + "%"
    if m.group("cur"):
        return "money", f"{exact(number)} {_named(m, 'c_')}"
    if not m.group("unit"):  # "7 (семи)": a figure with its words; "(пятьсот тысяч тенге)": an amount
        currency = currency_in_words(m.group("words") or "")
        return ("money", f"{exact(number)} {currency}") if currency else ("number", number)
    return "period", f"{number}|{_named(m, 'u_')}|{_named(m, 'k_')}"


def exact(number: str) -> str:
    """An amount's or a percentage's value: '0.10' and '500000.00' are '0.1' and '500000'."""
    if "." in number and number.replace(".", "", 1).isdigit():
        number = number.rstrip("0").rstrip(".")
    return number


def currency_in_words(words: str) -> str:
    """'пятьсот тысяч тенге' -> 'KZT' (the currency written inside the brackets), '' if none."""
    m = CURRENCY_IN_WORDS_RE.search(words)
    return _named(m, "c_") if m else ""


def show(values) -> wording.Phrase:
    """Values for a message: "'500000 KZT', '10 working days'" (ru: '10 раб. дн.', kk: '10 жұмыс күн')."""
    if not values:
        return wording.phrase(wording.NONE)
    out = []
    for v in sorted(values):
        if v.count("|") == 2:
            number, unit, kind = v.split("|")
            unit_words = wording.phrase(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit
            if unit == "days" and kind in DAYS_OF_KIND:
                v = wording.phrase(DAYS_OF_KIND[kind], number=number)
            elif kind in KIND_NAMES:
                v = wording.phrase(
                    PERIOD_OF_KIND, number=number, kind=wording.phrase(KIND_NAMES[kind]), unit=unit_words
                )
            else:
                v = wording.phrase(PERIOD, number=number, unit=unit_words)
        out.append(wording.Phrase("'{value}'", (("value", v),)))
    return wording.listed(out)


def _by_value(values) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in values:
        number = v.split("|", 1)[0] if "|" in v else v.split(" ", 1)[0]
        out.setdefault(number, set()).add(v)
    return out


def differing(a: set[str], b: set[str], a_bare: set[str], b_bare: set[str]) -> bool:
    """Whether two texts' amounts (or periods) differ.

    A value one text gives as an amount and the other only as a bare figure is left to the
    comparison of figures; any other difference of value, currency, unit or kind of day counts.
    """
    if a == b:
        return False
    by_a, by_b = _by_value(a), _by_value(b)
    for number in by_a.keys() | by_b.keys():
        in_a, in_b = by_a.get(number), by_b.get(number)
        if in_a and in_b:
            if in_a != in_b:
                return True
        elif in_a and number not in b_bare or in_b and number not in a_bare:
            return True
    return False


def numbers_of(values) -> set[str]:
    return set(_by_value(values))


def _int_part(number: str) -> str | None:
    whole = number.split(".", 1)[0]
    return whole if whole.isdigit() and len(whole) <= MAX_DIGITS else None


def figure_word_mismatches(text: str, lang: str, normalise) -> list[tuple[str, str, int, int]]:
    """(figure, words, the words' value, offset) where a figure and its number in words disagree.

    "18 (шестнадцати) лет" -> [('18', 'шестнадцати', 16, 0)]. Words that are not a number
    ("5 (далее — Срок)") are not compared; decimals are compared by their whole part
    ("3,5 (три целых пять десятых)").
    """
    out = []
    if "(" not in text:
        return out
    for m in FIGURE_WORDS_RE.finditer(text):
        whole = _int_part(normalise(m.group("num"), lang))
        read = numwords.read(m.group("words"), lang)
        if whole is not None and read is not None and str(read[0]) != whole:
            out.append((m.group("num"), m.group("words"), read[0], m.start()))
    for m in WORDS_FIGURE_RE.finditer(text):  # "ten (10) days"
        whole = _int_part(normalise(m.group("num"), lang))
        before = numwords.read_backwards(text[max(0, m.start() - 200) : m.start()].rstrip(), lang)
        if whole is not None and before is not None and str(before[0]) != whole:
            out.append((m.group("num"), before[1], before[0], m.start()))
    return out
