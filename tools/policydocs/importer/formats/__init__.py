"""Readers of the files legal teams send: one module per kind (docx, pdf, html, text), one model out.

The choice of reader and the safe reading of the file live in ``kinds``.
"""

from .kinds import MAX_FILE_BYTES, MAX_TEXT_BYTES, NAMES, Options, detect, extract, read_source

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_BYTES", "NAMES", "Options", "detect", "extract", "read_source"]
