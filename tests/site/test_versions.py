"""Published versions on the built site: what readers, apps and auditors see.

The build moment is fixed (SOURCE_DATE_EPOCH = 2026-11-18 11:06 UTC): version 1 is in
force, version 2 (published 15 November, 7 days' notice) takes effect on 23 November.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from policydocs.corpus import load
from policydocs.versions.publish import publish
from tests.browser.sitebuild import build, make_project
from tests.conftest import on_the_day

DOC = "demo/privacy"


def publish_two_versions(project: Path) -> None:
    docs = project / "docs"
    for lang in ("ru", "kk", "en"):  # the fixture carries edition fields in its front matter; versions replace them
        path = docs / lang / "demo/privacy.md"
        text = path.read_text(encoding="utf-8")
        for field in ("version: 3\n", "date: 2026-11-22\n", "effective: 2026-11-29\n"):
            text = text.replace(field, "")
        path.write_text(text, encoding="utf-8")
    publish(load(docs).policies[DOC], project / "versions", dt.date(2026, 10, 1), now=on_the_day(dt.date(2026, 10, 1)))
    for lang, old, new in (
        ("ru", "не дольше, чем требуется", "не дольше трёх лет"),
        ("kk", None, None),
        ("en", None, None),
    ):
        if old:
            path = docs / lang / "demo/privacy.md"
            text = path.read_text(encoding="utf-8")
            assert old in text
            path.write_text(text.replace(old, new), encoding="utf-8")
    publish(
        load(docs).policies[DOC],
        project / "versions",
        dt.date(2026, 11, 15),
        time=dt.time(10, 0),
        now=on_the_day(dt.date(2026, 11, 15)),
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("versions"), pdf=True, pdf_cache_dir=".cache/pdf")
    publish_two_versions(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_page_shows_the_version_in_force_and_announces_the_pending_one(site):
    page = read(site, "ru/demo/privacy/index.html")
    assert "не дольше, чем требуется" in page and "не дольше трёх лет" not in page
    assert "Действует с" in page and "Действует до" in page
    assert "Опубликована новая редакция 2: она вступает в силу" in page
    assert "23 ноября 2026\u202fг., 00:00 (время Алматы, UTC+05:00)" in page
    assert 'href="v2/"' in page and 'href="v2/changes/"' in page


def test_pending_version_page_says_when_it_takes_effect(site):
    page = read(site, "kk/demo/privacy/v2/index.html")
    assert 'data-state="pending"' in page
    assert "2026\u202fж. 23 қарашада (00:00, Алматы уақыты, UTC+05:00)</time> күшіне енеді" in page
    assert '<html lang="kk"' in page


def test_redline_page_strikes_and_underlines(site):
    page = read(site, "ru/demo/privacy/v2/changes/index.html")
    assert "Изменены положения: 2.3" in page
    assert '<del class="pd-del">, чем требуется</del>' in page or '<del class="pd-del">' in page
    assert '<ins class="pd-ins">' in page and "трёх лет" in page
    # unchanged clauses are not repeated on the redline page
    assert "исполнение договора" not in page
    en = read(site, "en/demo/privacy/v2/changes/index.html")
    assert "No changes to the text" in en


def test_history_page_lists_versions_with_states_and_the_rule(site):
    page = read(site, "en/demo/privacy/history/index.html")
    assert 'data-version="2"' in page and 'data-state="pending"' in page
    assert 'data-version="1"' in page and 'data-state="in_force"' in page
    assert "counted from the day after publication" in page
    assert 'class="pd-lookup"' in page


def test_api_tells_apps_what_is_in_force_and_what_is_pending(site):
    data = json.loads(read(site, "api/v1/documents.json"))
    doc = next(d for d in data["documents"] if d["id"] == DOC)
    assert doc["current_version"] == 1
    assert doc["pending"]["version"] == 2 and doc["pending"]["effective"] == "2026-11-23T00:00:00+05:00"
    assert [v["state"] for v in doc["versions"]] == ["in_force", "pending"]
    v1 = doc["versions"][0]
    assert v1["in_force_until"] == "2026-11-23T00:00:00+05:00"
    assert v1["languages"]["kk"]["pdf_url"].endswith("/demo/docs/v1/privacykk.pdf")
    for version in doc["versions"]:
        for entry in version["languages"].values():
            rel = entry["pdf_url"].split("/policies/", 1)[1]
            assert (site / rel).is_file(), rel
            assert (site / entry["url"].split("/policies/", 1)[1] / "index.html").is_file()
    # the fixed PDF URL carries the version in force
    fixed = (site / "demo/docs/privacyru.pdf").read_bytes()
    assert fixed == (site / "demo/docs/v1/privacyru.pdf").read_bytes()


def test_feed_has_an_entry_per_version(site):
    feed = read(site, "kk/feed.xml")
    assert feed.count("<entry>") >= 3 and "/kk/demo/privacy/v2/" in feed


def test_an_edited_published_version_stops_the_build(tmp_path):
    project = make_project(tmp_path)
    publish_two_versions(project)
    frozen = project / "versions/demo/privacy/v1/ru.md"
    frozen.chmod(0o644)
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("Оператор", "Компания", 1), encoding="utf-8")
    (project / "site").mkdir()
    (project / "site/old.html").write_text("the site as it was", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"{frozen}: frozen text of version 1 (ru) does not match the sha256 recorded in" in result.stderr
    # the previous site is left whole; nothing of the failed build is anywhere
    assert [p.name for p in (project / "site").iterdir()] == ["old.html"]
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mkdocs.yml", "site", "versions"]


def test_redline_pdf_per_version_and_language(site):
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(site / "demo/docs/v2/privacyru-changes.pdf").pages)
    assert "Изменены положения: 2.3" in text and "трёх" in text
    dateline = " ".join(text.split())
    assert "Опубликована 15 ноября 2026" in dateline and "Вступает в силу 23 ноября 2026" in dateline
    assert "По сравнению с редакцией 1" in dateline
    assert (site / "demo/docs/v2/privacykk-changes.pdf").is_file()
    assert not (site / "demo/docs/v1/privacyru-changes.pdf").exists()  # a first version has nothing to compare
    assert 'href="../../../../../demo/docs/v2/privacyru-changes.pdf"' in read(
        site, "ru/demo/privacy/v2/changes/index.html"
    )


def test_history_answers_which_version_was_in_force_on_a_date_in_a_browser(site):
    """A reader picks a date on the history page and is told the version in force then."""
    from tests.browser.chromium import chromium, served

    with served(site) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}kk/demo/privacy/history/")
        answers = {}
        for day in ("2026-09-30", "2026-10-15", "2026-11-22", "2026-11-23", "2027-01-01"):
            page.fill("form.pd-lookup input[type=date]", day)
            page.dispatch_event("form.pd-lookup input[type=date]", "change")
            answers[day] = page.inner_text("form.pd-lookup output")
    assert answers == {
        "2026-09-30": "Бұл күні жарияланған нұсқа болған жоқ.",
        "2026-10-15": "1-нұсқа",
        "2026-11-22": "1-нұсқа",
        "2026-11-23": "2-нұсқа",
        "2027-01-01": "2-нұсқа",
    }


def test_search_finds_the_document_once_not_once_per_version(site):
    locations = [d["location"] for d in json.loads(read(site, "search/search_index.json"))["docs"]]
    assert any(loc.startswith("kk/demo/privacy/") for loc in locations)
    assert not [loc for loc in locations if "/v1/" in loc or "/v2/" in loc or "/history/" in loc]
