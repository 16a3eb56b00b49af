"""The URL scheme of the site: a promise to apps and readers, so it lives in one place.

    /<lang>/                          index of one language (Russian is the default: /ru/)
    /<lang>/<product>/<name>/         a policy (doc id "<product>/<name>")
    /<lang>/<product>/<name>/#cl-2-3  a clause; the anchor is the eId, the same in every language
    /<product>/docs/<name><lang>.pdf  the PDF (pattern configurable, default as in seed 003)
    /api/v1/documents.json            every document, for apps
    /<lang>/feed.xml                  Atom feed of one language
"""

from __future__ import annotations

from ..languages import LANGUAGES

DEFAULT_LANG = "ru"
DEFAULT_PDF_PATTERN = "{product}/docs/{name}{lang}.pdf"
API_PATH = "api/v1/documents.json"


def split_id(doc_id: str) -> tuple[str, str]:
    product, name = doc_id.split("/", 1)
    return product, name


def page_path(lang: str, doc_id: str) -> str:
    """Site-relative path of a policy page (no leading slash, trailing slash)."""
    return f"{lang}/{doc_id}/"


def index_path(lang: str) -> str:
    return f"{lang}/"


def feed_path(lang: str) -> str:
    return f"{lang}/feed.xml"


def pdf_path(doc_id: str, lang: str, pattern: str = DEFAULT_PDF_PATTERN, version: int | None = None) -> str:
    """Site-relative path of a PDF (of a published version when ``version`` is given)."""
    from ..pdf import pdf_path as builder_pdf_path

    return str(builder_pdf_path(doc_id, lang, pattern, version=version)).lstrip("/")


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative(from_path: str, to_path: str) -> str:
    """A link from one site path (a directory URL like 'kk/a/b/') to another site path."""
    here = [p for p in from_path.split("/") if p]
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return ("../" * (len(here) - common) + "/".join(there[common:])) or "./"


def lang_of_path(path: str) -> str | None:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES else None
