"""A block's inline Markdown as styled text pieces, for Word runs.

The site's own inline renderer (``policydocs.html.inline``: escaping, unsafe links
neutralised) turns the Markdown into HTML once; lxml reads that HTML back into pieces
of plain text with their bold, italic, code and link. So bold defined terms, links and
escapes mean in Word exactly what they mean on the site and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lxml import html as lxml_html

from ..html import inline


@dataclass(frozen=True)
class Piece:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None  # "https://...", "mailto:..." or "#cl-2-3" (a clause of this document)


_BOLD = {"strong", "b"}
_ITALIC = {"em", "i"}


@lru_cache(maxsize=16384)
def pieces(markdown_text: str) -> tuple[Piece, ...]:
    """The pieces of one block's text, adjacent pieces of the same look merged."""
    rendered = inline(markdown_text)
    if "<" not in rendered and "&" not in rendered:
        return (Piece(rendered),) if rendered else ()
    root = lxml_html.fragment_fromstring(rendered, create_parent="span")
    out: list[Piece] = []

    def add(text: str | None, look: dict) -> None:
        if not text:
            return
        if out and _same_look(out[-1], look):
            last = out[-1]
            out[-1] = Piece(last.text + text, last.bold, last.italic, last.code, last.href)
        else:
            out.append(Piece(text, **look))

    def walk(node, look: dict) -> None:
        add(node.text, look)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            inner = dict(look)
            if tag in _BOLD:
                inner["bold"] = True
            elif tag in _ITALIC:
                inner["italic"] = True
            elif tag == "code":
                inner["code"] = True
            elif tag == "a":
                href = child.get("href") or ""
                inner["href"] = href if _linkable(href) else None
            if tag == "br":
                add(" ", look)
            elif tag:
                walk(child, inner)
            add(child.tail, look)

    walk(root, {"bold": False, "italic": False, "code": False, "href": None})
    return tuple(out)


def _same_look(piece: Piece, look: dict) -> bool:
    return (piece.bold, piece.italic, piece.code, piece.href) == (
        look["bold"],
        look["italic"],
        look["code"],
        look["href"],
    )


def _linkable(href: str) -> bool:
    """Links Word can follow: the web, e-mail, and clauses of the same document."""
    return href.startswith(("https://", "http://", "mailto:")) or (href.startswith("#") and href != "#unsafe-link")


def plain(markdown_text: str) -> str:
    """What a reader reads: the text without Markdown (what a redline compares)."""
    return "".join(p.text for p in pieces(markdown_text))
