"""What a finished text must not contain: blanks to fill in, slips of the keyboard, broken markup."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..i18n import N_
from ..links import BROKEN_LINK_RE, SAFE_SCHEMES, find_links, unsafe_reason
from .wording import Phrase, phrase

PLACEHOLDER_RE = re.compile(
    r"_{3,}|\[\s*(?:\.{3}|…|_+)?\s*\]|\(\s*(?:\.{3}|…)\s*\)|<\s*(?:\.{3}|…)\s*>"
    r"|(?<![\w])(?:X{3,}|Х{3,}|TODO|TBD|FIXME)(?![\w])"
)
DOUBLED_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,})\s+(\1)(?![\w-])", re.I)
# inline list markers "а)", "1)", "ii)" close nothing (when no bracket is open)
ENUM_END_RE = re.compile(r"(?:^|[\s;:,])(?:\d{1,2}|[^\W\d_]{1,3})$")
ESCAPED_RE = re.compile(r"\\.")
LINK_TEXT_RE = re.compile(r"\[[^\]]*\]\([^)]*\)")


PLACEHOLDER_MARKERS = ("___", "[", "...", "…", "XXX", "ХХХ", "TODO", "TBD", "FIXME")
MAYBE_PLACEHOLDER = re.compile("|".join(map(re.escape, PLACEHOLDER_MARKERS)))


def placeholders(text: str) -> list[tuple[str, int]]:
    if not MAYBE_PLACEHOLDER.search(text):
        return []
    return [(m.group(0), m.start()) for m in PLACEHOLDER_RE.finditer(text)]


# a Kazakh noun with the third-person possessive ending: the head of a compound («Пайдаланушы келісімі(н)»)
KK_POSSESSED_RE = re.compile(r"^[^\W\d_]{2,}(?:[^дтн\W\d_](?:ы|і)|сы|сі)(?:н|на|не|нда|нде|нан|нен|мен|ның|нің)?$")
NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")


def doubled_words(text: str, lang: str = "", begins_term=None) -> list[tuple[str, int]]:
    """Words written twice in a row, except where the second begins a compound.

    «Пайдаланушы Пайдаланушы келісімін қабылдайды»: the User (subject) accepts the User
    Agreement; the second word is the first of a glossary term (``begins_term(lower_text,
    offset)``), or, in Kazakh, the first of a compound whose head carries the possessive ending.
    """
    words = text.lower().split()
    if all(a != b for a, b in zip(words, words[1:])):  # cheap test first: most texts have none
        return []
    out = []
    lower = text.lower()
    for m in DOUBLED_RE.finditer(text):
        second = m.start(2)
        if begins_term is not None and begins_term(lower, second):
            continue
        if lang == "kk":
            nxt = NEXT_WORD_RE.match(lower, m.end(2))
            if nxt and KK_POSSESSED_RE.match(nxt.group(1)):
                continue
        out.append((m.group(1), m.start()))
    return out


BRACKETS = (
    ("(", ")", N_("brackets ( )")),
    ("[", "]", N_("square brackets [ ]")),
    ("«", "»", N_("quotation marks « »")),
)
STRAIGHT_QUOTES = N_('quotation marks " "')
NOT_CLOSED = N_("{n} opened but not closed")
NOT_OPENED = N_("closed without being opened")
ODD_QUOTES = N_("an odd number: one is not closed")


def unbalanced(text: str) -> list[tuple[Phrase, Phrase]]:
    """(what, detail) for each kind of bracket or quote left open or unopened."""
    if (
        text.count("(") == text.count(")")
        and text.count("[") == text.count("]")
        and text.count("«") == text.count("»")
        and not text.count('"') % 2
    ):
        return []
    bare = ESCAPED_RE.sub("  ", text)
    problems = []
    for o, c, what in BRACKETS:
        depth = 0
        worst = 0
        for i, ch in enumerate(bare):
            if ch == o:
                depth += 1
            elif ch == c:
                if c == ")" and depth == 0 and ENUM_END_RE.search(bare, max(0, i - 4), i):
                    continue
                depth -= 1
                worst = min(worst, depth)
        if depth > 0 and worst == 0:
            problems.append((phrase(what), phrase(NOT_CLOSED, n=depth)))
        elif worst < 0 or depth < 0:
            problems.append((phrase(what), phrase(NOT_OPENED)))
    if bare.count('"') % 2:
        problems.append((phrase(STRAIGHT_QUOTES), phrase(ODD_QUOTES)))
    return problems


EMPTY_ITEM = N_("an empty list item")
BOLD_NOT_CLOSED = N_("bold text is not closed: an odd number of '**'")
LINK_WITHOUT_TARGET = N_("the link '{link}' has no target address")
LINK_NOT_CLOSED = N_("a link is not closed: '](' without ')'")


def broken_markdown(text: str) -> list[Phrase]:
    """What a reader would see broken in the markup, one phrase each."""
    out = []
    if "*" not in text and "](" not in text:
        return out
    bare = ESCAPED_RE.sub("  ", text)
    if bare.count("**") % 2:
        out.append(phrase(BOLD_NOT_CLOSED))
    for m in BROKEN_LINK_RE.finditer(bare):
        out.append(phrase(LINK_WITHOUT_TARGET, link=m.group(0)))
    rest = LINK_TEXT_RE.sub(" ", bare)
    if re.search(r"\]\(", rest):
        out.append(phrase(LINK_NOT_CLOSED))
    return out


UNSAFE_LINK = N_("the link '{url}': {reason}")
REMOTE_IMAGE = N_(
    "images must be files of the site (under docs/); a remote image tells a third party who reads the policy"
)
SCHEME = N_("links with '{scheme}:' are not allowed (only {schemes})")
PROTOCOL_RELATIVE = N_("protocol-relative links are not allowed; write https://")
OUTSIDE = N_("the link points outside the site; use a relative link inside docs/ or a full https:// address")


def unsafe_links(text: str) -> list[Phrase]:
    """Links a policy may not hold, each with why. ``links.unsafe_reason`` decides; this words it."""
    out = []
    if "](" not in text and "<" not in text:
        return out
    for link in find_links(text):
        if link.url and unsafe_reason(link.url, link.image):
            out.append(phrase(UNSAFE_LINK, url=link.url, reason=_why_unsafe(link.url, link.image)))
    return out


def _why_unsafe(url: str, image: bool) -> Phrase:
    """The reason ``links.unsafe_reason`` gives for a link it refused, as a phrase of the catalog."""
    parts = urlsplit(url)
    if image and (parts.scheme or url.startswith("//")):
        return phrase(REMOTE_IMAGE)
    if parts.scheme:
        return phrase(SCHEME, scheme=parts.scheme, schemes=", ".join(SAFE_SCHEMES))
    if url.startswith("//"):
        return phrase(PROTOCOL_RELATIVE)
    return phrase(OUTSIDE)
