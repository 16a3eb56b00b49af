"""The meaning corpus of issue 25 (tests/corpus/defects-{dala,bazar,jetkiz}.yml) stays a valid measurement.

Every planted mistake is one real edit of the clean text inside the clause it is labelled with,
there are at least three of each kind in each of Kazakh and English, the clean texts give no
finding of the checker's other rules, and the meaning rules the checker has reach the issue's
targets (recall >= 90 % per kind and language, precision >= 95 %) or, where they do not yet,
the floor measured when they landed.
"""

from __future__ import annotations

from collections import Counter

import pytest

from policydocs.document import Kind, parse_text
from policydocs.yamlio import safe_load

from ..corpus.measure import CLEAN, HERE, _texts, check_texts, glossary_of, measure, planted

MEANING = [HERE / f"defects-{name}.yml" for name in ("dala", "bazar", "jetkiz")]
HOLDOUT = [HERE / f"defects-holdout-{name}.yml" for name in ("dala", "bazar", "jetkiz")]
# written by another hand without reading the rules (tolem/privacy, arenda/lease): measured blind once, then kept
HOLDOUT3 = [HERE / f"defects-holdout3-{name}.yml" for name in ("tolem", "arenda")]
KINDS = ("polarity", "modality", "actors", "conditions", "places and laws", "list items", "currency")
MEANING_RULES = (
    "polarity-differs",
    "modality-differs",
    "actor-differs",
    "condition-differs",
    "place-differs",
    "law-differs",
    "body-differs",
    "list-item-missing",
    "list-item-added",
    "currency-differs",
)


def _specs(paths=(*MEANING, *HOLDOUT, *HOLDOUT3)) -> list[dict]:
    return [safe_load(path.read_text(encoding="utf-8")) for path in paths]


def _clause_at(doc_id: str, lang: str, text: str, offset: int) -> str:
    """The number of the clause that holds the character at ``offset`` of ``text``."""
    line = text.count("\n", 0, offset) + 1
    doc = parse_text(text, CLEAN / lang / f"{doc_id}.md")
    for block in doc.blocks:
        if block.line <= line < block.line + len(block.lines):
            eid = block.eid if block.kind == Kind.CLAUSE else block.parent
            assert eid.startswith("cl-"), (doc_id, lang, line, eid)
            return eid.removeprefix("cl-").replace("-", ".")
    raise AssertionError(f"{doc_id} {lang}: no block at line {line}")


@pytest.mark.parametrize("spec", _specs(), ids=lambda s: f"{s['doc']}-{len(s['defects'])}")
def test_every_edit_is_one_real_change_inside_its_clause(spec):
    texts = _texts(spec["doc"])
    for edit in [*spec["defects"], *spec.get("variants", ())]:
        where = edit.get("in", edit["lang"])
        text = texts[where]
        assert text.count(edit["find"]) == 1, edit  # the edit lands where it is labelled, not at an earlier copy
        assert edit["replace"] != edit["find"], edit
        changed = planted(texts, edit, where)
        assert changed[where] != text and all(changed[lg] == texts[lg] for lg in texts if lg != where)
        if "clause" in edit:
            assert _clause_at(spec["doc"], where, text, text.index(edit["find"])) == str(edit["clause"]), edit


def test_at_least_three_mistakes_of_each_kind_in_kazakh_and_in_english():
    counts = Counter((d["kind"], d["lang"]) for spec in _specs(MEANING) for d in spec["defects"])
    short = {(kind, lang): counts[(kind, lang)] for kind in KINDS for lang in ("kk", "en") if counts[(kind, lang)] < 3}
    assert not short, short
    assert {d["kind"] for spec in _specs() for d in spec["defects"]} == set(KINDS)
    assert sum(len(spec["variants"]) for spec in _specs(MEANING)) >= 30
    held = Counter((d["kind"], d["lang"]) for spec in _specs(HOLDOUT) for d in spec["defects"])
    assert all(held[(kind, lang)] >= 1 for kind in KINDS for lang in ("kk", "en")), held


