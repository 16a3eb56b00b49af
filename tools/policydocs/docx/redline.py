"""A redline as a Word document with native tracked changes.

The comparison is the site's (``versions.redline.compare``: clauses matched across
versions, moved and renumbered clauses found, ``word_diff`` inside a clause); this module
only writes it down as Word revisions, all by one author and dated at the new version's
publication moment:

* an inserted word is ``w:ins``, a deleted one ``w:del`` (its text in ``w:delText``);
* an added or removed provision is that, paragraph mark included;
* a moved provision is a Word move: ``w:moveFrom`` at its old place, ``w:moveTo`` at the
  new one, paired by name; words changed on the way are ``w:del`` at the old place and
  ``w:ins`` at the new one;
* clause and sub-item numbers are typed, not list numbers, so a renumbering is a visible
  deletion and insertion of the number (Word does not track a change of list number, and
  "Reject all" could not bring the old numbers back).

Provisions are laid out so that "Accept all" leaves exactly the new version's text in its
order and "Reject all" exactly the old one's: between two provisions kept in place, the
old version's removed and moved-away provisions come first (in the old order), then the
new version's added and moved-in ones (in the new order). Formatting is not a change: the
words are compared without Markdown, and each word keeps the look it has in its version.
A comment on the title says which versions are compared, when the new one was published
and takes effect, and what changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from ..document import Document, Kind
from ..versions.redline import DELETE, EQUAL, INSERT, Change, Unit, compare, units, version_summary, word_diff
from .body import Body, run
from .document import bullet_level, heading_style
from .edition import Edition, redline_lines
from .inline import Piece, pieces
from .numbering import Numbering
from .package import BULLET_STYLE, CLAUSE_STYLE, ITEM_STYLE, core_properties, header_footer, new_document, save
from .xml import w

DEFAULT_AUTHOR = "policydocs"


@dataclass(frozen=True)
class RedlineInfo:
    """What the redline is of: versions compared, the new version's moments, who marks the changes."""

    title: str  # the new version's title
    operator: str
    old_label: str  # "Редакция 1", "draft", ...
    new_label: str
    published: dt.datetime | None  # the new version's publication: the revisions' date
    effective: dt.datetime | None
    summary: str  # versions.redline.summary(...)
    header: str  # running header right side, e.g. "Изменения в редакции 2"
    statement: list[str]  # the comment's lines: compared with, published, takes effect, summary
    author: str = DEFAULT_AUTHOR
    new_version: int | None = None


class _Revisions:
    """Writes revision elements with one author and date and ids unique in the document."""

    def __init__(self, body: Body, author: str, moment: dt.datetime | None) -> None:
        self.body = body
        self.attrs = {w("author"): author}
        if moment is not None:
            self.attrs[w("date")] = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def wrap(self, p: etree._Element, kind: str) -> etree._Element:
        return etree.SubElement(p, w(kind), {w("id"): self.body.next_id(), **self.attrs})

    def mark(self, p: etree._Element, kind: str) -> None:
        """The paragraph mark itself inserted, deleted or moved (the whole provision is)."""
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            p.insert(0, ppr)
        rpr = etree.SubElement(ppr, w("rPr"))
        etree.SubElement(rpr, w(kind), {w("id"): self.body.next_id(), **self.attrs})

    def runs(self, p: etree._Element, kind: str | None, items: list[Piece]) -> None:
        if not items:
            return
        if kind is None:
            self.body.pieces(p, items)
            return
        target = self.wrap(p, kind)
        for piece in items:
            run(target, piece.text, piece, deleted=kind in ("del", "moveFrom"))


def _slice(items: tuple[Piece, ...], start: int, end: int) -> list[Piece]:
    """The pieces covering characters ``start:end`` of their joined text."""
    out, pos = [], 0
    for piece in items:
        lo, hi = pos, pos + len(piece.text)
        pos = hi
        if hi <= start or lo >= end:
            continue
        a, b = max(start, lo) - lo, min(end, hi) - lo
        out.append(Piece(piece.text[a:b], piece.bold, piece.italic, piece.code, piece.href))
    return out


