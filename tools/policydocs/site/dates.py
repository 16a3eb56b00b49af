"""Dates as each language writes them, via Babel (long form: "22 ноября 2026 г.", "2026 ж. 22 қараша")."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def long_date(value: dt.date | dt.datetime, lang: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, format="long", locale=_locale(lang))


def long_date_in(value: dt.date | dt.datetime, lang: str, case: str | None) -> str:
    """A long date inside a sentence: in Kazakh with the case ending its sentence governs
    ("2026 ж. 1 желтоқсанда" for ``loc``); Russian and English dates need no ending."""
    text = long_date(value, lang)
    if lang != "kk" or case is None:
        return text
    from ..kkcase import inflect_last_word  # noqa: PLC0415

    return inflect_last_word(text, case)


def iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()
