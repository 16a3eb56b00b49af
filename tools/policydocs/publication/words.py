"""The words every output prints, in each language: the ``site`` gettext domain.

Pages, PDFs, Word files, feeds, notices and evidence name things the same way because they
read the same words here (the theme's own words are in overrides/). Each word once, by its key
and in English; Russian and Kazakh are in the ``site`` catalogs
(i18n/locale/<lang>/LC_MESSAGES/site.po, ``make messages``): a translator fixes a word there.

    t("pdf", "ru")                      the site's own words (``STRINGS``)
    s("version_n", "kk", n=2)           the words of versions and their history (``HISTORY``, key ``history.<key>``)
    phrase("takes_effect", "ru", when)  a sentence with its moment, the Kazakh date in its case
"""

from __future__ import annotations

import datetime as dt

from ..i18n import N_p, SiteWords
from ..languages import LANGUAGE_NAMES, LANGUAGES
from ..versions.store import Version
from .dates import long_moment

STRINGS = SiteWords(
    N_p("operator", "Operator"),
    N_p("version", "Version"),
    N_p("published", "Published"),
    N_p("effective", "Takes effect"),
    N_p("draft", "draft"),
    N_p("status", "Status"),
    N_p("status.published", "published"),
    N_p("status.draft", "draft, not published"),
    N_p("pdf", "Download PDF"),
    N_p("docx", "Download Word (.docx)"),
    N_p("docx_changes", "Word with tracked changes"),
    N_p("missing.title", "Translation not available"),
    N_p("missing.text", "The document “{title}” is not yet available in English."),
    N_p("missing.available", "The document is available in:"),
    N_p("index.title", "Policies and agreements"),
    N_p("index.intro", "All documents of our services in English."),
    N_p("product", "Product"),
    N_p("document", "Document"),
    N_p("not_translated", "not translated"),
    N_p("copy_link", "Copy link to this clause"),
    N_p("copied", "Link copied"),
    N_p("cite", "Copy link to this paragraph"),
    N_p("no_clause", "This document has no clause {n}. It is shown from the beginning."),
    N_p("choose_language", "Choose a language"),
    N_p("feed.title", "Document updates"),
    N_p("compare.link", "Compare the languages clause by clause (RU | KK | EN)"),
    N_p("compare.title", "The document's languages clause by clause"),
    N_p("compare.back", "← Back to the document"),
    N_p(
        "compare.intro",
        "The source text is {source}; the translations are compared with it clause by clause, each row "
        "showing their state.",
    ),
    N_p("compare.source", "source"),
    N_p("compare.state.confirmed", "confirmed"),
    N_p("compare.state.stale", "stale"),
    N_p("compare.state.unconfirmed", "never confirmed"),
    N_p("compare.state.missing", "missing"),
    N_p("compare.state.extra", "not in the source"),
    N_p("compare.missing", "This provision is not in the {language} text."),
    N_p("compare.stale_since", "The {source} source changed after {by} confirmed this on {date}:"),
    N_p("compare.no_diff", "the text confirmed then was not recorded"),
    N_p("compare.confirmed_by", "Confirmed by {by} on {date}"),
    N_p("compare.draft", "draft (docs/)"),
    N_p("compare.version", "version {n}"),
)


# "page X of Y", the counters where each language's word order puts them ("{pages} беттің
# {page}-беті"): the PDFs say it with CSS counters (pdf/labels.py), the Word files with fields
# (docx/package.py), a translator fixes both at once
PAGE_OF = N_p("page_of", "Page {page} of {pages}")


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS.word(key, lang)
    return text.format(**values) if values else text


def language_name(code: str, in_lang: str | None = None) -> str:
    """A language's name; by default in that language itself ("Қазақша")."""
    return LANGUAGE_NAMES[code][in_lang or code]


def missing_keys() -> list[str]:
    return [f"{key}:{lang}" for key in STRINGS.english for lang in LANGUAGES if not STRINGS.word(key, lang)]


