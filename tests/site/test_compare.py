"""The side-by-side page as HTML: rows, extra provisions, findings in the preview, escaping, which texts it shows."""

from __future__ import annotations

import datetime as dt
import re

from lxml import html as lxml_html

from policydocs import corpus as corpus_mod
from policydocs.check import check_policy
from policydocs.publication.history import load_histories
from policydocs.site import compare

from ..translation_helpers import edit, run, seed_project

RU, KK, EN = "docs/ru/yasam/privacy.md", "docs/kk/yasam/privacy.md", "docs/en/yasam/privacy.md"


def pages(root, serving=False, findings=None, at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC)):
    corpus = corpus_mod.load(root / "docs")
    policy = corpus.policies["yasam/privacy"]
    history = load_histories(corpus, root / "versions", at)["yasam/privacy"] if (root / "versions").exists() else None
    return dict(compare.site_pages(policy, history, root, serving, findings)), policy


def test_a_clause_only_a_translation_has_gets_its_own_row_after_its_neighbour(tmp_path):
    root = seed_project(tmp_path, versions=False)
    edit(root / EN, "1.1.9. ", "1.1.10. The Platform may update this list.\n\n1.1.9. ")
    html, _ = pages(root)
    tree = lxml_html.fromstring(html["ru"].encode("utf-8"))
    ids = [row.get("data-eid") for row in tree.xpath("//div[@role='row'][@data-eid]")]
    assert ids.index("cl-1-1-10") == ids.index("cl-1-1-8") + 1
    row = tree.get_element_by_id("cl-1-1-10").getparent()
    assert row.xpath(".//div[@lang='en']/@data-state") == ["extra"]
    assert row.xpath(".//div[@lang='ru']//p[@class='pdc-empty']/text()") == ["Этого положения нет в тексте (Русский)."]
    assert row.xpath(".//div[@lang='kk']/@data-state") == ["missing"]


def test_the_preview_shows_the_checkers_findings_on_their_rows(tmp_path):
    root = seed_project(tmp_path, versions=False)
    edit(root / KK, "Интернет желісі арқылы", "Интернет желісі арқылы 5 (бес) жұмыс күні ішінде")
    corpus = corpus_mod.load(root / "docs")
    findings = check_policy(corpus.policies["yasam/privacy"], project_root=root)
    assert any(f.eid == "cl-1-1-8" and f.lang == "kk" for f in findings)
    html, _ = pages(root, serving=True, findings=findings)
    row = lxml_html.fromstring(html["en"].encode("utf-8")).get_element_by_id("cl-1-1-8").getparent()
    items = row.xpath(".//div[@lang='kk']//ul[@class='pdc-findings']/li")
    # a deadline added in one language: the checker's period-differs (figures, amounts and periods are compared)
    assert items and "period-differs" in items[0].text_content()
    built, _ = pages(root, serving=False)  # the public site shows no findings
    assert "pdc-findings" not in built["en"]


def test_policy_text_reaches_the_page_escaped_and_no_script_runs_inline(tmp_path):
    root = seed_project(tmp_path, versions=False)
    edit(
        root / KK,
        "Интернет желісі арқылы",
        'Интернет <script>alert(1)</script> <img src=x onerror="alert(2)"> желісі арқылы',
    )
    run(
        root,
        "confirm",
        "yasam/privacy",
        "--lang",
        "kk",
        "--clause",
        "1.1.7",
        "--by",
        '<b onmouseover="x()">Ә</b>',
        "--yes",
    )
    html, _ = pages(root)
    for text in html.values():
        assert "<script>alert" not in text and "<img src=x" not in text and 'onmouseover="x()"' not in text
        assert re.findall(r"<script[^>]*>", text) == [
            '<script src="../../../../assets/policydocs/policydocs.js" defer>'
        ]
        assert "Content-Security-Policy" in text and "script-src 'self';" in text
        tree = lxml_html.fromstring(text.encode("utf-8"))
        assert [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")] == []
        assert tree.xpath("//img") == [] and tree.xpath("//b") == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html["kk"]


def test_the_built_site_shows_the_published_text_and_the_preview_the_draft(tmp_path):
    root = seed_project(tmp_path)  # version 1 is published
    edit(root / RU, "имеющее доступ", "имеющее законный доступ")
    built, _ = pages(root)
    preview, _ = pages(root, serving=True)
    assert "законный" not in built["ru"] and "редакция 1" in built["ru"]
    assert "законный" in preview["ru"] and "черновик (docs/)" in preview["ru"]
    assert "Қазақша" in built["kk"] and '<html lang="kk">' in built["kk"]
