"""Redline PDFs: what changed in a version, for a lawyer's file or a regulator's request.

The same redline HTML as the site (deletions struck through, insertions underlined), laid
out with the policy stylesheet and fonts, cached like every PDF by a hash of its inputs (the
two frozen texts and the versions' moments), rendered in the build's one pool.
"""

from __future__ import annotations

import datetime as dt
import html as html_mod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import keys
from .build import PdfTask
from .labels import page_of
from .render import PACKAGE_DIR, RenderJob
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
    head_css = (
        "@page {"
        f" @top-left {{ content: {css_string(item.title)}; }}"
        f" @bottom-right {{ content: {page_of(item.lang)}; }} }}"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(item.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{esc(item.title)}</title>",
            f'<meta name="author" content="{esc(item.operator)}">',
            '<meta name="generator" content="policydocs">',
            f"<style>{head_css} {REDLINE_CSS}</style>",
            "</head>",
            "<body>",
            f'<h1 class="pd-title">{esc(item.title)}</h1>',
            f'<p class="pd-meta"><strong>{esc(item.summary)}</strong></p>',
            *([f'<p class="pd-meta">{esc(item.moments)}</p>'] if item.moments else []),
            *([f'<p class="pd-meta">{esc(item.legend)}</p>'] if item.legend else []),
            item.body_html,
            "</body>",
            "</html>",
            "",
        ]
    )


def redline_task(
    shared: dict,
    *,
    doc_id: str,
    lang: str,
    source: Path,
    path: str,
    inputs: dict,
    date: dt.date,
    make_item: Callable[[], RedlineItem],
) -> PdfTask:
    """One redline PDF to write, keyed by its inputs (``inputs``: the two texts compared, the versions'
    numbers and moments); the comparison and its page are made by ``make_item`` only if it is not cached."""
    epoch = int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())
    key = keys.redline_key(shared, {**inputs, "document": [doc_id, lang], "epoch": epoch})

    def make() -> RenderJob:
        item = make_item()
        return RenderJob(_page(item), PACKAGE_DIR.as_uri() + "/", (), epoch, item.path)

    return PdfTask(doc_id, lang, source, path, (), key, 0, make, redline=True)
