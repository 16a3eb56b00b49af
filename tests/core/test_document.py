"""The document model: structure, eIds, defined terms, byte-for-byte round trip."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydocs.document import Kind, parse_file, parse_text
from policydocs.errors import PolicyError

from ..conftest import DOCS

HEADER = """---
id: demo/privacy
title: Политика
lang: ru
product: Demo
operator: ТОО «Демо»
notice_days: 7
status: draft
---
"""

BODY = """
# Политика

Вступление.

## 1. Общие положения

1.1. **Пользователь** – лицо, использующее Приложение.
Продолжение той же строки.

1.2. Цели:
1) первое;
2) второе.

1.2.1. Глубже.

- пункт а
  - пункт б

<!-- check: ignore leftovers: так в оригинале -->
Абзац пункта 1.2.1.

## 2. Контакты

Абзац раздела.
"""


def test_structure_and_eids():
    doc = parse_text(HEADER + BODY, "docs/ru/demo/privacy.md")
    assert doc.title_block is not None and doc.title_block.text == "Политика"
    assert [s.eid for s in doc.sections] == ["pre", "sec-1", "sec-2"]
    assert [s.title for s in doc.sections[1:]] == ["Общие положения", "Контакты"]
    assert [(c.number, c.eid) for c in doc.clauses()] == [("1.1", "cl-1-1"), ("1.2", "cl-1-2"), ("1.2.1", "cl-1-2-1")]
    c12 = doc.sections[1].clauses[1]
    assert [b.eid for b in c12.content] == ["cl-1-2-i1", "cl-1-2-i2"]
    assert [c.number for c in c12.children] == ["1.2.1"]
    c121 = c12.children[0]
    assert [(b.kind, b.eid) for b in c121.content] == [
        (Kind.BULLET, "cl-1-2-1-b1"),
        (Kind.BULLET, "cl-1-2-1-b2"),
        (Kind.PARAGRAPH, "cl-1-2-1-p1"),
    ]
    assert doc.sections[2].content[0].eid == "sec-2-p1"
    assert (
        doc.sections[1].clauses[0].text
        == "**Пользователь** – лицо, использующее Приложение. Продолжение той же строки."
    )
    assert doc.sections[1].clauses[0].line == 17
    assert [(t.term, t.eid) for t in doc.defined_terms] == [("Пользователь", "cl-1-1")]
    comment = doc.comments_for(c121.content[2])
    assert len(comment) == 1 and "ignore leftovers" in comment[0].lines[0]


def test_same_eids_in_every_language():
    """A clause has one address in RU, KK and EN: the eId comes from the number, not the words."""
    ru = parse_file(DOCS / "ru" / "yasam" / "privacy.md")
    kk_text = (DOCS / "ru" / "yasam" / "privacy.md").read_text(encoding="utf-8").replace("lang: ru", "lang: kk")
    kk_text = kk_text.replace("Пользователь", "Пайдаланушы")
    kk = parse_text(kk_text, "kk.md")
    assert [c.eid for c in ru.clauses()] == [c.eid for c in kk.clauses()]
    assert "cl-1-1-9" in ru.by_eid()


def test_duplicate_numbers_get_distinct_eids():
    doc = parse_text(HEADER + "\n2.1. Раз.\n\n2.1. Два.\n", "x.md")
    assert [c.eid for c in doc.clauses()] == ["cl-2-1", "cl-2-1--2"]


@pytest.mark.parametrize("path", sorted(DOCS.glob("*/*/*.md")), ids=lambda p: "/".join(p.parts[-3:]))
def test_round_trip_of_every_policy(path):
    data = path.read_bytes()
    assert parse_file(path).render().encode("utf-8") == data


@pytest.mark.parametrize("path", sorted(DOCS.glob("*/*/*.md"))[:3], ids=lambda p: "/".join(p.parts[-3:]))
def test_the_text_digest_is_that_of_the_file_as_written(path):
    """The PDF and Word caches key a document by it; it must be the file's bytes, BOM and line endings included."""
    import hashlib

    data = path.read_bytes()
    doc = parse_file(path)
    assert doc.sha256() == hashlib.sha256(data).hexdigest() and doc.size() == len(data.decode("utf-8"))
    assert doc.may_link() == (b"[" in data or b"<" in data)


def test_a_text_with_no_bracket_and_no_angle_cannot_link_and_one_with_either_may():
    plain = parse_text(HEADER + "## 1. Жалпы ережелер\n\n1.1. Өтінім 5 (бес) жұмыс күні ішінде қаралады.\n", "kk.md")
    assert not plain.may_link()
    for body in (
        "1.1. Жазыңыз: <info@example.kz>.\n",
        "1.1. [Сайт](https://example.kz) қараңыз.\n",
        "1.1. ![сурет](a.png)\n",
    ):
        assert parse_text(HEADER + "## 1. Жалпы\n\n" + body, "kk.md").may_link(), body
    bom = parse_text("\ufeff" + (HEADER + BODY).replace("\n", "\r\n"), "x.md")
    import hashlib

    assert (
        bom.sha256()
        == hashlib.sha256(bom.render().encode("utf-8")).hexdigest()
        != parse_text(HEADER + BODY, "x.md").sha256()
    )


def test_round_trip_keeps_bom_and_crlf():
    text = "\ufeff" + (HEADER + BODY).replace("\n", "\r\n")
    doc = parse_text(text, "x.md")
    assert doc.render() == text
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "1.2.1"]


line_text = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .-)*#<>!\t") + list("әғқңөұүһіАБВ—«»")),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_text, max_size=40), st.sampled_from(["\n", "\r\n"]))
def test_parse_then_render_is_identity(lines, newline):
    text = HEADER.replace("\n", newline) + newline.join(lines) + (newline if lines else "")
    doc = parse_text(text, "x.md")
    assert doc.render() == text
    # every source line belongs to exactly one block
    assert sum(len(b.lines) for b in doc.blocks) == len(text.splitlines()) - HEADER.count("\n")


def test_empty_body_is_a_valid_document():
    doc = parse_text(HEADER, "x.md")
    assert list(doc.clauses()) == [] and doc.render() == HEADER


def test_no_front_matter_is_an_error_with_line():
    with pytest.raises(PolicyError) as err:
        parse_text("# Политика\n\n1.1. Текст.\n", "docs/ru/a/b.md")
    assert str(err.value).startswith("docs/ru/a/b.md:1: ")
