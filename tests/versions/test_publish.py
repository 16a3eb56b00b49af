"""Versions: the acceptance clock, frozen texts, atomic publish, tamper detection."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policydocs.corpus import load
from policydocs.errors import PolicyError
from policydocs.versions import store as store_module
from policydocs.versions.clock import effective_moment
from policydocs.versions.publish import publish
from policydocs.versions.store import open_store

from ..conftest import DOCS, on_the_day

ALMATY = ZoneInfo("Asia/Almaty")


def at(y, m, d, h=0, mi=0, tz=ALMATY):
    return dt.datetime(y, m, d, h, mi, tzinfo=tz)


@pytest.mark.parametrize(
    "published, days, expected",
    [
        (at(2026, 11, 22, 15, 0), 7, at(2026, 11, 30)),  # the worked example of the rule
        (at(2026, 11, 22, 0, 0), 7, at(2026, 11, 30)),  # the hour of publication does not matter
        (at(2026, 11, 22, 23, 59), 7, at(2026, 11, 30)),
        (at(2026, 12, 28, 10), 7, at(2027, 1, 5)),  # across the year end
        (at(2027, 1, 31, 10), 7, at(2027, 2, 8)),  # across a month end
        (at(2028, 2, 25, 10), 7, at(2028, 3, 4)),  # leap year: 29 February counts
        (at(2027, 2, 25, 10), 7, at(2027, 3, 5)),  # common year
        (at(2028, 2, 28, 10), 1, at(2028, 3, 1)),  # one day's notice over a leap day
        (at(2026, 11, 22, 15), 30, at(2026, 12, 23)),
    ],
)
def test_effective_moment(published, days, expected):
    assert effective_moment(published, days) == expected


def test_non_material_change_and_zero_notice_take_effect_at_publication():
    moment = at(2026, 11, 22, 15, 30)
    assert effective_moment(moment, 7, material=False) == moment
    assert effective_moment(moment, 0) == moment


def test_calendar_days_across_a_daylight_saving_change():
    berlin = ZoneInfo("Europe/Berlin")  # 2026-10-25: clocks go back; a calendar day is still a day
    moment = effective_moment(at(2026, 10, 22, 12, tz=berlin), 7)
    assert moment == at(2026, 10, 30, tz=berlin) and moment.utcoffset() == dt.timedelta(hours=1)


def test_effective_moment_needs_a_zone():
    with pytest.raises(ValueError):
        effective_moment(dt.datetime(2026, 11, 22), 7)


@pytest.fixture
def repo(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "ru" / "smartaqkol", docs / "ru" / "smartaqkol")
    # the real defects of this draft, silenced with reasons so that the checker lets it be published
    path = docs / "ru/smartaqkol/privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", SILENCES + "---\n", 1), encoding="utf-8")
    return tmp_path


SILENCES = """
check:
  ignore:
    - rule: missing-language
      reason: this test publishes the Russian text alone
    - rule: numbering-gap
      clause: "2.6"
      reason: the signed text skips 2.5
