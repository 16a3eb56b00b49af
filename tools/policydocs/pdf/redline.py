"""Redline PDFs: what changed in a version, for a lawyer's file or a regulator's request.

The same redline HTML as the site (deletions struck through, insertions underlined), laid
out with the policy stylesheet and fonts, cached by a hash of its HTML like every PDF.
"""

from __future__ import annotations

import datetime as dt
import html as html_mod
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyError
from ..i18n import _
from ..fsutil import atomic_write_bytes
from .build import _fonts  # the fonts are checked the same way as for policy PDFs
from .cache import PdfCache, cache_key, file_sha256, sha256, toolchain
from .labels import page_of
from .render import PACKAGE_DIR, PDF_OPTIONS, STYLESHEET, RenderJob, render
from .template import css_string

REDLINE_CSS = (
    "del.pd-del { text-decoration: line-through; color: #a40000; }"
    " ins.pd-ins { text-decoration: underline; color: #005c1f; }"
    " .pd-redline-note, .pd-letters { color: #555; font-size: 0.85em; }"
    " .pd-where { font-family: 'PD Sans'; font-weight: bold; font-size: 9pt; margin: 1.1em 0 0.2em; bookmark-level: 1;"
    " bookmark-label: content(text); }"
    " .pd-redline-place { font-family: 'PD Sans'; font-size: 8pt; color: #444; margin: 0.5em 0 0.1em; }"
)


@dataclass(frozen=True)
class RedlineItem:
    path: str  # site-relative output path
    lang: str
    title: str  # "Privacy Policy: changes in version 2"
    operator: str
    summary: str
    body_html: str  # redline.render_html(...)
    date: dt.date  # publication date: the PDF's timestamp
    moments: str = ""  # "Published …, takes effect …; compared with version 1": what a lawyer files it by
    legend: str = ""  # "Deleted text is struck through; inserted text is underlined."


def _page(item: RedlineItem) -> str:
    esc = html_mod.escape
    head_css = ("@page {" f" @top-left {{ content: {css_string(item.title)}; }}"
                f" @bottom-right {{ content: {page_of(item.lang)}; }} }}")
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{esc(item.lang)}">', "<head>", '<meta charset="utf-8">',
        f"<title>{esc(item.title)}</title>", f'<meta name="author" content="{esc(item.operator)}">',
        '<meta name="generator" content="policydocs">', f"<style>{head_css} {REDLINE_CSS}</style>", "</head>", "<body>",
        f'<h1 class="pd-title">{esc(item.title)}</h1>', f'<p class="pd-meta"><strong>{esc(item.summary)}</strong></p>',
        *([f'<p class="pd-meta">{esc(item.moments)}</p>'] if item.moments else []),
        *([f'<p class="pd-meta">{esc(item.legend)}</p>'] if item.legend else []),
        item.body_html, "</body>", "</html>", "",
    ])


def build_redline_pdfs(items: list[RedlineItem], out_dir: Path, cache_dir: Path) -> int:
    """Write every redline PDF; returns how many were rendered (the rest came from the cache)."""
    cache = PdfCache(cache_dir)
    common = {"toolchain": toolchain(), "options": PDF_OPTIONS, "css": file_sha256(STYLESHEET), "fonts": _fonts()}
    rendered = 0
    try:
        for item in items:
            page = _page(item)
            epoch = int(dt.datetime(item.date.year, item.date.month, item.date.day, tzinfo=dt.timezone.utc).timestamp())
            key = cache_key({**common, "html": sha256(page.encode("utf-8")), "epoch": epoch})
            hit = cache.get(item.path, key)
            if hit is None:
                result = render(RenderJob(page, PACKAGE_DIR.as_uri() + "/", (), epoch, item.path))
                if result.error is not None:
                    raise PolicyError(_("redline PDF not built: {error}").format(error=result.error), item.path)
                cache.put(item.path, key, result.pdf, result.pages)
                data = result.pdf
                rendered += 1
            else:
                data = hit[0]
            atomic_write_bytes(Path(out_dir) / item.path, data)
    finally:
        cache.save()
    return rendered


def redline_path(version_pdf_path: str) -> str:
    """``demo/docs/v2/privacyru.pdf`` -> ``demo/docs/v2/privacyru-changes.pdf``."""
    return version_pdf_path.removesuffix(".pdf") + "-changes.pdf"
