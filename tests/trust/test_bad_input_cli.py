"""Bad input to the CLI: one line naming the file (and line), exit 2, never a traceback or 'internal error'."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
)


@pytest.fixture
def project(tmp_path):
    for name in ("docs", "versions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "glossary.yml", tmp_path / "glossary.yml")
    return tmp_path


def run(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_line_error(result: subprocess.CompletedProcess, *expected: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for text in expected:
        assert text in err, err
    return err


def _insert_after_first_line(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([lines[0], text] + lines[1:]), encoding="utf-8")


def test_an_alias_bomb_in_front_matter_is_refused_at_once(project):
    path = project / "docs/ru/yasam/privacy.md"
    _insert_after_first_line(path, BOMB)
    started = time.monotonic()
    err = one_line_error(run(project, "check", timeout=60), "docs/ru/yasam/privacy.md:2:", "aliases")
    assert time.monotonic() - started < 30, err


def test_an_alias_bomb_in_a_changelog_is_refused(project):
    path = project / "versions/yasam/privacy/changelog.yml"
    _insert_after_first_line(path, BOMB)
    one_line_error(run(project, "status", timeout=60), "versions/yasam/privacy/changelog.yml:2:", "aliases")


def test_an_alias_bomb_in_the_glossary_is_refused(project):
    _insert_after_first_line(project / "glossary.yml", BOMB)
    one_line_error(run(project, "check", timeout=60), "glossary.yml:2:", "aliases")


def test_docs_given_as_a_file(project):
    one_line_error(run(project, "check", "glossary.yml"), "glossary.yml: is a file, not the docs folder")
    one_line_error(
        run(project, "publish", "yasam/privacy", "--date", "2026-11-25", "--docs", "glossary.yml"),
        "glossary.yml: is a file, not the docs folder",
    )


def test_a_redline_written_into_a_folder(project):
    (project / "out").mkdir()
    one_line_error(
        run(project, "diff", "citygroup/privacy", "--from", "v1", "--to", "v2", "--html", "out"), "out: is a folder"
    )


def test_a_redline_into_a_folder_that_cannot_be_written(project):
    target = project / "ro" / "redline.html"
    target.parent.mkdir()
    (target.parent / "blocker").write_text("", encoding="utf-8")
    # a path whose parent is a file cannot be created, whoever runs the test
    one_line_error(
        run(project, "diff", "citygroup/privacy", "--from", "v1", "--to", "v2", "--html", "ro/blocker/redline.html"),
        "ro/blocker/redline.html: cannot write here",
    )
    assert sorted(p.name for p in target.parent.iterdir()) == ["blocker"]


def test_a_changelog_that_is_a_folder(project):
    changelog = project / "versions/yasam/privacy/changelog.yml"
    changelog.unlink()
    changelog.mkdir()
    one_line_error(run(project, "status"), "versions/yasam/privacy/changelog.yml: is a folder")


def test_a_thousand_levels_of_clause_numbers(project):
    path = project / "docs/ru/yasam/privacy.md"
    lines = [".".join(["1"] * depth) + f". Пункт уровня {depth}." for depth in range(1, 1001)]
    text = path.read_text(encoding="utf-8") + "\n" + "\n\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(lines[12]) + 1  # the first number with 13 levels
    one_line_error(run(project, "check"), f"docs/ru/yasam/privacy.md:{line}:", "has 13 levels")


def test_a_link_in_docs_is_refused_by_check(project):
    os.symlink("/etc/passwd", project / "docs/ru/yasam/passwd.md")
    one_line_error(run(project, "check"), "docs/ru/yasam/passwd.md: is a symbolic link")


def test_a_linked_folder_in_docs_is_refused_by_check(project):
    os.symlink(project / "versions", project / "docs/kk/linked")
    one_line_error(run(project, "check"), "docs/kk/linked: is a symbolic link to a folder")


def test_a_fifo_in_docs_does_not_hang_check(project):
    os.mkfifo(project / "docs/en/yasam/pipe.md")
    one_line_error(run(project, "check", timeout=60), "docs/en/yasam/pipe.md: is not a regular file")


def test_a_frozen_text_that_is_a_fifo(project):
    frozen = project / "versions/yasam/privacy/v1/kk.md"
    frozen.chmod(0o644)
    frozen.unlink()
    os.mkfifo(frozen)
    one_line_error(run(project, "status", timeout=60), "versions/yasam/privacy/v1/kk.md: is not a regular file")


def test_a_glossary_that_is_a_link_is_refused(project):
    (project / "glossary.yml").rename(project / "elsewhere.yml")
    os.symlink(project / "elsewhere.yml", project / "glossary.yml")
    one_line_error(run(project, "check"), "glossary.yml: is a symbolic link")


def test_a_publish_that_cannot_create_its_folder_writes_nothing(project):
    for lang in ("ru", "kk", "en"):
        (project / f"docs/{lang}/newdoc").mkdir()
        text = (project / f"docs/{lang}/yasam/privacy.md").read_text(encoding="utf-8")
        (project / f"docs/{lang}/newdoc/privacy.md").write_text(
            text.replace("id: yasam/privacy", "id: newdoc/privacy"), encoding="utf-8"
        )
    (project / "versions/newdoc").write_text("a file where the folder should be", encoding="utf-8")
    one_line_error(
        run(project, "publish", "newdoc/privacy", "--date", "2026-11-25", "--backdate", "a test of a fixed date"),
        "versions/newdoc/privacy: could not write the new version",
    )
    assert (project / "versions/newdoc").read_text(encoding="utf-8") == "a file where the folder should be"


def test_an_unknown_time_zone_in_a_changelog_names_file_and_line(project):
    path = project / "versions/yasam/privacy/changelog.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("timezone: Asia/Almaty", "timezone: Mars/Olympus"), encoding="utf-8"
    )
    one_line_error(run(project, "status"), "versions/yasam/privacy/changelog.yml:3: unknown time zone 'Mars/Olympus'")
