"""The built site in a real headless Chromium, used as a reader and an app would use it."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.chromium import chromium, reader_context, served
from tests.browser.sitebuild import BUILT_AT, FIXTURE_DOCS, build, make_project


def _built(tmp_path_factory, **options):
    project = make_project(tmp_path_factory.mktemp("browser"), **options)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with served(_built(tmp_path_factory)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, base_url):
    context = reader_context(browser, BUILT_AT, base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    pg = context.new_page()
    yield pg
    context.close()


def test_kazakh_policy_has_kazakh_ui(page):
    page.goto("kk/demo/privacy/")
    assert page.get_attribute("html", "lang") == "kk"
    assert page.get_attribute("input.md-search__input", "placeholder") == "Іздеу"
    assert "Мазмұны" in page.inner_text(".md-sidebar--secondary")
    assert page.inner_text(".pd-header h1") == "Құпиялылық саясаты"
    assert "жоба" in page.inner_text(".pd-meta")  # not in versions/: a draft, said in Kazakh


def test_switch_language_keeps_document_and_clause(page):
    page.goto("kk/demo/privacy/#cl-2-2")
    page.hover(".md-select")
    page.click('a.pd-lang[hreflang="en"]')
    page.wait_for_url("**/en/demo/privacy/#cl-2-2")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("#cl-2-2 .pd-clause-text").startswith("2.2. The Operator processes personal data")
    assert page.evaluate("document.querySelector(':target').id") == "cl-2-2"


def test_clause_permalink_copies_its_address(page, base_url):
    page.goto("kk/demo/privacy/")
    page.click('a.pd-num[href="#cl-2-3"]')
    page.wait_for_url("**#cl-2-3")  # waits that evaluate strings in the page would break the site's CSP
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}kk/demo/privacy/#cl-2-3"
    assert page.inner_text(".pd-toast") == "Сілтеме көшірілді"
    # following the copied link in a fresh page lands on the clause
    page.goto("about:blank")
    page.goto(f"{base_url}kk/demo/privacy/#cl-2-3")
    assert page.evaluate("document.querySelector(':target').id") == "cl-2-3"


def test_clause_link_inside_the_text_goes_to_the_clause(page):
    page.goto("en/demo/terms/")
    page.click("text=the Policy, clause 2.1")
    page.wait_for_url("**/en/demo/privacy/#cl-2-1")
    assert page.evaluate("document.querySelector(':target').id") == "cl-2-1"


def _search(page, query: str) -> list[str]:
    page.goto("kk/demo/privacy/")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    # Material searches on key events; Playwright inserts Cyrillic text without them, so a
    # key press stands in for the reader's keyboard
    page.press("input.md-search__input", "End")
    # results appear once the search worker has built its index (seconds on a busy machine)
    page.locator(".md-search-result__meta").filter(has_text=re.compile("[0-9]|табылмады")).wait_for(timeout=60000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


QUERY = "мерзімі"  # the text says "мерзімнен" (ablative); this possessive form is nowhere in the docs


def test_search_finds_a_kazakh_word_in_another_form(page):
    assert not any(QUERY in p.read_text(encoding="utf-8") for p in FIXTURE_DOCS.rglob("*.md"))
    hrefs = _search(page, QUERY)
    assert page.inner_text(".md-search-result__meta").endswith("сәйкес құжат")  # Kazakh UI in search too
    assert any("/kk/demo/privacy/" in h for h in hrefs), hrefs


def test_without_the_kazakh_stemmer_that_word_is_not_found(browser, tmp_path_factory):
    """The control: Material's own prefix search misses it, which is why the stemmer exists."""
    with served(_built(tmp_path_factory, kazakh_search=False)) as url:
        context = reader_context(browser, BUILT_AT, base_url=url)
        hrefs = _search(context.new_page(), QUERY)
        assert hrefs == []
        context.close()


def test_missing_translation_page_offers_existing_languages(page):
    page.goto("kk/demo/terms/")
    assert page.get_attribute("html", "lang") == "kk"
    assert page.inner_text(".pd-missing h1") == "Аударма жоқ"
    page.click('.pd-available a[hreflang="en"]')
    page.wait_for_url("**/en/demo/terms/")
    assert page.inner_text(".pd-header h1") == "Terms of Use"


def test_api_urls_resolve(page, base_url):
    response = page.request.get(f"{base_url}api/v1/documents.json")
    assert response.ok
    data = json.loads(response.text())
    paths = [entry["path"] for doc in data["documents"] for entry in doc["languages"].values()]
    assert len(paths) == 5
    for path in paths:
        assert page.request.get(base_url + path).status == 200
