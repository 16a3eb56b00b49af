"""Build policies for checker tests from the good three-language fixture, changed one line at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from policydocs import corpus as corpus_mod
from policydocs.check import check_policy
from policydocs.check.terminology import Glossary
from policydocs.check.terminology import load as load_glossary

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GOOD = FIXTURES / "good" / "docs"
REPO = Path(__file__).resolve().parent.parent
DOC = "demo/privacy.md"


def make_project(
    tmp_path: Path, edits: dict[str, list[tuple[str, str]]] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """A copy of the good fixture under tmp_path/docs with text replacements per language."""
    docs = tmp_path / "docs"
    shutil.copytree(GOOD, docs)
    for lang in drop:
        (docs / lang / DOC).unlink()
    for lang, pairs in (edits or {}).items():
        path = docs / lang / DOC
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"fixture {lang} lacks {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return docs


def findings(tmp_path: Path, edits=None, drop=(), glossary: Glossary | None = None, **kw):
    docs = make_project(tmp_path, edits, drop)
    corpus = corpus_mod.load(docs)
    policy = corpus.policies["demo/privacy"]
    return check_policy(
        policy, glossary=glossary if glossary is not None else Glossary([]), project_root=tmp_path, **kw
    )


def repo_glossary() -> Glossary:
    return load_glossary(REPO / "glossary.yml")


def rules(found) -> list[str]:
    return sorted(f.rule for f in found)
