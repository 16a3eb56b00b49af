"""Every translated text says which language prevails, in its own language; unreviewed ones say so."""

from __future__ import annotations

import pytest

from policydocs.document import parse_text
from policydocs.standing import standing

HEADER = (
    "---\nid: a/b\ntitle: T\nlang: {lang}\nproduct: P\noperator: O\nnotice_days: 7\nstatus: draft\n{extra}---\n\n# T\n"
)


def front(lang: str, extra: str = ""):
    return parse_text(HEADER.format(lang=lang, extra=extra), f"{lang}.md").front


def test_the_prevailing_original_says_nothing():
    assert standing(front("ru")) is None
    assert standing(front("kk", "source_lang: kk\n")) is None


@pytest.mark.parametrize(
    "lang, extra, kind, sentence",
    [
        (
            "kk",
            "origin: translation\n",
            "unreviewed",
            "Бұл – заңгер әлі тексермеген аударма. Мәтіндер арасында алшақтық болған жағдайда орыс тіліндегі мәтін басым "
            "күшке ие болады.",
        ),
        (
            "en",
            "origin: translation\nreviewed: true\n",
            "translation",
            "This is a translation. If the texts differ, the Russian text prevails.",
        ),
        (
            "kk",
            "origin: operator\n",
            "operator",
            "Аударманы оператор ұсынған. Мәтіндер арасында алшақтық болған жағдайда орыс тіліндегі мәтін басым күшке ие болады.",
        ),
        (
            "en",
            "origin: translation\nprevailing_lang: kk\n",
            "unreviewed",
            "This is a translation that a lawyer has not yet reviewed. If the texts differ, the Kazakh text prevails.",
        ),
        # the Russian original of a document whose Kazakh text prevails says so too
        (
            "ru",
            "prevailing_lang: kk\n",
            "prevailing",
            "При расхождении текстов преимущественную силу имеет текст на казахском языке.",
        ),
    ],
)
def test_translations_state_the_prevailing_language(lang, extra, kind, sentence):
    assert standing(front(lang, extra)) == (kind, sentence)


def test_the_prevailing_translation_itself_says_nothing():
    assert standing(front("kk", "origin: translation\nprevailing_lang: kk\n")) is None
