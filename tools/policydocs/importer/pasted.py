"""Mending what copying a policy out of a PDF viewer or a browser does to the text.

Only where the evidence is clear, and every mend is reported with its line:

- page furniture at the top or bottom of a browser copy (a menu "Главная | О компании |
  Войти", "© 2026 ...", "Все права защищены") is left out and listed;
- a PDF viewer's copy carries each page's number and running header: when page numbers
  ("Страница 2 из 5", "- 3 -", "7") stand on lines of their own at least twice, they are
  left out, and so is a short line that does not end in punctuation, stands next to a
  page number or page break and comes back so on at least half of the pages (digits
  aside); each is listed once;
- a PDF viewer's copy is hard-wrapped: most lines are about as long as the longest.
  There a line that fills the width and does not end a sentence is continued by the
  next line, even when that one starts with a capital letter or "(" (a word broken
  with a hyphen at the line end is joined too; one broken by automatic hyphenation's
  own hyphen, U+2010 or a soft hyphen, is joined in any text);
- a section heading cut in two ("2. Цели обработки" / "персональных данных") is joined;
- bullet markers lost in a browser copy are restored on a run of short lines after a
  line ending with ":", each ending with ";" and the last with ".".
"""

from __future__ import annotations

import re
from collections import Counter

from ..i18n import _
from .model import Extracted, Leftover, Note

MENU = re.compile(r"^[^.;:!?|]{1,40}(?:\s*[|•·]\s*[^.;:!?|]{1,40}){2,}$")
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)|все права защищены|барлық құқықтар қорғалған|all rights reserved", re.I
)
BLOCK_START = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s|\d+\)\s|[-•*]\s|#)")
HEADING = re.compile(r"^\d+\.\s+\S[^.;:!?]{0,60}$")
EDGE = 6  # furniture is looked for among the first and last lines that have text


def mend(lines: list[tuple[str, str]], out: Extracted) -> Extracted:
    lines = _drop_furniture(lines, out)
    lines = _drop_running_lines(lines, out)
    lines = _join_hyphenated(lines, out)
    lines = _join_wrapped(lines, out)
    lines = _join_cut_headings(lines, out)
    lines = _restore_bullets(lines, out)
    for text, where in lines:
        out.add(text.replace("\f", ""), where)  # a page break copied from a PDF
    return out


def _drop_furniture(lines, out):
    filled = [i for i, (text, _) in enumerate(lines) if text.strip()]
    edge = set(filled[:EDGE] + filled[-EDGE:])
    kept = []
    for i, (text, where) in enumerate(lines):
        t = text.strip()
        if i in edge and len(t) < 160 and (MENU.match(t) or COPYRIGHT.search(t)):
            out.leftovers.append(Leftover(where, "page furniture", t))
            continue
        kept.append((text, where))
    return kept


PAGE_NUMBER = re.compile(
    r"^(?:(?:page|стр\.?|страница|бет)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|из|/)\s*\d{1,4})?\s*(?:бет|page)?$",
    re.I,
)


def _running_key(text: str) -> str | None:
    """What a running header or footer line looks like with its page number blanked, or None."""
    t = text.strip()
    if not t or len(t) > 100 or not (t[-1].isalnum() or t[-1] in '»")') or BLOCK_START.match(t):
        return None
    if not re.search(r"[^\W\d_]{2}", t):
        return None
    return re.sub(r"\d+", "#", t)


