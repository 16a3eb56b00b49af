"""WordprocessingML names and the few element builders every part of the export shares."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def text_element(parent: etree._Element, text: str, deleted: bool = False) -> etree._Element:
    """``w:t`` (or ``w:delText`` inside a deletion) keeping every space."""
    el = etree.SubElement(parent, w("delText" if deleted else "t"))
    el.text = text
    if text[:1].isspace() or text[-1:].isspace():
        el.set(XML_SPACE, "preserve")
    return el
