"""The one HTML rendering of policy text (site and PDF): text stays text, only inline Markdown is markup."""

from __future__ import annotations

import pytest

from policydocs.html import inline


@pytest.mark.parametrize("text", ["_____", "БИН: _____", "---", "***", " ___ "])
def test_blanks_and_dashes_are_text_not_rules(text):
    out = inline(text)
    assert "<hr" not in out and text.strip() in out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**Пайдаланушы** – тұлға", "<strong>Пайдаланушы</strong> – тұлға"),
        ("1. not a list", "1. not a list"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
    ],
)
def test_inline_markdown_only(text, expected):
    assert inline(text) == expected


# --- the plain-text shortcut (issue 18): the same bytes as Python-Markdown, without it -------------

from pathlib import Path  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from policydocs import corpus  # noqa: E402
from policydocs.html import _is_plain, _markdown_inline  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# the letters and signs of real clauses, Markdown's own characters among them, and the whitespace that trips it
ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЖЗКМНОПРСТӘҒҚҢӨҰҮҺІәғқңөұүһі"
    "abcdefxyzABXYZ0123456789 .,;:!?()«»\"'–—-+=#%@/№§*_[]`<>&\\|~^{}\t\n\r\u00a0\u2028\x02\x03"
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_the_shortcut_renders_exactly_as_markdown(text):
    assert (_is_plain(text) is False) or inline(text) == _markdown_inline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Оператор обязуется уведомить Пользователя в течение 10 (десяти) рабочих дней по адресу privacy@yasam.kz.",
        "Штраф 500 000 (бес жүз мың) теңгеден аспайды.",
        'Amounts of KZT 500,000 (five hundred thousand) tenge; see section 2.3.1 "Rights".',
        "2026. год",
        "#хэштег",
        "- тире",
        "1) пункт",
        "---",
        "a  b",
        "слово\u00a0",
        'href="javascript:alert(1)" текст',
    ],
)
def test_the_shortcut_on_contract_wording_and_edge_cases(text):
    assert inline(text) == _markdown_inline(text)


def test_the_shortcut_takes_plain_clauses_and_leaves_markup_to_markdown():
    assert _is_plain("Оператор обрабатывает персональные данные в течение 30 (тридцати) календарных дней.")
    for text in (
        "**Пайдаланушы** – тұлға",
        "см. [п. 2.3](#cl-2-3)",
        "<b>x</b>",
        "A & B",
        "1. пункт",
        "#тег",
        "_____",
        "слово\tслово",
        " отступ",
    ):
        assert not _is_plain(text), text


def test_every_block_of_the_real_policies_renders_as_markdown_does():
    loaded = corpus.load(ROOT / "docs")
    texts = {b.text for p in loaded.policies.values() for d in p.languages.values() for b in d.content_blocks()}
    assert sum(map(_is_plain, texts)) > len(texts) / 2  # the shortcut is taken, not dead code
    for text in texts:
        assert inline(text) == _markdown_inline(text), text
