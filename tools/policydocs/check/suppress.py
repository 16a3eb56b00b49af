"""Silences: a finding is hidden only where the text says so, and always with a reason.

In the text, a comment standing right before the block::

    <!-- check: ignore length-ratio: the Kazakh clause merges two Russian sentences -->

In the header, for the whole document or one clause::

    check:
      ignore:
        - rule: untranslated
          clause: "2.1"
          reason: the clause is a list of proper names

A silence written in the source-language file also silences the same finding in the
translations. A silence without a reason, or naming a rule that does not exist, is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Kind
from .findings import RULES, Finding

COMMENT_RE = re.compile(r"<!--\s*check:\s*ignore\s+(?P<rules>[\w\s,-]+?)\s*(?::\s*(?P<reason>.*?))?\s*-->", re.S)


# rules split out of "invariant-mismatch": a silence written for it before the split still holds
FORMERLY = {"amount-differs": "invariant-mismatch", "period-differs": "invariant-mismatch"}


@dataclass
class Silence:
    rule: str
    clause: str | None  # eId (from comments) or number (from the header); None = whole document
    reason: str
    line: int


def has_silences(doc: Document) -> bool:
    """Cheap test: does the document silence anything at all?"""
    return "check" in doc.meta or any(b.kind is Kind.COMMENT and "check:" in "".join(b.lines) for b in doc.blocks)


def silences(doc: Document) -> tuple[dict[str, list[Silence]], list[Silence], list[Finding]]:
    """Silences by the eId they stand before, document-wide silences, and findings about bad silences."""
    by_eid: dict[str, list[Silence]] = {}
    document: list[Silence] = []
    problems: list[Finding] = []
    pending: list[Silence] = []

    def validate(s: Silence) -> bool:
        if s.rule not in RULES:
            problems.append(
                Finding(
                    "silence-unknown-rule",
                    doc.doc_id,
                    doc.lang,
                    str(doc.path),
                    s.line,
                    s.clause or "",
                    params=dict(rule=s.rule),
                )
            )
            return False
        if not s.reason.strip():
            problems.append(
                Finding(
                    "silence-without-reason",
                    doc.doc_id,
                    doc.lang,
                    str(doc.path),
                    s.line,
                    s.clause or "",
                    params=dict(rule=s.rule),
                )
            )
            return False
        return True

    for block in doc.blocks:
        if block.kind is Kind.COMMENT:
            text = "".join(block.lines)
            m = COMMENT_RE.search(text)
            if m:
                for rule in re.split(r"[\s,]+", m.group("rules").strip()):
                    s = Silence(rule, None, m.group("reason") or "", block.line)
                    if validate(s):
                        pending.append(s)
            continue
        if block.kind is Kind.BLANK:
            continue
        if pending:
            for s in pending:
                s.clause = block.eid
                by_eid.setdefault(block.eid, []).append(s)
            pending = []
    check = doc.meta.get("check") or {}
    entries = check.get("ignore", []) if isinstance(check, dict) else []
    header_line = 1
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            s = Silence(
                str(entry.get("rule", "")),
                str(entry["clause"]).rstrip(".") if entry.get("clause") else None,
                str(entry.get("reason") or ""),
                header_line,
            )
        else:
            rule, _, reason = str(entry).partition(":")
            s = Silence(rule.strip(), None, reason.strip(), header_line)
        if validate(s):
            document.append(s)
    return by_eid, document, problems


def is_silenced(f: Finding, by_eid: dict[str, list[Silence]], document: list[Silence]) -> bool:
    names = (f.rule, FORMERLY.get(f.rule, f.rule))
    for eid in (f.eid, f.other_eid):
        for s in by_eid.get(eid, ()) if eid else ():
            if s.rule in names:
                return True
    for s in document:
        if s.rule in names and (s.clause is None or s.clause in (f.clause, f.eid)):
            return True
    return False
