"""Projects for the translators' loop: copies of the real seed policies (and their versions) in tmp_path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from policydocs.cli import main

REPO = Path(__file__).resolve().parent.parent
WHO = "Айгерим Нурланова <aigerim@example.kz>"


def seed_project(tmp_path: Path, doc_id: str = "yasam/privacy", versions: bool = True) -> Path:
    """tmp_path/docs/<lang>/<doc_id>.md from the repository's docs/, with its published versions."""
    for lang in ("ru", "kk", "en"):
        target = tmp_path / "docs" / lang / f"{doc_id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "docs" / lang / f"{doc_id}.md", target)
    if versions:
        shutil.copytree(REPO / "versions" / doc_id, tmp_path / "versions" / doc_id)
    shutil.copyfile(REPO / "glossary.yml", tmp_path / "glossary.yml")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run(root: Path, *args, input: str | None = None):
    """The CLI run from the project root, as a lawyer would (relative docs/ and versions/)."""
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    finally:
        os.chdir(here)


def findings_json(root: Path, *extra) -> list[dict]:
    result = run(root, "check", "docs", "--format", "json", *extra)
    return json.loads(result.output or "[]")


def clause_text(path: Path, number: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{number}. "):
            return line[len(number) + 2 :]
    raise AssertionError(f"{path} has no clause {number}")
