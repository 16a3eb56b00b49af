"""`policydocs check` on the five real policies: their real defects, and nothing else.

The operators' texts as imported are version 1 of each policy (versions/<id>/v1/, or docs/
before a first publication). Their defects are silenced there, in the header, with reasons:
the checker must find exactly those defects once the silences are taken out, and the docs/
tree as it stands must pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from policydocs import corpus as corpus_mod
from policydocs.check import check_corpus

from ..check_helpers import repo_glossary
from ..conftest import DOCS

VERSIONS = DOCS.parent / "versions"
SILENCES = re.compile(r"^check:\n(?:[ \t]+.*\n)+", re.M)


def as_imported(tmp: Path) -> Path:
    """A docs tree of every policy's first version (the operator's text), silences removed."""
    out = tmp / "docs"
    for path in DOCS.glob("*/*/*.md"):
        lang, product, name = path.relative_to(DOCS).with_suffix("").parts
        frozen = VERSIONS / product / name / "v1" / f"{lang}.md"
        source = frozen if frozen.exists() else path
        text = source.read_text(encoding="utf-8")
        target = out / lang / product / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(SILENCES.sub("", text, count=1), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    docs = as_imported(tmp_path_factory.mktemp("seeds"))
    shutil.copy(DOCS.parent / "glossary.yml", docs.parent / "glossary.yml")
    return check_corpus(corpus_mod.load(docs), glossary=repo_glossary(), project_root=docs.parent)


def _line(f) -> str:
    return Path(f.path).read_text(encoding="utf-8").splitlines()[f.line - 1]


def test_the_docs_tree_passes_with_its_silences():
    """Every defect kept on purpose is silenced with a reason; nothing else is wrong."""
    found = check_corpus(corpus_mod.load(DOCS), glossary=repo_glossary(), project_root=DOCS.parent)
    assert [
        (f.doc_id, f.lang, f.rule, f.clause) for f in found if f.severity == "error" and f.rule != "missing-language"
    ] == []


def test_seed_001_gap_between_2_4_and_2_6(found):
    gaps = [f for f in found if f.rule == "numbering-gap" and f.doc_id == "smartaqkol/privacy"]
    assert [(f.lang, f.clause, f.params["missing"]) for f in gaps] == [("ru", "2.6", "2.5")]
    assert _line(gaps[0]).startswith("2.6. Пользователь может отозвать")


def test_seed_004_mixed_script_word_with_its_latin_letters(found):
    mixed = [f for f in found if f.rule == "mixed-script"]
    assert [(f.doc_id, f.lang, f.params["word"]) for f in mixed] == [("citygroup/privacy", "kk", "Аktуалды")]
    assert "'k' (2nd letter), 't' (3rd letter)" in mixed[0].message


def test_seed_004_placeholders_in_section_2_each_once_for_both_languages(found):
    blanks = [f for f in found if f.rule == "placeholder"]
    assert len(blanks) == 4 and {f.doc_id for f in blanks} == {"citygroup/privacy"}
    assert {f.clause for f in blanks} == {"2"} and all(f.params.get("also") for f in blanks)
    assert all("_____" in _line(f) for f in blanks)


def test_seed_000_russian_word_in_the_english_text(found):
    foreign = [f for f in found if f.rule == "foreign-words"]
    assert [(f.doc_id, f.lang, f.params["words"]) for f in foreign] == [("santrade/privacy", "en", "'предусмотренных'")]


def test_missing_languages_are_each_reported(found, tmp_path):
    missing = {(f.doc_id, f.lang) for f in found if f.rule == "missing-language"}
    for doc_id, policy in corpus_mod.load(as_imported(tmp_path)).policies.items():
        for lang in ("ru", "kk", "en"):
            assert ((doc_id, lang) in missing) == (lang not in policy.languages)


def test_nothing_else_is_reported(found):
    """Otherwise consistent: the translations follow the Russian clause by clause, and the
    terminology warnings the checker once raised (yasam 5.2 "частным лицам" rendered with the
    terms reserved for "физическое лицо"; platform's two spellings of "PD subject") were
    fixed in the translations and the glossary."""
    known = {"numbering-gap", "mixed-script", "placeholder", "foreign-words", "missing-language"}
    assert sorted((f.doc_id, f.lang, f.clause, f.rule) for f in found if f.rule not in known) == []
