"""Publishing respects translations: what changed since the last version must be signed off in every translation.

For each translation, the clauses that matter are those whose source text or translated text
changed since the last published version (word-level comparison of the versions, as in the
redlines), or every clause of a translation the last version did not have. Each of those must
be confirmed for its current texts (see states.py); the rest are *open*: stale (the source
changed after a sign-off) or unconfirmed (never signed off, or edited since). A first version
replaces nothing and is not held back here (the checker still is).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check.align import align
from ..corpus import Policy
from ..document import Document, parse_text
from ..i18n import N_, N_p, _, site_word
from ..versions.redline import compare, summary
from . import records
from .states import CONFIRMED, MISSING, STALE, clause_states

TEXT_CHANGES = ("amended", "added")


@dataclass
class OpenClause:
    lang: str
    clause: str  # a reader's name: "clause 3.1"
    eid: str
    state: str  # stale or unconfirmed
    why: str  # in the language of the messages

    def line(self) -> str:
        """One open clause, as the refusal of ``publish`` lists it."""
        return _("{lang}: {clause} [{eid}] {state}: {why}").format(
            lang=self.lang, clause=self.clause, eid=self.eid, state=_(STATE_WORDS[self.state]), why=self.why
        )


STATE_WORDS = {"stale": N_("stale"), "unconfirmed": N_("unconfirmed")}  # worded where shown


def changed_eids(old: Document | None, new: Document) -> set[str] | None:
    """Addresses in ``new`` whose text changed since ``old``; None means all (no old text)."""
    if old is None:
        return None
    return {
        c.new.eid
        for c in compare(old, new)
        if c.new is not None and (c.kind in TEXT_CHANGES or (c.kind == "moved" and c.words))
    }


def old_texts(latest) -> dict[str, Document]:
    return {lang: parse_text(latest.text(lang), latest.text_path(lang)) for lang in latest.languages} if latest else {}


def open_clauses(policy: Policy, latest, root: Path) -> list[OpenClause]:
    """Every clause of every translation that changed since ``latest`` and is not signed off."""
    if latest is None:
        return []
    docs = policy.languages
    source_lang = policy.source_lang
    if source_lang not in docs:
        return []
    old = old_texts(latest)
    src_changed = changed_eids(old.get(source_lang), docs[source_lang])
    alignment = align(docs, source_lang, policy.doc_id)
    out: list[OpenClause] = []
    for lang, doc in docs.items():
        if lang == source_lang:
            continue
        tr_changed = changed_eids(old.get(lang), doc)
        record = records.load(root, policy.doc_id, lang, source_lang)
        for s in clause_states(alignment.units, source_lang, lang, record):
            if s.state in (CONFIRMED, MISSING):
                continue  # a missing clause is the checker's error
            source_moved = src_changed is None or s.source.eid in src_changed
            if not (source_moved or tr_changed is None or s.translation.eid in tr_changed):
                continue
            if s.state == STALE:
                why = _("the {source_lang} source changed after {person} confirmed it on {date}").format(
                    source_lang=source_lang, person=s.confirmation.by, date=s.confirmation.at[:10]
                )
            elif s.edited:
                why = _("the translation was edited after {person} confirmed it on {date}").format(
                    person=s.confirmation.by, date=s.confirmation.at[:10]
                )
            elif source_moved:
                why = _(
                    "the {source_lang} source changed since version {number} and nobody has confirmed the translation"
                ).format(source_lang=source_lang, number=latest.number)
            else:
                why = _("the translation changed since version {number} and nobody has confirmed it").format(
                    number=latest.number
                )
            out.append(
                OpenClause(lang, s.unit.label[0], s.source.eid, "stale" if s.state == STALE else "unconfirmed", why)
            )
    return out


def source_note(policy: Policy, latest, lang: str) -> str | None:
    """For a translation whose own text did not change while its source did: what the source changed, in ``lang``."""
    if latest is None:
        return None
    source_lang = policy.source_lang
    if lang == source_lang or source_lang not in latest.languages or source_lang not in policy.languages:
        return None
    old = parse_text(latest.text(source_lang), latest.text_path(source_lang))
    changes = compare(old, policy.languages[source_lang])
    if all(c.kind == "same" and not c.renumbered for c in changes):
        return None
    said = summary(changes, lang)
    return site_word(NOTE, lang).format(source=source_lang, changes=said[0].lower() + said[1:])


# the summary names its own kind of change ("изменены положения: 1.2"): it follows in brackets
NOTE = N_p("gate.source_note", "The translation's text was not changed, although its source ({source}) was ({changes})")
