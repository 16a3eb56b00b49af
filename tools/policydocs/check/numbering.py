"""Numbering inside one language: gaps, duplicates, numbers going backwards, clauses at the wrong level.

The signed text's numbering is kept as written (the convention forbids repairing it by
hand), so this is where a gap such as seed 001's 2.4 -> 2.6 is reported.
"""

from __future__ import annotations

from ..document import Block, Clause, Document, Kind
from ..i18n import N_
from . import wording
from .findings import Finding, excerpt

LEVEL_SKIPPED = N_("{base} does not exist, so a level of numbering is skipped")
INSIDE = N_("it stands inside {parent}")


def _last(number: str) -> int:
    return int(number.rsplit(".", 1)[-1])


def _parent(number: str) -> str:
    return number.rsplit(".", 1)[0] if "." in number else ""


def check(doc: Document, doc_id: str) -> list[Finding]:
    findings: list[Finding] = []
    path = str(doc.path)

    def add(rule: str, block: Block, clause_no: str, **params) -> None:
        findings.append(
            Finding(
                rule,
                doc_id,
                doc.lang,
                path,
                block.line,
                clause_no,
                block.eid,
                excerpt=excerpt(block.text),
                params=params,
            )
        )

    def sequence(blocks: list[tuple[str, Block]], what: str, start_expected: int | None) -> None:
        """Check that the last components of sibling numbers run 1, 2, 3 ..."""
        seen: dict[str, Block] = {}
        prev_num: str | None = None
        prev_val = (start_expected - 1) if start_expected is not None else None
        for number, block in blocks:
            val = _last(number)
            if number in seen:
                add(
                    "numbering-duplicate",
                    block,
                    number,
                    what=wording.part(what, number),
                    number=number,
                    first_line=seen[number].line,
                )
            elif prev_val is not None and val < prev_val + 1:
                add(
                    "numbering-order",
                    block,
                    number,
                    what=wording.part(what, number),
                    number=number,
                    prev=prev_num or wording.part("start"),
                )
            elif prev_val is not None and val > prev_val + 1:
                base = _parent(number)
                missing = [f"{base}.{v}" if base else str(v) for v in range(prev_val + 1, val)]
                shown = ", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
                add(
                    "numbering-gap",
                    block,
                    number,
                    what=wording.part(what, number),
                    number=number,
                    prev=prev_num or wording.phrase(wording.START_OF_LIST),
                    missing=shown,
                )
            seen.setdefault(number, block)
            prev_num = number
            prev_val = max(val, prev_val) if prev_val is not None else val

    # sections
    # sections, in each sequence of their own (the main text, then each appendix numbered anew)
    runs: dict[int, list[tuple[str, Block]]] = {}
    for s in doc.sections:
        if s.number and s.heading is not None and "." not in s.number:
            runs.setdefault(s.sequence, []).append((s.number, s.heading))
    for numbered in runs.values():
        sequence(numbered, "section", 1)

    def items(content: list[Block]) -> None:
        """Sub-items ``1) 2) 3)``; a run broken by another block starts a new list."""
        run: list[tuple[str, Block]] = []
        prev_index = -2
        for idx, block in enumerate(content):
            if block.kind is not Kind.ITEM:
                continue
            if idx != prev_index + 1 and run:
                sequence(run, "sub-item", 1)
                run = []
            run.append((block.number or "", block))
            prev_index = idx
        if run:
            sequence(run, "sub-item", 1)

    def clauses(parent: str | None, children: list[Clause]) -> None:
        groups: dict[str, list[tuple[str, Block]]] = {}
        for cl in children:
            base = _parent(cl.number)
            if parent is not None and base != parent:
                if cl.number.startswith(parent + "."):
                    add(
                        "numbering-level",
                        cl.block,
                        cl.number,
                        number=cl.number,
                        expected=base,
                        reason=wording.phrase(LEVEL_SKIPPED, base=base),
                    )
                elif base:  # "3.1" inside section 2
                    add(
                        "numbering-level",
                        cl.block,
                        cl.number,
                        number=cl.number,
                        expected=base,
                        reason=wording.phrase(INSIDE, parent=parent),
                    )
            groups.setdefault(base, []).append((cl.number, cl.block))
        for base, group in groups.items():
            sequence(group, "clause", 1 if (parent is not None and base == parent) or not base else None)
        for cl in children:
            clauses(cl.number, cl.children)
            items(cl.content)

    for section in doc.sections:
        parent = section.number if section.number and "." not in section.number else None
        clauses(parent, section.clauses)
        items(section.content)
    findings += _mixed_markers(doc, doc_id)
    return findings


def _mixed_markers(doc: Document, doc_id: str) -> list[Finding]:
    """A list that starts ``1)`` and goes on ``2.`` (or the reverse)."""
    out: list[Finding] = []
    content = [b for b in doc.content_blocks()]
    for prev, block in zip(content, content[1:]):
        if block.line != prev.end_line + 1:
            continue
        item_then_clause = prev.kind is Kind.ITEM and block.kind is Kind.CLAUSE and "." not in (block.number or ".")
        clause_then_item = prev.kind is Kind.CLAUSE and block.kind is Kind.ITEM and "." not in (prev.number or ".")
        if item_then_clause or clause_then_item:
            out.append(
                Finding(
                    "numbering-mixed",
                    doc_id,
                    doc.lang,
                    str(doc.path),
                    block.line,
                    block.number or "",
                    block.eid,
                    excerpt=excerpt(block.text),
                    params=dict(a=prev.marker, b=block.marker),
                )
            )
    return out
