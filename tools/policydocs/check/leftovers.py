"""What a finished text must not contain: blanks to fill in, slips of the keyboard, broken markup."""

from __future__ import annotations

import re

from ..links import BROKEN_LINK_RE, find_links, unsafe_reason

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


def doubled_words(text: str) -> list[tuple[str, int]]:
    words = text.lower().split()
    if all(a != b for a, b in zip(words, words[1:])):  # cheap test first: most texts have none
        return []
    return [(m.group(1), m.start()) for m in DOUBLED_RE.finditer(text)]


def unbalanced(text: str) -> list[tuple[str, str, str, str]]:
    """(what, what_ru, detail, detail_ru) for each kind of bracket or quote left open or unopened."""
    if (text.count("(") == text.count(")") and text.count("[") == text.count("]")
            and text.count("«") == text.count("»") and not text.count('"') % 2):
        return []
    bare = ESCAPED_RE.sub("  ", text)
    problems = []
    for o, c, en, ru in (("(", ")", "brackets ( )", "скобки ( )"), ("[", "]", "square brackets [ ]", "квадратные скобки [ ]"),
                         ("«", "»", "quotation marks « »", "кавычки « »")):
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
            problems.append((en, ru, f"{depth} opened but not closed", f"{depth} открыто и не закрыто"))
        elif worst < 0 or depth < 0:
            problems.append((en, ru, "closed without being opened", "закрыто без открытия"))
    if bare.count('"') % 2:
        problems.append(('quotation marks " "', 'кавычки " "', "an odd number: one is not closed", "нечётное число: одна не закрыта"))
    return problems


def broken_markdown(text: str) -> list[tuple[str, str]]:
    """(detail, detail_ru) for markup a reader would see broken."""
    out = []
    if "*" not in text and "](" not in text:
        return out
    bare = ESCAPED_RE.sub("  ", text)
    if bare.count("**") % 2:
        out.append(("bold text is not closed: an odd number of '**'", "жирный шрифт не закрыт: нечётное число «**»"))
    for m in BROKEN_LINK_RE.finditer(bare):
        out.append((f"the link '{m.group(0)}' has no target address", f"у ссылки «{m.group(0)}» нет адреса"))
    rest = LINK_TEXT_RE.sub(" ", bare)
    if re.search(r"\]\(", rest):
        out.append(("a link is not closed: '](' without ')'", "ссылка не закрыта: «](» без «)»"))
    return out


def unsafe_links(text: str) -> list[str]:
    out = []
    if "](" not in text and "<" not in text:
        return out
    for link in find_links(text):
        reason = unsafe_reason(link.url, link.image)
        if reason and link.url:
            out.append(f"the link '{link.url}': {reason}")
    return out
