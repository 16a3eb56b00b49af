"""A policy whose every header field and clause carries script: built, opened in Chromium, nothing runs.

Every text of a policy file reaches HTML escaped (through Material's templates too), and the
Content-Security-Policy lets only the site's own script files run, so Material keeps
working while an injected script would be refused even if one slipped through.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from policydocs.corpus import load
from policydocs.versions.publish import publish
from tests.browser.chromium import chromium, reader_context, served
from tests.browser.sitebuild import BUILT_AT, build, make_project
from tests.conftest import on_the_day

MARK = "window.__pwned=(window.__pwned||0)+1"
PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f'"><svg onload="{MARK}">',
    f"</title><script>{MARK}</script>",
    f"' onmouseover='{MARK}' x='",
    f"javascript:{MARK}",
    "{{ config.site_name }}{% raw %}",
]
HEADER_FIELDS = ("title", "product", "operator", "description", "author", "icon", "subtitle")
CLAUSE_TEXTS = {
    "ru": "Оператор обрабатывает данные",
    "kk": "Оператор деректерді өңдейді",
    "en": "The Operator processes data",
}


def _policy(lang: str, extra: str = "") -> str:
    header = {
        "id": "evil/privacy",
        "lang": lang,
        "notice_days": 7,
        "status": "draft",
        "source_lang": "ru",
        "template": "../../../../etc/passwd",
        **{field: f"{field} {' '.join(PAYLOADS)}" for field in HEADER_FIELDS},
    }
    body = [f"## 1. {PAYLOADS[0]} {PAYLOADS[1]}", ""]
    for n, payload in enumerate(PAYLOADS, start=1):
        body += [
            f'1.{n}. {CLAUSE_TEXTS[lang]} {payload} <a href="javascript:{MARK}">x</a> '
            f'<iframe srcdoc="<script>{MARK}</script>"></iframe>{extra}',
            "",
        ]
    body += ["- " + PAYLOADS[2], "", "**" + PAYLOADS[1] + "** – " + PAYLOADS[0], ""]
    return "---\n" + yaml.safe_dump(header, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(body)


def _write(docs: Path, extra: str = "") -> None:
    for lang in ("ru", "kk", "en"):
        path = docs / lang / "evil" / "privacy.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_policy(lang, extra), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), pdf="false")
    _write(project / "docs")
    # two published versions, so the history, version and redline pages carry the payloads too
    # (the checker would refuse this header; publishing here bypasses it on purpose)
    publish(
        load(project / "docs").policies["evil/privacy"],
        project / "versions",
        dt.date(2026, 11, 1),
        checker=None,
        now=on_the_day(dt.date(2026, 11, 1)),
    )
    _write(project / "docs", extra=' <b onclick="x">изм</b>')
    publish(
        load(project / "docs").policies["evil/privacy"],
        project / "versions",
        dt.date(2026, 11, 2),
        checker=None,
        now=on_the_day(dt.date(2026, 11, 2)),
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    with served(project / "site") as url:
        yield project, url


PAGES = [
    "ru/",
    "kk/",
    "en/",
    "ru/evil/privacy/",
    "kk/evil/privacy/",
    "en/evil/privacy/",
    "ru/evil/privacy/history/",
    "kk/evil/privacy/v1/",
    "en/evil/privacy/v2/changes/",
    "ru/evil/privacy/v2/",
]


def test_no_script_from_a_policy_runs_on_any_page(hostile_site):
    project, url = hostile_site
    with chromium() as browser:
        page = reader_context(browser, BUILT_AT).new_page()
        dialogs, refused = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        for path in PAGES:
            page.goto(url + path)
            page.wait_for_load_state("load")
            page.mouse.move(300, 300)
            page.hover("h1")
            assert page.evaluate("window.__pwned") is None, path
            # Material's own scripts ran (from files): its start-up globals and its bundle are there
            assert page.evaluate("typeof __md_get === 'function' && typeof document$ === 'object'"), path
            assert page.locator("iframe, svg[onload], img[onerror], script:not([src]):not([type])").count() == 0, path
        page.goto(url + "ru/evil/privacy/")
        title = page.title()
        assert PAYLOADS[0] in title and "{{ config.site_name }}" in title  # shown as text, never run
        assert PAYLOADS[3] in page.inner_text("h1")
        assert PAYLOADS[0] in page.inner_text(".md-nav")  # the product and title in the navigation, as text
        # search renders results from the index: payloads there stay text too
        page.click("input.md-search__input")
        page.fill("input.md-search__input", "Оператор")
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", timeout=60000)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == [] and refused == [], (dialogs, refused)


def test_every_page_carries_the_content_security_policy(hostile_site):
    project, _ = hostile_site
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';" in text, path
        assert "<script>" not in text, path  # no inline script at all, Material's included
        assert "etc/passwd" not in text, path
        assert not re.search(r"<[a-zA-Z]+\b[^>]*\son[a-z]+\s*=", text), path  # no element with an event handler
        assert not re.search(r"<(iframe|object|embed)\b", text), path


def test_an_unsafe_markdown_link_stops_the_build_with_file_and_line(tmp_path):
    project = make_project(tmp_path, pdf="false")
    _write(project / "docs")
    path = project / "docs/en/evil/privacy.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("1.2."))
    lines[at] += " [click](javascript:window.__pwned=1)"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert (
        f"{path}:{at + 1}: the link 'javascript:window.__pwned=1': links with 'javascript:' are not allowed"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
