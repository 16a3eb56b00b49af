"""Scans (a PDF without a text layer, a PNG, JPEG or TIFF image) recognised by Tesseract, then laid out as a PDF.

pytesseract, not OCRmyPDF: the import needs each word's box and confidence, to lay the
words out with the PDF reader's own rules (columns, running headers, paragraphs, hyphens)
and to report every line Tesseract was unsure of with its page and line. OCRmyPDF writes a
new PDF whose text layer hides the confidences, and brings Ghostscript and its own pipeline
for nothing the import uses. Pages of a PDF are rasterised by poppler's ``pdftoppm``.

The text is recognised, not read: the summary says so, and every line whose confidence is
below ``GUESS_BELOW`` is listed as a guess to check against the scan.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import PolicyError
from ...i18n import _
from ..model import Extracted, Note
from .pdf import _Line, lay_out, number_lines, reading_order

MAX_PAGES = 100  # about 10 s a page on two cores: a longer scan is split by the user
GUESS_BELOW = 80  # a line's mean word confidence (%) under which it is reported
PDF_DPI = 300  # Tesseract reads best at 300 dpi
TESSERACT = {"ru": "rus+eng", "kk": "kaz+rus+eng", "en": "eng"}
UNKNOWN = "kaz+rus+eng"  # language not given: Kazakh's model knows every Russian letter too
PACKAGES = "tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-eng"
MISREAD_LABEL = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})*,\d{1,3}\.(?=\s)")  # "5,1." for "5.1."
# a speck of dust before a clause number, read as a sign ("~ 1.2.", "' 3.1."): no letter or digit, two
# characters at most, followed by a label; a bullet never stands before a clause number either
SPECK = re.compile(r"^\W{1,2}$")
LABEL = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})*[.)]$")
LANGUAGE_PACKAGE = {"rus": "tesseract-ocr-rus", "kaz": "tesseract-ocr-kaz", "eng": "tesseract-ocr-eng"}


def _languages(path, lang: str | None) -> str:
    import pytesseract

    wanted = TESSERACT.get(lang or "", UNKNOWN)
    try:
        have = set(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        raise PolicyError(
            _(
                "the file is a scan and Tesseract (OCR) is not installed; install the Debian packages "
                "{packages} and try again"
            ).format(packages=PACKAGES),
            path,
        ) from None
    missing = [code for code in wanted.split("+") if code not in have]
    if missing:
        raise PolicyError(
            _("the scan needs Tesseract's data for {codes}, which is not installed; install {packages}").format(
                codes=", ".join(missing), packages=" ".join(LANGUAGE_PACKAGE[c] for c in missing)
            ),
            path,
            _("page {page}").format(page=1),
        )
    return wanted


def _recognise(image, page: int, dpi: float, languages: str, path) -> tuple[list[_Line], float]:
    """One page's lines (in points, like a PDF's) with their mean word confidence, and the page height."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(image, lang=languages, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as exc:
        raise PolicyError(
            _("Tesseract could not recognise the page ({reason})").format(reason=str(exc.message).strip()[:120]),
            path,
            _("page {page}").format(page=page),
        ) from None
    scale = 72.0 / dpi
    rows: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][i]) >= 0:
            rows.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    lines = []
    for words in rows.values():
        speck = None
        if (
            len(words) > 2
            and SPECK.match(data["text"][words[0]].strip())
            and LABEL.match(data["text"][words[1]].strip())
        ):
            speck, words = data["text"][words[0]].strip(), words[1:]
        left = [data["left"][i] * scale for i in words]
        right = [(data["left"][i] + data["width"][i]) * scale for i in words]
        top = min(data["top"][i] for i in words) * scale
        bottom = max(data["top"][i] + data["height"][i] for i in words) * scale
        text = " ".join(data["text"][i].strip() for i in words)
        ln = _Line(page, 0, top, bottom, min(left), max(right), bottom - top, [(text, False)], right[0] - left[0])
        ln.confidence = sum(float(data["conf"][i]) for i in words) / len(words)
        ln.speck = speck
        lines.append(ln)
    return lines, image.height * scale


