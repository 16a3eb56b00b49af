"""The shipped fonts cover what the policies and Babel's dates put on the page."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from babel.dates import format_date
from fontTools.ttLib import TTFont

from policydocs import corpus
from policydocs.pdf.labels import LABELS
from policydocs.pdf.render import FONT_FILES, FONTS_DIR, STYLESHEET
from policydocs.publication.dates import short_date

from ..conftest import DOCS


@pytest.fixture(scope="module")
def needed() -> set[str]:
    """Every character of every policy, the UI words, and Babel's long dates in each language."""
    chars: set[str] = set()
    for doc in corpus.load(DOCS).documents():
        chars |= set(doc.render())
    for words in LABELS.values():
        for word in words.values():
            chars |= set(word)
    for lang in ("ru", "kk", "en"):
        for month in range(1, 13):
            chars |= set(format_date(dt.date(2026, month, 8), "long", locale=lang))
    chars |= set("әғқңөұүһіӘҒҚҢӨҰҮҺІ№«»–—…\u202f\u00a0")
    return {c for c in chars if unicodedata.category(c) not in ("Cc", "Cf")}


@pytest.mark.parametrize("name", FONT_FILES)
def test_each_font_covers_the_text(name, needed):
    cmap = TTFont(FONTS_DIR / name).getBestCmap()
    missing = sorted(c for c in needed if ord(c) not in cmap)
    assert not missing, f"{name} lacks {missing}"
    assert "\u202f" in needed


def test_fonts_are_ofl_with_their_licence_and_referenced_by_the_stylesheet():
    licence = (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Copyright" in licence
    css = STYLESHEET.read_text(encoding="utf-8")
    for name in FONT_FILES:
        assert f'url("fonts/{name}")' in css
        assert "Open Font License" in TTFont(FONTS_DIR / name)["name"].getDebugName(13)


def test_kazakh_short_dates_have_four_digit_years():
    assert short_date(dt.date(2026, 3, 8), "kk") == "08.03.2026"
    assert format_date(dt.date(2026, 3, 8), "short", locale="kk") != "08.03.2026"  # why the explicit pattern
