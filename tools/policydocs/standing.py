"""What a reader is told about a text's legal standing, in the text's own language.

A translated page or PDF must say which language prevails if the texts differ (per
document, ``prevailing_lang``, default the source language), and an unreviewed translation
must say that no lawyer has checked it yet. The site and the PDFs print the same sentence,
so it lives here, in the library, not in a template.
"""

from __future__ import annotations

from .frontmatter import FrontMatter
from .i18n import N_p, SiteWords, site_word
from .languages import LANGUAGES

# The words are in the ``site`` catalogs (i18n/locale/<lang>/LC_MESSAGES/site.po), by key:
# "the Russian text" in each language, as the subject of "prevails" (``standing.text.<lang>``)
PREVAILING_TEXT = SiteWords(
    N_p("standing.text.ru", "the Russian text"),
    N_p("standing.text.kk", "the Kazakh text"),
    N_p("standing.text.en", "the English text"),
    prefix="standing.text.",
)

# what comes before it, by kind (an original that does not prevail says only that it does not)
LEAD = SiteWords(
    N_p("standing.lead.unreviewed", "This is a translation that a lawyer has not yet reviewed."),
    N_p("standing.lead.translation", "This is a translation."),
    N_p("standing.lead.operator", "This translation was supplied by the operator."),
    prefix="standing.lead.",
)

PREVAILS = N_p("standing.prevails", "If the texts differ, {text} prevails.")


def standing(front: FrontMatter) -> tuple[str, str] | None:
    """(kind, sentence) for a text that is not the prevailing one, or None.

    kind is ``unreviewed``, ``translation``, ``operator`` or ``prevailing`` (an original
    whose document declares another language prevailing): a page or PDF styles it by kind.
    """
    lang, prevailing = front.lang, front.prevailing_lang
    if lang == prevailing or lang not in LANGUAGES:
        return None
    if front.origin == "original":
        kind = "prevailing"
    elif front.origin == "operator":  # the operator's own text: it answers for it, not our review
        kind = "operator"
    else:
        kind = "translation" if front.reviewed else "unreviewed"
    text = site_word(PREVAILS, lang).format(text=PREVAILING_TEXT[lang][prevailing])
    lead = LEAD[lang][kind] if kind in LEAD.english else ""
    return kind, f"{lead} {text}" if lead else text
