"""mkdocs build swaps a complete site into place: an interrupted or failed build leaves the previous one whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.browser.sitebuild import CODE, MKDOCS, build, make_project

ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000", "PATH": "/usr/bin:/bin", "PYTHONPATH": CODE}


def _previous_site(project):
    (project / "site").mkdir()
    (project / "site/index.html").write_text("the previous site", encoding="utf-8")


def _staged(project):
    return [p for p in project.iterdir() if p.name.startswith(".site-building-")]


def test_a_build_killed_midway_leaves_the_previous_site_whole_and_the_next_build_cleans_up(tmp_path):
    project = make_project(tmp_path, pdf="true", pdf_cache_dir=str(tmp_path / "cache"))
    _previous_site(project)
    proc = subprocess.Popen(
        [str(MKDOCS), "build", "--strict"], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it once pages are written but before it has finished
        staged = _staged(project)
        if staged and (staged[0] / "ru").is_dir():
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site/index.html").read_text(encoding="utf-8") == "the previous site"
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/ru/demo/privacy/index.html").is_file() and (
        project / "site/api/v1/documents.json"
    ).is_file()
    assert _staged(project) == []


def test_a_strict_build_refused_for_warnings_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path, pdf="false")
    _previous_site(project)
    (project / "docs/notes.md").write_text("# Заметки\n\n[нет такой страницы](missing.md)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "strict mode" in result.stdout + result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"] and _staged(project) == []


def test_a_full_disk_is_one_line_exit_2_and_the_previous_site_stays(tmp_path):
    project = make_project(tmp_path, pdf="false")
    _previous_site(project)
    script = (
        "import errno, mkdocs.utils as u, mkdocs.commands.build as b\n"
        "def full(content, output_path):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', output_path)\n"
        "u.write_file = b.utils.write_file = full\n"
        "from mkdocs.__main__ import cli\n"
        "cli(['build', '--strict'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=project, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{project / 'site'}/" in result.stderr and ": No space left on device" in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"] and _staged(project) == []


def test_a_complete_build_replaces_the_previous_site(tmp_path):
    project = make_project(tmp_path, pdf="false")
    _previous_site(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "the previous site" not in (project / "site/index.html").read_text(encoding="utf-8")
    assert oct((project / "site").stat().st_mode & 0o777) == "0o755"
    assert _staged(project) == []
