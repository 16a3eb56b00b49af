"""XLIFF 1.2 for the translators' own tools: one unit per clause, sub-item, list item or paragraph.

Why 1.2 and not 2.x: XLIFF 1.2 is the version every tool the translators use reads and writes:
Trados Studio, memoQ, Crowdin, Weblate, Phrase, Smartcat and Translate Toolkit; 2.x support
is partial or import-only in several of them (Weblate and Translate Toolkit read 2.0 only in
part, Crowdin exports 1.2 by default). Nothing this export needs (unit ids, source, target
with a state, notes) is missing from 1.2.

Export: each unit's id is the source block's eId (``cl-2-3-1``, the address used on the
site), its ``resname`` a reader's name; the source text, the current translation as target
with its state (``signed-off`` when confirmed, ``translated``, ``needs-review-translation``
when the source changed after the sign-off, with the source's word diff as a note) and no
target where the translation lacks the provision. Import: the targets are written back into
the translation's Markdown, the markers, numbering, line endings and every other byte left
as they were; a target equal to the current text changes nothing, so an export imported
without edits changes no byte. Refused, with file and line, writing nothing: another
document or language, unknown or duplicate ids, malformed XML, a DOCTYPE (entity
declarations: the "billion laughs" bomb) or external entities, a target in the wrong language
or alphabet, a target that would change the structure, and targets that bring checker errors
the text did not have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from lxml import etree

from ..check import check_policy
from ..check.agreement import require
from ..check.align import align
from ..check.language import wrong_language
from ..check.script import mixed_words
from ..corpus import Corpus, Policy
from ..document import HEADING_RE, Block, Document, Kind, parse_text, tokenize
from ..errors import PolicyError
from ..i18n import N_, _
from . import records
from .states import CONFIRMED, MISSING, STALE, ClauseState, clause_states, diff_text

LANGUAGE_NAME = {"ru": N_("Russian"), "kk": N_("Kazakh"), "en": N_("English")}  # translated where shown

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATE = {CONFIRMED: "signed-off", STALE: "needs-review-translation"}  # anything else present: "translated"
MAX_BYTES = 20 * 1024 * 1024


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _tool_version() -> str:
    try:
        return package_version("policydocs")
    except PackageNotFoundError:
        return "0"


def states_of(policy: Policy, lang: str, root: Path) -> list[ClauseState]:
    require(policy.languages)
    source_lang = policy.source_lang
    if lang == source_lang:
        raise PolicyError(
            _("'{lang}' is the source language of {doc_id}; export a translation (--lang)").format(
                lang=lang, doc_id=policy.doc_id
            )
        )
    if lang not in policy.languages:
        raise PolicyError(
            _("{doc_id} has no '{lang}' text yet; create docs/{lang}/{doc_id}.md first").format(
                doc_id=policy.doc_id, lang=lang
            )
        )
    alignment = align(policy.languages, source_lang, policy.doc_id)
    return clause_states(alignment.units, source_lang, lang, records.load(root, policy.doc_id, lang, source_lang))


def export(policy: Policy, lang: str, root: Path) -> bytes:
    """The XLIFF 1.2 file of one translation of one document, as bytes (UTF-8)."""
    source_lang = policy.source_lang
    states = states_of(policy, lang, root)
    xliff = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(
        xliff,
        _q("file"),
        {
            "original": policy.doc_id,
            "source-language": source_lang,
            "target-language": lang,
            "datatype": "plaintext",
            "product-name": "policydocs",
        },
    )
    header = etree.SubElement(file_el, _q("header"))
    etree.SubElement(
        header, _q("tool"), {"tool-id": "policydocs", "tool-name": "policydocs", "tool-version": _tool_version()}
    )
    note = etree.SubElement(header, _q("note"))
    note.text = (
        f"{policy.doc_id}: {source_lang} source, {lang} translation. Keep **bold** terms, links and "
        "numbers as in the source; clause numbers and list markers are not part of the text."
    )
    body = etree.SubElement(file_el, _q("body"))
    for s in states:
        unit = etree.SubElement(body, _q("trans-unit"), {"id": s.source.eid, "resname": s.unit.label[0]})
        if s.state == CONFIRMED:
            unit.set("approved", "yes")
        src = etree.SubElement(unit, _q("source"), {XML_LANG: source_lang})
        src.text = s.source.text
        if s.translation is not None:
            target = etree.SubElement(unit, _q("target"), {XML_LANG: lang, "state": STATE.get(s.state, "translated")})
            target.text = s.translation.text
        if s.state == STALE:
            n = etree.SubElement(unit, _q("note"), {"from": "policydocs", "annotates": "source"})
            change = diff_text(s.diff) if s.diff else "(the text confirmed then was not recorded)"
            n.text = (
                f"The source changed after {s.confirmation.by} confirmed the translation on "
                f"{s.confirmation.at[:10]}: {change}"
            )
        elif s.state == MISSING:
            n = etree.SubElement(unit, _q("note"), {"from": "policydocs", "annotates": "general"})
            n.text = f"The {lang} text has no such provision yet; add it in docs/{lang}/{policy.doc_id}.md first."
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(xliff, encoding="UTF-8", pretty_print=True)


# --- import --------------------------------------------------------------------------------------


@dataclass
class Imported:
    doc_id: str
    lang: str
    path: Path
    changed: list[str] = field(default_factory=list)  # unit ids whose target was written
    new_errors: list = field(default_factory=list)


def _parse(data: bytes, where: Path):
    if len(data) > MAX_BYTES:
        raise PolicyError(_("the XLIFF file is larger than {most} MB").format(most=MAX_BYTES // (1024 * 1024)), where)
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in head:
        line = data[: data.lower().find(b"<!")].count(b"\n") + 1
        raise PolicyError(
            _(
                "the XLIFF file declares a DOCTYPE or entities; XLIFF needs none and they are refused (an "
                "entity bomb or an external file)"
            ),
            where,
            line,
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise PolicyError(
            _("the XLIFF file is not well-formed XML ({reason})").format(reason=exc.msg), where, line
        ) from None


def _text_of(el, where: Path) -> str:
    if len(el):
        child = el[0]
        if child.tag != _q("mrk"):
            raise PolicyError(
                _("<{element}> inside a target is not supported; the text of a clause has no inline codes").format(
                    element=etree.QName(child).localname
                ),
                where,
                child.sourceline,
            )
    return "".join(el.itertext())


def read_targets(data: bytes, where: Path) -> tuple[dict, dict[str, tuple[str | None, int]]]:
    """(the file's attributes, unit id -> (target text or None, line)); malformed files refused."""
    root = _parse(data, where)
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise PolicyError(
            _('not an XLIFF 1.2 file (expected <xliff version="1.2" xmlns="{namespace}">)').format(namespace=NS),
            where,
            root.sourceline,
        )
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise PolicyError(
            _("the XLIFF file must hold one <file> (one document and language), not {count}").format(count=len(files)),
            where,
            root.sourceline,
        )
    file_el = files[0]
    attrs = {k: file_el.get(k) for k in ("original", "source-language", "target-language")}
    attrs["line"] = file_el.sourceline
    targets: dict[str, tuple[str | None, int]] = {}
    for unit in file_el.iter(_q("trans-unit")):
        uid = unit.get("id")
        if not uid:
            raise PolicyError(_("a <trans-unit> has no id"), where, unit.sourceline)
        if uid in targets:
            raise PolicyError(
                _("unit id '{uid}' appears twice (first at line {first})").format(uid=uid, first=targets[uid][1]),
                where,
                unit.sourceline,
            )
        target = unit.find(_q("target"))
        targets[uid] = (
            None if target is None else _text_of(target, where),
            target.sourceline if target is not None else unit.sourceline,
        )
    return attrs, targets


def _rewrite(block: Block, text: str) -> list[str]:
    """The block's lines with its text replaced: marker, indentation and line ending kept."""
    first = block.lines[0]
    body = first.rstrip("\r\n")
    ending = block.lines[-1][len(block.lines[-1].rstrip("\r\n")) :]
    suffix = ""
    if block.kind is Kind.HEADING:
        m = HEADING_RE.match(body)
        prefix, suffix = body[: m.start(2)], body[m.end(2) :]
    elif block.marker:
        indent = body[: len(body) - len(body.lstrip())]
        rest = body.lstrip()[len(block.marker) :]
        prefix = indent + block.marker + rest[: len(rest) - len(rest.lstrip())]
    else:
        prefix = body[: len(body) - len(body.lstrip())]
    return [prefix + text + suffix + ending]


def _keeps_shape(block: Block, text: str) -> bool:
    """Whether the rewritten block is still one block of the same kind, marker and number."""
    new = [b for b in tokenize("".join(_rewrite(block, text))) if b.kind not in (Kind.BLANK, Kind.COMMENT)]
    return len(new) == 1 and (new[0].kind, new[0].marker, new[0].number) == (block.kind, block.marker, block.number)


def _shape(doc: Document) -> list[tuple]:
    return [(b.kind, b.eid, b.marker) for b in doc.content_blocks()]


def import_file(path: Path, corpus: Corpus, root: Path, write: bool = True) -> Imported:
    """Write the targets of an XLIFF file into its translation; see the module's docstring for refusals."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(_("cannot read the XLIFF file ({reason})").format(reason=exc.strerror or exc), path) from None
    attrs, targets = read_targets(data, path)
    doc_id, src_lang, lang = attrs["original"], attrs["source-language"], attrs["target-language"]
    policy = corpus.policies.get(doc_id or "")
    if policy is None:
        raise PolicyError(
            _("this XLIFF file is for document '{doc_id}', which does not exist under {root}").format(
                doc_id=doc_id, root=corpus.root
            ),
            path,
            attrs["line"],
        )
    require(policy.languages)
    if src_lang != policy.source_lang:
        raise PolicyError(
            _("this XLIFF file translates from '{src_lang}', but the source of {doc_id} is '{source_lang}'").format(
                src_lang=src_lang, doc_id=doc_id, source_lang=policy.source_lang
            ),
            path,
            attrs["line"],
        )
    if lang not in policy.languages or lang == policy.source_lang:
        raise PolicyError(
            _(
                "this XLIFF file is for the '{lang}' translation, which {doc_id} does not have (export it "
                "with `policydocs xliff export`)"
            ).format(lang=lang, doc_id=doc_id),
            path,
            attrs["line"],
        )
    states = {s.source.eid: s for s in states_of(policy, lang, root)}
    doc = policy.languages[lang]
    changes: dict[int, tuple[Block, str, str]] = {}
    for uid, (text, line) in targets.items():
        state = states.get(uid)
        if state is None:
            raise PolicyError(
                _("unit id '{uid}' is not a provision of the {src_lang} source of {doc_id}").format(
                    uid=uid, src_lang=src_lang, doc_id=doc_id
                ),
                path,
                line,
            )
        if text is None or not text.strip():
            continue  # no target: nothing translated here
        text = " ".join(text.split())
        if state.translation is None:
            raise PolicyError(
                _(
                    "unit '{uid}' ({label}) has no place in the {lang} text yet; add the provision in {path} first"
                ).format(uid=uid, label=state.unit.label[0], lang=lang, path=doc.path),
                path,
                line,
            )
        if text == " ".join(state.translation.text.split()):
            continue  # the same words: the file's bytes are left as they are
        found = wrong_language(text, lang)
        if found:
            raise PolicyError(
                _("the target of unit '{uid}' is written in {found}, not {expected}").format(
                    uid=uid, found=_(LANGUAGE_NAME[found]), expected=_(LANGUAGE_NAME[lang])
                ),
                path,
                line,
            )
        mixed = mixed_words(text)
        if mixed:
            raise PolicyError(
                _("the target of unit '{uid}' has the word '{word}', which mixes Cyrillic and Latin letters").format(
                    uid=uid, word=mixed[0][0]
                ),
                path,
                line,
            )
        if not _keeps_shape(state.translation, text):
            raise PolicyError(
                _(
                    "the target of unit '{uid}' would change the structure of the {lang} text (it starts "
                    "with a clause number, a list marker or '#'); write it as running text"
                ).format(uid=uid, lang=lang),
                path,
                line,
            )
        changes[id(state.translation)] = (state.translation, text, uid)
    result = Imported(doc_id, lang, doc.path)
    if not changes:
        return result
    lines: list[str] = []
    for block in doc.blocks:
        change = changes.get(id(block))
        lines += _rewrite(block, change[1]) if change else block.lines
    new_text = ("\ufeff" if doc.bom else "") + doc.front.raw + "".join(lines)
    new_doc = parse_text(new_text, doc.path)
    if _shape(new_doc) != _shape(doc):
        uid = next(iter(changes.values()))[2]
        raise PolicyError(
            _(
                "the targets would change the structure of the {lang} text (numbering or list markers); "
                "write each target as running text"
            ).format(lang=lang),
            path,
            targets[uid][1],
        )
    before_errors = _errors(policy, lang)
    changed_policy = Policy(doc_id, {**policy.languages, lang: new_doc})
    after = [f for f in check_policy(changed_policy, project_root=root) if f.severity == "error" and f.lang == lang]
    result.new_errors = [f for f in after if (f.rule, f.eid) not in before_errors]
    result.changed = [uid for _, _, uid in changes.values()]
    if write and not result.new_errors:
        from ..fsutil import atomic_write_bytes

        atomic_write_bytes(doc.path, new_text.encode("utf-8"))
    return result


def _errors(policy: Policy, lang: str) -> set[tuple[str, str]]:
    return {(f.rule, f.eid) for f in check_policy(policy) if f.severity == "error" and f.lang == lang}
