"""Whole-file prefilters of the checker never miss what the exact per-block rule would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policydocs.check import language, script, xrefs

PIECES = [
    "ab",
    "Cd",
    "x",
    "текст",
    "12",
    "_",
    " ",
    ", ",
    "\n",
    "-",
    "«",
    "abcд",
    "ә",
    "Q1",
    "Пункт",
    "п.",
    "пп.",
    "подпункт",
    "РАЗДЕЛ",
    "Section",
    "clause",
    "PARAGRAPH",
    "İ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_latin_passage_walk_is_the_regex(pieces):
    text = "".join(pieces)
    expected = language._LATIN_PASSAGE.search(text) is not None
    assert language.has_latin_passage(text) == expected
    assert language.has_latin_passage(text, script.latin_runs(text)) == expected  # runs found once per file
    assert script.boundaries(text, "ru", script.latin_runs(text)) == script.boundaries(text, "ru")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(["ru", "en", "kk"]))
def test_keyword_probes_cover_every_keyword(pieces, lang):
    text = "".join(pieces)
    offsets = xrefs.keyword_offsets(text, lang)
    for m in xrefs.KEYWORDS[lang].finditer(text):
        assert any(m.start() <= i < m.end() for i in offsets), (text, m.group(0))


def test_the_prefilters_fire_and_stay_quiet():
    assert language.has_latin_passage("Текст: the service is provided as is by us.")
    assert not language.has_latin_passage("Текст SmartAqkol и BTS Digital LLP на русском.")
    assert xrefs.keyword_offsets("см. подпункт 2.1", "ru") and not xrefs.keyword_offsets("см. ниже", "ru")
