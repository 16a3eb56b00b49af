"""The HTML page WeasyPrint lays out: the shared body of html.py inside a PDF frame.

Everything that ends up in the PDF is in this one string (the stylesheet and fonts aside),
so its hash is most of the cache key. The per-document running header and footer are a
small ``<style>`` with the document's own strings, in its own language.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from ..document import Document
from ..html import inline, render_body
from ..publication.dates import long_date, short_date
from ..standing import standing
from .labels import labels, page_of


@dataclass(frozen=True)
class Header:
    """What the running header shows: which edition of which text, from when."""

    version: int | None  # None while the text is a draft
    effective: dt.date | None
    date: dt.date | None  # the document's own date, for metadata and SOURCE_DATE_EPOCH

    def edition(self, lang: str, short: bool = False) -> str:
        """ "Редакция 3 · Вступает в силу: 22 ноября 2026 г." (short dates for the running header)."""
        words = labels(lang)
        parts = [words["version"].format(n=self.version) if self.version is not None else words["draft"]]
        if self.effective is not None:
            parts.append(words["effective"].format(date=(short_date if short else long_date)(self.effective, lang)))
        return " · ".join(parts)


def css_string(text: str) -> str:
    """A CSS string literal holding ``text`` exactly (quotes, backslashes, newlines escaped)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("\r", "")
    return f'"{out}"'


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def header_for(doc: Document, extra: dict | None = None) -> Header:
    """Header data: what the version store says (``extra``), else a draft.

    Never the front matter: version and dates come from versions/ only (versions/claims.py).
    """
    extra = extra or {}
    version = extra.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        version = None
    return Header(version, _as_date(extra.get("effective")), _as_date(extra.get("date")))


def page_html(doc: Document, header: Header) -> str:
    """The complete HTML of one document's PDF."""
    lang = doc.lang
    words = labels(lang)
    title = doc.title
    operator = doc.front.operator
    esc = html.escape
    heading = inline(doc.title_block.text) if doc.title_block is not None else esc(title)
    edition = header.edition(lang)
    running = header.edition(lang, short=True)
    head_css = (
        "@page {"
        f" @top-left {{ content: {css_string(f'{doc.front.product}: {title}')}; }}"
        f" @top-right {{ content: {css_string(running)}; }}"
        f" @bottom-left {{ content: {css_string(words['operator'].format(name=operator))}; }}"
        f" @bottom-right {{ content: {page_of(lang)}; }}"
        " }"
    )
    if not any(section.heading is not None for section in doc.sections) and any(True for _ in doc.clauses()):
        # no section headings to bookmark (Platform starts at "2.1."): bookmark the outermost clauses
        depth = min(clause.depth for clause in doc.clauses())
        head_css += f" .pd-depth-{depth} {{ bookmark-level: 1; bookmark-label: attr(data-clause); }}"
    meta = [
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        f'<meta name="author" content="{esc(operator)}">',
        f'<meta name="description" content="{esc(doc.front.product)}: {esc(title)} ({esc(edition)})">',
        f'<meta name="keywords" content="{esc(doc.doc_id)}, {esc(lang)}">',
        '<meta name="generator" content="policydocs">',
        f'<meta name="policy-id" content="{esc(doc.doc_id)}">',
        f'<meta name="policy-version" content="{esc(str(header.version) if header.version is not None else "draft")}">',
    ]
    if header.date is not None:
        meta.append(f'<meta name="dcterms.created" content="{header.date.isoformat()}">')
        meta.append(f'<meta name="dcterms.modified" content="{header.date.isoformat()}">')
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}">',
            "<head>",
            *meta,
            f"<style>{head_css}</style>",
            "</head>",
            "<body>",
            f'<h1 class="pd-title">{heading}</h1>',
            f'<p class="pd-meta">{esc(words["operator"].format(name=operator))} · {esc(edition)}</p>',
            *([f'<p class="pd-standing">{esc(notice[1])}</p>'] if (notice := standing(doc.front)) else []),
            render_body(doc),
            "</body>",
            "</html>",
            "",
        ]
    )
