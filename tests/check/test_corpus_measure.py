"""The measured corpus: every planted defect is found, and the clean texts and their correct variants get no finding."""

from __future__ import annotations

from ..corpus.measure import HERE, measure

# The contract-wording corpus of issue 14; the meaning corpus of issue 25 has its own targets
# (tests/check/test_corpus_meaning.py).
WORDING = [HERE / "defects-tariffs.yml", HERE / "defects-terms.yml"]


def test_recall_is_complete_and_clean_texts_have_no_finding():
    result = measure(WORDING)
    assert result.planted and sum(result.planted.values()) >= 50 and result.variants >= 25
    assert result.missed == [], [f"{d['lang']} {d['clause']} {d['rule']}: {d['why']}" for d in result.missed]
    assert result.false_errors_on_clean == []
    assert result.false_findings == [], [
        (why, f.rule, f.lang, f.clause, f.text("en")) for why, f in result.false_findings
    ]
    for rule in ("amount-differs", "period-differs", "figure-words-differ", "sentence-missing", "sentence-added"):
        assert result.recall(rule) == 1.0 and result.precision(rule) == 1.0