def _lay_out(pages: list[list[_Line]], heights: list[float]) -> Extracted:
    out = Extracted("scan")
    for lines in pages:
        for ln in lines:
            where = _("page {page}, line {line}").format(page=ln.page, line=ln.number)
            if ln.speck:
                out.notes.append(
                    Note(
                        where,
                        "OCR guess",
                        _(
                            "left out '{seen}' before the clause number at the start of the line (a mark on the scan)"
                        ).format(seen=ln.speck),
                    )
                )
            if m := MISREAD_LABEL.match(ln.text):  # "5,1. Осы шарттан": a label's dot read as a comma
                label = m.group(0).replace(",", ".")
                ln.pieces = [(label + ln.text[m.end() :], False)]
                out.notes.append(
                    Note(
                        where,
                        "OCR guess",
                        _("read '{seen}' at the start of a line as the clause number '{label}'").format(
                            seen=m.group(0), label=label
                        ),
                    )
                )
            if ln.confidence is not None and ln.confidence < GUESS_BELOW:
                out.notes.append(
                    Note(
                        where,
                        "OCR guess",
                        _(
                            "recognised with a confidence of {confidence} out of 100, check it against the scan: {text}"
                        ).format(confidence=round(ln.confidence), text=ln.text),
                    )
                )
    return lay_out(pages, heights, out)


def _progress(options, path, page: int, count: int) -> None:
    report = getattr(options, "progress", None)
    if report is not None:
        report(_("{file}: recognising page {page} of {count}").format(file=path, page=page, count=count))


def _too_long(path, count: int) -> None:
    if count > MAX_PAGES:
        raise PolicyError(
            _(
                "the scan has {count} pages; at most {most} pages are recognised in one import: split "
                "the file and import the parts"
            ).format(count=count, most=MAX_PAGES),
            path,
            _("page {page}").format(page=MAX_PAGES + 1),
        )


def extract_pdf(data: bytes, path: Path | str, options, page_count: int) -> Extracted:
    """A PDF without a text layer: each page rasterised at ``PDF_DPI`` and recognised."""
    _too_long(path, page_count)
    languages = _languages(path, getattr(options, "lang", None))
    if shutil.which("pdftoppm") is None:
        raise PolicyError(
            _(
                "the file is a scanned PDF and pdftoppm is not installed; install the Debian package "
                "poppler-utils and try again"
            ),
            path,
        )
    from PIL import Image

    pages, heights = [], []
    with tempfile.TemporaryDirectory(prefix="policydocs-ocr-") as tmp:
        source = Path(tmp) / "scan.pdf"
        source.write_bytes(data)
        for page in range(1, page_count + 1):
            _progress(options, path, page, page_count)
            target = Path(tmp) / f"page-{page}"
            done = subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    str(PDF_DPI),
                    "-gray",
                    "-png",
                    "-singlefile",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    str(source),
                    str(target),
                ],
                capture_output=True,
                timeout=120,
            )
            if done.returncode != 0:
                raise PolicyError(
                    _("the scanned page cannot be turned into an image; download or export the PDF again"),
                    path,
                    _("page {page}").format(page=page),
                )
            with Image.open(f"{target}.png") as image:
                lines, height = _recognise(image, page, PDF_DPI, languages, path)
            pages.append(number_lines(reading_order(lines, height)))
            heights.append(height)
    return _checked(_lay_out(pages, heights), path)


def extract_image(data: bytes, path: Path | str, options=None) -> Extracted:
    """A PNG, JPEG or TIFF (every frame of a multi-page TIFF is a page)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError):
        raise PolicyError(_("the image is damaged and cannot be read; scan or save it again"), path) from None
    _too_long(path, len(frames))
    languages = _languages(path, getattr(options, "lang", None))
    dpi = float((image.info.get("dpi") or (200, 200))[0]) or 200.0
    pages, heights = [], []
    for page, frame in enumerate(frames, 1):
        _progress(options, path, page, len(frames))
        lines, height = _recognise(frame, page, dpi, languages, path)
        pages.append(number_lines(reading_order(lines, height)))
        heights.append(height)
    return _checked(_lay_out(pages, heights), path)


def _checked(out: Extracted, path) -> Extracted:
    if not out.lines:
        raise PolicyError(_("no text was recognised on the scan"), path, _("page {page}").format(page=1))
    return out
