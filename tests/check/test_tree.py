"""`check_tree` (what `policydocs check` runs): workers that parse and check give the serial answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policydocs import corpus as corpus_mod
from policydocs.check import check_corpus, check_tree
from policydocs.errors import PolicyError

from .test_seeds import as_imported

REPO = Path(__file__).resolve().parents[2]


def _tree(tmp_path: Path) -> Path:
    """The five seeds as their operators wrote them (defects not silenced), plus a second copy of each."""
    docs = as_imported(tmp_path)
    shutil.copy(REPO / "glossary.yml", tmp_path / "glossary.yml")
    for path in list(docs.glob("*/*/*.md")):
        copy = path.parent.with_name(path.parent.name + "-copy") / path.name
        copy.parent.mkdir(exist_ok=True)
        text = path.read_text(encoding="utf-8")
        doc_id = f"{path.parent.name}/{path.stem}"
        copy.write_text(
            text.replace(f"id: {doc_id}\n", f"id: {path.parent.name}-copy/{path.stem}\n", 1), encoding="utf-8"
        )
    return docs


def test_workers_find_what_one_process_finds(tmp_path):
    docs = _tree(tmp_path)
    serial = check_corpus(corpus_mod.load(docs), project_root=tmp_path, workers=1)
    ids, parallel = check_tree(docs, project_root=tmp_path, workers=2)
    assert serial, "the seeds' real defects must be found"
    serial.sort(key=lambda f: f.sort_key())
    assert [f.to_json() for f in parallel] == [f.to_json() for f in serial]
    assert sorted(ids) == sorted(corpus_mod.load(docs).policies)


def test_only_some_documents(tmp_path):
    docs = _tree(tmp_path)
    ids, found = check_tree(docs, project_root=tmp_path, only=["citygroup/privacy"], workers=2)
    assert ids == ["citygroup/privacy"]
    assert found and {f.doc_id for f in found} == {"citygroup/privacy"}
    with pytest.raises(PolicyError, match="no document with id 'nosuch/privacy'"):
        check_tree(docs, project_root=tmp_path, only=["nosuch/privacy"], workers=2)


def test_a_load_error_in_a_worker_is_the_serial_error(tmp_path):
    docs = _tree(tmp_path)
    bad = docs / "kk" / "yasam-copy" / "privacy.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("lang: kk", "lang: kz", 1), encoding="utf-8")
    with pytest.raises(PolicyError) as serial:
        corpus_mod.load(docs)
    with pytest.raises(PolicyError) as parallel:
        check_tree(docs, project_root=tmp_path, workers=2)
    assert str(parallel.value) == str(serial.value)
    assert "yasam-copy" in str(parallel.value)
