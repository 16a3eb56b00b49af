"""``confirm`` as a real sign-off: show what is being confirmed, refuse what the checker rejects, record who.

A translator confirms clauses of one translation. What they sign off is shown first: each
clause never confirmed (source and translation), each clause whose source changed since the
last sign-off (with the word-level diff since then) and each clause whose translation was
edited after it. A clause with a checker error in that translation cannot be confirmed: the
sign-off would certify a text the checker knows is wrong. Clauses already confirmed for
their current texts are left as they are (their sign-off keeps its person and moment).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..check import check_policy
from ..check.agreement import require
from ..check.align import align
from ..corpus import Policy
from ..errors import PolicyError
from ..i18n import _
from . import records
from .records import Confirmation, Record
from .states import CONFIRMED, MISSING, ClauseState, clause_states


@dataclass
class Plan:
    policy: Policy
    lang: str
    source_lang: str
    record: Record
    to_confirm: list[ClauseState] = field(default_factory=list)
    already: list[ClauseState] = field(default_factory=list)
    refused: list[tuple[ClauseState, list]] = field(default_factory=list)  # (clause, its checker errors)
    addresses: dict[str, str] = field(default_factory=dict)  # alignment key -> source address, for legacy records


def _matches(state: ClauseState, wanted: str) -> bool:
    wanted = wanted.strip().rstrip(".")
    unit = state.unit
    return wanted in (unit.clause, unit.key, state.source.eid) or (
        state.translation is not None and wanted == state.translation.eid
    )


def plan(policy: Policy, lang: str, root: Path, clauses: list[str] | None = None) -> Plan:
    """What a ``confirm`` of ``clauses`` (all when None) of the ``lang`` translation would sign off."""
    docs = policy.languages
    require(docs)
    source_lang = policy.source_lang
    if lang == source_lang:
        raise PolicyError(
            _("'{lang}' is the source language of {doc_id}; only translations are confirmed").format(
                lang=lang, doc_id=policy.doc_id
            ),
            docs[lang].path,
        )
    if lang not in docs:
        raise PolicyError(_("{doc_id} has no '{lang}' text to confirm").format(doc_id=policy.doc_id, lang=lang))
    record = records.load(root, policy.doc_id, lang, source_lang) or records.empty(
        root, policy.doc_id, lang, source_lang
    )
    alignment = align(docs, source_lang, policy.doc_id)
    states = clause_states(alignment.units, source_lang, lang, record)
    if clauses:
        picked = []
        for wanted in clauses:
            found = [s for s in states if _matches(s, wanted)]
            if not found:
                raise PolicyError(
                    _("clause {wanted} does not exist in the {source_lang} source of {doc_id}").format(
                        wanted=wanted, source_lang=source_lang, doc_id=policy.doc_id
                    ),
                    docs[source_lang].path,
                )
            picked += [s for s in found if s not in picked]
    else:
        picked = [s for s in states if s.state != MISSING]
    missing = [s for s in picked if s.state == MISSING]
    if missing:
        s = missing[0]
        raise PolicyError(
            _(
                "{label} of the {source_lang} source has no {lang} translation yet; translate it before confirming"
            ).format(label=s.unit.label[0], source_lang=source_lang, lang=lang),
            docs[lang].path,
        )
    errors: dict[str, list] = {}
    for f in check_policy(policy):
        if f.severity == "error" and lang in (f.lang, f.other_lang) and f.eid:
            errors.setdefault(f.eid, []).append(f)
    out = Plan(policy, lang, source_lang, record, addresses={s.unit.key: s.source.eid for s in states})
    for s in picked:
        found = errors.get(s.translation.eid, []) + [
            f for f in errors.get(s.source.eid, []) if s.source.eid != s.translation.eid
        ]
        if found:
            out.refused.append((s, found))
        elif s.state == CONFIRMED:
            out.already.append(s)
        else:
            out.to_confirm.append(s)
    return out


def apply(plan: Plan, by: str, at: str | None = None) -> Path:
    """Record the sign-off of every clause in ``plan.to_confirm``; the file is written whole or not at all."""
    if plan.refused:
        raise PolicyError(_("clauses with checker errors cannot be confirmed"))
    record = plan.record
    at = at or records.now()
    for key, eid in plan.addresses.items():
        if key in record.clauses and key != eid:  # a legacy record's key becomes the clause's address
            record.clauses.setdefault(eid, record.clauses.pop(key))
    for s in plan.to_confirm:
        record.clauses[s.source.eid] = Confirmation(
            by=by,
            at=at,
            source_sha256=records.text_hash(s.source.text),
            translation_sha256=records.text_hash(s.translation.text),
            source=s.source.text,
        )
    record.save()
    return record.path


def default_person(cwd: Path | None = None) -> str | None:
    """'Name <e-mail>' from git's user.name and user.email, as a commit would be signed."""

    def get(key: str) -> str:
        try:
            done = subprocess.run(["git", "config", key], cwd=cwd, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    name, email = get("user.name"), get("user.email")
    if name and email:
        return f"{name} <{email}>"
    return name or email or None
