"""Word files (.docx): the body's paragraphs and tables, with Word's automatic numbering written out.

python-docx opens the package (it is well kept, MIT, and gives every XML part as an lxml
tree); the body is then walked in document order here, because the import needs what
python-docx's ``paragraph.text`` leaves out or gets wrong for a legal text: the clause
numbers of automatic lists (``numbering.py``; docx2python renders only its own "1)"
style, not ``lvlText`` such as ``%1.%2.``), the text inside tracked insertions and
hyperlinks, deletions left out, footnote references, and bold runs as ``**Term**``.
mammoth was not chosen: it silently drops tracked deletions' context and produces HTML
lists without the document's numbers.

Left out and listed in the report: running headers and footers (page numbers live there)
and text boxes (they float beside the text).
Refused, with what to do: .docm (macros), zip bombs (sizes are checked before anything is
unpacked), damaged packages, and unaccepted tracked changes or comments unless
``--accept-changes``.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from ...errors import PolicyError
from ...i18n import _, ngettext
from ..model import Extracted, Leftover, Note
from .numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_UNPACKED = 200 * 1024 * 1024  # all parts together, uncompressed
MAX_RATIO = 200  # a part that unpacks to more than 200 times its packed size is a bomb
MAX_PARTS = 5000


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, R, T, TAB, BR, CR, TBL, TR, TC, SDT, SDT_CONTENT = (
    _w(t) for t in ("p", "r", "t", "tab", "br", "cr", "tbl", "tr", "tc", "sdt", "sdtContent")
)
DEL, INS, MOVE_FROM, MOVE_TO, DEL_TEXT = (_w(t) for t in ("del", "ins", "moveFrom", "moveTo", "delText"))
FN_REF, NB_HYPHEN, TXBX, VAL = _w("footnoteReference"), _w("noBreakHyphen"), _w("txbxContent"), _w("val")
PPR, NUMPR, NUMID, ILVL, PSTYLE, RPR, B, RSTYLE = (
    _w(t) for t in ("pPr", "numPr", "numId", "ilvl", "pStyle", "rPr", "b", "rStyle")
)
CHANGES = tuple(_w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange"))
FALSE = ("0", "false", "off")
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)
SPACES = re.compile(r"[ \t\u00a0]+")
WORD_CHAR = re.compile(r"\w")


def _child(el, tag: str):
    """``el.find(tag)`` for one tag name: the first such child, without lxml's path parser (paragraph loop).

    A run or paragraph property element has a child or two: indexing them is cheaper than an iterator.
    """
    count = len(el)
    if count <= 4:
        for i in range(count):
            child = el[i]
            if child.tag == tag:  # a comment's or processing instruction's tag is not a string
                return child
        return None
    for child in el.iterchildren(tag):
        return child
    return None


def _check_package(data: bytes, path: Path | str) -> None:
    """Refuse what is not a plain Word document, before python-docx unpacks anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if len(infos) > MAX_PARTS:
                raise PolicyError(
                    _("the Word file has {count} parts; it is damaged or not a document").format(count=len(infos)), path
                )
            total = sum(info.file_size for info in infos)
            bomb = next(
                (
                    i
                    for i in infos
                    if i.file_size > 10 * 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
                ),
                None,
            )
            if total > MAX_UNPACKED or bomb is not None:
                raise PolicyError(
                    _(
                        "the file would unpack to {size} MB (a 'zip bomb' or a damaged file); nothing "
                        "was unpacked: save the document from Word again"
                    ).format(size=total // (1024 * 1024)),
                    path,
                )
            if any(info.flag_bits & 0x1 for info in infos):
                raise PolicyError(
                    _("the file is password-protected (encrypted zip); save it again without a password"), path
                )
            names = {info.filename for info in infos}
            if "word/document.xml" not in names:
                other = (
                    _("an Excel workbook")
                    if "xl/workbook.xml" in names
                    else _("a PowerPoint file")
                    if "ppt/presentation.xml" in names
                    else _("an OpenDocument file")
                    if "content.xml" in names
                    else _("a zip archive")
                )
                raise PolicyError(
                    _("this is {other}, not a Word document; save the policy as .docx").format(other=other), path
                )
            types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            if "word/vbaProject.bin" in names or b"macroEnabled" in types:
                raise PolicyError(
                    _(
                        "this is a macro-enabled Word file (.docm); macros are not opened: in Word, "
                        "save it as a Word Document (.docx) and import that"
                    ),
                    path,
                )
    except zipfile.BadZipFile:
        raise PolicyError(
            _("the Word file is damaged (not a readable zip package); save it from Word again"), path
        ) from None


def _part_xml(document, reltype_suffix: str):
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/" + reltype_suffix) and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else etree.fromstring(part.blob, SAFE_XML)
    return None


class _Styles:
    """What paragraph and character styles say about numbering and bold, following basedOn."""

    def __init__(self, styles_el):
        self.by_id = {}
        if styles_el is not None:
            for style in styles_el.iterchildren(_w("style")):
                self.by_id[style.get(_w("styleId"))] = style
        self._num: dict[str, tuple[str, int] | None] = {}
        self._bold: dict[str, bool] = {}

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(_w("basedOn"))
            style_id = based.get(VAL) if based is not None else None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        if style_id not in self._num:
            found = None
            for style in self._chain(style_id):
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                if num_pr is not None:
                    num_id = num_pr.find(_w("numId"))
                    ilvl = num_pr.find(_w("ilvl"))
                    if num_id is not None:
                        found = (num_id.get(VAL), int(ilvl.get(VAL)) if ilvl is not None else 0)
                        break
            self._num[style_id] = found
        return self._num[style_id]

    def bold(self, style_id: str | None) -> bool:
        if style_id not in self._bold:
            value = False
            for style in self._chain(style_id):
                b = style.find(f"{_w('rPr')}/{_w('b')}")
                if b is not None:
                    value = b.get(VAL, "1") not in FALSE
                    break
            self._bold[style_id] = value
        return self._bold[style_id]


def _squeeze(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces become one space; the ends are trimmed."""
    if "  " in text or "\t" in text or "\u00a0" in text:  # else the substitution would change nothing
        text = SPACES.sub(" ", text)
    return text.strip()


class _Reader:
    def __init__(self, document, path, options):
        self.path = path
        # a body without deletions, moves or text boxes has no text to skip: no need to look up from each run
        self.body_hides_text = next(document.element.body.iter(DEL, MOVE_FROM, TXBX), None) is not None
        self.accept = options.accept_changes
        self.styles = _Styles(_part_xml(document, "styles"))
        self.numbering = Numbering(_part_xml(document, "numbering"))
        self.footnotes = self._footnotes(_part_xml(document, "footnotes"))
        self.footnote_numbers: dict[str, int] = {}
        self.out = Extracted("docx")
        self.paragraph = 0

    @staticmethod
    def _footnotes(el) -> dict[str, object]:
        if el is None:
            return {}
        return {
            fn.get(_w("id")): fn for fn in el.iterchildren(_w("footnote")) if fn.get(_w("type")) in (None, "normal")
        }

    def _run_bold(self, run) -> bool:
        rpr = _child(run, RPR)
        if rpr is None:
            return False
        b = _child(rpr, B)
        if b is not None:
            return b.get(VAL, "1") not in FALSE
        style = _child(rpr, RSTYLE)
        return style is not None and self.styles.bold(style.get(VAL))

    def _pieces(self, p, footnote_refs: list[str], may_hide: bool = True) -> list[list[tuple[str, bool]]]:
        """The paragraph's text as lines (split at line breaks) of (text, bold) pieces.

        ``may_hide=False`` says the paragraph holds no deletion, move or text box (checked once per body).
        """
        lines: list[list[tuple[str, bool]]] = [[]]
        for el in p.iter(T, TAB, BR, CR, FN_REF, NB_HYPHEN):
            run = el.getparent()
            skip = False
            anc = run if may_hide else None
            while anc is not None and anc is not p:
                if anc.tag in (DEL, MOVE_FROM, TXBX):
                    skip = True
                    break
                anc = anc.getparent()
            if skip:
                continue
            tag = el.tag
            if tag == T:
                lines[-1].append((el.text or "", self._run_bold(run)))
            elif tag == TAB:
                lines[-1].append((" ", False))
            elif tag == NB_HYPHEN:
                lines[-1].append(("-", self._run_bold(run)))
            elif tag == FN_REF:
                fid = el.get(_w("id"))
                if fid in self.footnotes:
                    number = self.footnote_numbers.setdefault(fid, len(self.footnote_numbers) + 1)
                    footnote_refs.append(fid)
                    lines[-1].append((f"[{number}]", False))
            elif el.get(_w("type")) == "page":
                lines[-1].append((" ", False))
            else:
                lines.append([])
        return lines

    @staticmethod
    def _render(pieces: list[tuple[str, bool]]) -> str:
        """Join pieces; bold stretches with letters become **...** (whitespace kept outside the stars)."""
        if not any(bold for _, bold in pieces):  # most paragraphs: no bold run, the pieces are one stretch
            return _squeeze("".join(text for text, _ in pieces))
        merged: list[list] = []
        for i, (text, bold) in enumerate(pieces):
            if not text.strip():
                nxt = next((b for t, b in pieces[i + 1 :] if t.strip()), False)
                bold = bold and nxt and bool(merged) and merged[-1][1]
            if merged and merged[-1][1] == bold:
                merged[-1][0] += text
            else:
                merged.append([text, bold])
        out = []
        for text, bold in merged:
            if bold and WORD_CHAR.search(text):
                core = text.strip()
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                out.append(f"{lead}**{core}**{trail}")
            else:
                out.append(text)
        return _squeeze("".join(out))

    def _label(self, p) -> tuple[str, str] | None:
        ppr = _child(p, PPR)
        num = None
        if ppr is not None:
            num_pr = _child(ppr, NUMPR)
            ilvl = None
            if num_pr is not None:
                num_id = _child(num_pr, NUMID)
                ilvl = _child(num_pr, ILVL)
                if num_id is not None:
                    num = (num_id.get(VAL), int(ilvl.get(VAL)) if ilvl is not None else 0)
            if num is None:
                style = _child(ppr, PSTYLE)
                if style is not None:
                    num = self.styles.numbering(style.get(VAL))
                    if num is not None and ilvl is not None:
                        num = (num[0], int(ilvl.get(VAL)))
        if num is None:
            return None
        return self.numbering.next_label(*num)

    def paragraph_lines(self, p) -> list[str]:
        """The lines one paragraph gives (its number written out), and the footnotes it refers to."""
        self.paragraph += 1
        refs: list[str] = []
        lines = [self._render(pieces) for pieces in self._pieces(p, refs, self.body_hides_text)]
        label = self._label(p)
        if label is not None and any(lines):
            text, fmt = label
            first = 0 if lines[0] else next(i for i, line in enumerate(lines) if line)
            if fmt == "bullet":
                lines[first] = "- " + lines[first]
            elif text:
                lines[first] = f"{text} {lines[first]}"
        out = [line for line in lines if line]
        for fid in refs:
            where = _("paragraph {number}").format(number=self.paragraph)
            number = self.footnote_numbers[fid]
            text = " ".join(
                self._render(pc) for fp in self.footnotes[fid].iter(P) for pc in self._pieces(fp, [])
            ).strip()
            if text:
                out.append(f"[{number}] {text}")
                self.out.notes.append(
                    Note(
                        where,
                        "footnote",
                        _("footnote {number} kept as a paragraph after this one").format(number=number),
                    )
                )
        return out

    def block(self, el) -> None:
        if el.tag == P:
            where = _("paragraph {number}").format(number=self.paragraph + 1)
            lines = self.paragraph_lines(el)
            for line in lines:
                self.out.add(line, where)
            if lines:
                self.out.add("", where)  # a Word paragraph ends here, whatever its last character
        elif el.tag == TBL:
            for row in el.iter(TR):
                where = _("paragraph {number}").format(number=self.paragraph + 1)
                cells = []
                for cell in row.iterchildren(TC):
                    texts = [line for p in cell.iter(P) for line in self.paragraph_lines(p)]
                    cells.append(" ".join(texts))
                if any(cells):
                    self.out.add(" | ".join(cell for cell in cells if cell), where)
                    self.out.add("", where)
        elif el.tag == SDT:
            content = el.find(SDT_CONTENT)
            if content is not None:
                for child in content.iterchildren():
                    self.block(child)


def _changes(body, comments_el) -> tuple[int, int, str | None]:
    """How many tracked changes and comments, and the paragraph of the first one."""
    changes = [el for el in body.iter(*CHANGES)]
    comments = len(list(comments_el.iterchildren(_w("comment")))) if comments_el is not None else 0
    if not comments:
        comments = len(list(body.iter(_w("commentReference"))))
    first = None
    marks = changes or list(body.iter(_w("commentRangeStart"), _w("commentReference")))
    if marks:
        el = marks[0]
        while el is not None and el.tag != P:
            el = el.getparent()
        # lxml keeps one proxy per element while it is referenced, so identity finds it (id() of others would not)
        number = next((i for i, p in enumerate(body.iter(P), 1) if p is el), None)
        first = _("paragraph {number}").format(number=number) if number else None
    return len(changes), comments, first


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def extract(data: bytes, path: Path | str, options) -> Extracted:
    _check_package(data, path)
    import docx  # python-docx: loaded only for Word files

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except PolicyError:
        raise
    except Exception:  # python-docx and lxml raise many kinds on a damaged package
        raise PolicyError(
            _("the Word file is damaged and cannot be read; open it in Word and save it again"), path
        ) from None
    comments_el = _part_xml(document, "comments")
    changes, comments, first = _changes(body, comments_el)
    if (changes or comments) and not options.accept_changes:
        tracked = ngettext("{count} tracked change", "{count} tracked changes", changes).format(count=changes)
        noted = ngettext("{count} comment", "{count} comments", comments).format(count=comments)
        if changes and comments:
            message = _(
                "the document still has {changes} and {comments}; in Word accept or reject the changes "
                "(Review > Accept) and delete the comments (Review > Delete), save, and import again, "
                "or import with --accept-changes"
            ).format(changes=tracked, comments=noted)
        elif changes:
            message = _(
                "the document still has {changes}; in Word accept or reject the changes (Review > Accept), "
                "save, and import again, or import with --accept-changes"
            ).format(changes=tracked)
        else:
            message = _(
                "the document still has {comments}; in Word delete the comments (Review > Delete), save, "
                "and import again, or import with --accept-changes"
            ).format(comments=noted)
        raise PolicyError(
            message,
            path,
            first,
        )
    reader = _Reader(document, path, options)
    for child in body.iterchildren():
        reader.block(child)
    if changes or comments:
        done = "; ".join(
            x
            for x in (
                ngettext("{count} tracked change accepted", "{count} tracked changes accepted", changes).format(
                    count=changes
                )
                * bool(changes),
                ngettext("{count} comment left out", "{count} comments left out", comments).format(count=comments)
                * bool(comments),
            )
            if x
        )
        reader.out.notes.insert(
            0, Note(first or _("paragraph {number}").format(number=1), "tracked changes", f"--accept-changes: {done}")
        )
    seen = set()
    for box in body.iter(TXBX):  # a text box floats beside the text: not a clause, but not dropped unseen
        text = " ".join(t.text or "" for t in box.iter(T)).strip()
        if text and ("text box", text) not in seen:
            seen.add(("text box", text))
            reader.out.leftovers.append(Leftover(_("text box"), "text box", re.sub(r"\s+", " ", text)[:120]))
    for number, section in enumerate(document.sections, 1):
        for kind, parts in (
            ("running header", (section.header, section.first_page_header, section.even_page_header)),
            ("running footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:  # no header of its own (reading it would add one)
                    continue
                try:
                    text = " ".join(p.text.strip() for p in part.paragraphs if p.text.strip())
                except Exception:
                    continue
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    reader.out.leftovers.append(Leftover(_("section {number}").format(number=number), kind, text[:120]))
    return reader.out
