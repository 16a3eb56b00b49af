"""Facts that must be identical in every language: numbers, deadlines, amounts, contacts, identifiers.

Each fact is pulled out of the text and normalised before comparing, so that each
language may keep its own way of writing it: "3 500" (Russian), "3,500" (English) and
"3 500" are one number; "+7 708 466 84 22" and "+77084668422" are one phone; "7 (семи)",
"7 (жеті)" and "7 (seven)" are the number 7; "1 марта 2024 г.", "2024 ж. 1 наурыз" and
"March 1, 2024" are one date.
"""

from __future__ import annotations

import re
from collections import Counter

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

CURRENCY = r"(?:₸|тенге|теңге|tenge|KZT|тг\.?|\$|USD|долл\w*|dollars?|€|EUR|евро|euros?|руб\w*|RUB|roubles?|rubles?)"
CURRENCY_NAMES = [
    (re.compile(r"₸|тенге|теңге|tenge|KZT|тг", re.I), "KZT"),
    (re.compile(r"\$|USD|долл|dollar", re.I), "USD"),
    (re.compile(r"€|EUR|евро|euro", re.I), "EUR"),
    (re.compile(r"руб|RUB|roubl|rubl", re.I), "RUB"),
]
# a number: digits with group separators (space, no-break space, comma or dot before three digits)
NUM = r"\d{1,3}(?:[ \u00a0\u202f\u2009](?=\d{3}(?!\d))\d{3})+|\d+(?:[.,]\d+)*"
NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{NUM})(?![\w])|(?<![\w.,])(?:{NUM})(?=-|[^\W\d])")
MONEY_RE = re.compile(rf"(?:(?P<c1>{CURRENCY})\s*(?P<n1>{NUM})|(?P<n2>{NUM})\s*(?P<c2>{CURRENCY}))(?!\w)", re.I)
PERCENT_RE = re.compile(rf"(?P<n>{NUM})\s*(?:%|процент\w*|пайыз\w*|per\s?cent)", re.I)

CATEGORIES = {
    "url": ("web addresses", "веб-адреса"),
    "email": ("e-mail addresses", "адреса электронной почты"),
    "phone": ("phone numbers", "номера телефонов"),
    "bin": ("BIN/IIN numbers", "БИН/ИИН"),
    "date": ("dates", "даты"),
    "money": ("amounts of money", "суммы"),
    "percent": ("percentages", "проценты"),
    "version": ("version numbers", "номера версий"),
    "number": ("numbers", "числа"),
}


def _month(m: re.Match) -> int:
    for n in MONTHS:
        if m.group(f"m{n}"):
            return n
    return 0


def normalise_number(raw: str, lang: str) -> str:
    """'3 500' -> '3500', '3,500' (en) -> '3500', '0,5' (ru) -> '0.5', '2.1' stays '2.1'."""
    s = re.sub(r"[ \u00a0\u202f\u2009]", "", raw)
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
    if re.fullmatch(r"\d+\.\d{3}", s) and lang != "en" and s.count(".") == 1 and False:
        s = s.replace(".", "")
    if re.fullmatch(r"\d+", s):
        s = str(int(s)) if len(s) < 6 else s.lstrip("0") or "0"
    return s


def _currency(text: str) -> str:
    for rx, name in CURRENCY_NAMES:
        if rx.search(text):
            return name
    return text


def extract(text: str, lang: str, skip_spans: list[tuple[int, int]] | None = None) -> dict[str, Counter]:
    """The facts of one text, by category, as normalised values."""
    facts: dict[str, Counter] = {k: Counter() for k in CATEGORIES}
    chars = list(text)

    def take(rx: re.Pattern, category: str, value) -> None:
        for m in rx.finditer("".join(chars)):
            v = value(m)
            if v is None:
                continue
            facts[category][v] += 1
            for i in range(m.start(), m.end()):
                chars[i] = " "

    if skip_spans:
        for a, b in skip_spans:
            for i in range(a, b):
                chars[i] = " "
    take(URL_RE, "url", lambda m: m.group(0).rstrip(".,;:").lower().removeprefix("https://").removeprefix("http://").rstrip("/"))
    take(EMAIL_RE, "email", lambda m: m.group(0).lower())
    take(PHONE_RE, "phone", lambda m: "+7" + re.sub(r"\D", "", m.group(0))[1:])
    take(DATE_ISO_RE, "date", lambda m: f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    take(DATE_NUMERIC_RE, "date", lambda m: f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
    take(DATE_DMY_RE, "date", lambda m: f"{m.group(len(MONTHS) + 2)}-{_month(m):02d}-{int(m.group(1)):02d}")
    take(DATE_YDM_RE, "date", lambda m: f"{m.group(1)}-{_month(m):02d}-{int(m.group(2)):02d}")
    take(DATE_MDY_RE, "date", lambda m: f"{m.group(len(MONTHS) + 2)}-{_month(m):02d}-{int(m.group(len(MONTHS) + 1)):02d}")
    take(BIN_RE, "bin", lambda m: m.group(0))
    take(VERSION_RE, "version", lambda m: m.group(1))
    take(MONEY_RE, "money", lambda m: f"{normalise_number(m.group('n1') or m.group('n2'), lang)} {_currency(m.group('c1') or m.group('c2'))}")
    take(PERCENT_RE, "percent", lambda m: normalise_number(m.group("n"), lang) + "%")
    take(NUMBER_RE, "number", lambda m: normalise_number(m.group(0), lang))
    return facts


def show(values: Counter) -> str:
    if not values:
        return "none"
    parts = []
    for v, n in sorted(values.items()):
        parts.append(f"'{v}'" + (f" ×{n}" if n > 1 else ""))
    return ", ".join(parts)
