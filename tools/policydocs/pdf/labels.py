"""The words of the running header and footer in each language, and dates via Babel.

A lawyer reading the Kazakh PDF sees "5 беттің 2-беті", not "page 2 of 5": every string a
reader sees is in the document's language. Long dates come from Babel (``kk`` gives
"2026 ж. 22 қараша", with U+202F inside, which the shipped fonts cover); short dates use
an explicit ``dd.MM.yyyy`` because Babel's Kazakh short format has a two-digit year.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping

from babel.dates import format_date

from ..i18n import N_p, SiteWords, site_word

SHORT_DATE = "dd.MM.yyyy"

# The words are in the ``site`` catalogs (i18n/locale/<lang>/LC_MESSAGES/site.po, key ``pdf.<name>``).
LABELS = SiteWords(
    N_p("pdf.version", "Version {n}"),
    N_p("pdf.draft", "Draft"),
    N_p("pdf.effective", "Effective: {date}"),
    N_p("pdf.operator", "Operator: {name}"),
    N_p("pdf.unsafe", "Link removed"),
    prefix="pdf.",
)

# "page X of Y", the counters where each language's word order puts them ("{pages} беттің
# {page}-беті"); the Word files say it with the same entry (docx/package.py)
PAGE_OF = N_p("page_of", "Page {page} of {pages}")
_COUNTERS = {"page": "counter(page)", "pages": "counter(pages)"}

def labels(lang: str) -> Mapping[str, str]:
    return LABELS.get(lang, LABELS["en"])


def long_date(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def short_date(value: dt.date, lang: str) -> str:
    """'23.11.2026' as Russian and Kazakh readers write it; '23 Nov 2026' in English, which reads 11.23 too."""
    return format_date(value, "d MMM y" if lang == "en" else SHORT_DATE, locale=lang)


def page_of(lang: str) -> str:
    """'"Page " counter(page) " of " counter(pages)' as CSS content, in ``lang``'s word order."""
    known = lang if lang in LABELS else "en"
    template = site_word(PAGE_OF, known)
    parts = []
    for text, name, _spec, _conv in string.Formatter().parse(template):
        if text:
            parts.append(f'"{text}"')
        if name is not None:
            parts.append(_COUNTERS[name])
    return " ".join(parts)
