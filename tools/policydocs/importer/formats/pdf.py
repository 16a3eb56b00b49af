"""PDFs with a text layer: lines from their positions on the page, joined into paragraphs by layout.

pdfminer.six (MIT) does the layout analysis (characters to positioned lines); it is the
well-kept permissive choice (PyMuPDF is AGPL), and pdfplumber is a layer over it that
would only add cost. What no extractor does for a legal text is done here:

- running headers, footers and page numbers, i.e. lines in the page margins that repeat
  page after page (digits aside), are left out and listed once each in the report;
- lines are joined into paragraphs from the layout, never from capital letters: a new
  paragraph starts after a vertical gap larger than the line spacing, after a line that
  ended although the next line's first word would have fitted on it, or at a line that
  starts with a clause number, "1)" or a bullet;
- a word hyphenated at a line end is joined (without the hyphen, unless the document
  writes that word with a hyphen elsewhere) and reported;
- bold type (a font whose name says Bold) becomes ``**...**``;
- pieces of one printed line far apart (table cells) are kept as one row, "cell | cell".

Pages in two or three columns are read column by column: the gaps between columns come from
where the lines lie across the page (``reading_order``), and a title across the columns is
read first. A PDF without any text (a scan) is recognised by Tesseract (``ocr.py``) and its
lines are laid out here like any other PDF's (``lay_out``).
"""

from __future__ import annotations

import io
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ...dictionaries import known
from ...errors import PolicyError
from ...i18n import _, ngettext
from ...languages import KAZAKH_LETTERS
from ..model import Extracted, Leftover, Note

MARGIN_ZONE = 0.09  # top and bottom share of the page where running headers and footers live
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
STARTS_BLOCK = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s|\d+\)\s|[-•–—*▪●]\s|\[\d+\]\s)")
PAGE_NUMBER = re.compile(
    r"^(?:(?:page|стр\.?|страница|бет)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|из|/|из\s+)\s*\d{1,4})?\s*(?:бет|page)?$",
    re.I,
)
HYPHENS = "-\u2010\u00ad"


@dataclass
class _Line:
    page: int
    number: int  # 1-based line on its page (furniture included)
    top: float
    bottom: float
    x0: float
    x1: float
    height: float
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, bold)
    first_word: float = 0.0  # width of the first word, to tell whether it would have fitted on the line before
    cells: bool = False  # pieces side by side with wide gaps: a table row
    confidence: float | None = None  # OCR: the mean confidence of the line's words (%)
    speck: str | None = None  # OCR: a mark before the clause number, left out (reported as a guess)
    right: float | None = None  # right edge of the line's column (None: one column, the page's text edge)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.pieces).strip()