def _order(changes: list[Change], old_units: list[Unit]) -> list[tuple[str, Change]]:
    """Provisions in an order where the new side reads as the new version and the old side as the old."""
    old_index = {u.eid: i for i, u in enumerate(old_units)}
    old_only = sorted((old_index[c.old.eid], c) for c in changes if c.kind in ("removed", "moved"))
    out: list[tuple[str, Change]] = []
    pending: list[tuple[str, Change]] = []
    k = 0
    for change in changes:
        if change.kind in ("added", "moved"):
            pending.append(("new", change))
        elif change.kind in ("same", "amended"):
            here = old_index[change.old.eid]
            while k < len(old_only) and old_only[k][0] < here:
                out.append(("old", old_only[k][1]))
                k += 1
            out.extend(pending)
            pending = []
            out.append(("both", change))
    out.extend(("old", c) for _, c in old_only[k:])
    out.extend(pending)
    return out


class _Writer:
    def __init__(self, body: Body, revisions: _Revisions, old_doc: Document, new_doc: Document) -> None:
        self.body = body
        self.rev = revisions
        self.blocks = {"old": old_doc.by_eid(), "new": new_doc.by_eid()}
        self.numbering = Numbering()

    def paragraph(self, unit: Unit, side: str) -> etree._Element:
        if unit.kind is Kind.HEADING:
            if unit.eid == "title":
                return self.body.paragraph("Title")
            block = self.blocks[side].get(unit.eid)
            return self.body.paragraph(heading_style(block.level if block is not None else 2))
        if unit.kind is Kind.CLAUSE:
            return self.body.paragraph(CLAUSE_STYLE)
        if unit.kind is Kind.ITEM:  # the number is typed: indent as the clean export's list does
            p = self.body.paragraph(ITEM_STYLE)
            etree.SubElement(p.find(w("pPr")), w("ind"), {w("left"): "720", w("hanging"): "360"})
            return p
        if unit.kind is Kind.BULLET:
            block = self.blocks[side].get(unit.eid)
            return self.body.paragraph(
                BULLET_STYLE, (self.numbering.bullet(), bullet_level(block) if block is not None else 0)
            )
        return self.body.paragraph()

    @staticmethod
    def _marker(unit: Unit) -> str:
        return f"{unit.marker} " if unit.marker else ""

    def whole(self, unit: Unit, side: str, kind: str) -> etree._Element:
        """A provision added or removed as a whole."""
        p = self.paragraph(unit, side)
        self.rev.mark(p, kind)
        marker = self._marker(unit)
        self.rev.runs(p, kind, ([Piece(marker)] if marker else []) + list(pieces(unit.text)))
        return p

    def kept(self, change: Change) -> None:
        old, new = change.old, change.new
        p = self.paragraph(new, "new")
        if change.renumbered:
            if old.marker:
                self.rev.runs(p, "del", [Piece(old.marker)])
            if new.marker:
                self.rev.runs(p, "ins", [Piece(new.marker)])
            self.rev.runs(p, None, [Piece(" ")])
        elif new.marker:
            self.rev.runs(p, None, [Piece(self._marker(new))])
        if change.kind == "same":
            self.rev.runs(p, None, list(pieces(new.text)))
            return
        for op, old_part, new_part in self._words(old, new):
            if op == EQUAL:
                self.rev.runs(p, None, new_part)
            elif op == INSERT:
                self.rev.runs(p, "ins", new_part)
            else:
                self.rev.runs(p, "del", old_part)

    @staticmethod
    def _words(old: Unit, new: Unit):
        """(op, old pieces, new pieces) word by word, compared without Markdown."""
        old_pieces, new_pieces = pieces(old.text), pieces(new.text)
        a = "".join(p.text for p in old_pieces)
        b = "".join(p.text for p in new_pieces)
        i = j = 0
        for op, text in word_diff(a, b):
            n = len(text)
            if op == EQUAL:
                yield op, _slice(old_pieces, i, i + n), _slice(new_pieces, j, j + n)
                i, j = i + n, j + n
            elif op == DELETE:
                yield op, _slice(old_pieces, i, i + n), []
                i += n
            else:
                yield op, [], _slice(new_pieces, j, j + n)
                j += n

    def moved(self, change: Change, side: str) -> None:
        """One end of a Word move: the old place (moveFrom) or the new one (moveTo)."""
        name = f"move{change_name(change)}"
        unit = change.old if side == "old" else change.new
        kind = "moveFrom" if side == "old" else "moveTo"
        p = self.paragraph(unit, side)
        self.rev.mark(p, kind)
        range_id = self.body.next_id()
        etree.SubElement(p, w(f"{kind}RangeStart"), {w("id"): range_id, w("name"): name, **self.rev.attrs})
        marker = self._marker(unit)
        if marker:
            self.rev.runs(p, kind, [Piece(marker)])
        if not change.words:
            self.rev.runs(p, kind, list(pieces(unit.text)))
        else:
            for op, old_part, new_part in self._words(change.old, change.new):
                if op == EQUAL:
                    self.rev.runs(p, kind, old_part if side == "old" else new_part)
                elif op == DELETE and side == "old":
                    self.rev.runs(p, "del", old_part)
                elif op == INSERT and side == "new":
                    self.rev.runs(p, "ins", new_part)
        etree.SubElement(p, w(f"{kind}RangeEnd"), {w("id"): range_id})


