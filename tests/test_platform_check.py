"""tools/scripts/platform_check.py: what counts as the same site under MkDocs and ProperDocs."""

from __future__ import annotations

import importlib.util
import json

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("platform_check", ROOT / "tools/scripts/platform_check.py")
platform_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(platform_check)

PAGE = (
    '<html><head><meta name="generator" content="{gen}"><title>Құпиялылық саясаты</title></head>'
    "<body>{body}</body></html>"
)


def _site(root, gen, body="Пайдаланушы", html_sha="a" * 64, extra=None):
    (root / "kk/x").mkdir(parents=True)
    (root / "kk/x/index.html").write_text(PAGE.format(gen=gen, body=body), encoding="utf-8")
    (root / "api/v1").mkdir(parents=True)
    api = {"documents": [{"id": "x/privacy", "languages": {"kk": {"html_sha256": html_sha, "pdf_sha256": "b" * 64}}}]}
    (root / "api/v1/documents.json").write_text(json.dumps(api), encoding="utf-8")
    if extra:
        (root / extra).write_text("x", encoding="utf-8")
    return root


def test_the_generators_name_and_the_page_hashes_it_changes_are_not_a_difference(tmp_path):
    a = _site(tmp_path / "a", "mkdocs-1.6.1, mkdocs-material-9.8.2")
    b = _site(tmp_path / "b", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2", html_sha="c" * 64)
    assert platform_check.first_difference(a, b) is None


def test_a_page_only_one_generator_built_is_named(tmp_path):
    a = _site(tmp_path / "a", "mkdocs-1.6.1")
    b = _site(tmp_path / "b", "ProperDocs", extra="sitemap.xml")
    assert platform_check.first_difference(a, b) == "sitemap.xml: only ProperDocs built it"


def test_other_words_on_a_page_or_another_hash_of_a_pdf_are_a_difference(tmp_path):
    a = _site(tmp_path / "a", "mkdocs-1.6.1")
    b = _site(tmp_path / "b", "ProperDocs", body="Компания")
    assert platform_check.first_difference(a, b) == "kk/x/index.html: MkDocs and ProperDocs built it differently"
    c = _site(tmp_path / "c", "ProperDocs")
    api = json.loads((c / "api/v1/documents.json").read_text(encoding="utf-8"))
    api["documents"][0]["languages"]["kk"]["pdf_sha256"] = "d" * 64
    (c / "api/v1/documents.json").write_text(json.dumps(api), encoding="utf-8")
    assert platform_check.first_difference(a, c) == "api/v1/documents.json: MkDocs and ProperDocs built it differently"