def _open_pages(data: bytes, path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        yield from extract_pages(io.BytesIO(data), laparams=LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PolicyError(
            _("the PDF is password-protected; open it, save a copy without a password and import that"), path
        ) from None
    except PolicyError:
        raise
    except Exception:  # pdfminer raises many kinds on a damaged file
        raise PolicyError(_("the PDF is damaged and cannot be read; download or export it again"), path) from None


def _text_lines(container):
    from pdfminer.layout import LTTextLine

    for obj in container:
        if isinstance(obj, LTTextLine):
            yield obj
        elif hasattr(obj, "__iter__"):
            yield from _text_lines(obj)


def _line(page_no: int, page_height: float, ltline) -> _Line:
    from pdfminer.layout import LTChar

    pieces: list[tuple[str, bool]] = []
    first_end = None
    started = False
    x_start = None
    prev_x1 = ltline.x0
    for ch in ltline:
        text = ch.get_text()
        if isinstance(ch, LTChar):
            bold = bool(BOLD_FONT.search(ch.fontname))
            if x_start is None and not text.isspace():
                x_start = ch.x0
            if text.isspace():
                if started and first_end is None:
                    first_end = ch.x0
            else:
                started = True
        else:  # LTAnno: a space or line end the layout analysis inferred
            if text == "\n":
                continue
            bold = pieces[-1][1] if pieces else False
            if started and first_end is None and text.isspace():
                first_end = prev_x1
        if pieces and pieces[-1][1] == bold:
            pieces[-1] = (pieces[-1][0] + text, bold)
        else:
            pieces.append((text, bold))
        if isinstance(ch, LTChar):
            prev_x1 = ch.x1
    start = x_start if x_start is not None else ltline.x0
    end = first_end if first_end is not None else ltline.x1
    return _Line(
        page_no,
        0,
        page_height - ltline.y1,
        page_height - ltline.y0,
        start,
        ltline.x1,
        ltline.height,
        pieces,
        max(0.0, end - start),
    )


def _merge_same_row(lines: list[_Line], cells: bool = True) -> list[_Line]:
    """Pieces of one printed line that the layout analysis put in different boxes (a number and its text).

    Inside a narrow column a justified line's spaces are as wide as a table's gaps: there
    (``cells=False``) the pieces are words of one line, never cells."""
    lines.sort(key=lambda ln: (round(ln.top / 2), ln.x0))
    out: list[_Line] = []
    for ln in lines:
        if out and abs(out[-1].top - ln.top) < 0.5 * min(ln.height, out[-1].height) and ln.x0 >= out[-1].x1 - 1:
            prev = out[-1]
            marker = STARTS_BLOCK.match(prev.text + " ") and len(prev.text) <= 12  # "2.3." then a tab, then the text
            cell = cells and ln.x0 - prev.x1 > 2.5 * ln.height and not marker  # wider than a justified line's spaces
            prev.cells = prev.cells or cell
            prev.pieces = prev.pieces + [(" | " if cell else " ", False)] + ln.pieces
            prev.x1 = ln.x1
            prev.bottom = max(prev.bottom, ln.bottom)
        else:
            out.append(ln)
    return out


def _furniture(pages: list[list[_Line]], heights: list[float]) -> dict[int, str]:
    """id(line) -> kind, for running headers, footers and page numbers."""
    zone_lines: list[tuple[_Line, str]] = []
    for lines, height in zip(pages, heights):
        for ln in lines:
            if ln.top < MARGIN_ZONE * height:
                zone_lines.append((ln, "running header"))
            elif ln.bottom > (1 - MARGIN_ZONE) * height:
                zone_lines.append((ln, "running footer"))

    def key(ln: _Line) -> tuple[str, int]:  # the same words at the same height of the page
        return re.sub(r"\d+", "#", ln.text), round(ln.top / 6)

    pages_with: dict[tuple[str, int], set[int]] = defaultdict(set)
    for ln, _zone in zone_lines:
        pages_with[key(ln)].add(ln.page)
    needed = max(2, math.ceil(0.5 * len(pages)))
    all_heights = [ln.height for lines in pages for ln in lines]
    body_height = statistics.median(all_heights) if all_heights else 0
    out: dict[int, str] = {}
    for ln, kind in zone_lines:
        if PAGE_NUMBER.match(ln.text):
            out[id(ln)] = "page number"
        elif len(pages) >= 2 and len(pages_with[key(ln)]) >= needed:
            out[id(ln)] = kind
        elif ln.height < 0.85 * body_height and (ln.page == 1 or len(pages) == 1):
            out[id(ln)] = kind  # one page: a line in the margin in smaller type than the text
    return out


def _render(pieces: list[tuple[str, bool]]) -> str:
    merged: list[list] = []
    for text, bold in pieces:
        if merged and (merged[-1][1] == bold or not text.strip()):
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    out = []
    for text, bold in merged:
        if bold and re.search(r"\w", text):
            core = text.strip()
            out.append(text[: len(text) - len(text.lstrip())] + f"**{core}**" + text[len(text.rstrip()) :])
        else:
            out.append(text)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def extract(data: bytes, path: Path | str, options=None) -> Extracted:
    out = Extracted("pdf")
    pages: list[list[_Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    columns: list = []  # the gutters of the page before
    for page_no, page in enumerate(_open_pages(data, path), 1):
        raw = [ln for ln in (_line(page_no, page.height, ln) for ln in _text_lines(page)) if ln.text]
        pages.append(number_lines(reading_order(raw, page.height, columns)))
        heights.append(page.height)
        widths.append(page.width)
    if not pages:
        raise PolicyError(_("the PDF has no pages"), path)
    if not any(pages):
        from . import ocr  # a scan: recognised, then laid out like any PDF

        return ocr.extract_pdf(data, path, options, len(pages))
    return lay_out(pages, heights, out)


def number_lines(lines: list[_Line]) -> list[_Line]:
    """Number a page's lines in reading order (the place a message points at: "page 2, line 14")."""
    for number, ln in enumerate(lines, 1):
        ln.number = number
    return lines


def lay_out(pages: list[list[_Line]], heights: list[float], out: Extracted) -> Extracted:
    """Pages of positioned lines (read from a text layer or recognised from a scan) to the policy's paragraphs."""
    for page_no, lines in enumerate(pages, 1):
        if not lines:
            out.notes.append(
                Note(
                    _("page {page}").format(page=page_no),
                    "page without text",
                    _("page {page} has no text layer (a scanned page?); nothing of it was imported").format(
                        page=page_no
                    ),
                )
            )
    furniture = _furniture(pages, heights)
    left_out: dict[tuple[str, str], list[int]] = {}
    body: list[_Line] = []
    for lines in pages:
        for ln in lines:
            kind = furniture.get(id(ln))
            if kind:
                key = (kind, re.sub(r"\d+", "#", ln.text) if kind == "page number" else ln.text)
                left_out.setdefault(key, []).append(ln.page)
            else:
                body.append(ln)
    for (kind, text), on_pages in left_out.items():
        span = (
            _("page {page}").format(page=on_pages[0])
            if len(on_pages) == 1
            else _("pages {first}-{last}").format(first=on_pages[0], last=on_pages[-1])
        )
        shown = text if kind != "page number" else text.replace("#", "N")
        out.leftovers.append(
            Leftover(
                span,
                kind,
                ngettext("{text} (on {count} page)", "{text} (on {count} pages)", len(on_pages)).format(
                    text=shown, count=len(on_pages)
                ),
            )
        )
    _paragraphs(body, out)
    return out


def _gutters(lines: list[_Line], page_height: float) -> list[tuple[float, float]]:
    """The gaps between columns of text on one page, from where its lines lie across the page.

    A gutter is a band of x-positions that almost no line crosses (a title or a heading across
    the columns may), at least as wide as a line is high, with lines wholly on both sides of it
    that mostly reach it (the columns of justified or ragged text; a table of short labels and
    values is not columns).
    """
    body = [ln for ln in lines if MARGIN_ZONE * page_height <= ln.top and ln.bottom <= (1 - MARGIN_ZONE) * page_height]
    if len(body) < 6:
        return []
    left, right = min(ln.x0 for ln in body), max(ln.x1 for ln in body)
    height = statistics.median(ln.height for ln in body)
    width = int(right - left) + 1
    if width < 10 * height:
        return []
    cover = [0] * width
    for ln in body:
        for x in range(max(0, int(ln.x0 - left)), min(width, int(ln.x1 - left) + 1)):
            cover[x] += 1
    allowed = max(2, int(0.15 * len(body)))
    runs: list[tuple[float, float]] = []
    x = 0
    while x < width:
        if cover[x] <= allowed:
            start = x
            while x < width and cover[x] <= allowed:
                x += 1
            if x - start >= 0.8 * height and start > 0.12 * width and x < 0.88 * width:
                runs.append((left + start, left + x))
        x += 1
    out = []
    for start, end in runs:
        before = [ln for ln in body if ln.x1 <= start + 1 and all(ln.x0 >= e - 1 for s, e in out)]
        after = [ln for ln in body if ln.x0 >= end - 1]
        if len(before) < 3 or len(after) < 3:
            continue
        column = start - max([left] + [e for _, e in out])
        reaching = sum(1 for ln in before if start - ln.x1 < 0.25 * column)
        if reaching >= 0.5 * len(before):
            out.append((start, end))
    return out


def _still_fit(lines: list[_Line], gutters: list[tuple[float, float]]) -> bool:
    """Do the previous page's columns hold this page's few lines (the end of a text in columns)?"""
    crossing = sum(1 for ln in lines for start, end in gutters if ln.x0 < start - 1 and ln.x1 > end + 1)
    right_of = sum(1 for ln in lines if ln.x0 >= gutters[-1][1] - 1)
    return bool(gutters) and crossing <= max(1, 0.15 * len(lines)) and right_of >= 1


def reading_order(lines: list[_Line], page_height: float, before: list | None = None) -> list[_Line]:
    """One page's lines in reading order: column by column, between the lines that run across the columns.

    A title or heading across the page comes before the columns under it; the running
    header and footer (in the margins) stay where they are, for the furniture check. A
    page with too few lines to show its columns (the last one) keeps the columns of the
    page ``before`` it when its lines fit them. The columns found are left in ``before``.
    """
    gutters = _gutters(lines, page_height)
    if not gutters and before and _still_fit(lines, before):
        gutters = list(before)
    if before is not None:
        before[:] = gutters
    if not gutters:
        return _merge_same_row(lines)

    def column(ln: _Line) -> int | None:
        for start, end in gutters:
            if ln.x0 < start - 1 and ln.x1 > end + 1:
                return None  # runs across a gutter: a title, a heading across the page, a running header
        return sum(1 for start, end in gutters if (ln.x0 + ln.x1) / 2 > end)

    out: list[_Line] = []

    def flush_band(band: dict[int, list[_Line]]):
        if len(band) > 1:  # a short line centred above the columns (a title's last line) comes before them
            tops = {index: min(ln.top for ln in col) for index, col in band.items()}
            above = [
                ln
                for index, col in band.items()
                for ln in col
                if all(ln.bottom <= top for other, top in tops.items() if other != index)
            ]
            if above:
                out.extend(_merge_same_row(above))
                band = {index: [ln for ln in col if ln not in above] for index, col in band.items()}
        for index in sorted(band):
            if not band[index]:
                continue
            merged = _merge_same_row(band[index], cells=False)
            edge = sorted(ln.x1 for ln in merged)[int(0.9 * (len(merged) - 1))]
            for ln in merged:
                ln.right = edge
            out.extend(merged)

    band: dict[int, list[_Line]] = defaultdict(list)
    across: list[_Line] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        index = column(ln)
        if index is None:
            across.append(ln)
            continue
        if across:
            flush_band(band)
            band = defaultdict(list)
            out.extend(_merge_same_row(across))
            across = []
        band[index].append(ln)
    flush_band(band)
    out.extend(_merge_same_row(across))
    return out


def _paragraphs(body: list[_Line], out: Extracted) -> None:
    if not body:
        return
    height = statistics.median(ln.height for ln in body)
    pitches = [b.top - a.top for a, b in zip(body, body[1:]) if a.page == b.page and 0 < b.top - a.top < 3 * height]
    pitch = statistics.median(pitches) if pitches else 1.2 * height
    right = sorted(ln.x1 for ln in body)[int(0.95 * (len(body) - 1))]
    space = 0.3 * height
    vocabulary = Counter(w.lower() for ln in body for w in re.findall(r"\w+(?:-\w+)*", ln.text))
    marked = any(re.search(r"\w[\u2010\u00ad]$", ln.text) for ln in body)
    hyphens = None if marked else _LineEndHyphens(body)
    paragraph: list[tuple[str, bool]] = []
    first: _Line | None = None
    prev: _Line | None = None
    row_left = 0.0  # where the current table row starts

    def flush():
        if paragraph:
            text = _render(paragraph)
            if text:
                where = _("page {page}, line {line}").format(page=first.page, line=first.number)
                out.add(text, where)
                out.add("", where)

    for ln in body:
        wrapped_cell = (
            prev is not None
            and prev.cells
            and not ln.cells
            and prev.page == ln.page
            and ln.top - prev.top <= 1.35 * pitch
            and ln.x0 > row_left + 2 * height
        )
        new = prev is None or STARTS_BLOCK.match(ln.text) is not None or ln.cells or (prev.cells and not wrapped_cell)
        if not new and prev.page == ln.page and ln.top - prev.top > 1.35 * pitch:
            new = True
        if not new and prev.x1 + space + ln.first_word < (prev.right or right) - 0.5 * space:
            new = True  # the line before ended early although this line's first word would have fitted
        if new:
            flush()
            paragraph, first = list(ln.pieces), ln
            row_left = ln.x0
        else:
            _join(paragraph, prev, ln, vocabulary, out, marked, hyphens)
        if wrapped_cell:
            ln.cells = True  # the row goes on: its next line may be another cell's continuation
        prev = ln
    flush()


class _LineEndHyphens:
    """Is a plain "-" at a line end the word's own hyphen («интернет-ресурсында», «жай-күйі») or hyphenation?

    Where the document does not mark its hyphenation (U+2010, soft hyphen), the language's
    dictionary (``dictionaries.py``: Russian, Kazakh) decides: a joined form it knows («қызмет-»
    + «терді») is hyphenation; otherwise a hyphenated form it knows, or two halves it knows
    («іс» + «қимылдарды»), is a compound. When it knows none of them, the document
    decides: a text that shows hyphenation nowhere (no break the dictionary reads as one) is
    not hyphenated, so its hyphens are its words' own; this is how Kazakh PDFs are made, since
    no hyphenation patterns for Kazakh ship with WeasyPrint, LibreOffice or pyphen. Without a
    dictionary (English) the document's own spelling elsewhere decides, as before.
    """

    BROKEN = re.compile(r"(\w+)-$")

    def __init__(self, body: list[_Line]):
        self.hyphenates: set[str] = set()  # languages in which this document hyphenates words
        for a, b in zip(body, body[1:]):
            m = self.BROKEN.search(a.text.rstrip())
            tail = re.match(r"\w+", b.text)
            if m and tail and b.text[:1].islower() and self.decide(m.group(1), tail.group(0)) is False:
                self.hyphenates.add(_language(m.group(1) + tail.group(0)))

    @staticmethod
    def decide(head: str, tail: str) -> bool | None:
        """True: keep the hyphen; False: join; None: the dictionary cannot tell."""
        lang = _language(head + tail)
        joined = known(head + tail, lang)
        if joined is None:
            return None
        if joined:
            return False
        # Hunspell reads "X-Y" as the words X and Y (its BREAK rule), so this is also "both halves are words"
        return True if known(f"{head}-{tail}", lang) or (known(head, lang) and known(tail, lang)) else None

    def keep(self, head: str, tail: str) -> bool | None:
        """The answer for one break; None leaves it to the document's own spelling."""
        answer = self.decide(head, tail)
        if answer is None and _language(head + tail) in ("ru", "kk") and _language(head + tail) not in self.hyphenates:
            return True
        return answer


def _language(word: str) -> str | None:
    """kk for a word with a Kazakh letter, ru for other Cyrillic, None otherwise (no dictionary asked)."""
    if any(ch in KAZAKH_LETTERS for ch in word):
        return "kk"
    return "ru" if re.search("[а-яё]", word, re.I) else None


def _join(
    paragraph: list[tuple[str, bool]],
    prev: _Line,
    ln: _Line,
    vocabulary: Counter,
    out: Extracted,
    marked: bool = False,
    hyphens: _LineEndHyphens | None = None,
) -> None:
    """Append ``ln`` to the paragraph: with a space, or mending a word hyphenated at the line end.

    ``marked``: the document marks its own line-end hyphenation with U+2010 or a soft hyphen
    (WeasyPrint, LibreOffice), so a plain "-" at a line end is the word's own ("интернет-ресурс",
    "жай-күйі", "іс-қимыл") and stays. Otherwise ``hyphens`` asks the language's dictionary."""
    last_text, last_bold = paragraph[-1]
    stripped = last_text.rstrip()
    nxt = ln.text
    m = re.search(r"(\w+)([" + HYPHENS + r"])$", stripped)
    if m and (nxt[:1].islower() or m.group(2) != "-" and m.group(1).isupper() and nxt[:1].isupper()):
        head, hyphen = m.group(1), m.group(2)
        tail = re.match(r"\w+", nxt)
        tail_word = tail.group(0) if tail else ""
        keep = hyphen == "-" and (
            marked or vocabulary[f"{head}-{tail_word}".lower()] > vocabulary[f"{head}{tail_word}".lower()]
        )
        if hyphen == "-" and not marked and hyphens is not None and tail_word:
            own = vocabulary[f"{head}-{tail_word}".lower()] - vocabulary[f"{head}{tail_word}".lower()]
            said = hyphens.keep(head, tail_word)
            keep = own > 0 if own or said is None else said  # the document's own spelling elsewhere first
        paragraph[-1] = (stripped[:-1] + ("-" if keep else ""), last_bold)
        pieces = list(ln.pieces)
        pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
        paragraph.extend(pieces)
        joined = f"{head}-{tail_word}" if keep else f"{head}{tail_word}"
        out.notes.append(
            Note(
                _("page {page}, line {line}").format(page=ln.page, line=ln.number),
                "hyphenation",
                _("joined '{first}' and '{second}' at a line end into '{word}'").format(
                    first=head + hyphen, second=tail_word, word=joined
                ),
            )
        )
        return
    paragraph[-1] = (stripped, last_bold)
    paragraph.append((" ", False))
    paragraph.extend(ln.pieces)
