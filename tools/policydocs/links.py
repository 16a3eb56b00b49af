"""Which links a policy may contain.

A policy is public legal text: its links may point to the web (https, http), to e-mail
and phone, to a place in the same site, or to an anchor. Anything else (``file:``,
``javascript:``, ``data:``, a path that climbs out of the project) is refused by the
checker and the build, and neutralised by the renderer as a second line of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .i18n import _

SAFE_SCHEMES = ("http", "https", "mailto", "tel")

# [text](url "title"), ![alt](url), <https://autolink>
MD_LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
BROKEN_LINK_RE = re.compile(r"\[[^\]]+\]\(\s*\)")


@dataclass(frozen=True)
class Link:
    url: str
    image: bool
    start: int  # offset in the text


def find_links(text: str) -> list[Link]:
    links = [Link(m.group(3), bool(m.group(1)), m.start()) for m in MD_LINK_RE.finditer(text)]
    links += [Link(m.group(1), False, m.start()) for m in AUTOLINK_RE.finditer(text)]
    return sorted(links, key=lambda link: link.start)


def unsafe_reason(url: str, image: bool = False) -> str | None:
    """Why a link (or an image's address) may not appear in a policy, or None when it may.

    An image is loaded by every reader's browser without a click, so it must be a file of
    the site itself: a remote image would tell a third party who reads the policy.
    """
    if not url:
        return _("the link has no target")
    parts = urlsplit(url)
    if image and (parts.scheme or url.startswith("//")):
        return _(
            "images must be files of the site (under docs/); a remote image tells a third party who reads the policy"
        )
    if parts.scheme:
        if parts.scheme.lower() not in SAFE_SCHEMES:
            return _("links with '{scheme}:' are not allowed (only {allowed})").format(
                scheme=parts.scheme, allowed=", ".join(SAFE_SCHEMES)
            )
        return None
    if url.startswith("//"):
        return _("protocol-relative links are not allowed; write https://")
    if url.startswith("/") or ".." in parts.path.split("/"):
        return _("the link points outside the site; use a relative link inside docs/ or a full https:// address")
    return None
