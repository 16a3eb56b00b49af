"""Undoing what DOCX, PDF and web extraction do to a legal text, without losing a word.

PDF extraction glues clause numbers into the previous line ("...сохранение. 2.3.8. Цель"),
breaks words and sentences across lines ("— р" / "ассмотрение"), and runs list markers
and labels into text ("ПДн:- Имя;", "действием.Виды обработки ПДн:"). The repairs here only
move line boundaries and drop bare list markers and indentation; they never add, remove
or change a letter or digit, which the importer verifies after the fact. Every repair is
reported with its source line, because a lawyer must be able to check each guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..i18n import _
from ..languages import guess_language


@dataclass
class Line:
    """A logical line of the source (a physical line, or a piece of one after a split)."""

    text: str
    source_line: int  # 1-based line in the source file


@dataclass
class Guess:
    line: int  # the pipeline's 1-based line (0 for a guess the file's reader made)
    message: str
    kind: str = "repair"
    where: str = ""  # the place in the source file: "12", "paragraph 14", "page 3, line 12"


@dataclass
class Repairs:
    guesses: list[Guess] = field(default_factory=list)

    def note(self, line: int, message: str, kind: str = "repair") -> None:
        self.guesses.append(Guess(line, message, kind))


CLAUSE_START = re.compile(r"^(\d+(?:\.\d+)+)\.(?=\s|$)")
# The sentence's last mark is matched (not looked behind at), so the regex engine skips ahead to
# the next such mark instead of trying every position; the glued text starts one after the match.
GLUED_CLAUSE = re.compile(r"[.;:!?»)]\s+(\d+(?:\.\d+)+)\.\s")
RUN_IN_BULLET = re.compile(r":\s*-\s*(?=\S)")
COLON_GLUE = re.compile(r":(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")
TERMINAL = ".;:!?"
DASHES = "—–-"
LABEL_HEAD = re.compile(r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w/]*(?:\s+[\w/]+){0,1})")
ONE_LETTER_WORDS = {"ru": set("авжикосуяб"), "kk": set("аеоі"), "en": set("aiAI")}


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def plausible_next(last: tuple[int, ...] | None, candidate: tuple[int, ...]) -> bool:
    """Would ``candidate`` come right after clause ``last`` in a normal numbering?"""
    if last is None:
        return True
    if candidate == last + (1,):
        return True
    for depth in range(len(last), 0, -1):
        if candidate == last[: depth - 1] + (last[depth - 1] + 1,):
            return True
    return False


def learn_labels(lines: Iterable[Line]) -> set[str]:
    """Labels the text itself uses at line starts ("Обрабатываемые ПДн:", "Срок хранения ПДн —").

    A label is the first one or two words of a line that has a colon or a dash within
    its first eight words, seen at line starts at least twice. Found mid-line, such a
    label marks where extraction glued two lines together.
    """
    counts: Counter[str] = Counter()
    for line in lines:
        text = line.text.strip()
        if CLAUSE_START.match(text) or text.startswith("-"):
            continue
        if ":" not in text and "—" not in text:  # the head below could have neither
            continue
        words = text.split(None, 8)[:8]  # the first eight words, without splitting the rest of the line
        head = " ".join(words)
        cut = min((i for i in (head.find(":"), head.find(" —")) if i > 0), default=-1)
        if cut <= 0:
            continue
        m = LABEL_HEAD.match(head[:cut])
        if m and len(m.group(1)) >= 4:
            counts[m.group(1)] += 1
    return {label for label, n in counts.items() if n >= 2}


def split_line(line: Line, labels: set[str], last_clause: list[tuple[int, ...] | None], repairs: Repairs) -> list[Line]:
    """Split one physical line where extraction glued several logical lines together."""
    if not labels and ":" not in line.text and GLUED_CLAUSE.search(line.text) is None:
        # most lines: nothing glued (no clause number after a sentence, no label, no colon)
        text = line.text.strip()
        if m := CLAUSE_START.match(text):
            last_clause[0] = _number(m.group(1))
        return [Line(text, line.source_line)] if text else []
    pieces = [line.text]
    # 1. clause numbers glued after the end of a sentence, when they continue the numbering
    out: list[str] = []
    for piece in pieces:
        start = 0
        for m in GLUED_CLAUSE.finditer(piece):
            number = _number(m.group(1))
            current = last_clause[0]
            head_num = CLAUSE_START.match(piece[start:].strip())
            if head_num:
                current = _number(head_num.group(1))
            if plausible_next(current, number):
                out.append(piece[start : m.start() + 1])  # up to and with the sentence's last mark
                start = m.start(1)
                last_clause[0] = number
                repairs.note(
                    line.source_line,
                    _("clause {number} was glued to the previous text; moved to its own line").format(
                        number=m.group(1)
                    ),
                )
        out.append(piece[start:])
    pieces = out
    for piece in pieces:
        if m := CLAUSE_START.match(piece.strip()):
            last_clause[0] = _number(m.group(1))
    # 2. labels glued mid-line
    if labels:
        label_re = _label_pattern(frozenset(labels))
        out = []
        for piece in pieces:
            start = 0
            for m in label_re.finditer(piece):
                pos = m.end()
                if pos <= start or not piece[start : m.start()].strip():
                    continue
                rest = piece[pos:]
                words = rest.split()
                if not (len(words) <= 2 and not re.search(r"[:—]", rest) or re.search(r"[:—]", " ".join(words[:9]))):
                    continue
                out.append(piece[start : m.start()])
                start = pos
                repairs.note(
                    line.source_line,
                    _("'{text}' was glued to the previous sentence; started a new paragraph").format(
                        text=rest.split(":")[0].split(" —")[0].strip()[:40]
                    ),
                )
            out.append(piece[start:])
        pieces = out
    # 3. "Label:Next" and "Label:- item"
    out = []
    for piece in pieces:
        if ":" not in piece:  # both patterns below need a colon; most lines have none
            out.append(piece)
            continue
        parts = _split_keep(piece, COLON_GLUE)
        if len(parts) > 1:
            repairs.note(line.source_line, _("text after a colon was glued without a space; started a new paragraph"))
        for part in parts:
            sub = _split_keep(part, RUN_IN_BULLET, keep_marker="- ")
            if len(sub) > 1:
                repairs.note(
                    line.source_line, _("a list item was run into the text ('...:- item'); moved it to its own line")
                )
            out.extend(sub)
    return [Line(p.strip(), line.source_line) for p in out if p.strip()]


@lru_cache(maxsize=16)
def _label_pattern(labels: frozenset[str]) -> re.Pattern:
    """Where one of the text's own labels starts mid-line (built once per text, not once per line)."""
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<=[\w.;:)»])\s*(?=(?:{alternatives})(?:[^\w]|$))")


