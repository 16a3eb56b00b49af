"""What a lawyer sees at the terminal, and the rules that span several files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policydocs.corpus import load
from policydocs.errors import PolicyError

from ..conftest import DOCS, seed


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_command_reports_guesses_and_files(tmp_path):
    proc = run_cli(
        "import",
        str(seed("004")),
        "--doc",
        "citygroup/privacy",
        "--docs",
        "docs",
        "--operator",
        "ТОО «ДамуЖолы»",
        "--operator",
        "kk=«ДамуЖолы» ЖШС",
        "--verbose",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"{seed('004')}:63: guessed: dropped an empty '-' bullet" in proc.stdout
    assert "wrote docs/kk/citygroup/privacy.md (kk, operator of ru text, source lines 1-154" in proc.stdout
    assert proc.stdout.splitlines()[-1] == f"{seed('004')}: 0 clauses, 6 guesses, 0 pieces of page furniture left out"
    assert "operator: «ДамуЖолы» ЖШС" in (tmp_path / "docs/kk/citygroup/privacy.md").read_text(encoding="utf-8")
    quiet = run_cli("import", str(seed("004")), "--doc", "citygroup/privacy", "--docs", "docs", "--force", cwd=tmp_path)
    assert "guessed:" not in quiet.stdout and quiet.stdout.strip().endswith("(--verbose lists them)")


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "in.txt: file is empty"),
        (b"abc\x00def", "in.txt:1: this is a binary file"),
        (b"\xd0\x9f\xd1\x80\n\x98\x98\n", "in.txt:2: text is not valid UTF-8"),
    ],
)
def test_bad_input_gives_one_line_exit_2_nothing_written(tmp_path, content, expected):
    (tmp_path / "in.txt").write_bytes(content)
    proc = run_cli("import", "in.txt", "--doc", "a/privacy", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"error: {expected}" + proc.stderr.strip().split(expected, 1)[1]]
    assert "Traceback" not in proc.stderr and not (tmp_path / "docs").exists()


def test_missing_source_file(tmp_path):
    proc = run_cli("import", "nope.txt", "--doc", "a/privacy", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip() == "error: nope.txt: file not found"


def test_the_repository_docs_load():
    corpus = load(DOCS)
    assert {"santrade/privacy", "smartaqkol/privacy", "platform/privacy", "yasam/privacy", "citygroup/privacy"} <= set(
        corpus.policies
    )
    assert all("ru" in p.languages for p in corpus.policies.values())


def copy_docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    shutil.copytree(DOCS, root)
    return root


def test_two_files_claiming_one_document_and_language(tmp_path):
    root = copy_docs(tmp_path)
    shutil.copy(root / "ru/yasam/privacy.md", root / "ru/yasam/privacy-copy.md")
    with pytest.raises(PolicyError) as err:
        load(root)
    assert "document 'yasam/privacy' in 'ru' is also defined in" in str(err.value)


def test_unknown_language_folder(tmp_path):
    root = copy_docs(tmp_path)
    (root / "kz").mkdir()
    with pytest.raises(PolicyError, match="unknown language folder 'kz'"):
        load(root)


def test_language_must_match_folder(tmp_path):
    root = tmp_path / "docs"
    path = root / "ru/yasam/privacy.md"
    path.parent.mkdir(parents=True)
    shutil.copy(DOCS / "ru/yasam/privacy.md", path)
    path.write_text(path.read_text(encoding="utf-8").replace("lang: ru", "lang: en", 1), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load(root)
    assert str(err.value).startswith(f"{path}:4: lang is 'en' but the file is in the 'ru' folder")


def test_missing_languages_are_reported_not_fatal():
    corpus = load(DOCS)
    assert corpus.policies["smartaqkol/privacy"].missing() == [
        lang for lang in ("ru", "kk", "en") if lang not in corpus.policies["smartaqkol/privacy"].languages
    ]
