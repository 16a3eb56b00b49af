"""What the header says about a text: operator, version, publication and effective dates.

The words are the publication model's (``publication.words``), dates by Babel, so the
Word document, the page and the PDF name a version the same way in each language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..publication.dates import long_date, long_moment
from ..publication.words import s, t

#: for documents without any date: 2020-01-01T00:00:00Z, as the PDFs use
FIXED_MOMENT = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Edition:
    """Which text this is: version number (None for a draft) and its moments."""

    version: int | None
    published: dt.datetime | None
    effective: dt.datetime | None

    @property
    def moment(self) -> dt.datetime:
        """The document's own moment: created, modified and the zip timestamps."""
        return self.published or FIXED_MOMENT


def edition_text(edition: Edition, lang: str) -> str:
    """ "Редакция 2 · Опубликована: 22 ноября 2026 г. · Вступление в силу: 30 ноября 2026 г."."""
    if edition.version is None:
        parts = [t("draft", lang).capitalize()]
    else:
        parts = [s("version_n", lang, n=edition.version)]
    if edition.published is not None:
        parts.append(f"{s('published_on', lang)}: {long_date(edition.published, lang)}")
    if edition.effective is not None:
        parts.append(f"{s('effective_from', lang)}: {long_date(edition.effective, lang)}")
    return " · ".join(parts)


def edition_lines(operator: str, edition: Edition, lang: str) -> list[str]:
    return [f"{t('operator', lang)}: {operator}", edition_text(edition, lang)]


def running_header(title: str, edition: Edition, lang: str) -> tuple[str, str]:
    version = s("version_n", lang, n=edition.version) if edition.version is not None else t("draft", lang).capitalize()
    return title, version


def redline_lines(
    lang: str, old_version: int | None, new_version: int | None, published, effective, summary: str
) -> tuple[str, list[str]]:
    """(running header, comment lines) of a redline: what is compared, when it applies, what changed."""
    draft = t("draft", lang).capitalize()
    header = s("redline_title", lang, n=new_version) if new_version is not None else f"{s('changes', lang)}: {draft}"
    compared = (
        s("compared", lang, n=old_version) if old_version is not None else f"{s('compared', lang, n='')} ({draft})"
    )
    lines = [compared + "."]
    if published is not None:
        lines.append(f"{s('published_on', lang)}: {long_moment(published, lang)}.")
    if effective is not None:
        lines.append(f"{s('effective_from', lang)}: {long_moment(effective, lang)}.")
    lines.append(summary)
    return header, lines
