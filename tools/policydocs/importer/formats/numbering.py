"""Word's automatic list numbering, resolved to the numbers Word shows.

Clause numbers in a Word policy usually come from a multi-level list: ``numbering.xml``
says that level 1 reads ``%1.``, level 2 ``%1.%2.``, level 3 ``%3)``, where each list
starts, when a deeper level restarts, and a ``w:num`` may override a level's start (this
is how "Restart numbering" is stored). The numbers are not in the text at all.

None of the Word libraries gives them: python-docx ignores numbering, docx2python
renders only the current level's counter in its own fixed style ("1)", "a)") instead of
the document's ``lvlText`` template, and mammoth turns lists into HTML lists. So the
counters are kept here, the way Word keeps them (ECMA-376 part 1 §17.9; where the standard
is silent, as Open XML PowerTools' ``ListItemRetriever`` and LibreOffice read the file):

- counters belong to the abstract list definition: all ``w:num`` that share one continue
  each other;
- a ``w:num``'s ``startOverride`` is taken once, by that ``w:num``'s first paragraph at a
  level that has one (so a restart written for every level by a level-2 paragraph leaves
  the level-1 number going on: "2.", then "2.1." in the new instance, never "0.1.");
- an orphan level, an upper level with no counter yet (the first paragraph is at level 2,
  or level 2 was skipped), shows its ``w:start`` and counts as used at that value:
  "1.1.", "1.2.", then "2."; "1.", "1.1.1.", then "1.2.";
- a deeper level restarts when a shallower one advances, unless ``lvlRestart`` says
  otherwise (0: never; N: only after a paragraph at level N or above, §17.9.10);
- ``isLgl`` writes every number of the label in Arabic ("I." above, "1.1" below;
  ``decimalZero`` stays "01"), §17.9.4;
- a placeholder of a level without a number (bullet, none) prints nothing;
- formats: decimal, decimalZero, lower/upperLetter (z, aa, bb), lower/upperRoman,
  russianLower/Upper (29 letters: no ё й ъ ь; after я: аа, аб as LibreOffice shows), all
  checked against LibreOffice's text export in tests/importer/test_word_numbering.py.

``w:suff`` (tab, space or nothing between number and text) is not read: the reader always
writes the label and one space, so "1.Текст" in Word still imports as clause 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docx.oxml.ns import qn

from .numerals import roman

# russianLower: the Russian alphabet without ё й ъ ь (29 letters, ы kept), as LibreOffice 7.4 shows
# Word's russianLower (its writerfilter reads it as CHARS_CYRILLIC_LOWER_LETTER_RU)
RUSSIAN = "абвгдежзиклмнопрстуфхцчшщыэюя"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart (1-based level after which this one restarts); None = default
    legal: bool = False  # isLgl


DEFAULT_LEVEL = Level()
PLACEHOLDER = re.compile(r"%([1-9])")


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _level(el, base: Level | None = None) -> Level:
    base = base or Level()
    start = _val(el, "w:start")
    restart = _val(el, "w:lvlRestart")
    legal = el.find(qn("w:isLgl"))
    return Level(
        start=int(start) if start is not None and start.lstrip("-").isdigit() else base.start,
        fmt=_val(el, "w:numFmt", base.fmt),
        text=_val(el, "w:lvlText", base.text),
        restart=int(restart) if restart is not None and restart.isdigit() else base.restart,
        legal=(legal is not None and legal.get(qn("w:val"), "1") not in ("0", "false", "off")) or base.legal,
    )


def _letters(n: int, alphabet: str) -> str:
    """Word's letter numbering: a..z, then aa..zz (the letter repeated), and so on."""
    if n <= 0:
        return str(n)
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


def _letter_pairs(n: int, alphabet: str) -> str:
    """Letters counted on like column names: я, then аа, аб, ав (LibreOffice's Russian letter lists)."""
    if n <= 0:
        return str(n)
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, len(alphabet))
        out = alphabet[rest] + out
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt == "upperLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz").upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "russianLower":
        return _letter_pairs(n, RUSSIAN)
    if fmt == "russianUpper":
        return _letter_pairs(n, RUSSIAN).upper()
    return str(n)  # decimal and the formats a policy does not use


