"""Line up the languages of one policy: which block of the Kazakh text is which block of the Russian.

Numbered things (sections and clauses) are matched by number, through their eIds, so a
missing clause is named precisely instead of shifting everything after it. Unnumbered
things (paragraphs, bullets, sub-items) are matched by their position inside the same
section or clause, which is how seed 004's paragraphs and bullets line up. A numbered
heading ``## 1.`` in one language and a clause ``1.`` in another are the same provision
written in two house styles, not a defect, so both get the key ``n:1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Block, Document, Kind
from ..order import in_order
from . import lists, wording
from .findings import Finding, excerpt

CONTENT_KINDS = (Kind.ITEM, Kind.BULLET, Kind.PARAGRAPH)
LIST_KINDS = (Kind.ITEM, Kind.BULLET)


@dataclass
class Node:
    """A section heading or a clause: something with an address of its own."""

    key: str
    block: Block | None
    spec: tuple  # what it is, for messages: ("clause", "2.1"); worded only when a message needs it
    clause: str  # number, or eId when unnumbered
    content: list[Block] = field(default_factory=list)

    @property
    def part(self) -> wording.Phrase:
        return part(self.spec)


@dataclass
class Unit:
    """One provision in every language that has it."""

    key: str
    spec: tuple  # as Node.spec; ("paragraph", 2, ("clause", "3.1")) for a block inside a clause
    clause: str
    blocks: dict[str, Block] = field(default_factory=dict)

    @property
    def part(self) -> wording.Phrase:
        """'clause 2.1' in English (it is a str), any language through ``part.render(lang)``."""
        return part(self.spec)

    @property
    def label(self) -> tuple[str, str]:
        """(English, Russian) words for this part; prefer ``part.render(lang)``."""
        p = self.part
        return (str(p), p.render("ru"))


@dataclass
class Alignment:
    source_lang: str
    units: list[Unit]
    findings: list[Finding]


def _spec(block: Block | None, number: str | None, is_heading: bool) -> tuple:
    if block is None:
        return ("opening",)
    if number:
        return ("section" if is_heading else "clause", number)
    if is_heading:
        return ("heading", block.text)
    return ("title",)


def part(spec: tuple) -> wording.Phrase:
    """The words for a node's or unit's spec: 'clause 2.1', 'paragraph 2 of clause 3.1'."""
    kind = spec[0]
    if kind in wording.PART_OF:
        return wording.part_of(kind, spec[1], part(spec[2]))
    if kind == "heading":
        return wording.part("heading", text=excerpt(spec[1], 40))
    return wording.part(kind, spec[1] if len(spec) > 1 else "")


def nodes(doc: Document) -> dict[str, Node]:
    """Every addressable node of a document by alignment key, in document order."""
    out: dict[str, Node] = {}

    def add(key: str, node: Node) -> None:
        if key in out:  # a duplicate number; numbering reports it, alignment keeps both apart
            n = 2
            while f"{key}#{n}" in out:
                n += 1
            key = f"{key}#{n}"
            node.key = key
        out[key] = node

    if doc.title_block is not None:
        add("title", Node("title", doc.title_block, ("title",), "title"))
    unnumbered = 0
    for section in doc.sections:
        if section.heading is None:
            key = "pre"
            clause = "pre"
        elif section.number:
            key = _key(section.sequence, section.number)
            clause = section.number
        else:
            unnumbered += 1
            key = f"x:{unnumbered}"
            clause = section.eid
        add(
            key, Node(key, section.heading, _spec(section.heading, section.number, True), clause, list(section.content))
        )

        def walk(clauses, sequence: int = section.sequence) -> None:
            for cl in clauses:
                k = _key(sequence, cl.number)
                add(k, Node(k, cl.block, _spec(cl.block, cl.number, False), cl.number, list(cl.content)))
                walk(cl.children, sequence)

        walk(section.clauses)
    return out


def _key(sequence: int, number: str) -> str:
    """A number's alignment key: "n:2.1" in the main text, "n:1/2.1" in the first appendix numbered anew."""
    return f"n:{number}" if not sequence else f"n:{sequence}/{number}"


def _content_spec(node_spec: tuple, block: Block, index: int) -> tuple:
    if block.kind is Kind.ITEM:
        return ("item", block.number, node_spec)
    if block.kind is Kind.BULLET:
        return ("bullet", index, node_spec)
    return ("paragraph", index, node_spec)


