"""PDFs fit for legal use: one per document and language at a fixed URL, built by WeasyPrint.

A4 with the shipped Noto fonts (OFL, Kazakh Cyrillic and U+202F covered, embedded), a
running header and footer in the document's language (title, version, effective date,
"page X of Y"), PDF outline by section, tagged (pdf/ua-1), byte-identical for the same
text, cached by a hash of all inputs, rendered in parallel, and reading nothing outside
the project. Used by the ``policydocs pdf`` command and by the MkDocs plugin
(``on_post_build`` with ``out_dir = site_dir``).

    pdf_path("smartaqkol/privacy", "ru")             -> "smartaqkol/docs/privacyru.pdf"
    pdf_path("smartaqkol/privacy", "ru", version=3)  -> "smartaqkol/docs/v3/privacyru.pdf"
"""

from ..publication.urls import DEFAULT_PATTERN, pdf_path
from .build import BuildReport, PdfEntry, build_pdfs

__all__ = ["DEFAULT_PATTERN", "BuildReport", "PdfEntry", "build_pdfs", "pdf_path"]