# The words of versions and their history (key ``history.<key>``). The Kazakh case of a date
# (KK_CASE) is grammar, so it stays here.
HISTORY = SiteWords(
    N_p("history.version_n", "Version {n}"),
    N_p("history.col_version", "Version"),
    N_p("history.in_force_since", "In force since {moment}"),
    N_p("history.in_force_until", "In force until {moment}"),
    N_p("history.takes_effect", "Takes effect on {moment}"),
    N_p("history.superseded", "No longer in force since {moment}"),
    N_p("history.never", "Never in force: version {n} replaced it on {moment}"),
    N_p("history.pending", "A new version {n} has been published: it takes effect on {moment}."),
    N_p("history.banner.pending", "This version is not yet in force."),
    N_p("history.banner.superseded", "This version is no longer in force."),
    N_p("history.banner.never_in_force", "This version never took effect."),
    N_p("history.text_in_force", "The text in force: version {n}"),
    N_p("history.as_of", "This page was built on {moment}; which version is in force is shown as of then."),
    N_p("history.read_pending", "Read the new version"),
    N_p("history.what_changes", "What changes"),
    N_p("history.what_changed", "What changed"),
    N_p("history.history", "Version history"),
    N_p("history.published_on", "Published"),
    N_p("history.published_at", "Published {moment}"),
    N_p("history.effective_from", "Effective"),
    N_p("history.until", "In force until"),
    N_p("history.changes", "Changes"),
    N_p("history.text", "Text"),
    N_p("history.state.in_force", "in force"),
    N_p("history.state.pending", "pending"),
    N_p("history.state.superseded", "superseded"),
    N_p("history.state.never_in_force", "never in force"),
    N_p("history.redline_title", "Changes in version {n}"),
    N_p("history.legend", "Deleted text is struck through; inserted text is underlined."),
    N_p("history.compared", "Compared with version {n}"),
    N_p("history.first", "The first version: there is nothing to compare it with."),
    N_p("history.lookup", "Which version was in force on a date (at 00:00 that day, {zone} time)"),
    N_p("history.lookup_none", "No published version was in force on that date."),
    N_p(
        "history.rule",
        "How the period is counted: material changes take effect when {days} calendar days have passed, "
        "counted from the day after publication, at 00:00 of the next day, {zone} time. Non-material "
        "changes take effect when published.",
    ),
    N_p("history.rule_none", "Changes to this document take effect when published (it has no notice period)."),
    N_p("history.backdated", "recorded after the fact: {reason}"),
    N_p("history.recorded", "recorded {moment}"),
    N_p("history.draft_preview", "Draft: this text has not been published."),
    N_p("history.unconfirmed", "Published without a translator's sign-off ({clauses}). Reason: {reason}"),
    N_p("history.material", "material change"),
    N_p("history.non_material", "non-material change"),
    prefix="history.",
)

# The case a Kazakh sentence puts its date in ("2026 ж. 23 қарашадан бастап", "... желтоқсанға дейін").
KK_CASE = {
    "published_at": "loc",
    "in_force_since": "abl",
    "in_force_until": "dat",
    "takes_effect": "loc",
    "superseded": "loc",
    "never": "loc",
    "pending": "loc",
    "as_of": "loc",
}


def s(key: str, lang: str, **values: object) -> str:
    text = HISTORY.word(key, lang)
    return text.format(**values) if values else text


def phrase(key: str, lang: str, moment: dt.datetime, **values: object) -> str:
    """A sentence with its moment as plain text (feeds, PDFs, notices): the Kazakh date in its case."""
    return s(key, lang, moment=long_moment(moment, lang, KK_CASE.get(key)), **values)


def redline_moments(version: Version, lang: str) -> str:
    """'Published …; takes effect …; compared with version 1': the redline PDF's dateline."""
    return "; ".join(
        [
            phrase("published_at", lang, version.published),
            phrase("takes_effect", lang, version.effective),
            s("compared", lang, n=version.number - 1),
        ]
    )
