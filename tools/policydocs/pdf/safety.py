"""What a policy's PDF may read: its own images inside the project, nothing else.

Checked twice. Before rendering, every block's rendered links and images are checked
here, so a bad one fails the build with the file and line a lawyer can open. While
rendering, WeasyPrint only gets :class:`ProjectFetcher`, which serves regular files under
the project's folders and stops the rendering on anything else (``file:///etc/passwd``,
``/dev/urandom``, ``http://...``, a symlink out of the tree).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..document import Document, Kind
from ..errors import PolicyError
from ..html import inline
from ..links import find_links, unsafe_reason

MAX_RESOURCE_BYTES = 20 * 1024 * 1024
_ATTR = re.compile(r'<(a|img)\b[^>]*?\b(href|src)="([^"]*)"')


def docs_root(doc: Document) -> Path:
    """The docs folder a document was loaded from (``docs/<lang>/<product>/<name>.md``)."""
    depth = len(doc.doc_id.split("/"))
    return doc.path.resolve().parents[depth]


def resolve_local(url: str, base: Path, roots: tuple[Path, ...]) -> tuple[Path | None, str | None]:
    """The file a relative image reference names, or why it may not be read."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None, f"images must be files inside the project, not '{parts.scheme or 'network'}:' addresses"
    if url.startswith("/"):
        return None, "images must be given as a path relative to the document, inside the project"
    target = (base / unquote(parts.path)).resolve()
    if not any(target.is_relative_to(root) for root in roots):
        return None, "the image lies outside the project's folders"
    if not target.is_file():
        return None, "the image file does not exist"
    return target, None


def _line_of(block, needle: str) -> int:
    for offset, line in enumerate(block.lines):
        if needle and needle in line:
            return block.line + offset
    return block.line


def check_document(doc: Document, roots: tuple[Path, ...]) -> list[Path]:
    """Refuse unsafe links and images in ``doc``; return the local image files it uses."""
    images: list[Path] = []
    blocks = [b for b in doc.blocks if b.kind not in (Kind.BLANK, Kind.COMMENT)]
    base = doc.path.resolve().parent
    for block in blocks:
        for link in find_links(block.text):
            reason = unsafe_reason(link.url)
            if reason is None and link.image:
                _, reason = resolve_local(link.url, base, roots)
            if reason is not None:
                raise PolicyError(f"{'image' if link.image else 'link'} '{link.url}': {reason}", doc.path, _line_of(block, link.url))
        # What Markdown actually produced is what WeasyPrint would fetch: check that too.
        for tag, attr, value in _ATTR.findall(inline(block.text)):
            url = htmllib.unescape(value)
            if tag == "a":
                continue  # links are annotations, never fetched; unsafe ones are neutralised
            target, reason = resolve_local(url, base, roots)
            if reason is not None:
                raise PolicyError(f"image '{url}': {reason}", doc.path, _line_of(block, url))
            images.append(target)
    return images


class UnsafeResource(FatalURLFetchingError):
    """Raised inside WeasyPrint to stop a rendering that tried to read outside the project."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ProjectFetcher(URLFetcher):
    """A URL fetcher that serves only regular files under the given folders."""

    def __init__(self, roots: tuple[Path, ...]):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=True)
        self.roots = tuple(Path(r).resolve() for r in roots)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise UnsafeResource(url, "only files inside the project may be read")
        target = Path(url2pathname(parts.path)).resolve()
        if not any(target.is_relative_to(root) for root in self.roots):
            raise UnsafeResource(url, "the file lies outside the project's folders")
        if not target.is_file():
            raise UnsafeResource(url, "not a regular file")
        if target.stat().st_size > MAX_RESOURCE_BYTES:
            raise UnsafeResource(url, f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MB")
        return URLFetcherResponse(target.as_uri(), target.read_bytes())
