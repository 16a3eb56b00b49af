"""Word documents of policies: a clean export and a redline with native tracked changes.

    document_docx(doc, Edition(2, published, effective))            -> .docx bytes
    redline_docx(old_doc, new_doc, changes, RedlineInfo(...))       -> .docx bytes (w:ins / w:del / moves)
    docx_path("smartaqkol/docs/privacyru.pdf")                     -> "smartaqkol/docs/privacyru.docx"

Used by ``policydocs export --format docx``, ``policydocs diff --docx`` and the MkDocs
plugin (``docx: true``), which puts them beside the PDFs.
"""

from .document import document_docx
from .package import Edition
from .output import write_output
from .redline import RedlineInfo, redline_docx, version_redline

__all__ = ["Edition", "RedlineInfo", "document_docx", "redline_docx", "version_redline", "write_output"]
