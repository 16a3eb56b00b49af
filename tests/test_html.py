"""The one HTML rendering of policy text (site and PDF): text stays text, only inline Markdown is markup."""

from __future__ import annotations

import pytest

from policydocs.html import inline


@pytest.mark.parametrize("text", ["_____", "БИН: _____", "---", "***", " ___ "])
def test_blanks_and_dashes_are_text_not_rules(text):
    out = inline(text)
    assert "<hr" not in out and text.strip() in out


@pytest.mark.parametrize("text, expected", [
    ("**Пайдаланушы** – тұлға", "<strong>Пайдаланушы</strong> – тұлға"),
    ("1. not a list", "1. not a list"),
    ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
])
def test_inline_markdown_only(text, expected):
    assert inline(text) == expected
