"""Mending what copying from a PDF viewer or a browser does to a text, line by line.

Filled in below; for now every line passes through.
"""

from __future__ import annotations

from .model import Extracted


def mend(lines: list[tuple[str, str]], out: Extracted) -> Extracted:
    for text, where in lines:
        out.add(text, where)
    return out
