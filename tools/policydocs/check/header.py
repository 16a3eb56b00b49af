"""Markup in the header: a title, product or operator is plain text, never HTML or a script.

The site and the PDFs escape these fields anyway; a header that holds ``<script>``, an
``<img onerror=…>`` or a ``javascript:`` address is still reported, because it is either an
attack on some other tool that shows the field (a mail, an app, an export) or text pasted
with its formatting, and the lawyer should see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..lines import split_lines

MARKUP_RE = re.compile(r"<\s*[A-Za-z!/?]|\b(?:java|vb)\s*script\s*:|\bdata\s*:\s*text/html", re.I)


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


def markup(data: dict, raw: str) -> list[tuple[str, int, str]]:
    """(field, line, the markup found) for each text field of the header that holds markup."""
    lines = split_lines(raw)
    out = []
    for field, value in _strings(data, ""):
        m = MARKUP_RE.search(value)
        if m is None:
            continue
        top = field.split(".")[0].split("[")[0]
        line = next((i for i, text in enumerate(lines, 1) if m.group(0) in text), None) or next(
            (i for i, text in enumerate(lines, 1) if re.match(rf"{re.escape(top)}\s*:", text)), 1
        )
        out.append((field, line, value[m.start() : m.start() + 40]))
    return out
