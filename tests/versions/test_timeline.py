"""Which version is in force at a moment: one rule for status, the site, the API and next-change."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from policydocs.errors import PolicyError
from policydocs.versions import timeline
from policydocs.versions.clock import parse_moment

from ..conftest import ROOT

ALMATY = ZoneInfo("Asia/Almaty")


def at(y, m, d, h=0, mi=0):
    return dt.datetime(y, m, d, h, mi, tzinfo=ALMATY)


def version(n, published, effective):
    return SimpleNamespace(number=n, published=published, effective=effective)


# v1 in force from 1 Nov; v2 (material) published 20 Nov, effective 28 Nov; v3 published 25 Nov with
# a shorter notice, effective 27 Nov: v2 is replaced before it takes effect; v4 scheduled for 10 Dec.
V1 = version(1, at(2026, 11, 1), at(2026, 11, 1))
V2 = version(2, at(2026, 11, 20, 15), at(2026, 11, 28))
V3 = version(3, at(2026, 11, 25, 9), at(2026, 11, 27))
V4 = version(4, at(2026, 12, 10, 12), at(2026, 12, 10, 12))
ALL = [V1, V2, V3, V4]


@pytest.mark.parametrize(
    "moment, states, current",
    [
        (at(2026, 10, 31), ["pending", "pending", "pending", "pending"], None),
        (at(2026, 11, 26), ["in_force", "pending", "pending", "pending"], 1),
        (at(2026, 11, 27), ["superseded", "never_in_force", "in_force", "pending"], 3),
        (
            at(2026, 11, 28),
            ["superseded", "never_in_force", "in_force", "pending"],
            3,
        ),  # v2's own moment brings nothing
        (at(2026, 12, 10, 12), ["superseded", "never_in_force", "superseded", "in_force"], 4),
    ],
)
def test_states_and_version_in_force(moment, states, current):
    assert [timeline.state(ALL, v, moment) for v in ALL] == states
    found = timeline.in_force(ALL, moment)
    assert (found.number if found else None) == current


def test_scheduled_versions_are_not_visible_before_their_moment():
    assert [v.number for v in timeline.visible(ALL, at(2026, 11, 30))] == [1, 2, 3]
    assert [v.number for v in timeline.pending(ALL, at(2026, 11, 24))] == [2]  # v3 not yet published
    assert timeline.until(ALL, V1) == at(2026, 11, 27)  # the first later version to take effect ends v1


def test_next_changes():
    assert [(m, v.number, k) for m, v, k in timeline.next_changes(ALL, at(2026, 11, 21))] == [
        (at(2026, 11, 25, 9), 3, "published")
    ]
    assert [(v.number, k) for _, v, k in timeline.next_changes(ALL, at(2026, 11, 25, 9))] == [(3, "effective")]
    assert timeline.next_changes(ALL, at(2026, 12, 10, 12)) == []


@pytest.mark.parametrize(
    "text, expected, bare",
    [
        ("2026-12-01", at(2026, 12, 1), True),
        ("2026-12-01T15:30", at(2026, 12, 1, 15, 30), False),
        ("2026-12-01T10:30Z", at(2026, 12, 1, 15, 30), False),
        ("2026-12-01T00:00+06:00", at(2026, 11, 30, 23), False),
    ],
)
def test_moments_on_the_command_line(text, expected, bare):
    moment, was_bare = parse_moment(text, ALMATY)
    assert moment == expected and was_bare is bare


@pytest.mark.parametrize(
    "text, message",
    [
        ("0001-01-01", "--at 0001-01-01 is outside the years 1900-2999"),
        ("3000-01-01T00:00", "--at 3000-01-01 is outside the years 1900-2999"),
        ("1899-12-31", "outside the years 1900-2999"),
        ("tomorrow", "--at 'tomorrow' is not a moment"),
        ("2026-13-01", "is not a moment"),
    ],
)
def test_bad_moments_are_refused(text, message):
    with pytest.raises(PolicyError, match=message):
        parse_moment(text, ALMATY)


def _cli(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_next_change_on_the_real_content():
    """City Group's v2 takes effect on 1 December 2026 at 00:00 Almaty: the next rebuild."""
    # Platform's version 2 (its translations' titles) was published at 13:53 on 30 November: before that moment
    # a site built then does not show it yet
    noon = _cli("next-change", "--at", "2026-11-30T12:00+05:00")
    assert noon.returncode == 0, noon.stderr
    assert noon.stdout.splitlines() == [
        "2026-11-30T13:53:00+05:00",
        "  platform/privacy: version 2 is published (scheduled)",
    ]
    before = _cli("next-change", "--at", "2026-11-30T14:00+05:00")
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines() == ["2026-12-01T00:00:00+05:00", "  citygroup/privacy: version 2 takes effect"]
    after = _cli("next-change", "--at", "2026-12-01T00:00+05:00")
    assert after.returncode == 1 and after.stdout == "" and "nothing is scheduled" in after.stderr
    # the scheduled job's question: has anything changed since the deployed site was built?
    stale = _cli("next-change", "--since", "2026-11-30T18:00Z", "--at", "2026-11-30T19:05Z")
    assert stale.returncode == 0 and stale.stdout.startswith("2026-12-01T00:00:00+05:00  citygroup/privacy")
    fresh = _cli("next-change", "--since", "2026-11-30T19:00:01Z", "--at", "2026-12-02T00:00Z")
    assert fresh.returncode == 1 and fresh.stdout == ""


def test_next_change_refuses_garbage_in_one_line():
    for args, message in (
        (("--at", "0001-01-01"), "outside the years 1900-2999"),
        (("--since", "yesterday"), "--since 'yesterday' is not a moment"),
    ):
        result = _cli("next-change", *args)
        assert result.returncode == 2 and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_status_at_a_bare_date_says_which_moment_it_means():
    result = _cli("status", "--at", "2026-12-01")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "at 2026-12-01 00:00 Asia/Almaty (a bare date means 00:00 of that day)"
    city = next(line for line in lines if line.startswith("citygroup/privacy"))
    assert "v2 since 2026-12-01 00:00 +0500" in city
    day_before = _cli("status", "--at", "2026-11-30T23:59").stdout
    assert "v1 since" in next(line for line in day_before.splitlines() if line.startswith("citygroup/privacy"))
    bad = _cli("status", "--at", "0001-01-01")
    assert bad.returncode == 2 and "outside the years 1900-2999" in bad.stderr
