"""Honest publication records: when publish ran and who ran it, backdating with a reason,
scheduled publications, one version per effective moment, dates in a sane range."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policydocs.corpus import load
from policydocs.errors import PolicyError
from policydocs.versions.publish import publish
from policydocs.versions.store import open_store
from tests.browser.sitebuild import build, make_project

from ..conftest import DOCS

ALMATY = ZoneInfo("Asia/Almaty")
DOC = "smartaqkol/privacy"


def at(y, m, d, h=0, mi=0):
    return dt.datetime(y, m, d, h, mi, tzinfo=ALMATY)


@pytest.fixture
def repo(tmp_path):
    path = tmp_path / "docs/ru/smartaqkol/privacy.md"
    path.parent.mkdir(parents=True)
    text = (DOCS / "ru/smartaqkol/privacy.md").read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "origin: original\n",
            "origin: original\ncheck:\n  ignore:\n    - rule: missing-language\n"
            "      reason: this test publishes the Russian text alone\n",
            1,
        ),
        encoding="utf-8",
    )
    return tmp_path


def policy(repo):
    return load(repo / "docs").policies[DOC]


def edit(repo, old, new):
    path = repo / "docs/ru/smartaqkol/privacy.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def files(repo):
    return sorted((p.relative_to(repo), p.read_bytes() if p.is_file() else b"") for p in (repo / "versions").rglob("*"))


def test_the_changelog_records_when_publish_ran_and_who_ran_it(repo):
    publish(
        policy(repo),
        repo / "versions",
        dt.date(2026, 11, 20),
        time=dt.time(9, 0),
        now=at(2026, 11, 20, 9, 3),
        by="Айгерім Сәрсенова <aigerim@example.kz>",
    )
    text = (repo / "versions" / DOC / "changelog.yml").read_text(encoding="utf-8")
    assert "published: '2026-11-20T09:00:00+05:00'" in text
    assert "recorded_at: '2026-11-20T04:03:00+00:00'" in text  # UTC, the moment the command ran
    assert "recorded_by: Айгерім Сәрсенова <aigerim@example.kz>" in text
    version = open_store(repo / "versions", DOC).get(1)
    assert version.recorded_at == dt.datetime(2026, 11, 20, 4, 3, tzinfo=dt.UTC) and version.backdate_reason is None


def test_a_moment_more_than_a_day_back_needs_a_reason(repo):
    with pytest.raises(PolicyError, match=r"2026-11-20 00:00 \(Asia/Almaty\) is more than 24 hours before now"):
        publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 21, 0, 1))
    assert not (repo / "versions").exists()
    # 24 hours exactly is not backdating
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 21, 0, 0))
    edit(repo, "7 (семи)", "10 (десяти)")
    with pytest.raises(PolicyError, match="needs the reason in words"):
        publish(policy(repo), repo / "versions", dt.date(2026, 11, 22), now=at(2026, 11, 30), backdate="  ")
    reason = "опубликовано на сайте оператора 22.11.2026, внесено в реестр позже"
    v2 = publish(policy(repo), repo / "versions", dt.date(2026, 11, 22), now=at(2026, 11, 30), backdate=reason).version
    assert v2.backdate_reason == reason and open_store(repo / "versions", DOC).get(2).backdate_reason == reason


def test_a_future_moment_is_a_scheduled_publication_shown_to_nobody_before_it(repo):
    publish(policy(repo), repo / "versions", dt.date(2026, 10, 1), now=at(2026, 10, 1, 9))
    edit(repo, "7 (семи)", "10 (десяти)")
    v2 = publish(
        policy(repo), repo / "versions", dt.date(2026, 12, 10), time=dt.time(12, 0), now=at(2026, 11, 30, 15)
    ).version
    assert (v2.published, v2.effective) == (at(2026, 12, 10, 12), at(2026, 12, 18))
    project = make_project(repo / "site-project")
    shutil.rmtree(project / "docs")
    shutil.copytree(repo / "docs", project / "docs")
    shutil.copytree(repo / "versions", project / "versions")

    def built_at(moment: dt.datetime) -> Path:
        result = build(project, epoch=int(moment.timestamp()))
        assert result.returncode == 0, result.stderr
        return project / "site"

    site = built_at(at(2026, 12, 10, 11, 59))
    assert not (site / "ru/smartaqkol/privacy/v2").exists()
    api = json.loads((site / "api/v1/documents.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in api["documents"][0]["versions"]] == [1]
    assert "/v2/" not in (site / "ru/feed.xml").read_text(encoding="utf-8")
    history = (site / "ru/smartaqkol/privacy/history/index.html").read_text(encoding="utf-8")
    assert 'data-version="2"' not in history
    # the scheduled job is told to rebuild at that moment
    ahead = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policydocs.cli import run; run()",
            "next-change",
            "--at",
            "2026-12-10T11:59+05:00",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ahead.stdout.splitlines() == [
        "2026-12-10T12:00:00+05:00",
        "  smartaqkol/privacy: version 2 is published (scheduled)",
    ]
    site = built_at(at(2026, 12, 10, 12, 0))
    assert (site / "ru/smartaqkol/privacy/v2/index.html").is_file()
    api = json.loads((site / "api/v1/documents.json").read_text(encoding="utf-8"))
    assert api["documents"][0]["pending"]["version"] == 2


def test_two_versions_may_not_take_effect_at_one_moment(repo):
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 1), now=at(2026, 11, 1, 9))
    edit(repo, "7 (семи)", "8 (восьми)")
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), time=dt.time(9), now=at(2026, 11, 20, 9))
    edit(repo, "8 (восьми)", "9 (девяти)")
    before = files(repo)
    with pytest.raises(
        PolicyError, match=r"version 3 would take effect at the same moment as version 2 \(2026-11-28T00:00:00\+05:00\)"
    ):
        publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), time=dt.time(17), now=at(2026, 11, 20, 17))
    assert files(repo) == before
    # the same in a changelog written by hand: named with its file and line
    changelog = repo / "versions" / DOC / "changelog.yml"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(
        text.replace("effective: '2026-11-28T00:00:00+05:00'", "effective: '2026-11-01T00:00:00+05:00'"),
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as err:
        open_store(repo / "versions", DOC)
    line = next(
        i for i, l in enumerate(changelog.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("- version: 2")
    )
    assert str(err.value).startswith(f"{changelog}:{line}: versions 1 and 2 take effect at the same moment")


def test_a_version_replaced_before_it_took_effect_is_never_in_force(repo, tmp_path):
    """v2 (7 days' notice) would take effect on 28 November; v3, published with 1 day's notice, on 27 November."""
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 1), now=at(2026, 11, 1, 9))
    edit(repo, "7 (семи)", "8 (восьми)")
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 20, 9))
    edit(repo, "notice_days: 7", "notice_days: 1")
    edit(repo, "8 (восьми)", "1 (одного)")
    with pytest.raises(PolicyError, match="mark the change material"):  # a non-material fix may not bring v2 forward
        publish(policy(repo), repo / "versions", dt.date(2026, 11, 25), material=False, now=at(2026, 11, 25, 9))
    v3 = publish(policy(repo), repo / "versions", dt.date(2026, 11, 25), now=at(2026, 11, 25, 9)).version
    assert v3.effective == at(2026, 11, 27)
    project = make_project(tmp_path / "p")
    shutil.rmtree(project / "docs")
    shutil.copytree(repo / "docs", project / "docs")
    shutil.copytree(repo / "versions", project / "versions")
    result = build(project, epoch=int(at(2026, 11, 30).timestamp()))
    assert result.returncode == 0, result.stderr
    history = (project / "site/ru/smartaqkol/privacy/history/index.html").read_text(encoding="utf-8")
    assert (
        'data-version="2" data-effective="2026-11-28T00:00:00+05:00" data-until="2026-11-27T00:00:00+05:00" '
        'data-state="never_in_force"' in history
    )
    assert "(не вступала в силу)" in history
    page = re.sub(r"<[^>]+>", "", (project / "site/ru/smartaqkol/privacy/v2/index.html").read_text(encoding="utf-8"))
    assert "Не вступила в силу: 27 ноября 2026" in page and "её заменила редакция 3" in page
    assert "Эта редакция так и не вступила в силу." in page and "Действующий текст: редакция 3" in page
    api = json.loads((project / "site/api/v1/documents.json").read_text(encoding="utf-8"))
    assert [v["state"] for v in api["documents"][0]["versions"]] == ["superseded", "never_in_force", "in_force"]


def _cli(cwd, *args):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_dates_outside_1900_2999_are_refused_at_the_source(repo):
    """`publish --date 0001-01-01` once wrote +05:07:48 and broke status and the build."""
    for date in ("0001-01-01", "1899-12-31", "3000-01-01"):
        result = _cli(repo, "publish", DOC, "--date", date, "--backdate", "a typo")
        assert result.returncode == 2 and f"--date {date} is outside the years 1900-2999" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and not (repo / "versions").exists()
    path = repo / "docs/ru/smartaqkol/privacy.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: draft\n", "status: draft\neffective: 0001-01-01\n", 1), encoding="utf-8")
    result = _cli(repo, "status")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("effective:"))
    assert (
        result.returncode == 2
        and f"docs/ru/smartaqkol/privacy.md:{line}: front matter field 'effective' is outside" in result.stderr
    )


@pytest.mark.parametrize(
    "mangle, message, needle",
    [
        (
            lambda s: s.replace("published: '2026-11-20T00:00:00+05:00'", "published: '0001-01-01T00:00:00+05:07:48'"),
            "the publication moment 0001-01-01T00:00:00+05:07:48 is outside the years 1900-2999",
            "published:",
        ),
        (
            lambda s: s.replace("effective: '2026-11-20T00:00:00+05:00'", "effective: '3026-11-20T00:00:00+05:00'"),
            "the effective moment 3026-11-20T00:00:00+05:00 is outside the years 1900-2999",
            "effective:",
        ),
        (
            lambda s: s.replace("timezone: Asia/Almaty", "timezone: Asia/Almati"),
            "unknown time zone 'Asia/Almati'",
            "timezone:",
        ),
    ],
)
def test_a_changelog_with_a_bad_moment_or_zone_names_file_and_line(repo, mangle, message, needle):
    publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 20, 9))
    changelog = repo / "versions" / DOC / "changelog.yml"
    changelog.write_text(mangle(changelog.read_text(encoding="utf-8")), encoding="utf-8")
    line = next(i for i, l in enumerate(changelog.read_text(encoding="utf-8").splitlines(), 1) if needle in l)
    for command in (("status",), ("next-change",), ("check", "--require", "ru")):
        result = _cli(repo, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert f"versions/{DOC}/changelog.yml:{line}: {message}" in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_the_history_page_shows_when_it_was_recorded_and_why_it_was_backdated(repo):
    from policydocs.publication.history import DocumentHistory
    from policydocs.publication.urls import relative
    from policydocs.site.history import history_body

    publish(policy(repo), repo / "versions", dt.date(2026, 11, 1), now=at(2026, 11, 1, 9), by="Аян <ayan@example.kz>")
    edit(repo, "7 (семи)", "10 (десяти)")
    publish(
        policy(repo),
        repo / "versions",
        dt.date(2026, 11, 20),
        now=at(2026, 11, 30, 10),
        by="Аян <ayan@example.kz>",
        backdate="размещено на сайте 20.11.2026 <до записи в реестр>",
    )
    history = DocumentHistory(DOC, open_store(repo / "versions", DOC), at(2026, 11, 30, 12), notice_days=7)
    page = history_body(history, "kk", "Құпиялылық саясаты", relative)
    assert "жазылған уақыты: 2026-11-30 05:00 UTC, Аян &lt;ayan@example.kz&gt;" in page
    assert "кейін енгізілді: размещено на сайте 20.11.2026 &lt;до записи в реестр&gt;" in page  # escaped
    assert page.count("pd-backdated") == 1


def test_publish_refuses_a_header_claiming_another_version(repo):
    edit(repo, "status: draft\n", "status: draft\nversion: 5\n")
    with pytest.raises(PolicyError, match=r"privacy.md:9: front matter claims version 5"):
        publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 20, 9))
    assert not (repo / "versions" / DOC / "changelog.yml").exists()
    edit(repo, "version: 5\n", "version: 1\n")  # naming the version being published is true once it is
    assert publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=at(2026, 11, 20, 9)).version.number == 1