class Numbering:
    """The list definitions of one document and the counters as its paragraphs go by."""

    def __init__(self, numbering_el=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[str] = set()
        self._resolved: dict[str, tuple[str, dict[int, Level]] | None] = {}
        if numbering_el is None:
            return
        for absn in numbering_el.iterchildren(qn("w:abstractNum")):
            levels = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in absn.iterchildren(qn("w:lvl"))}
            self.abstract[absn.get(qn("w:abstractNumId"))] = levels
        for num in numbering_el.iterchildren(qn("w:num")):
            abs_id = _val(num, "w:abstractNumId")
            redefined: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = _val(override, "w:startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    starts[ilvl] = int(start)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    redefined[ilvl] = _level(lvl, self.abstract.get(abs_id, {}).get(ilvl))
            self.nums[num.get(qn("w:numId"))] = (abs_id, redefined, starts)

    def _levels(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        if num_id not in self._resolved:
            if num_id not in self.nums:
                self._resolved[num_id] = None
            else:
                abs_id, redefined, _ = self.nums[num_id]
                levels = dict(self.abstract.get(abs_id, {}))
                levels.update(redefined)
                self._resolved[num_id] = (abs_id, levels)
        return self._resolved[num_id]

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list and return (label as Word shows it, numFmt), or None for no numbering.

        The counters are those of the abstract list (``w:num`` that share it continue each other).
        A ``w:num``'s ``startOverride`` is taken once, by the first paragraph of that ``w:num`` at a
        level that has one; that level then reads the override, and later overrides of the same
        ``w:num`` are not taken (Open XML PowerTools' ``ListItemRetriever``, and LibreOffice's
        reading of such a file: a "Restart numbering" on a level-2 paragraph writes overrides for
        every level, and the level-1 number above it goes on). An upper level that has no counter
        yet (an "orphan": the list's first paragraph is at level 2, or a level was skipped) shows
        its ``w:start`` and from then on counts as used at that value, so the next paragraph at
        that level is one more ("1.1.", "1.2.", then "2."; "1.", "1.1.1.", then "1.2.").
        """
        found = self._levels(num_id)
        if found is None or num_id == "0":
            return None
        abs_id, levels = found
        counters = self.counters.setdefault(abs_id, {})
        _, _, starts = self.nums[num_id]
        level = levels.get(ilvl, DEFAULT_LEVEL)
        if ilvl in starts and num_id not in self.restarted:
            self.restarted.add(num_id)  # "restart numbering": this list instance begins afresh here
            counters[ilvl] = starts[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for upper in range(ilvl):
            if upper not in counters:  # orphan level: shown, and counted, at its start value
                counters[upper] = levels.get(upper, DEFAULT_LEVEL).start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, DEFAULT_LEVEL).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return "", "bullet"
        if level.fmt == "none":
            return "", "none"
        return label_text(level, levels, counters), level.fmt


def label_text(level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
    """The level's ``lvlText`` with each %N replaced by level N's counter in that level's format."""
    parts = _template(level.text)  # literal, level, literal, level, ..., literal
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        k = parts[i]
        other = levels.get(k, DEFAULT_LEVEL)
        fmt = other.fmt
        if fmt in ("bullet", "none"):  # a level without a number of its own prints nothing in the label
            fmt = "none"
        elif level.legal and fmt != "decimalZero":  # isLgl: Arabic numbers ("1.1", not "I.1"); 01 stays 01
            fmt = "decimal"
        out.append(format_number(counters.get(k, other.start), fmt))
        out.append(parts[i + 1])
    return "".join(out).strip()


@lru_cache(maxsize=256)
def _template(text: str) -> tuple:
    """``lvlText`` such as "%1.%2." cut once into literals and 0-based levels: ("", 0, ".", 1, ".")."""
    parts = PLACEHOLDER.split(text)
    return tuple(int(part) - 1 if i % 2 else part for i, part in enumerate(parts))
