"""The clock in the page, in real Chromium with the browser's clock set (Playwright's clock API).

The real content: City Group's version 2 takes effect on 1 December 2026 at 00:00 Asia/Almaty.
The site is built on 30 November at 17:00 Almaty (SOURCE_DATE_EPOCH); the reader's clock is then
set before, at and after the effective moment, and moved across it on an open page.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys

import pytest

from tests.browser.chromium import chromium, reader_context, served
from tests.browser.sitebuild import ROOT, build, make_project

BUILT_AT = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)  # 17:00 in Almaty
BUILT = int(BUILT_AT.timestamp())
BEFORE = dt.datetime.fromisoformat("2026-11-30T23:59:59+05:00")
AT = dt.datetime.fromisoformat("2026-12-01T00:00:00+05:00")
AFTER = dt.datetime.fromisoformat("2026-12-02T10:00:00+05:00")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("clock"), docs=ROOT / "docs", pdf=False)
    shutil.copytree(ROOT / "versions", project / "versions")
    result = build(project, epoch=BUILT)
    assert result.returncode == 0, result.stderr
    with served(project / "site") as url:
        yield project, url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _visible(browser, base, path, moment, selector=".pd-version", **context):
    ctx = reader_context(browser, moment or BUILT_AT, frozen=True, base_url=base, **context)
    try:
        page = ctx.new_page()
        page.goto(path)
        return page.inner_text(selector)
    finally:
        ctx.close()


def test_policy_page_switches_at_the_effective_moment(real_site, browser):
    _, base = real_site
    before = _visible(browser, base, "kk/citygroup/privacy/", BEFORE)
    assert "2026\u202fж. 1 желтоқсанға (00:00, Алматы уақыты, UTC+05:00) дейін күшінде" in before
    assert (
        "Жаңа 2-нұсқа жарияланды: ол 2026\u202fж. 1 желтоқсанда (00:00, Алматы уақыты, UTC+05:00) күшіне енеді."
        in before
    )
    assert "күшін жойды" not in before and "енді күшінде емес" not in before
    for moment in (AT, AFTER):
        text = _visible(browser, base, "kk/citygroup/privacy/", moment)
        assert "1-нұсқа · 2026\u202fж. 1 желтоқсанда (00:00, Алматы уақыты, UTC+05:00) күшін жойды" in text
        assert "Бұл нұсқа енді күшінде емес. Күшіндегі мәтін: 2-нұсқа" in text
        assert "дейін күшінде" not in text and "Жаңа 2-нұсқа жарияланды" not in text
        assert "Бет " not in text  # the "as of the build" line is for readers without JavaScript


def test_version_page_banner_and_link_to_the_text_in_force(real_site, browser):
    _, base = real_site
    before = _visible(browser, base, "ru/citygroup/privacy/v2/", BEFORE)
    assert "Редакция 2 · Вступает в силу 1 декабря 2026\u202fг., 00:00 (время Алматы, UTC+05:00)" in before
    assert "Эта редакция ещё не вступила в силу. Действующий текст: редакция 1" in before
    after = _visible(browser, base, "ru/citygroup/privacy/v2/", AT)
    assert "Редакция 2 · Действует с 1 декабря 2026\u202fг., 00:00" in after and "Эта редакция" not in after
    old = _visible(browser, base, "en/citygroup/privacy/v1/", AFTER)
    assert "This version is no longer in force. The text in force: version 2" in old
    ctx = reader_context(browser, AFTER, frozen=True, base_url=base)
    page = ctx.new_page()
    page.goto("en/citygroup/privacy/v1/")
    page.click("text=The text in force: version 2")
    page.wait_for_url("**/en/citygroup/privacy/v2/")
    ctx.close()


def test_index_and_history_follow_the_clock(real_site, browser):
    _, base = real_site

    def city_row(moment):
        rows = _visible(browser, base, "en/", moment, "#product-citygroup + div table").splitlines()
        return [r for r in rows if r.startswith("Privacy Policy")][0].split("\t")

    assert city_row(BEFORE)[1:] == ["1", "November 23, 2026", "November 23, 2026"]
    assert city_row(AT)[1:] == ["2", "November 23, 2026", "December 1, 2026"]
    history = _visible(browser, base, "kk/citygroup/privacy/history/", BEFORE, "table.pd-history tbody")
    assert re.search(r"^2 \(әлі күшіне енген жоқ\)", history, re.M) and re.search(r"^1 \(күшінде\)", history, re.M)
    history = _visible(browser, base, "kk/citygroup/privacy/history/", AFTER, "table.pd-history tbody")
    assert re.search(r"^2 \(күшінде\)", history, re.M) and re.search(r"^1 \(күшін жойған\)", history, re.M)


def test_an_open_page_switches_when_the_moment_comes(real_site, browser):
    """No reload: the script wakes at the effective moment."""
    _, base = real_site
    ctx = reader_context(browser, BEFORE - dt.timedelta(seconds=30), base_url=base)
    page = ctx.new_page()
    page.goto("ru/citygroup/privacy/")
    assert "Действует до 1 декабря" in page.inner_text(".pd-version")
    assert page.get_attribute(".pd-version", "data-state") == "in_force"
    page.clock.run_for(60_000)  # one minute later: past 00:00
    assert "Утратила силу 1 декабря 2026" in page.inner_text(".pd-version")
    assert page.get_attribute(".pd-version", "data-state") == "superseded"
    ctx.close()


def test_an_open_page_follows_a_clock_set_back_across_the_moment(real_site, browser):
    """A device whose clock ran ahead is set back: within a minute the page shows the earlier state."""
    _, base = real_site
    ctx = reader_context(browser, AFTER, base_url=base)
    page = ctx.new_page()
    page.goto("ru/citygroup/privacy/v2/")
    assert page.get_attribute(".pd-version", "data-state") == "in_force"
    assert "Эта редакция ещё не вступила в силу" not in page.inner_text(".pd-version")
    page.clock.set_system_time(BEFORE - dt.timedelta(minutes=10))  # back across 1 December 00:00
    page.clock.run_for(61_000)
    assert page.get_attribute(".pd-version", "data-state") == "pending"
    assert "Эта редакция ещё не вступила в силу. Действующий текст: редакция 1" in page.inner_text(".pd-version")
    page.clock.set_system_time(AT + dt.timedelta(seconds=5))  # and forward across it again
    page.clock.run_for(61_000)
    assert page.get_attribute(".pd-version", "data-state") == "in_force"
    ctx.close()


def test_a_clock_behind_the_build_counts_as_the_build(real_site, browser):
    """A reader whose device says 2020 sees what the build knew, never a version as not yet published."""
    _, base = real_site
    text = _visible(browser, base, "ru/citygroup/privacy/", dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert "Действует до 1 декабря 2026" in text and "Утратила силу" not in text


def test_without_javascript_the_build_state_and_its_moment(real_site, browser):
    _, base = real_site
    text = _visible(browser, base, "ru/citygroup/privacy/", None, java_script_enabled=False)
    assert "Действует до 1 декабря 2026" in text and "Утратила силу" not in text
    assert (
        "Страница собрана 30 ноября 2026\u202fг., 17:00 (время Алматы, UTC+05:00); действие редакций показано на этот момент."
        in text
    )
    index = _visible(browser, base, "kk/", None, "article", java_script_enabled=False)
    assert "Бет 2026\u202fж. 30 қарашада (17:00, Алматы уақыты, UTC+05:00) жасалды" in index
    assert "Бет 2026" not in _visible(browser, base, "kk/", AFTER, "article")  # with the script: right now, no caveat


def test_the_clock_adds_under_5_kb_to_a_page(real_site):
    project, _ = real_site
    page = (project / "site/ru/citygroup/privacy/index.html").read_text(encoding="utf-8")
    added = re.findall(r'<script type="application/json" class="pd-clock">.*?</script>', page)
    added += re.findall(r'<div data-pd-at="[^"]*" hidden>.*?</div></div>', page)
    added += re.findall(r'<p class="pd-asof">.*?</p>', page)
    assert added and sum(len(part.encode()) for part in added) < 5000


def test_history_widget_and_status_at_give_the_same_answer(real_site, browser):
    """ "Which version was in force on a date": the page and `policydocs status --at` agree."""
    project, base = real_site
    ctx = reader_context(browser, BUILT_AT, base_url=base)
    page = ctx.new_page()
    page.goto("en/citygroup/privacy/history/")
    assert "at 00:00 that day, Almaty time" in page.inner_text("form.pd-lookup")
    for day in ("2026-11-22", "2026-11-23", "2026-11-30", "2026-12-01", "2027-01-01"):
        page.fill("form.pd-lookup input[type=date]", day)
        page.dispatch_event("form.pd-lookup input[type=date]", "change")
        widget = page.inner_text("form.pd-lookup output")
        status = subprocess.run(
            [sys.executable, "-c", "from policydocs.cli import run; run()", "status", "--at", day],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert status.returncode == 0, status.stderr
        row = next(line for line in status.stdout.splitlines() if line.startswith("citygroup/privacy"))
        found = re.search(r"  v(\d+) since", row)
        assert widget == (
            f"Version {found.group(1)}" if found else "No published version was in force on that date."
        ), day
    ctx.close()


def test_history_pages_state_each_documents_own_notice_period(real_site):
    """SmartAqkol's and Santrade's last versions are non-material (0 days); the documents have 7."""
    project, _ = real_site
    for doc in ("smartaqkol/privacy", "santrade/privacy", "citygroup/privacy"):
        page = (project / f"site/en/{doc}/history/index.html").read_text(encoding="utf-8")
        assert "take effect when 7 calendar days have passed" in page and "0 calendar days" not in page
    yasam = (project / "site/ru/yasam/privacy/history/index.html").read_text(encoding="utf-8")  # notice_days: 0
    assert "вступают в силу в момент публикации (срок уведомления не установлен)" in yasam
    kk = (project / "site/kk/citygroup/privacy/history/index.html").read_text(encoding="utf-8")
    assert "<th>Нұсқа</th>" in kk and "<th>-нұсқа</th>" not in kk and "<th>Қашанға дейін күшінде</th>" in kk


def test_redline_page_says_when_its_version_applies(real_site, browser):
    _, base = real_site
    before = _visible(browser, base, "en/citygroup/privacy/v2/changes/", BEFORE)
    assert "Version 2 · Takes effect on December 1, 2026, 00:00 (Almaty time, UTC+05:00)" in before
    after = _visible(browser, base, "en/citygroup/privacy/v2/changes/", AFTER)
    assert "Version 2 · In force since December 1, 2026, 00:00" in after and "Takes effect" not in after


@pytest.fixture(scope="module")
def constructed(tmp_path_factory):
    """The demo fixture: v1 (1 Nov), v2 (20 Nov, 7 days: 28 Nov), v3 (25 Nov, notice cut to 1 day: 27 Nov).

    Built on 26 November: v1 in force, v2 and v3 pending; v2 will never be in force.
    """
    from zoneinfo import ZoneInfo

    from policydocs.corpus import load
    from policydocs.versions.publish import publish

    almaty = ZoneInfo("Asia/Almaty")
    project = make_project(tmp_path_factory.mktemp("constructed"), pdf=False)
    docs = project / "docs"
    ru = docs / "ru/demo/privacy.md"

    def edit(old, new):
        text = ru.read_text(encoding="utf-8")
        assert old in text
        ru.write_text(text.replace(old, new, 1), encoding="utf-8")

    def publish_on(day, hour):
        publish(
            load(docs).policies["demo/privacy"],
            project / "versions",
            dt.date(2026, 11, day),
            time=dt.time(hour),
            now=dt.datetime(2026, 11, day, hour, 5, tzinfo=almaty),
        )

    publish_on(1, 9)
    edit("не дольше, чем требуется", "не дольше трёх лет")
    publish_on(20, 9)
    edit("notice_days: 7", "notice_days: 1")
    edit("не дольше трёх лет", "не дольше 3 (трёх) лет")
    publish_on(25, 9)
    result = build(project, epoch=int(dt.datetime(2026, 11, 26, 12, tzinfo=almaty).timestamp()))
    assert result.returncode == 0, result.stderr
    with served(project / "site") as url:
        yield url


@pytest.mark.parametrize(
    "moment, policy_page, v2_page",
    [
        (
            "2026-11-26T23:59:00+05:00",
            [
                "Version 1 · In force since November 1, 2026, 09:00",
                "In force until November 27, 2026, 00:00",
                "A new version 3 has been published: it takes effect on November 27, 2026, 00:00",
            ],
            [
                "Version 2 · Takes effect on November 28, 2026, 00:00",
                "This version is not yet in force. The text in force: version 1",
            ],
        ),
        (
            "2026-11-27T00:00:00+05:00",
            ["Version 1 · No longer in force since November 27, 2026, 00:00", "The text in force: version 3"],
            [
                "Version 2 · Never in force: version 3 replaced it on November 27, 2026, 00:00",
                "This version never took effect. The text in force: version 3",
            ],
        ),
        (
            "2026-11-28T00:00:00+05:00",  # v2's own moment brings nothing: it stays never in force
            ["Version 1 · No longer in force since November 27, 2026", "The text in force: version 3"],
            ["Version 2 · Never in force", "This version never took effect. The text in force: version 3"],
        ),
    ],
)
def test_constructed_fixture_before_at_and_after(constructed, browser, moment, policy_page, v2_page):
    when = dt.datetime.fromisoformat(moment)
    text = _visible(browser, constructed, "en/demo/privacy/", when)
    for expected in policy_page:
        assert expected in text, (expected, text)
    text = _visible(browser, constructed, "en/demo/privacy/v2/", when)
    for expected in v2_page:
        assert expected in text, (expected, text)


def test_the_clock_runs_under_the_content_security_policy(real_site, browser):
    """Only the site's own script runs; the intervals are data, which the policy does not block."""
    project, base = real_site
    page_html = (project / "site/ru/citygroup/privacy/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page_html
    ctx = reader_context(browser, AFTER, frozen=True, base_url=base)
    page = ctx.new_page()
    messages = []
    page.on("console", lambda msg: messages.append(msg.text))
    page.goto("ru/citygroup/privacy/")
    assert "Утратила силу" in page.inner_text(".pd-version")
    ctx.close()
    assert not [m for m in messages if "Content Security Policy" in m], messages
