"""Where the Word documents live on the site: beside the PDFs, in the PDFs' URL pattern.

    smartaqkol/docs/privacyru.pdf     -> smartaqkol/docs/privacyru.docx           (the text readers are shown)
    smartaqkol/docs/v2/privacyru.pdf  -> smartaqkol/docs/v2/privacyru.docx        (version 2, permanent)
                                      -> smartaqkol/docs/v2/privacyru-changes.docx (version 2's redline, tracked changes)
"""

from __future__ import annotations


def docx_path(pdf_path: str) -> str:
    return pdf_path.removesuffix(".pdf") + ".docx"


def changes_path(version_docx_path: str) -> str:
    return version_docx_path.removesuffix(".docx") + "-changes.docx"
