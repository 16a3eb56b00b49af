"""Paragraphs and runs written straight into the body with lxml (python-docx's API per run is slow).

Shared by the clean export and the redline: a paragraph with its style, list place and
clause bookmark, and runs carrying bold, italic, code and links as the site shows them.
"""

from __future__ import annotations

import re

from lxml import etree

from .inline import Piece
from .package import CODE_FONT, style_id
from .xml import R, text_element, w

_BOOKMARK_BAD = re.compile(r"[^0-9A-Za-z_]")


def bookmark_name(eid: str) -> str:
    """A clause's eId as a Word bookmark name (letters, digits, underscores; at most 40)."""
    return _BOOKMARK_BAD.sub("_", eid)[:40]


class Body:
    """Appends paragraphs to a document body, before its section properties."""

    def __init__(self, document) -> None:
        self.document = document
        self.part = document.part
        self.body = document.element.body
        self.sect_pr = self.body.find(w("sectPr"))
        self.ids = 100  # annotation ids (bookmarks, revisions); comments count from 0 on their own
        self._links: dict[str, str] = {}

    def next_id(self) -> str:
        self.ids += 1
        return str(self.ids)

    def paragraph(self, style: str | None = None, num: tuple[int, int] | None = None) -> etree._Element:
        p = etree.Element(w("p"))
        if style or num:
            ppr = etree.SubElement(p, w("pPr"))
            if style:
                etree.SubElement(ppr, w("pStyle"), {w("val"): style_id(style)})
            if num:
                num_pr = etree.SubElement(ppr, w("numPr"))
                etree.SubElement(num_pr, w("ilvl"), {w("val"): str(num[1])})
                etree.SubElement(num_pr, w("numId"), {w("val"): str(num[0])})
        if self.sect_pr is not None:
            self.sect_pr.addprevious(p)
        else:
            self.body.append(p)
        return p

    def bookmark(self, p: etree._Element, eid: str) -> None:
        """Bookmark the whole paragraph with the clause's address (internal links and importers use it)."""
        bid = self.next_id()
        start = etree.Element(w("bookmarkStart"), {w("id"): bid, w("name"): bookmark_name(eid)})
        ppr = p.find(w("pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        etree.SubElement(p, w("bookmarkEnd"), {w("id"): bid})

    def hyperlink(self, parent: etree._Element, href: str) -> etree._Element:
        if href.startswith("#"):
            return etree.SubElement(parent, w("hyperlink"), {w("anchor"): bookmark_name(href[1:])})
        rid = self._links.get(href)
        if rid is None:
            rid = self._links[href] = self.part.relate_to(
                href, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
            )
        return etree.SubElement(parent, w("hyperlink"), {f"{{{R}}}id": rid})

    def pieces(self, parent: etree._Element, pieces: tuple[Piece, ...] | list[Piece], links: bool = True) -> None:
        """Runs for the pieces; links become Word hyperlinks unless ``links`` is False (tracked text)."""
        for piece in pieces:
            target = self.hyperlink(parent, piece.href) if links and piece.href else parent
            run(target, piece.text, piece, link=links and bool(piece.href))


def run(
    parent: etree._Element, text: str, look: Piece | None = None, deleted: bool = False, link: bool = False
) -> etree._Element:
    r = etree.SubElement(parent, w("r"))
    if look is not None and (look.bold or look.italic or look.code or link):
        rpr = etree.SubElement(r, w("rPr"))
        if link:
            etree.SubElement(rpr, w("rStyle"), {w("val"): "Hyperlink"})
        if look.code:
            etree.SubElement(rpr, w("rFonts"), {w("ascii"): CODE_FONT, w("hAnsi"): CODE_FONT, w("cs"): CODE_FONT})
        if look.bold:
            etree.SubElement(rpr, w("b"))
            etree.SubElement(rpr, w("bCs"))
        if look.italic:
            etree.SubElement(rpr, w("i"))
            etree.SubElement(rpr, w("iCs"))
    text_element(r, text, deleted)
    return r
