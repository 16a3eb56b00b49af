"""Word documents of policies: a clean export and a redline with native tracked changes.

    document_docx(doc, Edition(2, published, effective))            -> .docx bytes
    redline_docx(old_doc, new_doc, changes, RedlineInfo(...))       -> .docx bytes (w:ins / w:del / moves)
    version_redline(old_doc, new_doc, old_version, new_version)     -> .docx bytes, compared here
    paths.docx_path("smartaqkol/docs/privacyru.pdf")               -> "smartaqkol/docs/privacyru.docx"

Used by ``policydocs export --format docx``, ``policydocs diff --docx`` and the MkDocs
plugin (``docx: true``), which puts them beside the PDFs. The names are handed on lazily:
a site build whose Word documents all come from the cache never loads python-docx.
"""

from importlib import import_module

_NAMES = {
    "Edition": "edition",
    "document_docx": "document",
    "RedlineInfo": "redline",
    "redline_docx": "redline",
    "version_redline": "redline",
    "write_output": "output",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(import_module(f"{__name__}.{_NAMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
