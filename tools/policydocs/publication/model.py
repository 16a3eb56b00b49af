"""What is published: the documents, their histories, and where each of their files is.

Every output reads one of these (the site's ``SiteModel`` is one, with its pages): the PDFs,
the Word files and the evidence ask it for paths, never the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpus import Policy
from . import urls


@dataclass
class Publication:
    policies: dict[str, Policy]
    pdf_pattern: str | None = None  # None: PDFs are not built, pages do not link to them
    histories: dict = field(default_factory=dict)  # doc_id -> publication.history.DocumentHistory
    docx_pattern: str | None = None  # None: Word documents are not built; else the PDFs' pattern they follow

    def version_pdf(self, doc_id: str, version, lang: str) -> str | None:
        """Permanent PDF path of a published version, or None when PDFs are not built."""
        if self.pdf_pattern is None or lang not in version.sha256:
            return None
        return urls.pdf_path(doc_id, lang, self.pdf_pattern, version=version.number)

    def pdf(self, doc_id: str, lang: str) -> str | None:
        if self.pdf_pattern is None or lang not in self.policies[doc_id].languages:
            return None
        return urls.pdf_path(doc_id, lang, self.pdf_pattern)

    def docx(self, doc_id: str, lang: str) -> str | None:
        """The Word document beside the PDF (``.../privacyru.docx``), or None when not built."""
        if self.docx_pattern is None or lang not in self.policies[doc_id].languages:
            return None
        return urls.docx_path(urls.pdf_path(doc_id, lang, self.docx_pattern))

    def version_docx(self, doc_id: str, version, lang: str) -> str | None:
        if self.docx_pattern is None or lang not in version.sha256:
            return None
        return urls.docx_path(urls.pdf_path(doc_id, lang, self.docx_pattern, version=version.number))
