"""The MkDocs plugin ``policydocs``: a thin adapter from MkDocs events to ``policydocs.site``."""

from .plugin import PolicyDocsPlugin

__all__ = ["PolicyDocsPlugin"]
