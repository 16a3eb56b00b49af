"""The Word package around a policy's text: styles, language, page, header, footer, metadata.

python-docx provides the package (parts, relationships, styles, core properties); what it
cannot say (numbering definitions, fields, tracked changes) is written with lxml into the
parts it created. Choices a lawyer sees:

* Font: Times New Roman 12 pt, the usual face of Kazakhstan's legal documents; it has
  every Kazakh letter (ә ғ қ ң ө ұ ү һ і) on Windows and macOS, and LibreOffice shows it
  with the metric-compatible Liberation Serif, which has them too.
* Page: A4, margins 30 mm left, 15 mm right, 20 mm top and bottom.
* Language: ``w:lang`` kk-KZ, ru-RU or en-US on the document defaults and every style, so
  Word's spell checker takes the document's own dictionary.
* Header: the first page carries operator, version and dates (and, for a translation,
  which language prevails); later pages the title and the version. Footer: the page
  number in the document's language, with Word fields: "Страница 3 из 11",
  "11 беттің 3-беті", "Page 3 of 11" (the same words as the PDF).
* The same bytes on every run: zip entries carry one fixed timestamp (the document's
  moment), core properties say created = modified = that moment, nothing else varies.
"""

from __future__ import annotations

import datetime as dt
import io
import string
import zipfile
from functools import lru_cache

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from ..i18n import site_word
from ..publication.words import PAGE_OF
from .xml import text_element, w

FONT = "Times New Roman"
CODE_FONT = "Courier New"
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}

#: "page X of Y" (``publication.words.PAGE_OF``) with Word fields, in each language's word order
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}


def page_of_parts(lang: str) -> list[str]:
    """["Page ", "PAGE", " of ", "NUMPAGES"]: the words and the fields, in ``lang``'s order."""
    known = lang if lang in LANG_TAGS else "en"
    template = site_word(PAGE_OF, known)
    parts = []
    for text, name, _spec, _conv in string.Formatter().parse(template):
        if text:
            parts.append(text)
        if name is not None:
            parts.append(_FIELDS[name])
    return parts


# styles the export adds (styleId = name without spaces)
CLAUSE_STYLE = "Policy Clause"
ITEM_STYLE = "Policy Item"
BULLET_STYLE = "Policy Bullet"
TEXT_WIDTH_TWIPS = 11906 - 1701 - 851  # A4 width less the margins


def style_id(name: str) -> str:
    return name.replace(" ", "")


def _fonts(rpr: etree._Element, font: str = FONT) -> None:
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        fonts = etree.Element(w("rFonts"))
        rpr.insert(0, fonts)
    fonts.attrib.clear()
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(w(attr), font)


def _lang(rpr: etree._Element, tag: str) -> None:
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, w("lang"))
    lang.attrib.clear()
    lang.set(w("val"), tag)
    lang.set(w("eastAsia"), tag)
    lang.set(w("bidi"), tag)


def _configure(document, lang: str) -> None:
    tag = LANG_TAGS[lang]
    styles = document.styles
    defaults = styles.element.find(w("docDefaults"))
    rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
    _fonts(rpr)
    _lang(rpr, tag)
    for size in (rpr.find(w("sz")), rpr.find(w("szCs"))):
        size.set(w("val"), "24")
    spacing = defaults.find(f"{w('pPrDefault')}/{w('pPr')}/{w('spacing')}")
    spacing.attrib.clear()
    spacing.set(w("after"), "120")
    spacing.set(w("line"), "240")
    spacing.set(w("lineRule"), "auto")

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, align in (
        ("Title", 14, WD_ALIGN_PARAGRAPH.CENTER),
        ("Heading 1", 12, None),
        ("Heading 2", 12, None),
        ("Heading 3", 12, None),
    ):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(w("pBdr")):
            ppr.remove(border)
        fmt = style.paragraph_format
        fmt.space_before = Pt(12)
        fmt.space_after = Pt(6)
        fmt.keep_with_next = True
        if align is not None:
            fmt.alignment = align
        rpr = style.element.get_or_add_rPr()
        for theme in ("spacing", "kern"):
            for el in rpr.findall(w(theme)):
                rpr.remove(el)
    for name in (CLAUSE_STYLE, ITEM_STYLE, BULLET_STYLE):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
    styles[ITEM_STYLE].paragraph_format.space_after = Pt(3)
    styles[BULLET_STYLE].paragraph_format.space_after = Pt(3)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        styles[name].paragraph_format.space_after = Pt(0)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.underline = True
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    # every style and the defaults in the document's language, every face with Kazakh letters
    for style_el in styles.element.findall(w("style")):
        rpr = style_el.find(w("rPr"))
        if rpr is not None and rpr.find(w("rFonts")) is not None:
            _fonts(rpr)
        if rpr is not None and rpr.find(w("lang")) is not None:
            _lang(rpr, tag)
    settings = document.settings.element
    theme_lang = settings.find(w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.attrib.clear()
        theme_lang.set(w("val"), tag)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)
    # python-docx's template carries a thumbnail of an empty page: not this document's picture
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(rid)


@lru_cache(maxsize=3)
def _base(lang: str) -> bytes:
    """The styled, empty package of one language, built once per process."""
    document = docx.Document()
    _configure(document, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def new_document(lang: str):
    """An empty python-docx Document with the policy styles in ``lang``."""
    return docx.Document(io.BytesIO(_base(lang)))


def _field(paragraph_el: etree._Element, instr: str) -> None:
    field = etree.SubElement(paragraph_el, w("fldSimple"), {w("instr"): f" {instr} "})
    run = etree.SubElement(field, w("r"))
    text_element(run, "1")


def _line(container, text: str, *, bold: bool = False, italic: bool = False, align=None, right: str | None = None):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    if right:
        paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH_TWIPS * 635, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run("\t" + right)
    return paragraph


def header_footer(document, lang: str, running: tuple[str, str], first: list[str], notice: str = "") -> None:
    """First page: ``first`` lines (operator, edition) and ``notice``; later pages: ``running`` (left, right)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    for header in (section.header, section.first_page_header):
        header.is_linked_to_previous = False
        for p in list(header.paragraphs):
            p._element.getparent().remove(p._element)
    left, right = running
    _line(section.header, left, bold=True, right=right)
    for i, text in enumerate(first):
        _line(section.first_page_header, text, bold=i == 0)
    if notice:
        _line(section.first_page_header, notice, italic=True)
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for part in page_of_parts(lang):
            if part in ("PAGE", "NUMPAGES"):
                _field(paragraph._element, part)
            else:
                paragraph.add_run(part)


def core_properties(
    document,
    *,
    title: str,
    lang: str,
    version: str,
    moment: dt.datetime,
    author: str,
    identifier: str,
    subject: str,
    status: str,
    comments: str = "",
) -> None:
    """Title, language, version and created = modified = the document's moment (UTC)."""
    props = document.core_properties
    moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    props.title = title
    props.language = LANG_TAGS[lang]
    props.version = version
    props.created = moment
    props.modified = moment
    props.author = author
    props.last_modified_by = "policydocs"
    props.revision = 1
    props.identifier = identifier
    props.subject = subject
    props.keywords = identifier
    props.content_status = status
    props.comments = comments
    props.category = ""


def save(document, moment: dt.datetime) -> bytes:
    """The package's bytes, each zip entry stamped with ``moment`` (reproducible)."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = moment.astimezone(dt.UTC).timetuple()[:6]
    stamp = (max(stamp[0], 1980),) + tuple(stamp[1:])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