KIND_NAMES = {Kind.ITEM: "item", Kind.BULLET: "bullet", Kind.PARAGRAPH: "paragraph"}  # wording.COUNTS


def align(docs: dict[str, Document], source_lang: str, doc_id: str, glossary=None) -> Alignment:
    """Match every translation against the source text; report what does not match.

    ``glossary`` (optional): its agreed terms help tell which item of a list is gone.
    """
    src_doc = docs[source_lang]
    src_nodes = nodes(src_doc)
    units: dict[str, Unit] = {}
    order: list[str] = []
    findings: list[Finding] = []

    def unit(key: str, spec: tuple, clause: str) -> Unit:
        if key not in units:
            units[key] = Unit(key, spec, clause)
            order.append(key)
        return units[key]

    # the source language's own units
    for key, node in src_nodes.items():
        if node.block is not None:
            unit(key, node.spec, node.clause).blocks[source_lang] = node.block
        for block in node.content:
            u = unit(block.eid, _content_spec(node.spec, block, _index_in_kind(node.content, block)), node.clause)
            u.blocks[source_lang] = block

    for lang, doc in docs.items():
        if lang == source_lang:
            continue
        tr_nodes = nodes(doc)
        src_keys = list(src_nodes)
        common = [k for k in tr_nodes if k in src_nodes]
        # missing and extra numbered provisions
        for idx, key in enumerate(src_keys):
            if key in tr_nodes:
                continue
            node = src_nodes[key]
            if node.block is None:
                continue
            # where it should go: after the nearest earlier node that the translation has
            anchor = next((tr_nodes[k] for k in reversed(src_keys[:idx]) if k in tr_nodes), None)
            where = anchor.block.end_line if anchor and anchor.block is not None else doc.front.body_line
            findings.append(
                Finding(
                    "clause-missing",
                    doc_id,
                    lang,
                    str(doc.path),
                    where,
                    node.clause,
                    node.block.eid,
                    excerpt="",
                    other_lang=source_lang,
                    other_path=str(src_doc.path),
                    other_line=node.block.line,
                    other_excerpt=excerpt(node.block.text),
                    params=dict(lang=lang, src_lang=source_lang, what=node.part, src_line=node.block.line),
                )
            )
        for key, node in tr_nodes.items():
            if key in src_nodes or node.block is None:
                continue
            findings.append(
                Finding(
                    "clause-extra",
                    doc_id,
                    lang,
                    str(doc.path),
                    node.block.line,
                    node.clause,
                    node.block.eid,
                    excerpt=excerpt(node.block.text),
                    other_lang=source_lang,
                    other_path=str(src_doc.path),
                    params=dict(lang=lang, src_lang=source_lang, what=node.part),
                )
            )
        # order of the provisions both have
        src_pos = {k: i for i, k in enumerate(src_keys)}
        positions = [src_pos[k] for k in common]
        keep = in_order(positions)
        for i, key in enumerate(common):
            if i in keep:
                continue
            node = tr_nodes[key]
            if node.block is None:
                continue
            after = common[i - 1] if i else None
            src_after = src_keys[src_pos[key] - 1] if src_pos[key] else None
            findings.append(
                Finding(
                    "clause-order",
                    doc_id,
                    lang,
                    str(doc.path),
                    node.block.line,
                    node.clause,
                    node.block.eid,
                    excerpt=excerpt(node.block.text),
                    other_lang=source_lang,
                    other_path=str(src_doc.path),
                    other_line=src_nodes[key].block.line if src_nodes[key].block else 0,
                    params=dict(
                        lang=lang,
                        src_lang=source_lang,
                        what=node.part,
                        after=tr_nodes[after].part if after else wording.part("start"),
                        src_after=src_nodes[src_after].part if src_after else wording.part("start"),
                    ),
                )
            )
        # pair the blocks
        for key in common:
            s_node, t_node = src_nodes[key], tr_nodes[key]
            if s_node.block is not None and t_node.block is not None:
                units[key].blocks[lang] = t_node.block
            findings += _pair_content(s_node, t_node, units, source_lang, lang, src_doc, doc, doc_id, glossary)

    return Alignment(source_lang, [units[k] for k in order], findings)


def _index_in_kind(content: list[Block], block: Block) -> int:
    kind = Kind.BULLET if block.kind is Kind.BULLET else block.kind
    return sum(1 for b in content[: content.index(block) + 1] if b.kind is kind)


