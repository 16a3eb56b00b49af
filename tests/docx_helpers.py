"""Reading exported .docx files the way Word would: accept or reject all revisions, resolve list numbers.

Written independently of the exporter: it knows only WordprocessingML (document.xml and
numbering.xml), so the tests check what a lawyer's Word shows, not the exporter's own view.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
REVISIONS = {f"{{{W}}}{k}": k for k in ("ins", "del", "moveFrom", "moveTo")}
KEEP = {"accept": {None, "ins", "moveTo"}, "reject": {None, "del", "moveFrom"}}


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def body_paragraphs(data: bytes) -> list[etree._Element]:
    return part(data, "word/document.xml").findall("w:body/w:p", NS)


def mark(p: etree._Element) -> str | None:
    """The revision on a paragraph's mark, if the whole paragraph was inserted, deleted or moved."""
    rpr = p.find("w:pPr/w:rPr", NS)
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in REVISIONS:
            return REVISIONS[child.tag]
    return None


def _revision_of(node: etree._Element, p: etree._Element) -> str | None:
    while node is not None and node is not p:
        if node.tag in REVISIONS:
            return REVISIONS[node.tag]
        node = node.getparent()
    return None


def paragraph_text(p: etree._Element, mode: str | None = None) -> str:
    """Text of one paragraph as it is (mode None), after Accept all or after Reject all."""
    out = []
    for node in p.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab"):
        if mode is not None and _revision_of(node, p) not in KEEP[mode]:
            continue
        out.append("\t" if node.tag.endswith("}tab") else node.text or "")
    return "".join(out)


def resolved(data: bytes, mode: str) -> list[str]:
    """Every body paragraph's text after Accept all ('accept') or Reject all ('reject')."""
    out = []
    for p in body_paragraphs(data):
        m = mark(p)
        if m is not None and m not in KEEP[mode]:
            assert paragraph_text(p, mode) == "", "a paragraph removed whole keeps text"
            continue
        out.append(paragraph_text(p, mode))
    return out


def list_numbers(data: bytes) -> list[tuple[str | None, str, str]]:
    """(number Word displays or None, style id, text) of each body paragraph, from numbering.xml."""
    numbering = part(data, "word/numbering.xml")
    levels: dict[tuple[str, int], tuple[int, str, str]] = {}
    for abstract in numbering.findall("w:abstractNum", NS):
        aid = abstract.get(f"{{{W}}}abstractNumId")
        for lvl in abstract.findall("w:lvl", NS):
            start = lvl.find("w:start", NS)
            levels[(aid, int(lvl.get(f"{{{W}}}ilvl")))] = (
                int(start.get(f"{{{W}}}val")) if start is not None else 0,
                lvl.find("w:numFmt", NS).get(f"{{{W}}}val"),
                lvl.find("w:lvlText", NS).get(f"{{{W}}}val"),
            )
    nums: dict[str, tuple[str, dict[int, int]]] = {}
    for num in numbering.findall("w:num", NS):
        overrides = {
            int(o.get(f"{{{W}}}ilvl")): int(o.find("w:startOverride", NS).get(f"{{{W}}}val"))
            for o in num.findall("w:lvlOverride", NS)
            if o.find("w:startOverride", NS) is not None
        }
        nums[num.get(f"{{{W}}}numId")] = (num.find("w:abstractNumId", NS).get(f"{{{W}}}val"), overrides)
    counters: dict[str, dict[int, int]] = {}
    out = []
    for p in body_paragraphs(data):
        style = p.find("w:pPr/w:pStyle", NS)
        style_id = style.get(f"{{{W}}}val") if style is not None else "Normal"
        num_pr = p.find("w:pPr/w:numPr", NS)
        number = None
        if num_pr is not None:
            num_id = num_pr.find("w:numId", NS).get(f"{{{W}}}val")
            ilvl = int(num_pr.find("w:ilvl", NS).get(f"{{{W}}}val"))
            abstract, overrides = nums[num_id]

            def start(level: int, overrides=overrides, abstract=abstract) -> int:
                return overrides.get(level, levels[(abstract, level)][0])

            state = counters.setdefault(num_id, {})
            state[ilvl] = state[ilvl] + 1 if ilvl in state else start(ilvl)
            for deeper in [k for k in state if k > ilvl]:
                del state[deeper]
            _, fmt, text = levels[(abstract, ilvl)]
            if fmt == "bullet":
                number = text
            else:
                number = re.sub(
                    r"%(\d)",
                    lambda m, state=state: str(state.get(int(m.group(1)) - 1, start(int(m.group(1)) - 1))),
                    text,
                )
        out.append((number, style_id, paragraph_text(p)))
    return out


def to_markdown(data: bytes, front_matter: str) -> str:
    """A policy's Markdown read back from an exported .docx: list numbers resolved, styles to blocks.

    A stand-in for the real-inputs importer (not merged yet): it reads only what Word keeps
    (styles, list numbers, bold runs, hyperlinks), so a round trip through it shows that
    the export carries the clause structure and the words.
    """
    rels = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    lines = []
    paragraphs = body_paragraphs(data)
    for (number, style, _), p in zip(list_numbers(data), paragraphs):
        text = _inline_markdown(p, rels)
        if style == "Title":
            lines.append(f"# {text}")
        elif style.startswith("Heading"):
            hashes = "#" * (int(style.removeprefix("Heading")) + 1)
            lines.append(f"{hashes} {number} {text}" if number else f"{hashes} {text}")
        elif style == "PolicyBullet":
            level = int(p.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{{{W}}}val"))
            lines.append(("  " * level) + f"- {text}")
        elif number:
            lines.append(f"{number} {text}".rstrip())
        else:
            lines.append(text)
    out = [front_matter]
    previous = None
    for line, (_, style, _) in zip(lines, list_numbers(data)):
        # lists stay together, every other block is its own paragraph
        together = style == previous and style in ("PolicyItem", "PolicyBullet")
        out.append(("" if together or previous is None else "\n") + line + "\n")
        previous = style
    return "".join(out)


def _inline_markdown(p: etree._Element, rels: dict[str, str]) -> str:
    out = []
    for child in p:
        if child.tag == f"{{{W}}}r":
            out.append(_run_markdown(child))
        elif child.tag == f"{{{W}}}hyperlink":
            text = "".join(_run_markdown(r) for r in child.findall("w:r", NS))
            anchor = child.get(f"{{{W}}}anchor")
            target = (
                "#" + anchor.replace("_", "-")
                if anchor
                else rels[child.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            )
            out.append(f"[{text}]({target})")
    return "".join(out)


def _run_markdown(r: etree._Element) -> str:
    text = "".join(t.text or "" for t in r.findall("w:t", NS))
    if r.find("w:rPr/w:b", NS) is not None and text.strip():
        return f"**{text}**"
    return text
