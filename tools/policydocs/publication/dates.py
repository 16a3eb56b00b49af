"""Dates and moments as each language writes them, via Babel.

Long dates ("22 ноября 2026 г.", "2026 ж. 22 қараша", with U+202F inside, which the shipped fonts
cover), in Kazakh with the case ending its sentence governs, short dates ("23.11.2026"), and moments with their zone as readers say it
("30 ноября 2026 г., 00:00 (время Алматы, UTC+05:00)").
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_location

from ..i18n import MESSAGE_LANGUAGES, N_p, site_word
from ..kkcase import inflect_last_word


@cache
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
    return inflect_last_word(text, case)


#: Babel's Kazakh short format has a two-digit year: dates are written out instead
SHORT_DATE = "dd.MM.yyyy"


def short_date(value: dt.date, lang: str) -> str:
    """'23.11.2026' as Russian and Kazakh readers write it; '23 Nov 2026' in English, which reads 11.23 too."""
    return format_date(value, "d MMM y" if lang == "en" else SHORT_DATE, locale=lang)


def iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


ZONE_TIME = N_p("history.zone_time", "{city} time")  # "время Алматы", "Алматы уақыты"


def zone_city(zone: str, lang: str) -> str:
    """The city a time zone is named after, as ``lang`` writes it ('Asia/Almaty' -> 'Алматы')."""
    try:
        return get_timezone_location(zone, locale=lang, return_city=True)
    except LookupError:
        return zone


def zone_and_offset(moment: dt.datetime, lang: str | None = None) -> tuple[str, str]:
    """The zone as readers of ``lang`` say it ("время Алматы", "Алматы уақыты"), and the UTC offset."""
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    key = getattr(moment.tzinfo, "key", None)
    if key and lang in MESSAGE_LANGUAGES:
        return site_word(ZONE_TIME, lang).format(city=zone_city(key, lang)), offset
    return key or offset, offset


def long_moment(moment: dt.datetime, lang: str, case: str | None = None) -> str:
    """'30 ноября 2026 г., 00:00 (время Алматы, UTC+05:00)': date by Babel, the zone as readers say it.

    In Kazakh the date takes the case its sentence governs (``case``) and the time follows
    in brackets, so the ending stays on the last word spoken: "2026 ж. 30 қарашада (00:00, ...)".
    """
    zone, offset = zone_and_offset(moment, lang)
    clock = format_time(moment, "HH:mm", locale=lang)
    if lang == "kk":
        return f"{long_date_in(moment, lang, case)} ({clock}, {zone}, {offset})"
    return f"{long_date(moment, lang)}, {clock} ({zone}, {offset})"
