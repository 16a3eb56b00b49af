"""Facts that must be identical in every language: numbers, deadlines, amounts, contacts, identifiers.

Each fact is pulled out of the text and normalised before comparing, so that each
language may keep its own way of writing it: "3 500" (Russian), "3,500" (English) and
"3 500" are one number; "+7 708 466 84 22" and "+77084668422" are one phone; "7 (семи)",
"7 (жеті)" and "7 (seven)" are the number 7; "1 марта 2024 г.", "2024 ж. 1 наурыз" and
"March 1, 2024" are one date.
"""

from __future__ import annotations

import re

from ..i18n import N_
from . import quantities, wording

URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]«»\"']+", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+7|8)[\s\-(]*\d{3}[\s\-)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)")
BIN_RE = re.compile(r"(?<![\d.,])\d{12}(?![\d.,]\d)")
VERSION_RE = re.compile(r"\b[vV](\d+(?:\.\d+)+)\b")

MONTHS = {
    1: ("январ", "қаңтар", "january", "jan"),
    2: ("феврал", "ақпан", "february", "feb"),
    3: ("март", "наурыз", "march", "mar"),
    4: ("апрел", "сәуір", "april", "apr"),
    5: ("ма[йя]", "мамыр", "may"),
    6: ("июн", "маусым", "june", "jun"),
    7: ("июл", "шілде", "july", "jul"),
    8: ("август", "тамыз", "august", "aug"),
    9: ("сентябр", "қыркүйек", "september", "sep"),
    10: ("октябр", "қазан", "october", "oct"),
    11: ("ноябр", "қараша", "november", "nov"),
    12: ("декабр", "желтоқсан", "december", "dec"),
}
_MONTH_ALT = "|".join(f"(?P<m{n}>{'|'.join(stems)})" for n, stems in MONTHS.items())
_MONTH = rf"(?:{_MONTH_ALT})[^\W\d_]*\.?"
DATE_NUMERIC_RE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.]\d)")
DATE_ISO_RE = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?!\d)")
# «1» марта 2024 / 1 March 2024 / 2024 ж. 1 наурыз / March 1, 2024
DATE_DMY_RE = re.compile(rf"(?<!\d)[«\"]?(\d{{1,2}})[»\"]?\s+{_MONTH}\s+(\d{{4}})", re.I)
DATE_YDM_RE = re.compile(rf"(?<!\d)(\d{{4}})\s*(?:ж\.|жылғы|жыл)?\s*[«\"]?(\d{{1,2}})[»\"]?\s+{_MONTH}", re.I)
DATE_MDY_RE = re.compile(rf"{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)

CURRENCY = "(?:" + "|".join(rx for _, rx in quantities.CURRENCIES) + ")"
CURRENCY_NAMES = [(re.compile(rx, re.I), code) for code, rx in quantities.CURRENCIES]
# a number: digits with group separators (space, no-break space, comma or dot before three digits)
NUM = r"\d{1,3}(?:[ \u00a0\u202f\u2009](?=\d{3}(?!\d))\d{3})+|\d+(?:[.,]\d+)*"
# "д.6/3" (house 6/3) holds a number; only a dot after a digit ("2.5") continues one
NUMBER_RE = re.compile(rf"(?<![\w,])(?<!\d\.)(?:{NUM})(?![\w])|(?<![\w,])(?<!\d\.)(?:{NUM})(?=-|[^\W\d])")
PERCENT_RE = re.compile(rf"(?P<n>{NUM})\s*(?:%|процент\w*|пайыз\w*|per\s?cent)", re.I)

CATEGORIES = {  # worded in messages through the checker catalog
    "url": N_("web addresses"),
    "email": N_("e-mail addresses"),
    "phone": N_("phone numbers"),
    "bin": N_("BIN/IIN numbers"),
    "date": N_("dates"),
    "percent": N_("percentages"),
    "version": N_("version numbers"),
    "number": N_("numbers"),
}


def _month(m: re.Match) -> int:
    for n in MONTHS:
        if m.group(f"m{n}"):
            return n
    return 0


_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")


def normalise_number(raw: str, lang: str) -> str:
    """'3 500' -> '3500', '3,500' (en) -> '3500', '0,5' (ru) -> '0.5', '2.1' stays '2.1'."""
    s = re.sub(r"[ \u00a0\u202f\u2009]", "", raw)
    if s.count(".") >= 2 and "," not in s and _DOTTED_THOUSANDS.fullmatch(s):  # 1.000.000 (dots group thousands)
        s = s.replace(".", "")
    if "," in s and "." not in s:
        parts = s.split(",")
        if lang == "en" and all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            s = "".join(parts)
        elif len(parts) == 2:
            s = parts[0] + "." + parts[1]
    elif "," in s and "." in s:  # 1,234.5 (en) or 1.234,5 (ru)
        if s.rfind(".") > s.rfind(","):
            s = s.replace(",", "")
        else:
            s = s.replace(".", "").replace(",", ".")
    if re.fullmatch(r"\d+", s):
        s = str(int(s)) if len(s) < 6 else s.lstrip("0") or "0"
    return s


def _currency(text: str) -> str:
    for rx, name in CURRENCY_NAMES:
        if rx.search(text):
            return name
    return text


# kinds that start with a digit (or "+", "«"): tried only where such a character stands
_DIGIT_KINDS = [
    ("phone", PHONE_RE),
    ("date_iso", DATE_ISO_RE),
    ("date_num", DATE_NUMERIC_RE),
    ("date_dmy", DATE_DMY_RE),
    ("date_ydm", DATE_YDM_RE),
    ("bin", BIN_RE),
    ("quantity", quantities.QUANTITY_RE),
    ("percent", PERCENT_RE),
    ("number", NUMBER_RE),
]
_STARTS = re.compile(r"[\d+«\"]")
MONEY_PREFIX_RE = re.compile(rf"(?P<c1>{CURRENCY})\s*(?P<n1>{NUM})(?!\w)", re.I)
_CURRENCY_PREFIXES = ("$", "€", "₸", "₽", "KZT", "USD", "EUR", "RUB")  # plain substring tests: faster than a regex
_HAS_VERSION = re.compile(r"[vV]\d")
_HAS_MONTH_FIRST = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)
_QUICK = re.compile(r"[\d@]")  # with "http"/"www." tested as plain substrings: an alternation is slow