"""


def policy(repo: Path):
    return load(repo / "docs").policies["smartaqkol/privacy"]


def edit(repo: Path, old: str, new: str):
    path = repo / "docs/ru/smartaqkol/privacy.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_publish_two_versions_and_query_the_history(repo):
    versions = repo / "versions"
    v1 = publish(policy(repo), versions, dt.date(2026, 11, 1), now=on_the_day(dt.date(2026, 11, 1))).version
    assert v1.effective == v1.published  # a first version replaces nothing
    edit(repo, "7 (семи) календарных", "10 (десяти) календарных")
    v2 = publish(
        policy(repo), versions, dt.date(2026, 11, 20), time=dt.time(15, 30), now=on_the_day(dt.date(2026, 11, 20))
    ).version
    assert (v2.number, v2.effective) == (2, at(2026, 11, 28))
    assert v2.summary["ru"] == "Изменены положения: 1.2"
    store = open_store(versions, "smartaqkol/privacy")
    assert store.in_force(at(2026, 11, 22)).number == 1
    assert [v.number for v in store.pending(at(2026, 11, 22))] == [2]
    assert store.in_force(at(2026, 11, 28)).number == 2 and store.pending(at(2026, 11, 28)) == []
    assert store.in_force_until(store.get(1)) == at(2026, 11, 28)
    assert store.in_force(at(2026, 10, 1)) is None
    assert "10 (десяти)" in store.get(2).text("ru") and "7 (семи)" in store.get(1).text("ru")


def test_refusals_write_nothing(repo):
    versions = repo / "versions"
    publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    before = sorted(p.relative_to(repo) for p in versions.rglob("*"))
    with pytest.raises(PolicyError, match="nothing changed"):
        publish(policy(repo), versions, dt.date(2026, 11, 21), now=on_the_day(dt.date(2026, 11, 21)))
    edit(repo, "7 (семи)", "8 (восьми)")
    with pytest.raises(PolicyError, match="before version 1"):
        publish(policy(repo), versions, dt.date(2026, 11, 19), now=on_the_day(dt.date(2026, 11, 19)))
    with pytest.raises(PolicyError, match="version 1 of 'smartaqkol/privacy' already exists"):
        publish(policy(repo), versions, dt.date(2026, 11, 21), number=1, now=on_the_day(dt.date(2026, 11, 21)))
    with pytest.raises(PolicyError, match="checker error"):
        publish(
            policy(repo),
            versions,
            dt.date(2026, 11, 21),
            checker=lambda p: ["x.md:3: numbering: gap"],
            now=on_the_day(dt.date(2026, 11, 21)),
        )
    with pytest.raises(PolicyError, match="more than 24 hours before now"):  # backdated without a reason
        publish(policy(repo), versions, dt.date(2026, 11, 21), now=at(2026, 11, 22, 0, 1))
    assert sorted(p.relative_to(repo) for p in versions.rglob("*")) == before
    # the minute it goes live is fine (a moment still to come is a scheduled publication: tests/versions/test_publication_records.py)
    publish(policy(repo), versions, dt.date(2026, 11, 21), time=dt.time(9, 30), now=at(2026, 11, 21, 9, 30))


def test_edited_frozen_text_is_found(repo):
    versions = repo / "versions"
    publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    frozen = versions / "smartaqkol/privacy/v1/ru.md"
    frozen.chmod(0o644)
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("Компания", "Фирма", 1), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        open_store(versions, "smartaqkol/privacy")
    assert str(err.value).startswith(
        f"{frozen}: frozen text of version 1 (ru) does not match the sha256 recorded in "
        f"{versions / 'smartaqkol/privacy/changelog.yml'}:"
    )


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda s: s.replace("versions:", "versions: [", 1), "changelog is not valid YAML"),
        (lambda s: s.replace("version: 1", "version: one"), "changelog entry is malformed"),
        (lambda s: s.replace("+05:00'", "'", 1), "changelog entry is malformed"),
        (lambda s: s.replace("document: smartaqkol/privacy", "document: other/doc"), "changelog belongs to"),
    ],
)
def test_malformed_changelog(repo, mangle, message):
    versions = repo / "versions"
    publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    path = versions / "smartaqkol/privacy/changelog.yml"
    path.write_text(mangle(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        open_store(versions, "smartaqkol/privacy")
    assert message in str(err.value) and str(path) in str(err.value)


def test_publish_interrupted_between_freezing_and_recording(repo, monkeypatch):
    """Killed after the texts are in place but before the changelog: the version does not exist."""
    versions = repo / "versions"
    publish(policy(repo), versions, dt.date(2026, 11, 1), now=on_the_day(dt.date(2026, 11, 1)))
    changelog = (versions / "smartaqkol/privacy/changelog.yml").read_bytes()
    edit(repo, "7 (семи)", "8 (восьми)")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module, "atomic_write_text", crash)
    with pytest.raises(KeyboardInterrupt):
        publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    monkeypatch.undo()
    assert (versions / "smartaqkol/privacy/changelog.yml").read_bytes() == changelog
    store = open_store(versions, "smartaqkol/privacy")
    assert [v.number for v in store.versions] == [1]
    assert sorted(p.name for p in (versions / "smartaqkol/privacy").iterdir()) == ["changelog.yml", "v1"]
    # a crash (kill -9) that left its marked folder behind: ignored by readers, named by the next publish,
    # never removed by it; once a person has deleted it, publishing goes on
    left = versions / "smartaqkol/privacy/v2"
    left.mkdir()
    (left / store_module.INTERRUPTED).write_bytes(b"")
    (left / "ru.md").write_text("half", encoding="utf-8")
    assert [v.number for v in open_store(versions, "smartaqkol/privacy").versions] == [1]
    with pytest.raises(PolicyError, match="v2 already exists but the changelog does not list it"):
        publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    assert (left / "ru.md").read_text(encoding="utf-8") == "half"
    shutil.rmtree(left)
    v2 = publish(policy(repo), versions, dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20))).version
    assert v2.number == 2 and "8 (восьми)" in v2.text("ru")
    assert not (v2.folder / "v2" / store_module.INTERRUPTED).exists()


def test_publish_killed_with_sigkill_midway_leaves_the_repository_as_it_was(repo):
    import subprocess
    import sys

    versions = repo / "versions"
    publish(policy(repo), versions, dt.date(2026, 11, 1), now=on_the_day(dt.date(2026, 11, 1)))
    changelog = (versions / "smartaqkol/privacy/changelog.yml").read_bytes()
    edit(repo, "7 (семи)", "8 (восьми)")
    script = (
        "import os, signal, sys\n"
        "import policydocs.versions.store as s\n"
        "s.atomic_write_text = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from policydocs.cli import run\n"
        "sys.argv = ['policydocs', 'publish', 'smartaqkol/privacy', '--date', '2026-11-20', '--backdate', 'a test of a fixed date']\n"
        "run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, timeout=120)
    assert proc.returncode == -9
    assert (versions / "smartaqkol/privacy/changelog.yml").read_bytes() == changelog
    assert [v.number for v in open_store(versions, "smartaqkol/privacy").versions] == [1]


def test_publish_command_refuses_a_draft_with_checker_errors(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "docs/ru/smartaqkol/privacy.md"  # the operator's text (version 1): its gap at 2.5 not silenced
    draft.parent.mkdir(parents=True)
    operators = (DOCS.parent / "versions/smartaqkol/privacy/v1/ru.md").read_text(encoding="utf-8")
    draft.write_text(re.sub(r"^check:\n(?:[ \t]+.*\n)+", "", operators, flags=re.M), encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policydocs.cli import run; run()",
            "publish",
            "smartaqkol/privacy",
            "--date",
            "2026-11-20",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "checker error" in proc.stderr and "numbering-gap" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not (tmp_path / "versions").exists()


def test_check_command_fails_on_an_edited_frozen_text(repo):
    import subprocess
    import sys

    publish(policy(repo), repo / "versions", dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20)))
    frozen = repo / "versions/smartaqkol/privacy/v1/ru.md"
    frozen.chmod(0o644)
    frozen.write_text(frozen.read_text(encoding="utf-8") + "\nДобавка.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", "check"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert re.fullmatch(
        r"error: versions/smartaqkol/privacy/v1/ru\.md: frozen text of version 1 \(ru\) does not match the sha256 "
        r"recorded in versions/smartaqkol/privacy/changelog\.yml:\d+: either the published text or the changelog was "
        r"edited after publication; restore both from the repository's history",
        proc.stderr.strip(),
    )
