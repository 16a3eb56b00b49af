"""The project's clock: POLICYDOCS_NOW fixes "now" for every command; a bad value is one line, exit 2."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner

from policydocs.cli.main import main as cli
from policydocs.errors import PolicyError
from policydocs.now import build_moment, now

from ..conftest import ROOT, SUITE_NOW


def test_the_suite_runs_on_its_own_clock():
    assert now() == SUITE_NOW  # conftest sets it: no test sees the machine's day


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2027-03-01T09:30:00+05:00", dt.datetime(2027, 3, 1, 4, 30, tzinfo=dt.UTC)),
        ("2027-03-01T04:30:00Z", dt.datetime(2027, 3, 1, 4, 30, tzinfo=dt.UTC)),
        ("2025-12-31T23:00-10:00", dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)),
    ],
)
def test_a_moment_with_its_zone_is_now_in_utc(monkeypatch, raw, expected):
    monkeypatch.setenv("POLICYDOCS_NOW", raw)
    assert now() == expected and now().utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("raw", ["2026-12-01", "2026-12-01T10:00", "tomorrow", "2026-13-01T00:00+05:00"])
def test_a_moment_without_zone_or_not_a_moment_is_refused(monkeypatch, raw):
    monkeypatch.setenv("POLICYDOCS_NOW", raw)
    with pytest.raises(PolicyError, match="POLICYDOCS_NOW"):
        now()


def test_without_the_variable_it_is_the_machines_clock_in_utc(monkeypatch):
    monkeypatch.delenv("POLICYDOCS_NOW")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    got = now()
    assert got.utcoffset() == dt.timedelta(0) and before <= got <= dt.datetime.now(dt.UTC)


def test_a_build_moment_is_source_date_epoch_first(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796040000")
    assert build_moment() == dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_moment() == SUITE_NOW


def _status(tmp_path, monkeypatch, moment: str):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "versions", project / "versions")
    monkeypatch.chdir(project)
    monkeypatch.setenv("POLICYDOCS_NOW", moment)
    return CliRunner().invoke(cli, ["status"], catch_exceptions=False)


def test_status_answers_for_the_moment_the_clock_names(tmp_path, monkeypatch):
    """City Group's version 2 takes effect on 1 December 2026, 00:00 Almaty: before it, version 1."""
    before = _status(tmp_path / "a", monkeypatch, "2026-11-30T23:59:59+05:00")
    after = _status(tmp_path / "b", monkeypatch, "2026-12-01T00:00:00+05:00")
    assert before.exit_code == after.exit_code == 0, before.output + after.output
    city = [
        next(line for line in r.output.splitlines() if line.startswith("citygroup/privacy")) for r in (before, after)
    ]
    assert "v1 since 2026-11-23" in city[0] and "v2 from 2026-12-01 00:00 +0500" in city[0]  # v2 pending
    assert "v2 since 2026-12-01 00:00 +0500" in city[1] and "v1" not in city[1]


def test_a_bad_clock_is_one_line_and_exit_2(tmp_path, monkeypatch):
    result = _status(tmp_path, monkeypatch, "7 December")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "POLICYDOCS_NOW='7 December'" in lines[0] and "Traceback" not in result.output