def _split_keep(text: str, pattern: re.Pattern, keep_marker: str | None = None) -> list[str]:
    """Split after the colon of each match; the marker (if any) starts the next piece."""
    parts: list[str] = []
    start = 0
    for m in pattern.finditer(text):
        if not text[start : m.start()].strip():
            continue
        parts.append(text[start : m.start() + 1])
        start = m.end()
        if keep_marker:
            parts.append(None)  # placeholder: marker goes on the next piece
    tail = text[start:]
    result: list[str] = []
    pending_marker = False
    for part in parts + [tail]:
        if part is None:
            pending_marker = True
            continue
        result.append((keep_marker if pending_marker else "") + part.strip())
        pending_marker = False
    return [r for r in result if r.strip()]


def _unclosed(text: str) -> bool:
    return text.count("**") % 2 == 1 or text.count("(") > text.count(")") or text.count("«") > text.count("»")


SHORT_DASH_LINE = re.compile(r"^\S{0,12}\s*[—–]$")


def should_join(prev: str, nxt: str, prev_is_list_entry: bool) -> bool:
    """Does ``nxt`` continue the sentence of ``prev`` (a line broken by extraction)?"""
    prev = prev.rstrip()
    if not prev or not nxt:
        return False
    if _unclosed(prev):
        return True
    if prev[-1] in TERMINAL:
        return False
    if prev[-1] in DASHES or prev[-1] == ",":
        return True
    first = nxt[0]
    if first.islower() or SHORT_DASH_LINE.match(nxt):
        return True
    return prev_is_list_entry


def glue(prev: str, nxt: str, lang: str) -> tuple[str, bool]:
    """Join two pieces of one sentence; the bool says a broken word was mended."""
    last = prev.rstrip().split()[-1] if prev.strip() else ""
    if (
        len(last) == 1
        and last.isalpha()
        and last.lower() not in ONE_LETTER_WORDS.get(lang, set())
        and nxt[:1].islower()
        and guess_language(last) == guess_language(nxt.split()[0])
    ):
        return prev.rstrip() + nxt.lstrip(), True
    return prev.rstrip() + " " + nxt.lstrip(), False
