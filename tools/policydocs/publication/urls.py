"""Where each artefact of a document lives: a promise to apps and readers, so it is decided in one place.

    /<lang>/                          index of one language (Russian is the default: /ru/)
    /<lang>/<product>/<name>/         a policy (doc id "<product>/<name>")
    /<lang>/<product>/<name>/#cl-2-3  a clause; the anchor is the eId, the same in every language
    /<lang>/<product>/<name>/v<N>/            the permanent text of version N
    /<lang>/<product>/<name>/v<N>/changes/    its redline against version N-1
    /<lang>/<product>/<name>/history/         every version with its moments
    /<product>/docs/<name><lang>.pdf  the PDF (pattern configurable, default as in seed 003)
    /<product>/docs/v<N>/<name><lang>.pdf          version N's PDF; ``-changes.pdf`` its redline
    /<product>/docs/<name><lang>.docx              the Word file beside each PDF; ``-changes.docx`` tracked changes
    /api/v1/documents.json            every document, for apps
    /<lang>/feed.xml                  Atom feed of one language

The PDFs' pattern is the user's, ``docs/privacyru.pdf`` (seed 003, clause 9.4, publishes its policy
at ``.../docs/privacyru.pdf``), so the default puts every product's PDFs in its own ``docs/``
folder named ``{name}{lang}.pdf``. A published version keeps its own PDF in a ``v<N>/``
folder beside the current one, so the current URL never changes and old URLs never break.
The Word documents follow the PDFs' pattern::

    smartaqkol/docs/privacyru.pdf     -> smartaqkol/docs/privacyru.docx           (the text readers are shown)
    smartaqkol/docs/v2/privacyru.pdf  -> smartaqkol/docs/v2/privacyru.docx        (version 2, permanent)
                                      -> smartaqkol/docs/v2/privacyru-changes.docx (version 2's redline, tracked changes)
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import PurePosixPath

from ..errors import PolicyError
from ..i18n import _
from ..languages import LANGUAGES

DEFAULT_LANG = "ru"
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


# --- the PDFs ------------------------------------------------------------------------------

#: ``smartaqkol/privacy`` in Russian -> ``smartaqkol/docs/privacyru.pdf``.
DEFAULT_PATTERN = "{product}/docs/{name}{lang}.pdf"

#: Placeholders a pattern may use.
FIELDS = ("product", "name", "lang", "doc_id", "version", "version_dir")


def _fields_of(pattern: str) -> list[str]:
    try:
        return [f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise PolicyError(
            _("the PDF path pattern {pattern!r} is malformed: {reason}").format(pattern=pattern, reason=exc)
        ) from None


def check_pattern(pattern: str) -> None:
    """Refuse a pattern that could not give one safe, distinct path per document and language."""
    fields = _fields_of(pattern)
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise PolicyError(
            _("the PDF path pattern {pattern!r} uses unknown placeholder '{{{unknown}}}'; use {fields}").format(
                pattern=pattern, unknown=unknown[0], fields=", ".join("{" + f + "}" for f in FIELDS)
            )
        )
    if "lang" not in fields or not ({"name", "doc_id"} & set(fields)):
        raise PolicyError(
            _("the PDF path pattern {pattern!r} must contain {{lang}} and {{name}} (or {{doc_id}})").format(
                pattern=pattern
            )
        )
    if not ({"product", "doc_id"} & set(fields)):
        raise PolicyError(
            _("the PDF path pattern {pattern!r} must contain {{product}} (or {{doc_id}})").format(pattern=pattern)
        )
    if not pattern.endswith(".pdf"):
        raise PolicyError(_("the PDF path pattern {pattern!r} must end with '.pdf'").format(pattern=pattern))
    if pattern.startswith("/") or ".." in pattern.split("/"):
        raise PolicyError(
            _("the PDF path pattern {pattern!r} must be a path inside the site (no leading '/', no '..')").format(
                pattern=pattern
            )
        )


@lru_cache(maxsize=1 << 16, typed=True)  # asked for by every page, feed, API entry, PDF and Word file: worked out once
def pdf_path(doc_id: str, lang: str, pattern: str = DEFAULT_PATTERN, version: int | None = None) -> str:
    """The site-relative path of a document's PDF in one language.

    ``doc_id`` is ``"{product}/{name}"``. With ``version=None`` this is the fixed URL of the
    current text (``smartaqkol/docs/privacyru.pdf``); with ``version=3`` it is the permanent
    URL of version 3 (``smartaqkol/docs/v3/privacyru.pdf``). A pattern may place the version
    folder itself with ``{version_dir}`` (``"v3/"`` or ``""``) or ``{version}``; a pattern
    without either gets ``v<N>/`` inserted before the file name.
    """
    check_pattern(pattern)
    product, _sep, name = doc_id.partition("/")
    if not product or not name:
        raise PolicyError(_("document id {doc_id!r} must look like 'product/name'").format(doc_id=doc_id))
    fields = set(_fields_of(pattern))
    if version is not None and (isinstance(version, bool) or not isinstance(version, int) or version < 1):
        raise PolicyError(_("version must be a whole number from 1, not {version!r}").format(version=version))
    version_dir = f"v{version}/" if version is not None else ""
    if version is not None and not ({"version", "version_dir"} & fields):
        head, _sep, tail = pattern.rpartition("/")
        pattern = f"{head}/{{version_dir}}{tail}" if head else f"{{version_dir}}{tail}"
    path = pattern.format(
        product=product,
        name=name,
        lang=lang,
        doc_id=doc_id,
        version="" if version is None else version,
        version_dir=version_dir,
    )
    return str(PurePosixPath(path))


def version_pattern(pattern: str, version: int) -> str:
    """The pattern with one version's folder filled in, so that one build writes version N's PDFs.

    ``pdf_path(d, l, version_pattern(p, 3)) == pdf_path(d, l, p, version=3)`` for every pattern.
    """
    fields = set(_fields_of(pattern))
    if {"version", "version_dir"} & fields:
        return pattern.replace("{version_dir}", f"v{version}/").replace("{version}", str(version))
    head, _, tail = pattern.rpartition("/")
    return f"{head}/v{version}/{tail}" if head else f"v{version}/{tail}"


# --- a document's history and the pages of its versions ---------------------------------


def version_path(lang: str, doc_id: str, number: int) -> str:
    return f"{lang}/{doc_id}/v{number}/"


def changes_path(lang: str, doc_id: str, number: int) -> str:
    return f"{lang}/{doc_id}/v{number}/changes/"


def history_path(lang: str, doc_id: str) -> str:
    return f"{lang}/{doc_id}/history/"


# --- files beside the PDFs ----------------------------------------------------------------


def redline_path(version_pdf_path: str) -> str:
    """``demo/docs/v2/privacyru.pdf`` -> ``demo/docs/v2/privacyru-changes.pdf``."""
    return version_pdf_path.removesuffix(".pdf") + "-changes.pdf"


def docx_path(pdf_path: str) -> str:
    return pdf_path.removesuffix(".pdf") + ".docx"


def docx_changes_path(version_docx_path: str) -> str:
    return version_docx_path.removesuffix(".docx") + "-changes.docx"