def test_each_document_has_three_languages_and_the_negation_and_bound_phrases_it_is_measured_on():
    texts = {spec["doc"]: _texts(spec["doc"]) for spec in _specs(MEANING)}
    joined = {lang: "\n".join(t[lang] for t in texts.values()) for lang in ("ru", "kk", "en")}
    for phrase in (
        "не менее",
        "не позднее",
        "если иное не предусмотрено",
        "не более",
        "«О персональных данных и их защите»",
    ):
        assert phrase in joined["ru"], phrase
    for phrase in (
        "кемінде",
        "кешіктірмей",
        "өзгеше көзделмесе",
        "емес",
        "тыйым салынады",
        "келісімінсіз",
        "еңсерілмейтін",
        "«Дербес деректер және оларды қорғау туралы»",
    ):
        assert phrase in joined["kk"], phrase
    for phrase in (
        "at least",
        "no later than",
        "unless otherwise provided",
        "without",
        "prohibited",
        '"On Personal Data and Their Protection"',
    ):
        assert phrase in joined["en"], phrase
    assert all(letter in joined["kk"] for letter in "әғқңөұүі")


@pytest.mark.parametrize("spec", _specs(MEANING), ids=lambda s: s["doc"])
def test_clean_texts_give_no_finding_of_the_other_rules(spec):
    """Only the false findings issue 25 names (a glossary term in another number) may remain, until fixed."""
    found = [
        (f.rule, f.lang, f.clause, f.text("en"))
        for f in check_texts(spec["doc"], _texts(spec["doc"]), glossary_of(spec))
        if f.rule not in MEANING_RULES
    ]
    known = {(k["rule"], k["lang"], str(k["clause"])) for k in spec.get("known", ())}
    assert [f for f in found if f[:3] not in known] == []


# Issue 25's targets: recall >= 90 % per kind and language, precision >= 95 % per kind. Where the
# rules do not reach them yet, the figure measured when they landed is the floor, so that no change
# makes them worse unnoticed; raise a floor when the rules improve, remove it at the target.
RECALL_TARGET, PRECISION_TARGET = 0.90, 0.95
RECALL_FLOORS = {  # (kind, lang): found / planted on the first and both held-out sets, 2026-12-07
    ("list items", "kk"): 14 / 18,
    ("list items", "en"): 11 / 18,  # items told apart only by their meaning
}
PRECISION_FLOORS: dict[str, float] = {}  # every kind at 95 % or more


def test_meaning_rules_reach_the_targets_of_issue_25_or_hold_their_floor():
    """Every kind at the targets, or not below the floor it had when it landed (the gaps are in README)."""
    result = measure([*MEANING, *HOLDOUT, *HOLDOUT3])
    low = []
    for kind in KINDS:
        for lang in ("kk", "en"):
            c = result.by_kind[(kind, lang)]
            need = min(RECALL_TARGET, RECALL_FLOORS.get((kind, lang), RECALL_TARGET))
            if c["found"] / c["planted"] < need - 1e-9:
                low.append((kind, lang, "recall", c["found"], c["planted"], need))
        true = sum(c["true"] for (k, _), c in result.by_kind.items() if k == kind)
        false = sum(c["false"] for (k, _), c in result.by_kind.items() if k == kind)
        need = min(PRECISION_TARGET, PRECISION_FLOORS.get(kind, PRECISION_TARGET))
        if true + false and true / (true + false) < need - 1e-9:
            low.append((kind, "precision", true, false, need))
    assert low == [], (low, [f"{d['lang']} {d['clause']} {d['rule']}: {d['why']}" for d in result.missed])


def test_the_floors_are_below_the_targets_and_name_real_kinds():
    """A floor is a known gap, never a way to lower a target that is met."""
    assert all(
        kind in KINDS and lang in ("kk", "en") and floor < RECALL_TARGET
        for (kind, lang), floor in RECALL_FLOORS.items()
    )
    assert all(kind in KINDS and floor < PRECISION_TARGET for kind, floor in PRECISION_FLOORS.items())
