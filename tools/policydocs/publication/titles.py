"""How a document is named: its product as each language's text names it, and its full title.

Imports nothing: the search index and every output name documents alike without loading the corpus.
"""

from __future__ import annotations


def product_name(policy, lang: str) -> str:
    """The product as the front matter of ``lang`` names it (the source language's where it is missing)."""
    doc = policy.languages.get(lang) or policy.source or next(iter(policy.languages.values()))
    return doc.front.product


def document_title(product: str, title: str) -> str:
    """A document named where several are listed (tabs, results, feeds, PDFs): product first."""
    return f"{product}: {title}"
