"""How a document is named: its product as each language's text names it, and its full title.

Imports nothing: the search index and every output name documents alike without loading the corpus.
"""

from __future__ import annotations

from typing import Any, Protocol


class _Policy(Protocol):  # a corpus.Policy, described rather than imported (this module imports nothing)
    languages: dict[str, Any]
    source: Any


def product_name(policy: _Policy, lang: str) -> str:
    """The product as the front matter of ``lang`` names it (the source language's where it is missing)."""
    doc = policy.languages.get(lang) or policy.source or next(iter(policy.languages.values()))
    return str(doc.front.product)


def document_title(product: str, title: str) -> str:
    """A document named where several are listed (tabs, results, feeds, PDFs): product first."""
    return f"{product}: {title}"
