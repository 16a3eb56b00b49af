"""The words of the running header and footer in each language, and dates via Babel.

A lawyer reading the Kazakh PDF sees "5 беттің 2-беті", not "page 2 of 5": every string a
reader sees is in the document's language. Long dates come from Babel (``kk`` gives
"2026 ж. 22 қараша", with U+202F inside, which the shipped fonts cover); short dates use
an explicit ``dd.MM.yyyy`` because Babel's Kazakh short format has a two-digit year.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

SHORT_DATE = "dd.MM.yyyy"

LABELS = {
    "ru": {"version": "Редакция {n}", "draft": "Проект", "effective": "Вступает в силу: {date}",
           "operator": "Оператор: {name}", "unsafe": "Ссылка удалена"},
    "kk": {"version": "{n}-нұсқа", "draft": "Жоба", "effective": "Күшіне енетін күні: {date}",
           "operator": "Оператор: {name}", "unsafe": "Сілтеме алынып тасталды"},
    "en": {"version": "Version {n}", "draft": "Draft", "effective": "Effective: {date}",
           "operator": "Operator: {name}", "unsafe": "Link removed"},
}

# "page X of Y" as CSS content, counters in each language's word order.
PAGE_OF = {
    "ru": '"Страница " counter(page) " из " counter(pages)',
    "kk": 'counter(pages) " беттің " counter(page) "-беті"',
    "en": '"Page " counter(page) " of " counter(pages)',
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def long_date(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def short_date(value: dt.date, lang: str) -> str:
    """'23.11.2026' as Russian and Kazakh readers write it; '23 Nov 2026' in English, which reads 11.23 too."""
    return format_date(value, "d MMM y" if lang == "en" else SHORT_DATE, locale=lang)


def page_of(lang: str) -> str:
    return PAGE_OF.get(lang, PAGE_OF["en"])
