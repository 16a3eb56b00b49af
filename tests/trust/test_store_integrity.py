"""Published versions that nothing can lose: concurrent publishes, stray and missing folders, edited changelogs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policydocs.corpus import load
from policydocs.errors import PolicyError
from policydocs.versions.publish import publish
from policydocs.versions.store import open_store
from tests.conftest import DOCS, on_the_day

DOC = "smartaqkol/privacy"
SILENCES = """check:
  ignore:
    - rule: missing-language
      reason: this test publishes the Russian text alone
---
"""


def _docs(folder: Path, replace: tuple[str, str] | None = None) -> Path:
    """A docs/ tree with SmartAqkol's Russian text (version 2, no defects), optionally edited."""
    path = folder / "ru/smartaqkol/privacy.md"
    path.parent.mkdir(parents=True)
    text = (DOCS / "ru/smartaqkol/privacy.md").read_text(encoding="utf-8").replace("---\n", "", 1)
    head, body = text.split("---\n", 1)
    text = "---\n" + head + SILENCES + body
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path):
    _docs(tmp_path / "docs")
    publish(
        load(tmp_path / "docs").policies[DOC],
        tmp_path / "versions",
        dt.date(2026, 11, 1),
        now=on_the_day(dt.date(2026, 11, 1)),
    )
    return tmp_path


def _cli(cwd: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("attempt", range(4))
def test_two_publishes_at_once_both_land_as_separate_versions(project, attempt):
    """Two processes publish two different drafts at the same moment: v2 and v3, each text with its own hash."""
    _docs(project / "docs-a", ("7 (семи)", "8 (восьми)"))
    _docs(project / "docs-b", ("7 (семи)", "9 (девяти)"))
    # a longer notice period for b: two versions may not take effect at one moment (publish refuses that)
    b = project / "docs-b/ru/smartaqkol/privacy.md"
    b.write_text(b.read_text(encoding="utf-8").replace("notice_days: 7", "notice_days: 8", 1), encoding="utf-8")
    procs = [
        _cli(project, "publish", DOC, "--date", "2026-11-20", "--backdate", "a test of a fixed date", "--docs", name)
        for name in ("docs-a", "docs-b")
    ]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], results
    numbers = sorted(int(out.split(" version ")[1].split(":")[0]) for _, out, _ in results)
    assert numbers == [2, 3]
    store = open_store(project / "versions", DOC)  # verifies every hash against its text
    assert [v.number for v in store.versions] == [1, 2, 3]
    texts = {store.get(n).text("ru") for n in (2, 3)}
    assert any("8 (восьми)" in t for t in texts) and any("9 (девяти)" in t for t in texts)
    assert not [p for p in (project / "versions" / DOC).iterdir() if p.name.startswith(".")]


def test_a_second_publish_of_the_same_text_is_refused_not_doubled(project):
    _docs(project / "docs-a", ("7 (семи)", "8 (восьми)"))
    procs = [
        _cli(
            project, "publish", DOC, "--date", "2026-11-20", "--backdate", "a test of a fixed date", "--docs", "docs-a"
        )
        for _ in range(2)
    ]
    results = sorted((p.wait(timeout=120), p.stderr.read()) for p in procs)
    assert results[0][0] == 0 and results[1][0] == 2
    assert "nothing changed" in results[1][1] and len(results[1][1].strip().splitlines()) == 1
    assert [v.number for v in open_store(project / "versions", DOC).versions] == [1, 2]


def test_a_folder_of_the_users_own_is_never_touched(project):
    archive = project / "versions" / DOC / "archive"
    archive.mkdir()
    (archive / "signed-scan.pdf").write_bytes(b"%PDF-1.4 signed")
    edited = _docs(project / "docs-a", ("7 (семи)", "8 (восьми)"))
    publish(
        load(edited).policies[DOC], project / "versions", dt.date(2026, 11, 20), now=on_the_day(dt.date(2026, 11, 20))
    )
    assert (archive / "signed-scan.pdf").read_bytes() == b"%PDF-1.4 signed"