def _pair_content(
    s_node: Node,
    t_node: Node,
    units: dict[str, Unit],
    src_lang: str,
    lang: str,
    src_doc: Document,
    doc: Document,
    doc_id: str,
    glossary=None,
) -> list[Finding]:
    """Pair the unnumbered blocks of one section or clause by position.

    A list written as bullets in one language and as plain lines in another is the same
    text laid out differently, so when the counts agree the blocks pair one to one
    whatever their kind. When they disagree, each kind is compared on its own and a
    count that differs is one finding for the whole clause, not one per shifted block.
    """
    src, tr = s_node.content, t_node.content
    findings: list[Finding] = []
    if len(src) == len(tr):
        for s, t in zip(src, tr):
            units[s.eid].blocks[lang] = t
        return findings
    for kind in CONTENT_KINDS:
        s_k = [b for b in src if b.kind is kind]
        t_k = [b for b in tr if b.kind is kind]
        if len(s_k) == len(t_k):
            for s, t in zip(s_k, t_k):
                units[s.eid].blocks[lang] = t
            continue
        if kind in LIST_KINDS:  # which item is gone (or added), when the lengths and anchors say so clearly
            s_text, t_text = [b.text for b in s_k], [b.text for b in t_k]
            found = lists.lone_items(
                s_text,
                t_text,
                lists.term_sets(s_text, src_lang, glossary, doc_id),
                lists.term_sets(t_text, lang, glossary, doc_id),
            )
            if found is not None:
                side, lone, whole = found
                for k in lone:
                    findings.append(
                        _list_finding((side, k), s_k, t_k, s_node, t_node, src_lang, lang, src_doc, doc, doc_id)
                    )
            if found is not None and whole:  # every item has its counterpart but those: pair them
                rest_s = [b for k, b in enumerate(s_k) if side != "missing" or k not in lone]
                rest_t = [b for k, b in enumerate(t_k) if side != "added" or k not in lone]
                for s, t in zip(rest_s, rest_t):
                    units[s.eid].blocks[lang] = t
                continue
        # a list of bullets in one language may be plain lines in another: compare totals of those two
        first_t = t_k[0] if t_k else None
        first_s = s_k[0] if s_k else None
        line = first_t.line if first_t else (t_node.block.line if t_node.block else doc.front.body_line)
        counts = wording.COUNTS[KIND_NAMES[kind]]
        findings.append(
            Finding(
                "block-count",
                doc_id,
                lang,
                str(doc.path),
                line,
                t_node.clause,
                t_node.block.eid if t_node.block else "",
                excerpt=excerpt(first_t.text) if first_t else "",
                other_lang=src_lang,
                other_path=str(src_doc.path),
                other_line=first_s.line if first_s else (s_node.block.line if s_node.block else 0),
                other_excerpt=excerpt(first_s.text) if first_s else "",
                params=dict(
                    lang=lang,
                    src_lang=src_lang,
                    where=s_node.part,
                    count=len(t_k),
                    src_count=len(s_k),
                    has=wording.counted(counts, len(t_k)),
                    src_has=wording.counted(counts, len(s_k)),
                ),
            )
        )
    return findings


def _list_finding(
    found: tuple[str, int],
    s_k: list[Block],
    t_k: list[Block],
    s_node: Node,
    t_node: Node,
    src_lang: str,
    lang: str,
    src_doc: Document,
    doc: Document,
    doc_id: str,
) -> Finding:
    """``list-item-missing`` or ``list-item-added``, quoting the item and, beside it, its neighbour."""
    side, k = found
    lone, others = (s_k, t_k) if side == "missing" else (t_k, s_k)
    item, near = lone[k], others[min(k, len(others) - 1)]
    here, there = (near, item) if side == "missing" else (item, near)  # the translation's block, the source's
    return Finding(
        f"list-item-{side if side == 'missing' else 'added'}",
        doc_id,
        lang,
        str(doc.path),
        here.line,
        t_node.clause,
        here.eid,
        excerpt=excerpt(here.text),
        other_lang=src_lang,
        other_path=str(src_doc.path),
        other_line=there.line,
        other_excerpt=excerpt(there.text),
        other_eid=there.eid,
        params=dict(lang=lang, src_lang=src_lang, where=s_node.part, index=k + 1, item=excerpt(item.text, 80)),
    )
