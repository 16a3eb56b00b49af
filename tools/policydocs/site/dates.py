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


def iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()
