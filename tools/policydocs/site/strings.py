"""Words the site itself says, in each language (the theme's own words are in overrides/)."""

from __future__ import annotations

from ..i18n import N_p, SiteWords
from ..languages import LANGUAGE_NAMES, LANGUAGES

# Each word once, by its key and in English; Russian and Kazakh are in the ``site`` catalogs
# (i18n/locale/<lang>/LC_MESSAGES/site.po, ``make messages``): a translator fixes a word there.
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
    N_p("compare.intro",
        "The source text is {source}; the translations are compared with it clause by clause, each row "
        "showing their state."),
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


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS.word(key, lang)
    return text.format(**values) if values else text


def language_name(code: str, in_lang: str | None = None) -> str:
    """A language's name; by default in that language itself ("Қазақша")."""
    return LANGUAGE_NAMES[code][in_lang or code]


def missing_keys() -> list[str]:
    return [f"{key}:{lang}" for key in STRINGS.english for lang in LANGUAGES if not STRINGS.word(key, lang)]
