"""What a reader is told about a text's legal standing, in the text's own language.

A translated page or PDF must say which language prevails if the texts differ (per
document, ``prevailing_lang``, default the source language), and an unreviewed translation
must say that no lawyer has checked it yet. The site and the PDFs print the same sentence,
so it lives here, in the library, not in a template.
"""

from __future__ import annotations

from .frontmatter import FrontMatter

# "the Russian text" in each language, as the subject of "prevails"
PREVAILING_TEXT = {
    "ru": {"ru": "текст на русском языке", "kk": "текст на казахском языке", "en": "текст на английском языке"},
    "kk": {"ru": "орыс тіліндегі мәтін", "kk": "қазақ тіліндегі мәтін", "en": "ағылшын тіліндегі мәтін"},
    "en": {"ru": "the Russian text", "kk": "the Kazakh text", "en": "the English text"},
}

LEAD = {
    "unreviewed": {"ru": "Это перевод, ещё не проверенный юристом.",
                   "kk": "Бұл – заңгер әлі тексермеген аударма.",
                   "en": "This is a translation that a lawyer has not yet reviewed."},
    "translation": {"ru": "Это перевод.", "kk": "Бұл – аударма.", "en": "This is a translation."},
    "operator": {"ru": "Перевод предоставлен оператором.", "kk": "Аударманы оператор ұсынған.",
                 "en": "This translation was supplied by the operator."},
    "prevailing": {"ru": "", "kk": "", "en": ""},
}

PREVAILS = {
    "ru": "При расхождении текстов преимущественную силу имеет {text}.",
    "kk": "Мәтіндер арасында алшақтық болған жағдайда {text} басым күшке ие болады.",
    "en": "If the texts differ, {text} prevails.",
}


def standing(front: FrontMatter) -> tuple[str, str] | None:
    """(kind, sentence) for a text that is not the prevailing one, or None.

    kind is ``unreviewed``, ``translation``, ``operator`` or ``prevailing`` (an original
    whose document declares another language prevailing): a page or PDF styles it by kind.
    """
    lang, prevailing = front.lang, front.prevailing_lang
    if lang == prevailing or lang not in PREVAILS:
        return None
    if front.origin == "original":
        kind = "prevailing"
    elif front.origin == "operator":  # the operator's own text: it answers for it, not our review
        kind = "operator"
    else:
        kind = "translation" if front.reviewed else "unreviewed"
    text = PREVAILS[lang].format(text=PREVAILING_TEXT[lang][prevailing])
    lead = LEAD[kind][lang]
    return kind, f"{lead} {text}" if lead else text
