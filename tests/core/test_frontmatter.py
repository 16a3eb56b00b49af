"""Front matter: every bad header gets one message naming file, line and field."""

from __future__ import annotations

import pytest

from policydocs.document import parse_text
from policydocs.errors import PolicyError

GOOD = {
    "id": "demo/privacy",
    "title": "Политика",
    "lang": "kk",
    "product": "Demo",
    "operator": "«Демо» ЖШС",
    "notice_days": "7",
    "status": "draft",
}


def header(**changes) -> str:
    fields = {**GOOD, **changes}
    lines = [f"{k}: {v}" for k, v in fields.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n1.1. Мәтін.\n"


def error(text: str) -> str:
    with pytest.raises(PolicyError) as err:
        parse_text(text, "p.md")
    return str(err.value)


def test_good_header_parses():
    doc = parse_text(header(), "p.md")
    assert doc.lang == "kk" and doc.doc_id == "demo/privacy" and doc.front.notice_days == 7
    assert doc.front.source_lang == "ru" and doc.front.origin == "translation" and doc.front.reviewed is False


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"lang": "kz"}, "p.md:4: front matter field 'lang' names an unknown language 'kz'"),
        ({"lang": None}, "p.md:1: front matter lacks the required field 'lang'"),
        ({"id": "Demo Privacy"}, "p.md:2: front matter field 'id' must look like 'product/name'"),
        ({"notice_days": "seven"}, "p.md:7: front matter field 'notice_days' must be a whole number"),
        ({"notice_days": "-1"}, "p.md:7: front matter field 'notice_days' must be a whole number"),
        ({"status": "final"}, "p.md:8: front matter field 'status' must be one of: draft, published"),
        ({"operator": ""}, "p.md:6: front matter lacks the required field 'operator'"),
    ],
)
def test_bad_field(changes, expected):
    assert error(header(**changes)).startswith(expected)


def test_malformed_yaml_names_the_line():
    text = header().replace("product: Demo", "product: [Demo")
    assert error(text).startswith("p.md:6: front matter is not valid YAML")


def test_unclosed_front_matter():
    assert error("---\nid: a/b\n\n1.1. Текст.\n").startswith("p.md:1: front matter is not closed")


def test_good_field_is_quiet_for_optional_fields():
    doc = parse_text(header(origin="operator", reviewed="true", prevailing_lang="ru"), "p.md")
    assert doc.front.origin == "operator" and doc.front.reviewed is True
    assert error(header(reviewed="maybe")).startswith("p.md:9: front matter field 'reviewed' must be true or false")
