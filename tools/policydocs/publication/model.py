"""What is published: the documents, their histories, where each of their files is, which text a reader is shown.

Every output reads one of these (the site's ``SiteModel`` is one, with its pages): the PDFs,
the Word files, the API, the feeds and the evidence ask it for paths and editions, never the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..corpus import Policy
from ..document import Document
from ..versions.store import Version
from . import urls
from .history import DocumentHistory


@dataclass
class Publication:
    policies: dict[str, Policy]
    pdf_pattern: str | None = None  # None: PDFs are not built, pages do not link to them
    histories: dict[str, DocumentHistory] = field(default_factory=dict)
    docx_pattern: str | None = None  # None: Word documents are not built; else the PDFs' pattern they follow

    def version_pdf(self, doc_id: str, version: Version, lang: str) -> str | None:
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

    def version_docx(self, doc_id: str, version: Version, lang: str) -> str | None:
        if self.docx_pattern is None or lang not in version.sha256:
            return None
        return urls.docx_path(urls.pdf_path(doc_id, lang, self.docx_pattern, version=version.number))


@dataclass(frozen=True)
class Edition:
    """Version and moments of the text a page shows: from the version store only.

    Front matter never makes a text "published" (a claim the store does not back is an
    error, see versions/claims.py): a text not in the store is a draft.
    """

    version: int | None
    date: dt.datetime | None
    effective: dt.datetime | None
    status: str

    @classmethod
    def of(cls, doc: Document | None = None) -> Edition:
        return cls(None, None, None, "draft")

    @classmethod
    def of_version(cls, version: Version) -> Edition:
        return cls(version.number, version.published, version.effective, "published")


def edition(model: Publication, doc: Document) -> Edition:
    """The edition a reader is shown: the version in force (or pending) if any, else a draft."""
    history = model.histories.get(doc.doc_id)
    if history is not None:
        version = history.shown
        if version is not None and doc.lang in version.sha256:
            return Edition.of_version(version)
    return Edition.of(doc)
