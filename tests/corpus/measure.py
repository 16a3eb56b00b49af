"""Precision and recall of the checker on aligned three-language texts with planted, labelled defects.

The clean texts under ``clean/docs`` are checked as they are (every finding there is false),
then each defect of ``defects.yml`` is planted alone into a copy and the texts checked again:
a finding with the defect's rule, language and clause is a true one, any other finding not
named in the defect's ``also`` is false. Per rule: recall = defects found / defects planted,
precision = true findings / all findings of that rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policydocs.check import check_policy
from policydocs.check.terminology import Glossary
from policydocs.corpus import Policy
from policydocs.document import parse_text
from policydocs.languages import LANGUAGES
from policydocs.yamlio import safe_load

HERE = Path(__file__).parent
CLEAN = HERE / "clean" / "docs"


@dataclass
class Result:
    planted: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)  # planted defects found
    true: Counter = field(default_factory=Counter)  # findings that are a planted defect
    false: Counter = field(default_factory=Counter)  # findings that are not
    false_errors_on_clean: list = field(default_factory=list)
    variants: int = 0
    missed: list = field(default_factory=list)
    false_findings: list = field(default_factory=list)

    def recall(self, rule: str) -> float:
        return self.found[rule] / self.planted[rule] if self.planted[rule] else 1.0

    def precision(self, rule: str) -> float:
        total = self.true[rule] + self.false[rule]
        return self.true[rule] / total if total else 1.0

    def rules(self) -> list[str]:
        return sorted(set(self.planted) | set(self.true) | set(self.false))


def _texts(doc_id: str) -> dict[str, str]:
    return {lang: (CLEAN / lang / f"{doc_id}.md").read_text(encoding="utf-8") for lang in LANGUAGES}


def check_texts(doc_id: str, texts: dict[str, str]):
    policy = Policy(doc_id)
    for lang, text in texts.items():
        policy.languages[lang] = parse_text(text, CLEAN / lang / f"{doc_id}.md")
    return check_policy(policy, glossary=Glossary([]), project_root=HERE)


def measure(defects_files: list[Path] | None = None) -> Result:
    """Every ``defects-*.yml`` (one per document) measured into one result."""
    result = Result()
    for path in defects_files or sorted(HERE.glob("defects-*.yml")):
        _measure_document(safe_load(path.read_text(encoding="utf-8")), result)
    return result


def _measure_document(spec: dict, result: Result) -> None:
    doc_id = spec["doc"]
    texts = _texts(doc_id)
    for f in check_texts(doc_id, texts):
        result.false[f.rule] += 1
        result.false_findings.append(("clean", f))
        if f.severity == "error":
            result.false_errors_on_clean.append(f)
    for d in spec["defects"]:
        where = d.get("in", d["lang"])
        changed = dict(texts)
        if d["find"] not in changed[where]:
            raise ValueError(f"defect {d}: the {where} text has no {d['find']!r}")
        changed[where] = changed[where].replace(d["find"], d["replace"], 1)
        result.planted[d["rule"]] += 1
        hit = False
        for f in check_texts(doc_id, changed):
            if (f.rule, f.lang, f.clause) == (d["rule"], d["lang"], str(d["clause"])):
                result.true[f.rule] += 1
                hit = True
            elif f.rule not in d.get("also", ()):
                result.false[f.rule] += 1
                result.false_findings.append((d["why"], f))
        if hit:
            result.found[d["rule"]] += 1
        else:
            result.missed.append(d)
    for v in spec.get("variants", ()):
        changed = dict(texts)
        if v["find"] not in changed[v["lang"]]:
            raise ValueError(f"variant {v}: the {v['lang']} text has no {v['find']!r}")
        changed[v["lang"]] = changed[v["lang"]].replace(v["find"], v["replace"], 1)
        result.variants += 1
        for f in check_texts(doc_id, changed):
            result.false[f.rule] += 1
            result.false_findings.append((v["why"], f))


def table(result: Result) -> str:
    lines = ["| rule | planted | found | recall | findings | true | false | precision |",
             "|---|---|---|---|---|---|---|---|"]
    for rule in result.rules():
        t, f = result.true[rule], result.false[rule]
        lines.append(f"| {rule} | {result.planted[rule]} | {result.found[rule]} | {result.recall(rule):.0%} | "
                     f"{t + f} | {t} | {f} | {result.precision(rule):.0%} |")
    return "\n".join(lines)
