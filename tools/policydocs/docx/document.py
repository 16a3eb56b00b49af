"""A clean Word document of one policy in one language and version.

Clauses are Word list paragraphs (``numbering.py``), numbered section headings share the
clause list at its first level, sub-items and bullets are lists of their own, section
headings use Heading styles (Word's navigation pane lists them), the title the Title
style, bold defined terms are bold runs. Every clause and section is bookmarked with its
eId (``cl_2_3_1``), so links between clauses work in Word and an importer can find them.
The body holds the policy's own text and nothing else; what the PDF prints above the
text (operator, version, dates, which language prevails) is in the first page's header.
"""

from __future__ import annotations

from ..document import Block, Clause, Document, Kind
from ..standing import standing
from .body import Body
from .edition import Edition, edition_lines, running_header
from .inline import Piece, pieces
from .numbering import LEVELS, ItemList, Numbering
from .package import BULLET_STYLE, CLAUSE_STYLE, ITEM_STYLE, core_properties, header_footer, new_document, save


def heading_style(level: int) -> str:
    """``##`` is Heading 1 (the title is ``#``), ``###`` Heading 2, deeper Heading 3."""
    return f"Heading {min(max(level - 1, 1), 3)}"


def bullet_level(block: Block) -> int:
    return 0 if block.level < 2 else 1


def document_docx(doc: Document, edition: Edition) -> bytes:
    """The .docx bytes of ``doc``; the same bytes for the same text and edition."""
    lang = doc.lang
    document = new_document(lang)
    body = Body(document)
    numbering = Numbering()

    title = body.paragraph("Title")
    body.pieces(title, pieces(doc.title_block.text) if doc.title_block is not None else pieces(doc.title))

    def content(blocks: list[Block]) -> None:
        items: ItemList | None = None
        for block in blocks:
            if block.kind is Kind.ITEM:
                items = items or numbering.items()
                p = body.paragraph(ITEM_STYLE, (items.item(block.number), 0))
            elif block.kind is Kind.BULLET:
                p = body.paragraph(BULLET_STYLE, (numbering.bullet(), bullet_level(block)))
            else:
                p = body.paragraph()
            body.pieces(p, pieces(block.text))

    def clause(c: Clause) -> None:
        listed = c.depth <= LEVELS  # Word lists have 9 levels; a deeper number is typed as written
        p = body.paragraph(CLAUSE_STYLE, numbering.clause(c.number) if listed else None)
        body.bookmark(p, c.eid)
        if not listed:
            body.pieces(p, (Piece(f"{c.block.marker} "),))
        body.pieces(p, pieces(c.text))
        content(c.content)
        for child in c.children:
            clause(child)

    for section in doc.sections:
        if section.heading is not None:
            heading = section.heading
            listed = bool(section.number) and section.number.count(".") < LEVELS
            num = numbering.clause(section.number) if listed else None
            p = body.paragraph(heading_style(heading.level), num)
            body.bookmark(p, section.eid)
            body.pieces(p, pieces(section.title if listed else heading.text))
        content(section.content)
        for c in section.clauses:
            clause(c)

    numbering_el = document.part.numbering_part.element
    for child in list(numbering_el):
        numbering_el.remove(child)
    numbering_el.extend(numbering.children())

    notice = standing(doc.front)
    # the running header names the product: three "Privacy Policy" documents are otherwise alike
    header_footer(
        document,
        lang,
        running_header(f"{doc.front.product}: {doc.title}", edition, lang),
        edition_lines(doc.front.operator, edition, lang),
        notice[1] if notice else "",
    )
    core_properties(
        document,
        title=doc.title,
        lang=lang,
        version=str(edition.version) if edition.version is not None else "draft",
        moment=edition.moment,
        author=doc.front.operator,
        identifier=doc.doc_id,
        subject=doc.front.product,
        status="published" if edition.version is not None else "draft",
    )
    return save(document, edition.moment)
