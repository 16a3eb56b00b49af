"""`mkdocs build` with the policydocs plugin, run as a user runs it, on the fixture docs."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.browser.sitebuild import build, make_project


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_document_in_every_language_at_its_url(built):
    for lang in ("ru", "kk", "en"):
        for doc in ("demo/privacy", "demo/terms"):
            page = read(built, f"{lang}/{doc}/index.html")
            assert f'<html lang="{lang}"' in page


def test_kazakh_page_speaks_kazakh(built):
    page = read(built, "kk/demo/privacy/index.html")
    assert 'placeholder="Іздеу"' in page
    assert "Мазмұны" in page  # table of contents
    assert '<span class="pd-draft">жоба</span>' in page  # a text not in versions/ is a draft, in Kazakh
    assert 'id="cl-2-2"' in page and 'href="#cl-2-2"' in page
    for lang in ("ru", "en"):
        assert f'<link rel="alternate" hreflang="{lang}" href="../../../{lang}/demo/privacy/">' in page
    assert "Саясаттар мен келісімдер" in page  # the header's site name
    assert "Политики и соглашения" not in page  # neither in the header nor in the (mobile) navigation


def test_missing_kazakh_translation_is_said_in_kazakh_not_filled_with_russian(built):
    page = read(built, "kk/demo/terms/index.html")
    assert "Аударма жоқ" in page
    assert 'content="noindex"' in page
    assert "Соглашение регулирует" not in page
    assert 'href="../../../ru/demo/terms/"' in page and 'href="../../../en/demo/terms/"' in page
    # the language menu marks the missing language so the clause-keeping switch skips it
    assert re.search(r'hreflang="kk"[^>]*data-pd-missing', read(built, "ru/demo/terms/index.html"))


def test_index_per_language_and_root(built):
    assert 'href="demo/privacy/"' in read(built, "en/index.html")
    root = read(built, "index.html")
    for lang in ("ru", "kk", "en"):
        assert f'href="{lang}/"' in root


def test_api_urls_and_hashes_match_the_built_files(built):
    import hashlib

    data = json.loads(read(built, "api/v1/documents.json"))
    assert {d["id"] for d in data["documents"]} == {"demo/privacy", "demo/terms"}
    checked = 0
    for doc in data["documents"]:
        for entry in doc["languages"].values():
            assert entry["url"] == "https://example.kz/policies/" + entry["path"]
            html_file = built / entry["path"] / "index.html"
            assert entry["html_sha256"] == hashlib.sha256(html_file.read_bytes()).hexdigest()
            checked += 1
    assert checked == 5  # terms has no kk


def test_feeds_and_sitemap(built):
    for lang in ("ru", "kk", "en"):
        feed = ET.fromstring(read(built, f"{lang}/feed.xml"))
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    smap = read(built, "sitemap.xml")
    assert 'hreflang="kk" href="https://example.kz/policies/kk/demo/privacy/"' in smap
    assert "https://example.kz/policies/kk/demo/terms/" not in smap


def test_each_page_searches_its_own_language_clause_by_clause(built):
    index = json.loads(read(built, "search/search_index.json"))
    locations = [d["location"] for d in index["docs"]]
    assert "kk/demo/privacy/#cl-2-2" in locations and "en/demo/privacy/#cl-2-2" in locations
    assert "kk/demo/privacy/#title" not in locations  # the header's dates and labels answer no query
    for lang in ("ru", "kk", "en"):
        assert f'lunr["pd{lang}"]' in read(built, f"assets/javascripts/lunr/min/lunr.pd{lang}.min.js")
        page = read(built, f"{lang}/demo/privacy/index.html")
        assert (
            f"assets/javascripts/workers/policydocs-search.js?lang={lang}&amp;material=search." in page
            or f"assets/javascripts/workers/policydocs-search.js?lang={lang}&material=search." in page
        )
    worker = read(built, "assets/javascripts/workers/policydocs-search.js")
    material = next((built / "assets/javascripts/workers").glob("search.*.min.js")).name
    assert f'"{material}"' in worker


# --- bad input: the build stops, names the file, and leaves no site/ behind -----------


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old", encoding="utf-8")  # a previous build
    return project


def _fails(project: Path, expected: str) -> str:
    result = build(project)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    # the previous build is left whole, and nothing of the failed one remains beside it
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]
    return result.stderr


def test_missing_front_matter_field(project):
    path = project / "docs/kk/demo/privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("operator: «Демо» ЖШС\n", ""), encoding="utf-8")
    _fails(project, f"{path}:1: front matter lacks the required field 'operator'")


def test_unknown_language_folder(project):
    shutil.move(project / "docs/kk", project / "docs/kz")
    _fails(project, "unknown language folder 'kz'")


def test_two_documents_on_one_url(project):
    (project / "docs/ru/demo/privacy").mkdir()
    (project / "docs/ru/demo/privacy/index.md").write_text("# Другая\n", encoding="utf-8")
    _fails(project, "publishes at '/ru/demo/privacy/'")


def test_broken_clause_link(project):
    path = project / "docs/en/demo/privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(#cl-2-2)", "(#cl-2-5)"), encoding="utf-8")
    _fails(project, f"{path}:22: the link '#cl-2-5'")


def test_translated_pages_state_which_language_prevails(built):
    kk = read(built, "kk/demo/privacy/index.html")  # reviewed translation
    assert (
        '<p class="pd-standing pd-translation">Бұл – аударма. Мәтіндер арасында алшақтық болған жағдайда '
        "орыс тіліндегі мәтін басым күшке ие болады.</p>"
    ) in kk
    en = read(built, "en/demo/privacy/index.html")  # not reviewed
    assert (
        "This is a translation that a lawyer has not yet reviewed. If the texts differ, the Russian text prevails."
        in en
    )
    assert "pd-standing" not in read(built, "ru/demo/privacy/index.html")