def change_name(change: Change) -> str:
    """A move's name, the same at both ends: from its old address (unique in the old version)."""
    return "_" + change.old.eid.replace("-", "_")


def redline_docx(old_doc: Document, new_doc: Document, changes: list[Change], info: RedlineInfo) -> bytes:
    """The tracked-changes .docx of ``changes`` (``compare(old_doc, new_doc)``)."""
    lang = new_doc.lang
    document = new_document(lang)
    # a lawyer's own edits to the redline are tracked too (schema order: before w:defaultTabStop)
    settings = document.settings.element
    track = etree.Element(w("trackRevisions"))
    anchor = settings.find(w("defaultTabStop"))
    if anchor is not None:
        anchor.addprevious(track)
    else:
        settings.append(track)
    body = Body(document)
    writer = _Writer(body, _Revisions(body, info.author, info.published), old_doc, new_doc)
    first: etree._Element | None = None
    for side, change in _order(changes, units(old_doc)):
        if side == "both":
            writer.kept(change)
        elif change.kind == "added":
            writer.whole(change.new, "new", "ins")
        elif change.kind == "removed":
            writer.whole(change.old, "old", "del")
        else:
            writer.moved(change, side)
        if first is None:
            first = body.sect_pr.getprevious()
    if first is not None:
        _comment(document, first, info)

    numbering_el = document.part.numbering_part.element
    for child in list(numbering_el):
        numbering_el.remove(child)
    numbering_el.extend(writer.numbering.children())

    header_footer(document, lang, (info.title, info.header), [info.header, *info.statement[:-1]])
    edition = Edition(info.new_version, info.published, info.effective)
    core_properties(
        document,
        title=f"{info.title}: {info.header}",
        lang=lang,
        version=str(info.new_version) if info.new_version is not None else "draft",
        moment=edition.moment,
        author=info.author,
        identifier=new_doc.doc_id,
        subject=new_doc.front.product,
        status="redline",
        comments=" ".join(info.statement[:-1])[:255],
    )
    return save(document, edition.moment)


def _comment(document, paragraph: etree._Element, info: RedlineInfo) -> None:
    """A comment on the first provision: which versions, when, and what changed."""
    comment = document.comments.add_comment(text="\n".join(info.statement), author=info.author, initials="pd")
    element = comment._comment_elm
    if info.published is not None:
        element.set(w("date"), info.published.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    else:
        element.attrib.pop(w("date"), None)
    cid = str(comment.comment_id)
    ppr = paragraph.find(w("pPr"))
    start = etree.Element(w("commentRangeStart"), {w("id"): cid})
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    etree.SubElement(paragraph, w("commentRangeEnd"), {w("id"): cid})
    ref = etree.SubElement(paragraph, w("r"))
    rpr = etree.SubElement(ref, w("rPr"))
    etree.SubElement(rpr, w("rStyle"), {w("val"): "CommentReference"})
    etree.SubElement(ref, w("commentReference"), {w("id"): cid})


def version_redline(
    old_doc: Document,
    new_doc: Document,
    old_version,
    new_version,
    changes: list[Change] | None = None,
    author: str = DEFAULT_AUTHOR,
) -> bytes:
    """The redline .docx between two texts; ``old_version``/``new_version`` are store Versions or None (draft)."""
    if changes is None:
        changes = compare(old_doc, new_doc)
    lang = new_doc.lang
    published = new_version.published if new_version is not None else None
    effective = new_version.effective if new_version is not None else None
    header, lines = redline_lines(
        lang,
        old_version.number if old_version is not None else None,
        new_version.number if new_version is not None else None,
        published,
        effective,
        version_summary(old_doc, new_doc, lang, changes),
    )
    info = RedlineInfo(
        title=f"{new_doc.front.product}: {new_doc.title}",
        operator=new_doc.front.operator,
        old_label=str(getattr(old_version, "number", "draft")),
        new_label=str(getattr(new_version, "number", "draft")),
        published=published,
        effective=effective,
        summary=lines[-1],
        header=header,
        statement=lines,
        author=author,
        new_version=new_version.number if new_version is not None else None,
    )
    return redline_docx(old_doc, new_doc, changes, info)
