"""The words of the running header and footer in each language.

A lawyer reading the Kazakh PDF sees "5 беттің 2-беті", not "page 2 of 5": every string a
reader sees is in the document's language. The dates are ``publication/dates.py``'s.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from ..i18n import N_p, SiteWords, site_word
from ..publication.words import PAGE_OF

# The words are in the ``site`` catalogs (i18n/locale/<lang>/LC_MESSAGES/site.po, key ``pdf.<name>``).
LABELS = SiteWords(
    N_p("pdf.version", "Version {n}"),
    N_p("pdf.draft", "Draft"),
    N_p("pdf.effective", "Effective: {date}"),
    N_p("pdf.operator", "Operator: {name}"),
    N_p("pdf.unsafe", "Link removed"),
    prefix="pdf.",
)

_COUNTERS = {"page": "counter(page)", "pages": "counter(pages)"}


def labels(lang: str) -> Mapping[str, str]:
    return LABELS.get(lang, LABELS["en"])


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
