"""``policydocs import``: Word files, PDFs, web pages and texts to clause-structured Markdown (see pipeline.py)."""

from .pipeline import ImportedDocument, ImportResult, import_extracted, import_file, import_text

__all__ = ["ImportedDocument", "ImportResult", "import_extracted", "import_file", "import_text"]
