"""Word documents on the built site: fixed URLs beside the PDFs, links on the pages, the API, the cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from policydocs.document import parse_text
from tests.browser.sitebuild import build, make_project
from tests.site.test_versions import publish_two_versions

from ..docx_helpers import resolved
from .test_export import reader_words, words

DOC = "demo/privacy"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(
        tmp_path_factory.mktemp("docx"), pdf=True, pdf_cache_dir=".cache/pdf", docx=True, docx_cache_dir=".cache/docx"
    )
    publish_two_versions(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_word_documents_at_fixed_urls_beside_the_pdfs(project):
    site = project / "site"
    for lang in ("ru", "kk", "en"):
        for rel in (f"demo/docs/privacy{lang}", f"demo/docs/v1/privacy{lang}", f"demo/docs/v2/privacy{lang}"):
            assert (site / f"{rel}.docx").is_file() and (site / f"{rel}.pdf").is_file()
        assert (site / f"demo/docs/v2/privacy{lang}-changes.docx").is_file()
        assert not (site / f"demo/docs/v1/privacy{lang}-changes.docx").exists()  # nothing to compare version 1 with
    # the page shows version 1 (in force at the build); its Word document is version 1's
    assert (site / "demo/docs/privacyru.docx").read_bytes() == (site / "demo/docs/v1/privacyru.docx").read_bytes()


def test_pages_link_the_word_documents(project):
    site = project / "site"
    page = (site / "kk/demo/privacy/index.html").read_text(encoding="utf-8")
    assert (
        'href="../../../demo/docs/privacykk.pdf" download>PDF жүктеп алу</a> · '
        '<a href="../../../demo/docs/privacykk.docx" download>Word (.docx) жүктеп алу</a>' in page
    )
    version = (site / "ru/demo/privacy/v2/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../demo/docs/v2/privacyru.docx" download>Скачать Word (.docx)</a>' in version
    changes = (site / "en/demo/privacy/v2/changes/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../../demo/docs/v2/privacyen-changes.docx" download>Word with tracked changes</a>' in changes


def test_api_lists_word_documents_with_their_sha256(project):
    site = project / "site"
    api = json.loads((site / "api/v1/documents.json").read_text(encoding="utf-8"))
    doc = next(d for d in api["documents"] if d["id"] == DOC)
    ru = doc["languages"]["ru"]
    assert ru["docx_path"] == "demo/docs/privacyru.docx"
    assert ru["docx_url"] == "https://example.kz/policies/demo/docs/privacyru.docx"
    assert ru["docx_sha256"] == sha(site / "demo/docs/privacyru.docx")
    v2 = doc["versions"][1]["languages"]["kk"]
    assert v2["docx_sha256"] == sha(site / "demo/docs/v2/privacykk.docx")
    assert v2["changes_docx_url"] == "https://example.kz/policies/demo/docs/v2/privacykk-changes.docx"
    assert v2["changes_docx_sha256"] == sha(site / "demo/docs/v2/privacykk-changes.docx")
    assert "changes_docx_url" not in doc["versions"][0]["languages"]["kk"]
    assert doc["pending"]["languages"]["kk"]["changes_docx_sha256"] == v2["changes_docx_sha256"]


def _stated_sha256(site: Path) -> dict[str, str]:
    """Every PDF and Word file the API names, with the sha256 it states."""
    api = json.loads((site / "api/v1/documents.json").read_text(encoding="utf-8"))
    stated: dict[str, str] = {}

    def collect(node) -> None:
        if isinstance(node, dict):
            for field in ("pdf", "docx", "changes_docx", "redline_pdf"):
                if node.get(f"{field}_path") and node.get(f"{field}_sha256"):
                    stated[node[f"{field}_path"]] = node[f"{field}_sha256"]
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(api)
    assert sum(p.endswith(".pdf") for p in stated) >= 5 and sum(p.endswith(".docx") for p in stated) >= 8
    return stated


def test_api_sha256_of_every_pdf_and_word_file_is_that_of_the_file(project):
    stated = _stated_sha256(project / "site")
    assert stated == {path: sha(project / "site" / path) for path in stated}


def test_a_warm_build_states_the_sha256_of_the_files_it_linked_without_reading_them(project, tmp_path, monkeypatch):
    """The PDF and Word stages report the sha256 of what they placed; the API reads back only pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from policydocs.api import documents as api_mod

    read: list[Path] = []
    real = api_mod.sha256_file

    def spy(path):
        read.append(Path(path))
        return real(path)

    monkeypatch.setattr(api_mod, "sha256_file", spy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    monkeypatch.chdir(project)
    site = tmp_path / "warm-site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    assert read and all(p.name == "index.html" for p in read), [p for p in read if p.name != "index.html"]
    stated = _stated_sha256(site)
    assert stated == {path: sha(site / path) for path in stated}
    assert stated == _stated_sha256(project / "site")  # the same files as the cold build's


def test_the_sites_redline_accepts_to_version_2_and_rejects_to_version_1(project):
    frozen = project / "versions" / DOC
    old = parse_text((frozen / "v1/ru.md").read_text(encoding="utf-8"), "v1/ru.md")
    new = parse_text((frozen / "v2/ru.md").read_text(encoding="utf-8"), "v2/ru.md")
    data = (project / "site/demo/docs/v2/privacyru-changes.docx").read_bytes()
    assert words(resolved(data, "accept")) == reader_words(new)
    assert words(resolved(data, "reject")) == reader_words(old)
    assert "трёх лет" in " ".join(resolved(data, "accept")) and "трёх лет" not in " ".join(resolved(data, "reject"))


def test_a_second_build_takes_every_word_document_from_the_cache(project):
    site = project / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.docx")}
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert f"Word: 0 built, {len(before)} cached in " in result.stderr
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*.docx")} == before


def test_a_changed_draft_is_rebuilt_alone_and_docx_false_builds_none(tmp_path):
    project = make_project(tmp_path / "one", docx=True, docx_cache_dir=".cache/docx")
    first = build(project)
    assert first.returncode == 0, first.stderr
    built = len(list((project / "site").rglob("*.docx")))
    assert built == 5 and f"Word: {built} built, 0 cached in " in first.stderr  # privacy in 3 languages, terms in 2
    path = project / "docs/kk/demo/privacy.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nҚосымша азат жол: 500 000 (бес жүз мың) теңгеден аспайтын сома.\n",
        encoding="utf-8",
    )
    second = build(project)
    assert second.returncode == 0, second.stderr
    assert f"Word: 1 built, {built - 1} cached in " in second.stderr

    off = make_project(tmp_path / "off", docx=False)
    result = build(off)
    assert result.returncode == 0, result.stderr
    assert not list((off / "site").rglob("*.docx"))
    page = (off / "site/ru/demo/privacy/index.html").read_text(encoding="utf-8")
    assert ".docx" not in page and "Word" not in page
    api = json.loads((off / "site/api/v1/documents.json").read_text(encoding="utf-8"))
    assert all("docx_url" not in lang for d in api["documents"] for lang in d["languages"].values())
