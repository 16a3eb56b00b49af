"""The store is the only truth about publication: a front matter claim it does not back is refused."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from policydocs.corpus import load
from policydocs.versions.publish import publish
from tests.browser.sitebuild import build, make_project

ALMATY = ZoneInfo("Asia/Almaty")


def _claim(path, lines: str) -> None:
    """Put ``lines`` in the header right after ``status:`` (line 8 of the fixture files)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: draft\n", lines, 1), encoding="utf-8")


def _check(project):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", "check", "--require", "ru,kk,en"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "lines, line, claim",
    [
        ("status: published\n", 8, "'status: published'"),
        ("status: draft\nversion: 5\n", 9, "version 5"),
        ("status: draft\ndate: 2020-01-01\n", 9, "'date: 2020-01-01'"),
    ],
)
def test_a_claim_without_a_published_version_stops_build_and_check(tmp_path, lines, line, claim):
    project = make_project(tmp_path)
    path = project / "docs/kk/demo/privacy.md"
    _claim(path, lines)
    result = build(project)
    assert result.returncode != 0 and not (project / "site").exists()
    assert f"{path}:{line}: front matter claims {claim}, but" in result.stderr
    checked = _check(project)
    assert checked.returncode == 2 and f"docs/kk/demo/privacy.md:{line}: front matter claims {claim}" in checked.stderr
    assert len(checked.stderr.strip().splitlines()) == 1


def test_claims_the_store_backs_are_accepted_and_the_site_shows_the_store(tmp_path):
    project = make_project(tmp_path)
    publish(
        load(project / "docs").policies["demo/privacy"],
        project / "versions",
        dt.date(2026, 10, 1),
        now=dt.datetime(2026, 10, 1, 9, tzinfo=ALMATY),
    )
    path = project / "docs/ru/demo/privacy.md"
    _claim(path, "status: published\nversion: 1\ndate: 2026-10-01\n")
    accepted = _check(project)  # the fixture's own findings may fail the check (1); bad input would be 2
    assert accepted.returncode in (0, 1) and accepted.stderr == ""
    result = build(project)
    assert result.returncode == 0, result.stderr
    data = json.loads((project / "site/api/v1/documents.json").read_text(encoding="utf-8"))
    demo = next(d for d in data["documents"] if d["id"] == "demo/privacy")
    assert demo["current"]["version"] == 1 and demo["languages"]["ru"]["published"] == "2026-10-01T00:00:00+05:00"
    # a wrong date for the version named is still refused
    text = path.read_text(encoding="utf-8").replace("date: 2026-10-01", "date: 2026-10-02")
    path.write_text(text, encoding="utf-8")
    assert "front matter claims 'date: 2026-10-02'" in _check(project).stderr


def test_the_guide_no_longer_suggests_writing_the_status_by_hand():
    from tests.conftest import ROOT

    for name in ("conventions.en.md", "conventions.ru.md"):
        guide = (ROOT / "guide" / name).read_text(encoding="utf-8")
        assert "draft or published" not in guide and "published (опубликовано)" not in guide
        assert "policydocs publish" in guide
