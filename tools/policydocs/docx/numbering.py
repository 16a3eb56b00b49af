"""Word's own list numbering (``word/numbering.xml``) for clauses, sub-items and bullets.

Clause numbers are not typed into the text: each clause paragraph carries ``w:numPr``
(which list, which level) and Word computes "2.3.1." from the list definition, so it
renumbers when a lawyer inserts or deletes a clause. One multi-level definition serves
clauses and numbered section headings (level 1 ``%1.``, level 2 ``%1.%2.``, level 3
``%1.%2.%3.``, ...); sub-items ``1)`` and bullets have their own.

The operator's numbers are the legal text, so Word must show exactly them, gaps and all
(a policy may start at 2.1, or skip 2.5 as published). ``ListCounter`` follows Word's
counting paragraph by paragraph; where the next number is not the one Word would show, a
new list starts there: its own definition (``w:abstractNum``) whose level starts at the
operator's number. The higher levels of that first number (a policy that opens with 2.1
and has no heading "2.") are written into the level's text as they are ("2.%2."), so Word
and LibreOffice, which count a level without paragraphs differently, both show "2.1.";
for the same reason a skipped level (1.1.1 right after 1.) starts a new list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .xml import w

CLAUSES, ITEMS, BULLETS = 1, 2, 3  # abstractNumId of each definition
FIRST_RESTART = 10  # abstractNumId of the first clause list that restarts
LEVELS = 9


def _level(
    ilvl: int,
    fmt: str,
    text: str,
    start: int = 1,
    left: int = 0,
    hanging: int = 0,
    suffix: str = "space",
    font: str | None = None,
) -> etree._Element:
    lvl = etree.Element(w("lvl"), {w("ilvl"): str(ilvl)})
    etree.SubElement(lvl, w("start"), {w("val"): str(start)})
    etree.SubElement(lvl, w("numFmt"), {w("val"): fmt})
    etree.SubElement(lvl, w("suff"), {w("val"): suffix})
    etree.SubElement(lvl, w("lvlText"), {w("val"): text})
    etree.SubElement(lvl, w("lvlJc"), {w("val"): "left"})
    ppr = etree.SubElement(lvl, w("pPr"))
    ind = {w("left"): str(left)}
    ind[w("hanging") if hanging else w("firstLine")] = str(hanging)
    etree.SubElement(ppr, w("ind"), ind)
    if font:
        rpr = etree.SubElement(lvl, w("rPr"))
        etree.SubElement(rpr, w("rFonts"), {w("ascii"): font, w("hAnsi"): font, w("cs"): font})
    return lvl


def _abstract(num_id: int, kind: str, levels: list[etree._Element]) -> etree._Element:
    abstract = etree.Element(w("abstractNum"), {w("abstractNumId"): str(num_id)})
    etree.SubElement(abstract, w("multiLevelType"), {w("val"): kind})
    abstract.extend(levels)
    return abstract


def clause_levels(parts: list[int] | None = None) -> list[etree._Element]:
    """Levels ``%1.``, ``%1.%2.``, ...; from ``parts`` (a clause "2.1" that opens a list): level 2
    starts at 1 with text "2.%2.", level 1 at 2, deeper levels at 1 with the same fixed prefix."""
    parts = parts or [1]
    k = len(parts) - 1
    fixed = "".join(f"{p}." for p in parts[:k])
    levels = []
    for i in range(LEVELS):
        if i < k:
            levels.append(_level(i, "decimal", "".join(f"%{n}." for n in range(1, i + 2)), start=parts[i]))
        else:
            text = fixed + "".join(f"%{n}." for n in range(k + 1, i + 2))
            levels.append(_level(i, "decimal", text, start=parts[k] if i == k else 1))
    return levels


def definitions() -> list[etree._Element]:
    """The list definitions every exported policy uses (clauses get more where they restart)."""
    item_levels = [_level(0, "decimal", "%1)", left=720, hanging=360, suffix="tab")]
    bullet_levels = [
        _level(i, "bullet", "–" if i % 2 else "•", left=720 + 360 * i, hanging=360, suffix="tab") for i in range(LEVELS)
    ]
    return [
        _abstract(CLAUSES, "multilevel", clause_levels()),
        _abstract(ITEMS, "singleLevel", item_levels),
        _abstract(BULLETS, "hybridMultilevel", bullet_levels),
    ]


@dataclass
class ListCounter:
    """What Word would show next in one list, level by level.

    ``opened`` are the numbers the list opened with; the levels above its last are written as
    text in the list definition, so the list can only go on at that level or deeper, and only
    through levels that had a paragraph of their own (a skipped level would show a number no
    paragraph gave it, and Word and LibreOffice show such a level differently).
    """

    opened: list[int]
    values: dict[int, int] = field(default_factory=dict)  # levels that had a paragraph of their own

    @property
    def fixed(self) -> int:
        return len(self.opened) - 1

    def would_show(self, parts: list[int]) -> bool:
        level = len(parts) - 1
        if level < self.fixed:
            return False
        for j, part in enumerate(parts[:-1]):
            shown = self.opened[j] if j < self.fixed else self.values.get(j)
            if shown != part:
                return False
        if level in self.values:
            return self.values[level] + 1 == parts[-1]
        return parts[-1] == (self.opened[level] if level == self.fixed else 1)

    def count(self, parts: list[int]) -> None:
        level = len(parts) - 1
        self.values[level] = parts[-1]
        for deeper in [k for k in self.values if k > level]:
            del self.values[deeper]


class Numbering:
    """Allocates list instances while the body is written; ``element()`` gives numbering.xml's children."""

    def __init__(self) -> None:
        self.nums: list[tuple[int, int, dict[int, int]]] = []  # (numId, abstractNumId, start overrides)
        self.restarts: list[list[int]] = []  # clause lists beyond the first: the numbers they open with
        self._clauses: ListCounter | None = None
        self._clause_num = 0
        self._bullet_num = 0

    def _new(self, abstract: int, overrides: dict[int, int]) -> int:
        num_id = len(self.nums) + 1
        self.nums.append((num_id, abstract, overrides))
        return num_id

    def clause(self, number: str) -> tuple[int, int]:
        """(numId, ilvl) for a clause or numbered heading "2.3.1"."""
        parts = [int(p) for p in number.split(".")]
        if self._clauses is None or not self._clauses.would_show(parts):
            if parts == [1] * len(parts) and len(parts) == 1 and self._clauses is None:
                abstract = CLAUSES
            else:
                self.restarts.append(parts)
                abstract = FIRST_RESTART + len(self.restarts) - 1
            self._clause_num = self._new(abstract, {})
            self._clauses = ListCounter(parts)
        self._clauses.count(parts)
        return self._clause_num, len(parts) - 1

    def items(self) -> ItemList:
        """A fresh list for the sub-items of one clause (they count from their own first number)."""
        return ItemList(self)

    def bullet(self) -> int:
        if not self._bullet_num:
            self._bullet_num = self._new(BULLETS, {})
        return self._bullet_num

    def children(self) -> list[etree._Element]:
        out = definitions()
        out[1:1] = [
            _abstract(FIRST_RESTART + i, "multilevel", clause_levels(parts)) for i, parts in enumerate(self.restarts)
        ]
        for num_id, abstract, overrides in self.nums:
            num = etree.Element(w("num"), {w("numId"): str(num_id)})
            etree.SubElement(num, w("abstractNumId"), {w("val"): str(abstract)})
            for ilvl, start in sorted(overrides.items()):
                override = etree.SubElement(num, w("lvlOverride"), {w("ilvl"): str(ilvl)})
                etree.SubElement(override, w("startOverride"), {w("val"): str(start)})
            out.append(num)
        return out


class ItemList:
    """Sub-items "1)", "2)" of one clause; a number out of sequence starts a new instance."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.num_id = 0
        self.next = 0

    def item(self, number: str | None) -> int:
        value = int(number) if number and number.isdigit() else self.next or 1
        if not self.num_id or value != self.next:
            self.num_id = self.numbering._new(ITEMS, {0: value})
        self.next = value + 1
        return self.num_id
