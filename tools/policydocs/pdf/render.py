"""One document's HTML to PDF bytes with WeasyPrint; runs in worker processes.

Each process loads the stylesheet and the shipped fonts once and reuses them for every
document it renders; a build loads them before it forks its workers (:func:`preload`).
``SOURCE_DATE_EPOCH`` is set per document (fontTools stamps subset fonts with it), and the
variant is pdf/ua-1: tagged, and free of the random document ids that PDF/X-4 and newer
add, so the same text gives the same bytes.
"""

from __future__ import annotations

import atexit
import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FONTS_DIR = PACKAGE_DIR / "fonts"
STYLESHEET = PACKAGE_DIR / "policy.css"
FONT_FILES = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
)
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "custom_metadata": True}


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs; plain data so it crosses process boundaries cheaply."""

    html: str
    base_url: str  # the document's folder, for relative image paths
    roots: tuple[str, ...]  # folders the fetcher may read
    epoch: int  # SOURCE_DATE_EPOCH
    label: str  # the document's file, for messages


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes | None
    pages: int
    seconds: float
    error: str | None = None  # a message for the user; the caller names the file


_state: dict = {}


def _stylesheet():
    """The stylesheet with its fonts, loaded once per process."""
    if "css" not in _state:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        from .fetcher import ProjectFetcher

        font_config = FontConfiguration()
        css = CSS(
            string=STYLESHEET.read_text(encoding="utf-8"),
            base_url=PACKAGE_DIR.as_uri() + "/",
            url_fetcher=ProjectFetcher((PACKAGE_DIR,)),
            font_config=font_config,
        )
        _state["css"], _state["font_config"] = css, font_config
        # Drop the font configuration before interpreter teardown; its __del__ fails late.
        atexit.register(_state.clear)
    return _state["css"], _state["font_config"]


def preload() -> None:
    """Load WeasyPrint, the stylesheet and the fonts now, so that workers forked later start ready to render.

    Each worker of a pool otherwise loads them itself (about half a second each, per pool).
    """
    _stylesheet()


def render(job: RenderJob) -> RenderResult:
    """Lay out and write one PDF; failures come back as a message, never as a crash."""
    import time

    from weasyprint import HTML

    from .fetcher import ProjectFetcher, UnsafeResource

    started = time.perf_counter()
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(job.epoch)
    try:
        css, font_config = _stylesheet()
        fetcher = ProjectFetcher((PACKAGE_DIR, *map(Path, job.roots)))
        document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).render(
            stylesheets=[css], font_config=font_config, **PDF_OPTIONS
        )
        pdf = document.write_pdf(**PDF_OPTIONS)
        return RenderResult(pdf, len(document.pages), time.perf_counter() - started)
    except UnsafeResource as exc:
        return RenderResult(None, 0, time.perf_counter() - started, f"refused to read {exc.url}: {exc.reason}")
    except BaseException as exc:  # noqa: BLE001 - WeasyPrint's fatal errors derive from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        cause = exc.__cause__ if isinstance(exc.__cause__, UnsafeResource) else None
        if cause is not None:
            return RenderResult(None, 0, time.perf_counter() - started, f"refused to read {cause.url}: {cause.reason}")
        return RenderResult(
            None, 0, time.perf_counter() - started, f"the PDF could not be laid out: {type(exc).__name__}: {exc}"
        )
    finally:
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch
