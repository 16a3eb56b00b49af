"""Links between clauses: a link to a clause that does not exist stops the build.

So does an unsafe link or image (``javascript:``, ``file:``, a remote image that would tell
a third party who reads the policy): the renderer neutralises them anyway, but a policy that
has one must not be published looking as if it had none.

A policy may point at its own clauses (``[п. 2.3](#cl-2-3)``) or at another policy's
(``[...](../../santrade/privacy/#sec-4)`` or ``../santrade/privacy.md#sec-4``). When a
clause is renumbered the link would silently land at the top of the page; a reader of
legal text must never be sent to the wrong place, so the build refuses instead.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..document import Document
from ..errors import PolicyError
from ..i18n import _
from ..links import find_links, unsafe_reason
from ..publication import urls
from ..publication.model import Publication


def _eids(doc: Document) -> set[str]:
    return set(doc.by_eid()) | {"title"}


def target_page(model: Publication, doc: Document, path: str) -> tuple[str, str] | None:
    """(lang, doc_id) a relative link from ``doc`` points to, or None when it is not a policy."""
    here = urls.page_path(doc.lang, doc.doc_id)
    if path.endswith(".md"):
        folder = posixpath.dirname(f"{doc.lang}/{doc.doc_id}.md")
        resolved = posixpath.normpath(posixpath.join(folder, path))[: -len(".md")] + "/"
    else:
        resolved = posixpath.normpath(posixpath.join(here, path)) + "/"
    parts = resolved.split("/")
    if len(parts) != 4 or parts[0] not in ("ru", "kk", "en"):
        return None
    doc_id = f"{parts[1]}/{parts[2]}"
    return (parts[0], doc_id) if doc_id in model.policies else None


def check_links(model: Publication, links_of=None) -> None:
    """Raise PolicyError (file:line) for the first link to a clause that does not exist.

    ``links_of(doc)`` gives a document's links (``document_links``); ``mkdocs serve`` passes
    one that keeps them for the files that did not change.
    """
    links_of = links_of or document_links
    for policy in model.policies.values():
        for doc in policy.languages.values():
            own = None
            for url, image, line in links_of(doc):
                reason = unsafe_reason(url, image)
                if reason is not None and url:
                    message = _("the image '{url}': {reason}") if image else _("the link '{url}': {reason}")
                    raise PolicyError(message.format(url=url, reason=reason), doc.path, line)
                parts = urlsplit(url)
                if parts.scheme or url.startswith("//") or not parts.fragment:
                    continue
                fragment = unquote(parts.fragment)
                if not parts.path:
                    own = own or _eids(doc)
                    if fragment not in own:
                        raise PolicyError(
                            _(
                                "the link '{url}' points to '#{fragment}', which is not a clause or "
                                "section of this document"
                            ).format(url=url, fragment=fragment),
                            doc.path,
                            line,
                        )
                    continue
                target = target_page(model, doc, parts.path)
                if target is None:
                    continue
                lang, doc_id = target
                other = model.policies[doc_id].languages.get(lang)
                if other is None:
                    raise PolicyError(
                        _("the link '{url}' points to '{doc_id}' in '{lang}', which does not exist").format(
                            url=url, doc_id=doc_id, lang=lang
                        ),
                        doc.path,
                        line,
                    )
                if fragment not in _eids(other):
                    raise PolicyError(
                        _(
                            "the link '{url}' points to '#{fragment}', which is not a clause or section of {path}"
                        ).format(url=url, fragment=fragment, path=other.path),
                        doc.path,
                        line,
                    )


def document_links(doc: Document) -> list[tuple[str, bool, int]]:
    """Every link and image of a document's text: (address, is an image, line)."""
    out = []
    for block in doc.content_blocks():
        text = "".join(block.lines)
        for link in find_links(text):
            out.append((link.url, link.image, block.line + text.count("\n", 0, link.start)))
    return out


_MD_HREF = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')


def rewrite_md_links(body: str, model: Publication, doc: Document) -> str:
    """Links written to another policy's file (``privacy.md#cl-2``) point at its page instead."""
    here = urls.page_path(doc.lang, doc.doc_id)

    def repl(m: re.Match) -> str:
        target = target_page(model, doc, html.unescape(m.group(1)))
        if target is None:
            return m.group(0)
        return f'href="{urls.relative(here, urls.page_path(*target))}{m.group(2) or ""}"'

    return _MD_HREF.sub(repl, body)
