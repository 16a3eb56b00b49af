"""Precision and recall of the checker on aligned three-language texts with planted, labelled defects.

The clean texts under ``clean/docs`` are checked as they are (every finding there is false),
then each defect of ``defects.yml`` is planted alone into a copy and the texts checked again:
a finding with the defect's rule, language and clause is a true one, any other finding not
named in the defect's ``also`` is false (a false finding of the clean texts is counted once, not
again on every copy). Per rule: recall = defects found / defects planted,
precision = true findings / all findings of that rule.

The same figures are kept per kind of defect and language of the finding (``by_kind``): a
defect names its ``kind`` (default: its rule), and a defect's ``rule`` may list several ids when
the mistake is rightly reported by either. A document's spec may name a ``glossary`` (a file
beside this one) that its texts are checked with, and ``known`` findings on its clean texts
that are false and reported as such (each with the reason), so that a fix can be seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policydocs.check import check_policy
from policydocs.check.terminology import Glossary
from policydocs.check.terminology import load as load_glossary
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
    clean_findings: list = field(default_factory=list)  # (doc, finding) on the clean texts
    by_kind: dict = field(default_factory=dict)  # (kind, lang) -> Counter of planted/found/true/false
    kind_of: dict = field(default_factory=dict)  # rule -> kind, from the defects that name it
    checked: set = field(default_factory=set)  # documents whose clean texts were checked

    def count(self, kind: str, lang: str, what: str) -> None:
        self.by_kind.setdefault((kind, lang), Counter())[what] += 1

    def kind(self, rule: str) -> str:
        return self.kind_of.get(rule, rule)

    def recall(self, rule: str) -> float:
        return self.found[rule] / self.planted[rule] if self.planted[rule] else 1.0

    def precision(self, rule: str) -> float:
        total = self.true[rule] + self.false[rule]
        return self.true[rule] / total if total else 1.0

    def rules(self) -> list[str]:
        return sorted(set(self.planted) | set(self.true) | set(self.false))


def _texts(doc_id: str) -> dict[str, str]:
    return {lang: (CLEAN / lang / f"{doc_id}.md").read_text(encoding="utf-8") for lang in LANGUAGES}


def check_texts(doc_id: str, texts: dict[str, str], glossary: Glossary | None = None):
    policy = Policy(doc_id)
    for lang, text in texts.items():
        policy.languages[lang] = parse_text(text, CLEAN / lang / f"{doc_id}.md")
    return check_policy(policy, glossary=glossary or Glossary([]), project_root=HERE)


def glossary_of(spec: dict) -> Glossary:
    """The glossary a document's spec names (a file beside this one), else none."""
    return load_glossary(HERE / spec["glossary"]) if spec.get("glossary") else Glossary([])


def rules_of(defect: dict) -> tuple[str, ...]:
    """The rule ids that rightly report a defect: one, or several written as a list."""
    rule = defect["rule"]
    return tuple(rule) if isinstance(rule, list) else (rule,)


def measure(defects_files: list[Path] | None = None) -> Result:
    """Every ``defects-*.yml`` (one per document) measured into one result."""
    result = Result()
    specs = [
        safe_load(path.read_text(encoding="utf-8")) for path in defects_files or sorted(HERE.glob("defects-*.yml"))
    ]
    for spec in specs:
        for d in spec["defects"]:
            for rule in rules_of(d):
                result.kind_of.setdefault(rule, d.get("kind", rules_of(d)[0]))
    for spec in specs:
        _measure_document(spec, result)
    return result


def _measure_document(spec: dict, result: Result) -> None:
    doc_id = spec["doc"]
    texts = _texts(doc_id)
    glossary = glossary_of(spec)

    def false(why: str, f) -> None:
        result.false[f.rule] += 1
        result.count(result.kind(f.rule), f.lang, "false")
        result.false_findings.append((f"{doc_id}: {why}", f))

    on_clean = set()
    seen = doc_id in result.checked  # a document with more than one defects file: its clean texts count once
    result.checked.add(doc_id)
    for f in check_texts(doc_id, texts, glossary):
        on_clean.add((f.rule, f.lang, f.clause))
        if seen:
            continue
        false("clean", f)
        result.clean_findings.append((doc_id, f))
        if f.severity == "error":
            result.false_errors_on_clean.append(f)
    for d in spec["defects"]:
        rules = rules_of(d)
        kind = d.get("kind", rules[0])
        changed = planted(texts, d, d.get("in", d["lang"]))
        result.planted[rules[0]] += 1
        result.count(kind, d["lang"], "planted")
        hit = False
        for f in check_texts(doc_id, changed, glossary):
            if f.rule in rules and (f.lang, f.clause) == (d["lang"], str(d["clause"])):
                result.true[f.rule] += 1
                result.count(kind, d["lang"], "true")
                hit = True
            elif "in" in d and f.rule in rules and f.clause == str(d["clause"]):
                pass  # an edit of the source changes every translation: the other language's finding is right too
            elif f.rule not in d.get("also", ()) and (f.rule, f.lang, f.clause) not in on_clean:
                false(d["why"], f)
        if hit:
            result.found[rules[0]] += 1
            result.count(kind, d["lang"], "found")
        else:
            result.missed.append(d)
    for v in spec.get("variants", ()):
        changed = planted(texts, v, v["lang"])
        result.variants += 1
        for f in check_texts(doc_id, changed, glossary):
            if (f.rule, f.lang, f.clause) not in on_clean:
                false(v["why"], f)


def planted(texts: dict[str, str], edit: dict, where: str) -> dict[str, str]:
    """The texts with one defect or variant made: its ``find`` replaced, once, in the ``where`` text."""
    if edit["find"] not in texts[where]:
        raise ValueError(f"{edit}: the {where} text has no {edit['find']!r}")
    changed = dict(texts)
    changed[where] = texts[where].replace(edit["find"], edit["replace"], 1)
    return changed


def table(result: Result) -> str:
    lines = [
        "| rule | planted | found | recall | findings | true | false | precision |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rule in result.rules():
        t, f = result.true[rule], result.false[rule]
        lines.append(
            f"| {rule} | {result.planted[rule]} | {result.found[rule]} | {result.recall(rule):.0%} | "
            f"{t + f} | {t} | {f} | {result.precision(rule):.0%} |"
        )
    return "\n".join(lines)


def kind_table(result: Result, langs: tuple[str, ...] = ("ru", "kk", "en")) -> str:
    """Recall and precision per kind of defect and language of the finding, with both languages together."""
    lines = [
        "| kind | lang | planted | found | recall | findings | true | false | precision |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in sorted({k for k, _ in result.by_kind}):
        for lang in (*langs, "all"):
            c = Counter()
            for (k, lg), counts in result.by_kind.items():
                if k == kind and (lang == "all" or lg == lang):
                    c.update(counts)
            if lang != "all" and not c:
                continue
            recall = f"{c['found'] / c['planted']:.0%}" if c["planted"] else "–"
            total = c["true"] + c["false"]
            precision = f"{c['true'] / total:.0%}" if total else "–"
            lines.append(
                f"| {kind} | {lang} | {c['planted']} | {c['found']} | {recall} | {total} | {c['true']} | "
                f"{c['false']} | {precision} |"
            )
    return "\n".join(lines)