def _changelog(project: Path) -> Path:
    return project / "versions" / DOC / "changelog.yml"


def _publish_v2_v3(project: Path) -> None:
    for n, (old, new) in ((20, ("7 (семи)", "8 (восьми)")), (21, ("7 (семи)", "9 (девяти)"))):
        publish(
            load(_docs(project / f"docs-{n}", (old, new))).policies[DOC],
            project / "versions",
            dt.date(2026, 11, n),
            now=on_the_day(dt.date(2026, 11, n)),
        )


def test_a_changelog_that_lost_an_entry_is_an_error_and_the_texts_survive(project):
    _publish_v2_v3(project)
    changelog = _changelog(project)
    text = changelog.read_text(encoding="utf-8")
    start = text.index("- version: 2")
    end = text.index("- version: 3")
    changelog.write_text(text[:start] + text[end:], encoding="utf-8")  # a bad merge dropped version 2
    frozen = {p: p.read_bytes() for p in (project / "versions" / DOC).rglob("*.md")}
    with pytest.raises(PolicyError) as err:
        open_store(project / "versions", DOC)
    assert str(err.value).startswith(f"{changelog}:") and "version 3 where version 2 should come" in str(err.value)
    edited = _docs(project / "docs-x", ("7 (семи)", "10 (десяти)"))
    with pytest.raises(PolicyError):
        publish(
            load(edited).policies[DOC],
            project / "versions",
            dt.date(2026, 11, 22),
            now=on_the_day(dt.date(2026, 11, 22)),
        )
    assert {p: p.read_bytes() for p in (project / "versions" / DOC).rglob("*.md")} == frozen


def test_the_last_entry_lost_leaves_a_folder_the_changelog_does_not_list(project):
    _publish_v2_v3(project)
    changelog = _changelog(project)
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text[: text.index("- version: 3")], encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        open_store(project / "versions", DOC)
    assert str(err.value).startswith(str(project / "versions" / DOC / "v3")) and "not listed" in str(err.value)


def test_an_entry_without_its_folder_is_an_error(project):
    _publish_v2_v3(project)
    shutil.rmtree(project / "versions" / DOC / "v2", onerror=lambda f, p, e: (os.chmod(p, 0o644), f(p)))
    with pytest.raises(PolicyError, match="version 2 is in the changelog .* but its folder is missing"):
        open_store(project / "versions", DOC)


def test_an_edited_hash_in_the_changelog_names_the_changelog_and_its_line(project):
    changelog = _changelog(project)
    text = changelog.read_text(encoding="utf-8")
    digest = open_store(project / "versions", DOC).get(1).sha256["ru"]
    changelog.write_text(text.replace(digest, digest[::-1]), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        open_store(project / "versions", DOC)
    line = next(i for i, l in enumerate(text.split("\n"), 1) if digest in l)
    assert f"recorded in {changelog}:{line}: either the published text or the changelog" in str(err.value)


def test_a_hash_that_is_not_a_hash_is_a_malformed_entry(project):
    changelog = _changelog(project)
    digest = open_store(project / "versions", DOC).get(1).sha256["ru"]
    changelog.write_text(changelog.read_text(encoding="utf-8").replace(digest, "0" * 64), encoding="utf-8")
    with pytest.raises(PolicyError, match="must be 64 hexadecimal digits"):
        open_store(project / "versions", DOC)


def test_a_frozen_text_replaced_by_a_link_is_refused(project):
    frozen = project / "versions" / DOC / "v1/ru.md"
    outside = project / "outside.md"
    outside.write_bytes(frozen.read_bytes())
    frozen.unlink()
    frozen.symlink_to(outside)
    with pytest.raises(PolicyError, match="symbolic link"):
        open_store(project / "versions", DOC)


def test_a_stray_file_inside_a_version_folder_is_an_error(project):
    folder = project / "versions" / DOC / "v1"
    (folder / "kk.md").write_text("---\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="the changelog records no such text"):
        open_store(project / "versions", DOC)
