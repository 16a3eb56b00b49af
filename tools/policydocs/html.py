"""One HTML rendering of a document, shared by the site and the PDFs.

Clause numbers are written out as text (not as CSS list counters), so the number a
reader sees in the browser, in the PDF and in a copied quote is the number in the
source. Every clause, sub-item, bullet and paragraph carries its eId as ``id``.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

from .document import Block, Clause, Document, Kind, Section
from .links import AUTOLINK_RE, unsafe_reason

# Text that Markdown would read as the start of a block (a list, a heading, a quote):
# inside one of our blocks it is plain text, so it is escaped before inline rendering.
_BLOCK_START = re.compile(r"^(\d+)([.)])(\s)|^([-+*#>])(\s|$)")
_THEMATIC_BREAK = re.compile(r"^(?=[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$)[ \t]*([-*_])")
_HREF = re.compile(r'(href|src)="([^"]*)"')


@lru_cache(maxsize=1)
def _inline_md() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")


# What Python-Markdown would change in one line of text, given no extensions: emphasis, links,
# code, escapes, raw HTML and entities (``&<>``), tabs and control characters (its placeholders).
_MARKUP = re.compile(r"[*_\[\]`<>&\\\x00-\x1f\x7f]")


def inline(text: str) -> str:
    """Render one block's inline Markdown (bold, links) without a wrapping <p>.

    Most clauses are plain words (96 % of the blocks of the five real policies): they come
    out as they went in, without Python-Markdown, which is most of a build's own time. A
    property test holds this shortcut to Python-Markdown's own output.
    """
    if _is_plain(text):
        return _HREF.sub(_neutralise, text)
    return _markdown_inline(text)


def _is_plain(text: str) -> bool:
    """True when Markdown leaves ``text`` as it is: one stripped line without markup or block marker."""
    return (
        not _MARKUP.search(text)
        and text == text.strip()
        and not text.startswith("#")
        and not _BLOCK_START.match(text)
        and not _THEMATIC_BREAK.match(text)
    )


@lru_cache(maxsize=65536)
def _markdown_inline(text: str) -> str:
    """Python-Markdown's rendering of one block's text.

    Memoised: a build renders each clause several times (its page, its PDF, every published
    version that kept it, redlines).
    """
    md = _inline_md()
    md.reset()
    out = md.convert(_escape(text))
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return _HREF.sub(_neutralise, out)


def _escape(text: str) -> str:
    """Escape raw HTML (keeping <https://...> autolinks) and block-level markers."""
    pieces: list[str] = []
    last = 0
    for m in AUTOLINK_RE.finditer(text):
        pieces.append(html.escape(text[last : m.start()], quote=False))
        pieces.append(m.group(0))
        last = m.end()
    pieces.append(html.escape(text[last:], quote=False))
    escaped = "".join(pieces)
    escaped = _THEMATIC_BREAK.sub(r"\\\1", escaped, count=1)  # "_____" is a blank to fill in, not a rule
    return _BLOCK_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}" if m.group(1) else f"\\{m.group(4)}{m.group(5)}", escaped
    )


def _neutralise(m: re.Match[str]) -> str:
    url = html.unescape(m.group(2))
    return m.group(0) if unsafe_reason(url, image=m.group(1) == "src") is None else f'{m.group(1)}="#unsafe-link"'


def _num(block: Block, marker: str) -> str:
    return f'<a class="pd-num" href="#{block.eid}">{html.escape(marker)}</a>'


def _content(blocks: list[Block], out: list[str]) -> None:
    """Paragraphs, sub-items and bullets; consecutive list entries share one list."""
    open_list: Kind | None = None
    for block in blocks:
        if block.kind is not open_list and open_list is not None:
            out.append("</ol>" if open_list is Kind.ITEM else "</ul>")
            open_list = None
        if block.kind is Kind.ITEM:
            if open_list is None:
                out.append('<ol class="pd-items">')
                open_list = Kind.ITEM
            out.append(f'<li id="{block.eid}">{_num(block, block.marker)} {inline(block.text)}</li>')
        elif block.kind is Kind.BULLET:
            if open_list is None:
                out.append('<ul class="pd-bullets">')
                open_list = Kind.BULLET
            out.append(f'<li id="{block.eid}">{inline(block.text)}</li>')
        else:
            out.append(f'<p id="{block.eid}" class="pd-para">{inline(block.text)}</p>')
    if open_list is not None:
        out.append("</ol>" if open_list is Kind.ITEM else "</ul>")


def _clause(clause: Clause, out: list[str]) -> None:
    block = clause.block
    out.append(f'<div class="pd-clause pd-depth-{clause.depth}" id="{clause.eid}" data-clause="{clause.number}">')
    out.append(f'<p class="pd-clause-text">{_num(block, block.marker)} {inline(block.text)}</p>')
    _content(clause.content, out)
    for child in clause.children:
        _clause(child, out)
    out.append("</div>")


def section_heading(section: Section) -> str:
    assert section.heading is not None
    level = max(2, section.heading.level)
    return f'<h{level} id="{section.eid}" class="pd-section-title">{inline(section.heading.text)}</h{level}>'


def render_body(doc: Document, with_headings: bool = True) -> str:
    """The document's text as HTML (without the title, which templates place themselves)."""
    out: list[str] = []
    for section in doc.sections:
        out.append(f'<section class="pd-section" data-eid="{section.eid}">')
        if section.heading is not None and with_headings:
            out.append(section_heading(section))
        _content(section.content, out)
        for clause in section.clauses:
            _clause(clause, out)
        out.append("</section>")
    return "\n".join(out)
