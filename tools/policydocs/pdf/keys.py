"""A PDF's cache key from its inputs, never from its rendered page.

Deciding that a PDF is cached must cost a hash of what it is made of, not a rendering of it
(rendering 300 policies' Markdown again only to hash it made a warm build slower than one
without PDFs). The inputs are: the document's text (sha256 of the file as written, front
matter included), the header fields the PDF shows, the template code that turns text into
the page and the compiled catalogs of its words (:data:`TEMPLATE_FILES`), the stylesheet, the
font files, the images it shows, the PDF options, SOURCE_DATE_EPOCH and the versions of the
libraries under them
(:func:`.cache.toolchain`, policydocs' own version included). Anything else (the file's
modification time, a re-parse, other documents, the output path) leaves the key alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..document import Document
from ..errors import PolicyError
from ..i18n import _
from ..outputcache import cache_key, file_sha256, sha256
from .cache import toolchain
from .render import FONT_FILES, FONTS_DIR, PDF_OPTIONS, STYLESHEET
from .template import Header

_PACKAGE = Path(__file__).resolve().parents[1]

#: The code whose output is in the page WeasyPrint lays out: the PDF frame and its words, the shared
#: body renderer and the parser that reads the text.
TEMPLATE_FILES: tuple[Path, ...] = tuple(
    _PACKAGE / name
    for name in (
        "pdf/template.py",
        "pdf/labels.py",
        "pdf/render.py",
        "pdf/fetcher.py",
        "html.py",
        "links.py",
        "standing.py",
        "document.py",
        "frontmatter.py",
        "lines.py",
        "languages.py",
        "publication/dates.py",
        "publication/words.py",
        # the page's words: the compiled ``site`` catalogs (a translator's fix renders the PDF again)
        "i18n/locale/ru/LC_MESSAGES/site.mo",
        "i18n/locale/kk/LC_MESSAGES/site.mo",
    )
)
#: What a redline page adds: its frame, the comparison, and the phrases and title around it.
REDLINE_FILES: tuple[Path, ...] = tuple(
    _PACKAGE / name
    for name in (
        "pdf/redline.py",
        "pdf/site.py",
        "versions/redline.py",
        "publication/history.py",
        "publication/words.py",
        "publication/dates.py",
        "publication/titles.py",
    )
)


@lru_cache(maxsize=256)
def _digest(path: Path, mtime_ns: int, size: int) -> str:
    """A file's hash, read again only when the file changes (several builds share a process in serve)."""
    return file_sha256(path)


def digest(path: Path, missing: str) -> str:
    """The file's hash; ``missing`` is the message (translated) when it is not there."""
    try:
        stat = path.stat()
    except OSError:
        raise PolicyError(missing, path) from None
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def fonts() -> dict[str, str]:
    missing = _("a font file the PDFs need is missing; reinstall policydocs")
    return {name: digest(FONTS_DIR / name, missing) for name in FONT_FILES}


def code(files: tuple[Path, ...]) -> str:
    """One hash of several source files, each named by its place in the package."""
    missing = _("a file of policydocs' PDF template is missing; reinstall policydocs")
    return sha256("\0".join(f"{p.relative_to(_PACKAGE)}:{digest(p, missing)}" for p in files).encode())


def common() -> dict:
    """The inputs every PDF of a build shares; computed once per build."""
    return {
        "toolchain": toolchain(),
        "options": PDF_OPTIONS,
        "css": digest(STYLESHEET, _("a file of policydocs' PDF template is missing; reinstall policydocs")),
        "fonts": fonts(),
        "template": code(TEMPLATE_FILES),
    }


def policy_key(shared: dict, doc: Document, header: Header, epoch: int, images: list[Path], base_url: str) -> str:
    """The key of one document's PDF: its text (``doc.sha256()``), what its header shows, and what it embeds."""
    return cache_key(
        {
            **shared,
            "kind": "policy",
            "document": [doc.doc_id, doc.lang],
            "text": doc.sha256(),
            "header": [header.version, header.effective, header.date],
            "epoch": epoch,
            "base_url": base_url,  # relative links and images resolve against it
            "images": sorted(file_sha256(p) for p in images),
        }
    )


def redline_key(shared: dict, parts: dict) -> str:
    """The key of one redline PDF: ``parts`` names the two texts compared and the versions' dates."""
    return cache_key({**shared, "kind": "redline", "redline_template": code(REDLINE_FILES), **parts})
