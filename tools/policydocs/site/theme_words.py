"""The theme's words (overrides/): the page not found, the footer, and Material's interface in Kazakh.

Material for MkDocs ships its interface words in Russian and English but none in Kazakh, and
the project's own templates (404.html, the footer) print words too. They live in the ``site``
catalogs like every other reader-facing word (``make messages``; a translator edits
``site.po``), and the templates read them through ``theme_word`` and ``not_found_words``,
which the plugin hands to Jinja. Keys and English are here; the English of Material's words is
Material's own (its ``en.html``), so a new Material key shows up as an untranslated entry.
"""

from __future__ import annotations

from ..i18n import N_p, SiteWords
from ..languages import LANGUAGE_NAMES, LANGUAGES
from ..publication.words import t

THEME = SiteWords(
    N_p("theme.notfound.title", "Page not found"),
    N_p("theme.notfound.text", "There is nothing at this address. The link may be out of date or mistyped."),
    N_p("theme.notfound.home", "All documents in English"),
    N_p("theme.notfound.other", "Other languages:"),
    N_p("theme.made", "Made with {material}"),
    N_p("theme.material.action.edit", "Edit this page"),
    N_p("theme.material.action.skip", "Skip to content"),
    N_p("theme.material.action.view", "View source of this page"),
    N_p("theme.material.announce.dismiss", "Don't show this again"),
    N_p("theme.material.blog.archive", "Archive"),
    N_p("theme.material.blog.authors", "Authors"),
    N_p("theme.material.blog.categories", "Categories"),
    N_p("theme.material.blog.categories.in", "in"),
    N_p("theme.material.blog.continue", "Continue reading"),
    N_p("theme.material.blog.draft", "Draft"),
    N_p("theme.material.blog.index", "Back to index"),
    N_p("theme.material.blog.meta", "Metadata"),
    N_p("theme.material.blog.references", "Related links"),
    N_p("theme.material.clipboard.copy", "Copy to clipboard"),
    N_p("theme.material.clipboard.copied", "Copied to clipboard"),
    N_p("theme.material.consent.accept", "Accept"),
    N_p("theme.material.consent.manage", "Manage settings"),
    N_p("theme.material.consent.reject", "Reject"),
    N_p("theme.material.footer", "Footer"),
    N_p("theme.material.footer.next", "Next"),
    N_p("theme.material.footer.previous", "Previous"),
    N_p("theme.material.header", "Header"),
    N_p("theme.material.meta.comments", "Comments"),
    N_p("theme.material.meta.source", "Source"),
    N_p("theme.material.nav", "Navigation"),
    N_p("theme.material.readtime.one", "1 min read"),
    N_p("theme.material.readtime.other", "# min read"),
    N_p("theme.material.rss.created", "RSS feed"),
    N_p("theme.material.rss.updated", "RSS feed of updated content"),
    N_p("theme.material.search", "Search"),
    N_p("theme.material.search.placeholder", "Search"),
    N_p("theme.material.search.share", "Share"),
    N_p("theme.material.search.reset", "Clear"),
    N_p("theme.material.search.result.initializer", "Initializing search"),
    N_p("theme.material.search.result.placeholder", "Type to start searching"),
    N_p("theme.material.search.result.none", "No matching documents"),
    N_p("theme.material.search.result.one", "1 matching document"),
    N_p("theme.material.search.result.other", "# matching documents"),
    N_p("theme.material.search.result.more.one", "1 more on this page"),
    N_p("theme.material.search.result.more.other", "# more on this page"),
    N_p("theme.material.search.result.term.missing", "Missing"),
    N_p("theme.material.select.language", "Select language"),
    N_p("theme.material.select.version", "Select version"),
    N_p("theme.material.source", "Go to repository"),
    N_p("theme.material.source.file.contributors", "Contributors"),
    N_p("theme.material.source.file.date.created", "Created"),
    N_p("theme.material.source.file.date.updated", "Last update"),
    N_p("theme.material.tabs", "Tabs"),
    N_p("theme.material.toc", "Table of contents"),
    N_p("theme.material.top", "Back to top"),
    prefix="theme.",
)
# Material's settings that are no words: the language code, the direction, lunr's stemmer
MATERIAL_SETTINGS = {
    "kk": {
        "language": "kk",
        "direction": "ltr",
        "search.config.lang": "ru",
        "search.config.pipeline": "stopWordFilter",
        "search.config.separator": "[\\s\\-]+",
    }
}


def theme_word(key: str, lang: str) -> str:
    """One of the theme's words in ``lang``: ``material.search.placeholder``, ``made``."""
    settings = MATERIAL_SETTINGS.get(lang, {})
    if key.startswith("material.") and key[len("material.") :] in settings:
        return settings[key[len("material.") :]]
    if key.startswith("material.") and key not in THEME.english:
        return ""  # a key of a newer Material: its partials/language.html falls back to its English
    return THEME.word(key, lang)


def made_with() -> dict[str, list[str]]:
    """Per language, the footer's words before and after the link to Material: ["Made with", ""] in English."""
    out = {}
    for lang in LANGUAGES:
        before, _sep, after = theme_word("made", lang).partition("{material}")
        out[lang] = [before.strip(), after.strip()]
    return out


def template_globals() -> dict[str, object]:
    """What the theme's templates call (overrides/404.html, partials/copyright.html, languages/kk.html)."""
    return {"pd_theme_word": theme_word, "pd_made_with": made_with, "pd_not_found_words": not_found_words}


def not_found_words() -> dict[str, dict[str, str]]:
    """Per language, what the page not found says (404.html shows the one the address names)."""
    return {
        lang: {
            "title": theme_word("notfound.title", lang),
            "site": t("index.title", lang),
            "text": theme_word("notfound.text", lang),
            "home": theme_word("notfound.home", lang),
            "other": theme_word("notfound.other", lang),
            "name": LANGUAGE_NAMES[lang][lang],
        }
        for lang in LANGUAGES
    }