def _value(kind: str, m: re.Match, lang: str) -> tuple[str, str] | None:
    text = m.group(0)
    if kind == "url":
        return "url", text.rstrip(".,;:").lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if kind == "email":
        return "email", text.lower()
    if kind == "phone":
        return "phone", "+7" + re.sub(r"\D", "", text)[1:]
    if kind.startswith("date"):
        m2 = dict(
            date_iso=DATE_ISO_RE,
            date_num=DATE_NUMERIC_RE,
            date_dmy=DATE_DMY_RE,
            date_ydm=DATE_YDM_RE,
            date_mdy=DATE_MDY_RE,
        )[kind].fullmatch(text)
        if m2 is None:
            return None
        g = m2.group
        if kind == "date_iso":
            return "date", f"{g(1)}-{int(g(2)):02d}-{int(g(3)):02d}"
        if kind == "date_num":
            return "date", f"{g(3)}-{int(g(2)):02d}-{int(g(1)):02d}"
        if kind == "date_dmy":
            return "date", f"{g(len(MONTHS) + 2)}-{_month(m2):02d}-{int(g(1)):02d}"
        if kind == "date_ydm":
            return "date", f"{g(1)}-{_month(m2):02d}-{int(g(2)):02d}"
        return "date", f"{g(len(MONTHS) + 2)}-{_month(m2):02d}-{int(g(len(MONTHS) + 1)):02d}"
    if kind == "bin":
        return "bin", text
    if kind == "version":
        return "version", text.lstrip("vV")
    if kind == "quantity":
        if text[-1].isdigit():  # a bare figure (no words, currency or unit): most matches, no second look
            return "number", normalise_number(text, lang)
        return quantities.value(quantities.QUANTITY_RE.match(m.string, m.start()), normalise_number, lang)
    if kind == "money":
        m2 = MONEY_PREFIX_RE.fullmatch(text)
        return "money", f"{quantities.exact(normalise_number(m2.group('n1'), lang))} {_currency(m2.group('c1'))}"
    if kind == "percent":
        m2 = PERCENT_RE.fullmatch(text)
        return "percent", quantities.exact(normalise_number(m2.group("n"), lang)) + "%"
    return "number", normalise_number(text, lang)


def _combined(kinds) -> re.Pattern:
    # each pattern keeps its own groups; the outer named group says which kind matched
    parts = []
    for kind, rx in kinds:
        body = re.sub(r"\(\?P<(\w+)>", "(?:", rx.pattern)  # drop inner names: they would collide
        parts.append(f"(?P<{kind}>{body})")
    return re.compile("|".join(parts), re.I)


_DIGIT_ALL = _combined(_DIGIT_KINDS)


def extract(text: str, lang: str, skip_spans: list[tuple[int, int]] | None = None) -> dict[str, set]:
    """The facts of one text, by category, as sets of normalised values.

    Addresses first (the number inside an e-mail is not a number of the text), then, at
    each place where a digit stands, the first kind that matches: a date before its day
    number, an amount or a percentage before its figure.
    """
    facts: dict[str, set] = {}
    if not (_QUICK.search(text) or "http" in text or "www." in text):
        return facts
    current = text  # the text with what was already read blanked out, offsets kept

    def mask(a: int, b: int) -> None:
        nonlocal current
        current = current[:a] + " " * (b - a) + current[b:]

    for a, b in skip_spans or ():
        mask(a, b)
    pre = [
        ("url", URL_RE, "http" in text or "www." in text),
        ("email", EMAIL_RE, "@" in text),
        ("date_mdy", DATE_MDY_RE, lang == "en" and _HAS_MONTH_FIRST.search(text) is not None),
        ("money", MONEY_PREFIX_RE, any(sign in text for sign in _CURRENCY_PREFIXES)),
        ("version", VERSION_RE, _HAS_VERSION.search(text) is not None),
    ]
    for kind, rx, wanted in pre:
        if not wanted:
            continue
        for m in rx.finditer(current):  # iterates the text as it was before this kind's masks
            v = _value(kind, m, lang)
            if v is not None:
                facts.setdefault(v[0], set()).add(v[1])
                mask(m.start(), m.end())
    pos = 0
    for start in _STARTS.finditer(current):
        p = start.start()
        if p < pos:
            continue
        m = _DIGIT_ALL.match(current, p)
        if m is None:
            continue
        v = _value(m.lastgroup, m, lang)
        if v is not None:
            facts.setdefault(v[0], set()).add(v[1])
        pos = m.end()
    return facts


def show(values: set[str]) -> str:
    if not values:
        return wording.phrase(wording.NONE)
    return ", ".join(f"'{v}'" for v in sorted(values))
