"""Where each clause of a translation stands against its source: confirmed, stale, never confirmed, missing.

A clause is *confirmed* when a translator signed off the current source text and the current
translation; *stale* when the source changed after the sign-off (the word-level diff since
then is kept, so a translator sees what changed); *unconfirmed* when nobody signed it off, or
the translation was edited after the sign-off; *missing* when the translation lacks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.align import Unit, align
from ..corpus import Policy
from ..document import Block, Document
from ..versions.redline import EQUAL, INSERT, word_diff
from . import records
from .records import Confirmation, Record

CONFIRMED, STALE, UNCONFIRMED, MISSING = "confirmed", "stale", "unconfirmed", "missing"
STATES = (CONFIRMED, STALE, UNCONFIRMED, MISSING)


@dataclass
class ClauseState:
    unit: Unit
    source: Block
    translation: Block | None
    state: str
    confirmation: Confirmation | None = None
    diff: list[tuple[int, str]] | None = None  # the source's word diff since the sign-off (stale only)
    edited: bool = False  # unconfirmed because the translation changed after its sign-off

    @property
    def key(self) -> str:
        return self.source.eid


def entry_for(record: Record | None, unit: Unit, source: Block) -> Confirmation | None:
    """The sign-off of a clause: by its address; a legacy record keyed it by alignment key."""
    if record is None:
        return None
    return record.clauses.get(source.eid) or record.clauses.get(unit.key)


def state_of(unit: Unit, source: Block, translation: Block | None, record: Record | None) -> ClauseState:
    if translation is None:
        return ClauseState(unit, source, None, MISSING)
    entry = entry_for(record, unit, source)
    if entry is None:
        return ClauseState(unit, source, translation, UNCONFIRMED)
    if not records.same_text(entry.source_sha256, source.text):
        diff = word_diff(entry.source, source.text) if entry.source else None
        return ClauseState(unit, source, translation, STALE, entry, diff)
    if entry.translation_sha256 and not records.same_text(entry.translation_sha256, translation.text):
        return ClauseState(unit, source, translation, UNCONFIRMED, entry, edited=True)
    return ClauseState(unit, source, translation, CONFIRMED, entry)


def clause_states(units: list[Unit], source_lang: str, lang: str, record: Record | None) -> list[ClauseState]:
    """The state of every provision of the source in one translation, in the source's order."""
    out = []
    for unit in units:
        source = unit.blocks.get(source_lang)
        if source is not None:
            out.append(state_of(unit, source, unit.blocks.get(lang), record))
    return out


def policy_states(
    policy: Policy, root, source_lang: str, docs: dict[str, Document] | None = None
) -> dict[str, list[ClauseState]]:
    """Every translation of a policy: language -> clause states (``docs`` overrides the texts)."""
    docs = docs or policy.languages
    if source_lang not in docs:
        return {}
    alignment = align(docs, source_lang, policy.doc_id)
    return {
        lang: clause_states(alignment.units, source_lang, lang, records.load(root, policy.doc_id, lang, source_lang))
        for lang in docs
        if lang != source_lang
    }


def counts(states: list[ClauseState]) -> dict[str, int]:
    out = dict.fromkeys(STATES, 0)
    for s in states:
        out[s.state] += 1
    return out


def diff_text(diff: list[tuple[int, str]] | None) -> str:
    """A diff for a terminal or a report: [-removed-]{+inserted+}, whitespace as one space."""
    if not diff:
        return ""
    parts = []
    for op, text in diff:
        core = " ".join(text.split())
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() and core else ""
        if not core:
            parts.append(" ")
            continue
        parts.append(lead + (core if op == EQUAL else f"{{+{core}+}}" if op == INSERT else f"[-{core}-]") + trail)
    return " ".join("".join(parts).split())
