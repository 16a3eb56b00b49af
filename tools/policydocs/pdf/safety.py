"""What a policy's PDF may read: its own images inside the project, nothing else.

Checked twice. Before rendering, every block's rendered links and images are checked
here, so a bad one fails the build with the file and line a lawyer can open. While
rendering, WeasyPrint only gets :class:`.fetcher.ProjectFetcher`, which serves regular files under
the project's folders and stops the rendering on anything else (``file:///etc/passwd``,
``/dev/urandom``, ``http://...``, a symlink out of the tree).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..document import Document, Kind
from ..errors import PolicyError
from ..html import inline
from ..i18n import _
from ..links import find_links, unsafe_reason

_ATTR = re.compile(r'<(a|img)\b[^>]*?\b(href|src)="([^"]*)"')


def docs_root(doc: Document, resolved: Path | None = None) -> Path:
    """The docs folder a document was loaded from (``docs/<lang>/<product>/<name>.md``).

    ``resolved`` is ``doc.path.resolve()`` when the caller has it already.
    """
    depth = len(doc.doc_id.split("/"))
    return (resolved or doc.path.resolve()).parents[depth]


def resolve_local(url: str, base: Path, roots: tuple[Path, ...]) -> tuple[Path | None, str | None]:
    """The file a relative image reference names, or why it may not be read."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None, _("images must be files inside the project, not '{scheme}:' addresses").format(
            scheme=parts.scheme or "network"
        )
    if url.startswith("/"):
        return None, _("images must be given as a path relative to the document, inside the project")
    target = (base / unquote(parts.path)).resolve()
    if not any(target.is_relative_to(root) for root in roots):
        return None, _("the image lies outside the project's folders")
    if not target.is_file():
        return None, _("the image file does not exist")
    return target, None


def _line_of(block, needle: str) -> int:
    for offset, line in enumerate(block.lines):
        if needle and needle in line:
            return block.line + offset
    return block.line


def check_document(doc: Document, roots: tuple[Path, ...], resolved: Path | None = None) -> list[Path]:
    """Refuse unsafe links and images in ``doc``; return the local image files it uses.

    ``resolved`` is ``doc.path.resolve()`` when the caller has it already.
    """
    images: list[Path] = []
    if not doc.may_link():
        return images  # no '[' and no '<' anywhere: Markdown makes no link or image from such a text
    base = (resolved or doc.path.resolve()).parent
    for block in doc.blocks:
        if block.kind in (Kind.BLANK, Kind.COMMENT):
            continue
        # Markdown makes links and images only from '[' (inline and reference) and '<' (autolinks),
        # and find_links looks for nothing else: most blocks have neither.
        if "[" not in block.text and "<" not in block.text:
            continue
        for link in find_links(block.text):
            reason = unsafe_reason(link.url)
            if reason is None and link.image:
                reason = resolve_local(link.url, base, roots)[1]
            if reason is not None:
                message = _("image '{url}': {reason}") if link.image else _("link '{url}': {reason}")
                raise PolicyError(message.format(url=link.url, reason=reason), doc.path, _line_of(block, link.url))
        # What Markdown actually produced is what WeasyPrint would fetch: check that too.
        for tag, _attr, value in _ATTR.findall(inline(block.text)):
            url = htmllib.unescape(value)
            if tag == "a":
                continue  # links are annotations, never fetched; unsafe ones are neutralised
            target, reason = resolve_local(url, base, roots)
            if reason is not None:
                raise PolicyError(
                    _("image '{url}': {reason}").format(url=url, reason=reason), doc.path, _line_of(block, url)
                )
            images.append(target)
    return images
