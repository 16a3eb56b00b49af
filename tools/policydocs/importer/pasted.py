"""Mending what copying a policy out of a PDF viewer or a browser does to the text.

Only where the evidence is clear, and every mend is reported with its line:

- page furniture at the top or bottom of a browser copy (a menu "Главная | О компании |
  Войти", "© 2026 ...", "Все права защищены") is left out and listed;
- a PDF viewer's copy is hard-wrapped: most lines are about as long as the longest.
  There a line that fills the width and does not end a sentence is continued by the
  next line, even when that one starts with a capital letter or "(" (a word broken
  with a hyphen at the line end is joined too);
- a section heading cut in two ("2. Цели обработки" / "персональных данных") is joined;
- bullet markers lost in a browser copy are restored on a run of short lines after a
  line ending with ":", each ending with ";" and the last with ".".
"""

from __future__ import annotations

import re

from .model import Extracted, Leftover, Note

MENU = re.compile(r"^[^.;:!?|]{1,40}(?:\s*[|•·]\s*[^.;:!?|]{1,40}){2,}$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|все права защищены|барлық құқықтар қорғалған|all rights reserved", re.I)
BLOCK_START = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s|\d+\)\s|[-•*]\s|#)")
HEADING = re.compile(r"^\d+\.\s+\S[^.;:!?]{0,60}$")
EDGE = 6  # furniture is looked for among the first and last lines that have text


def mend(lines: list[tuple[str, str]], out: Extracted) -> Extracted:
    lines = _drop_furniture(lines, out)
    lines = _join_wrapped(lines, out)
    lines = _join_cut_headings(lines, out)
    lines = _restore_bullets(lines, out)
    for text, where in lines:
        out.add(text, where)
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


def _wrap_width(lines) -> int | None:
    lengths = sorted(len(t.strip()) for t, _ in lines if t.strip())
    if len(lengths) < 12:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if p90 > 140 or p90 < 30:
        return None
    full = sum(1 for n in lengths if n >= 0.75 * p90)
    return p90 if full >= 0.4 * len(lengths) else None


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
                if re.search(r"\w-$", prev) and t[:1].islower():
                    merged[-1][0] = prev[:-1] + t
                    out.notes.append(Note(where, "hyphenation", f"joined a word hyphenated at the line end: '{prev.split()[-1]}' + '{t.split()[0]}'"))
                    continue
                if not t[:1].islower():
                    out.notes.append(Note(where, "joined line", "the line before fills the width and does not end a "
                                          "sentence; joined this line to it although it starts with a capital or '('"))
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
        if (HEADING.match(text.strip()) and nxt and nxt[:1].islower() and len(nxt) <= 60 and nxt[-1] not in ".;:!?,"
                and (not after or BLOCK_START.match(after))):
            result[i] = (text.rstrip() + " " + nxt, where)
            del result[i + 1]
            out.notes.append(Note(where, "heading", f"a section heading was cut in two; joined '{nxt}' to it"))
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
        if len(run) >= 2 and result[run[-1]][0].rstrip().endswith(".") and all(
                result[r][0].rstrip().endswith(";") for r in run[:-1]):
            for r in run:
                result[r] = ("- " + result[r][0].strip(), result[r][1])
            out.notes.append(Note(result[run[0]][1], "bullets", f"restored {len(run)} bullet markers lost in a copy "
                                  "from a web page (short lines after ':' ending with ';' and '.')"))
            k = j
        else:
            k += 1
    return result