def _drop_running_lines(lines, out):
    page_numbers = [i for i, (t, _) in enumerate(lines) if PAGE_NUMBER.match(t.strip())]
    if len(page_numbers) < 2:  # without page numbers a repeated line is the text's own
        return lines
    drop: dict[int, str] = dict.fromkeys(page_numbers, "page number")
    filled = [i for i, (t, _) in enumerate(lines) if t.strip()]
    position = {i: k for k, i in enumerate(filled)}
    # a page's first and last lines: the file's first line, a line after a page break or a page
    # number, a line before a page number
    near = {filled[0]} if filled else set()
    for i, (t, _where) in enumerate(lines):
        if "\f" in t and t.strip():
            near.add(i)
    for b in page_numbers:
        k = position[b]
        near.update(filled[j] for j in (k - 1, k + 1) if 0 <= j < len(filled))
    keys = [_running_key(t) if i in near else None for i, (t, _) in enumerate(lines)]
    counts = Counter(k for k in keys if k)
    for i, key in enumerate(keys):
        if key and i not in drop and counts[key] >= max(2, (len(page_numbers) + 1) // 2):
            drop[i] = "running header or footer"
    seen: dict[tuple[str, str], list[str]] = {}
    for i in sorted(drop):
        text, where = lines[i]
        seen.setdefault((drop[i], re.sub(r"\d+", "N", text.strip())), []).append(where)
    for (kind, text), wheres in seen.items():
        shown = ", ".join(wheres[:5]) + (
            _(" and {count} more").format(count=len(wheres) - 5) if len(wheres) > 5 else ""
        )
        out.leftovers.append(Leftover(wheres[0], kind, _("{text} (lines {lines})").format(text=text, lines=shown)))
    return [line for i, line in enumerate(lines) if i not in drop]


def _wrap_width(lines) -> int | None:
    lengths = sorted(len(t.strip()) for t, _ in lines if t.strip())
    if len(lengths) < 12:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if p90 > 140 or p90 < 30:
        return None
    full = sum(1 for n in lengths if n >= 0.75 * p90)
    return p90 if full >= 0.4 * len(lengths) else None


def _hyphen_join(prev: str, nxt: str, where: str, out: Extracted, hyphens: str) -> str | None:
    """``prev`` + ``nxt`` when ``prev`` ends in a word broken by one of ``hyphens`` and ``nxt`` goes on in lower case."""
    broken = re.search(rf"(\w+)([{hyphens}])$", prev)
    if not (broken and nxt[:1].islower()):
        return None
    head, tail = broken.group(1), re.match(r"\w*", nxt).group(0)
    out.notes.append(
        Note(
            where,
            "hyphenation",
            _("joined '{first}' and '{second}' at a line end into '{word}'").format(
                first=head + broken.group(2), second=tail, word=head + tail
            ),
        )
    )
    return prev[:-1] + nxt


def _join_hyphenated(lines, out):
    """Words broken by the typographic hyphen of automatic hyphenation (U+2010) or a soft hyphen: always joined."""
    merged: list[list] = []
    for text, where in lines:
        t = text.strip()
        if merged and t and (joined := _hyphen_join(merged[-1][0].rstrip(), t, where, out, "\u2010\u00ad")):
            merged[-1][0] = joined
            continue
        merged.append([text, where])
    return [(t, w) for t, w in merged]


def _join_wrapped(lines, out):
    width = _wrap_width(lines)
    if width is None:
        return lines
    merged: list[list] = []
    for text, where in lines:
        t = text.strip()
        if merged and t and not BLOCK_START.match(t):
            prev = merged[-1][0].rstrip()
            if prev and len(prev) >= 0.7 * width and prev[-1] not in ".;:!?" and not HEADING.match(prev):
                if joined := _hyphen_join(prev, t, where, out, "-"):  # an ASCII hyphen only in a hard-wrapped text
                    merged[-1][0] = joined
                    continue
                if not t[:1].islower():
                    out.notes.append(
                        Note(
                            where,
                            "joined line",
                            _(
                                "the line before fills the width and does not end a "
                                "sentence; joined this line to it although it starts with a capital or '('"
                            ),
                        )
                    )
                merged[-1][0] = prev + " " + t
                continue
        merged.append([text, where])
    return [(t, w) for t, w in merged]


def _join_cut_headings(lines, out):
    result = list(lines)
    i = 0
    while i + 1 < len(result):
        text, where = result[i]
        if not text.lstrip()[:1].isdigit():
            i += 1
            continue
        nxt = result[i + 1][0].strip()
        after = result[i + 2][0].strip() if i + 2 < len(result) else ""
        if (
            HEADING.match(text.strip())
            and nxt
            and nxt[:1].islower()
            and len(nxt) <= 60
            and nxt[-1] not in ".;:!?,"
            and (not after or BLOCK_START.match(after))
        ):
            result[i] = (text.rstrip() + " " + nxt, where)
            del result[i + 1]
            out.notes.append(
                Note(where, "heading", _("a section heading was cut in two; joined '{text}' to it").format(text=nxt))
            )
        i += 1
    return result


def _restore_bullets(lines, out):
    result = list(lines)
    filled = [i for i, (t, _) in enumerate(result) if t.strip()]
    k = 0
    while k < len(filled):
        i = filled[k]
        if not result[i][0].rstrip().endswith(":"):
            k += 1
            continue
        run = []
        j = k + 1
        while j < len(filled):
            t = result[filled[j]][0].strip()
            if BLOCK_START.match(t) or len(t) > 200 or t[-1] not in ";.":
                break
            run.append(filled[j])
            j += 1
            if t.endswith("."):
                break
        if (
            len(run) >= 2
            and result[run[-1]][0].rstrip().endswith(".")
            and all(result[r][0].rstrip().endswith(";") for r in run[:-1])
        ):
            for r in run:
                result[r] = ("- " + result[r][0].strip(), result[r][1])
            out.notes.append(
                Note(
                    result[run[0]][1],
                    "bullets",
                    _(
                        "restored {count} bullet markers lost in a copy "
                        "from a web page (short lines after ':' ending with ';' and '.')"
                    ).format(count=len(run)),
                )
            )
            k = j
        else:
            k += 1
    return result
