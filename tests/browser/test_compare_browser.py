"""The side-by-side page (RU | KK | EN by clause) in a real headless Chromium, on the Yasam policy."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.chromium import chromium, reader_context, served
from tests.browser.sitebuild import BUILT_AT, build, make_project
from tests.translation_helpers import REPO, WHO, edit, run

SHOTS = Path(os.environ.get("POLICYDOCS_SHOTS", "/tmp/policydocs-shots"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("compare")
    docs = tmp / "src"
    for lang in ("ru", "kk", "en"):
        (docs / lang / "yasam").mkdir(parents=True)
        shutil.copyfile(REPO / "docs" / lang / "yasam/privacy.md", docs / lang / "yasam/privacy.md")
    project = make_project(tmp / "project", docs=docs, pdf="false")
    assert run(project, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes").exit_code == 0
    # the Russian source changes after the sign-off; the English text lacks clause 1.1.9
    edit(project / "docs/ru/yasam/privacy.md", "имеющее доступ", "имеющее законный доступ")
    edit(
        project / "docs/en/yasam/privacy.md",
        "1.1.9. **User Information** – personal information that the User provides independently when using the DTT "
        "platform Services.\n\n",
        "",
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    with served(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _open(browser, url: str, width: int, errors: list):
    context = reader_context(browser, BUILT_AT, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))  # a script refused by the CSP, or failing
    page.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and not m.text.startswith("Failed to load resource") else None
        ),
    )  # counted below
    # Material's language menu asks for sitemap.xml beside the site_url's path, which this local server lacks
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}") if r.status >= 400 and not r.url.endswith("/sitemap.xml") else None
        ),
    )
    page.goto(url)
    return context, page


def test_rows_are_aligned_with_the_source_first_and_states_marked(browser, site):
    errors: list = []
    context, page = _open(browser, site + "en/yasam/privacy/compare/", 1280, errors)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "compare-desktop.png"), full_page=False)
    heads = page.locator(".pdc-headrow [role=columnheader]").all_inner_texts()
    assert heads == ["№", "Russian (source)", "Kazakh", "English"]
    for eid in ("cl-1-1-7", "cl-1-1-8", "cl-2-1", "sec-1"):
        cells = page.locator(f"[data-eid='{eid}'] > div")
        boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
        assert len(boxes) == 4
        assert len({round(b["y"]) for b in boxes}) == 1, (eid, boxes)  # one row
        assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)
        assert len({round(b["height"]) for b in boxes}) == 1  # the row's cells share its height
    row = page.locator("[data-eid='cl-1-1-8']")
    assert row.locator("[lang=ru]").inner_text().find("законный") > 0
    stale = row.locator("[lang=kk]")
    assert stale.get_attribute("data-state") == "stale"
    assert stale.locator(".pdc-state").inner_text() == "stale"
    assert stale.locator(".pdc-diff ins").inner_text() == "законный "
    assert "Пайдаланушы" in stale.inner_text()
    assert row.locator("[lang=en]").get_attribute("data-state") == "unconfirmed"
    confirmed = page.locator("[data-eid='cl-1-1-7'] [lang=kk]")
    assert confirmed.get_attribute("data-state") == "confirmed"
    assert confirmed.locator(".pdc-state").get_attribute("title").startswith(f"Confirmed by {WHO} on ")
    page.locator("#cl-1-1-8").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "compare-stale.png"))
    assert errors == []
    context.close()


def test_a_missing_clause_is_an_empty_marked_cell(browser, site):
    errors: list = []
    context, page = _open(browser, site + "kk/yasam/privacy/compare/#cl-1-1-9", 1280, errors)
    cell = page.locator("[data-eid='cl-1-1-9'] [lang=en]")
    assert cell.get_attribute("data-state") == "missing"
    assert cell.locator(".pdc-state").inner_text() == "аударма жоқ"
    assert cell.locator(".pdc-empty").inner_text() == "Бұл ереже мәтінде жоқ (Ағылшынша)."
    assert cell.locator(".pdc-text").count() == 0  # never another language's text
    assert page.evaluate("document.querySelector(':target').id") == "cl-1-1-9"
    top = page.locator("#cl-1-1-9").bounding_box()["y"]
    assert 0 <= top < 120  # the browser scrolled to the clause (just under the sticky column names)
    page.screenshot(path=str(SHOTS / "compare-missing.png"))
    assert errors == []
    context.close()


def test_on_a_phone_each_clause_is_stacked_and_nothing_overflows(browser, site):
    errors: list = []
    context, page = _open(browser, site + "ru/yasam/privacy/compare/#cl-1-1-8", 360, errors)
    page.screenshot(path=str(SHOTS / "compare-phone.png"))
    cells = page.locator("[data-eid='cl-1-1-8'] .pdc-cell")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert len(boxes) == 3
    assert len({round(b["x"]) for b in boxes}) == 1  # one under another
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert all(b["width"] <= 360 for b in boxes)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    labels = page.evaluate("""[...document.querySelectorAll("[data-eid='cl-1-1-8'] .pdc-cell")].map(c => {
        const s = getComputedStyle(c, '::before'); return [s.content, s.textTransform, s.display]; })""")
    assert labels == [['"ru"', "uppercase", "inline"], ['"kk"', "uppercase", "inline"], ['"en"', "uppercase", "inline"]]
    assert errors == []
    context.close()


def test_the_policy_page_links_to_the_same_clause_side_by_side_and_back(browser, site):
    errors: list = []
    context, page = _open(browser, site + "kk/yasam/privacy/#cl-1-1-8", 1280, errors)
    page.locator("a.pd-compare").click()
    page.wait_for_url("**/kk/yasam/privacy/compare/#cl-1-1-8")
    assert page.evaluate("document.querySelector(':target').id") == "cl-1-1-8"
    assert 0 <= page.locator("#cl-1-1-8").bounding_box()["y"] < 120
    page.locator("[data-eid='cl-1-1-8'] [lang=ru] a.pdc-marker").click()
    page.wait_for_url("**/ru/yasam/privacy/#cl-1-1-8")
    page.go_back()
    page.locator("nav.pdc-switch a[hreflang=en]").click()
    page.wait_for_url("**/en/yasam/privacy/compare/#cl-1-1-8")
    assert errors == []
    context.close()
