"""The document model: a policy in one language as sections, clauses, lists and terms.

A parsed document keeps every source line in exactly one block, so rendering it back
gives the file byte for byte and tools may rewrite files safely. On top of the blocks it
builds the legal structure: sections (numbered ``##`` headings), clauses (``2.3.1.``) nested
by number, and the sub-items, bullets and paragraphs that belong to each clause.

Every structural element gets an *eId* derived from its number and position, never from
its words, so the same clause has the same address in Russian, Kazakh and English (the
idea of Akoma Ntoso's eIds): clause 2.3.1 is ``cl-2-3-1``, section 2 is ``sec-2``, the
third sub-item ``3)`` of clause 2.2.1 is ``cl-2-2-1-i3``, the second bullet of section 4
is ``sec-4-b2``, the first unnumbered paragraph before any heading is ``pre-p1``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from . import frontmatter
from .errors import PolicyError
from .frontmatter import FrontMatter
from .i18n import _
from .lines import split_lines
from .textfile import decode, read_bytes


class Kind(StrEnum):
    HEADING = "heading"
    CLAUSE = "clause"
    ITEM = "item"  # a numbered sub-item "1)"
    BULLET = "bullet"
    PARAGRAPH = "paragraph"
    COMMENT = "comment"
    BLANK = "blank"


HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
HEADING_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)*)\.?[ \t]+(\S.*)$")
MAX_CLAUSE_LEVELS = 12  # "2.3.1.4" has 4; deeper numbering is a mistake, and unbounded depth exhausts the stack
CLAUSE_RE = re.compile(r"^(\d+(?:\.\d+)*)\.(?:[ \t]+|$)")
ITEM_RE = re.compile(r"^(\d+)\)(?:[ \t]+|$)")
BULLET_RE = re.compile(r"^([ \t]*)([-*+•])(?:[ \t]+|$)")
COMMENT_START = "<!--"
COMMENT_END = "-->"
DEFINED_TERM_RE = re.compile(r"^\*\*([^*]+?)\*\*\s*[–—-]\s")


@dataclass
class Block:
    """A run of source lines that is one thing: a heading, a clause, a list item, ..."""

    kind: Kind
    lines: list[str]  # raw lines with their endings, exactly as in the file
    line: int  # 1-based line of the first line in the file
    marker: str = ""  # "##", "2.3.1.", "3)", "-" as written
    number: str | None = None  # "2.3.1" for clauses and numbered headings, "3" for sub-items
    level: int = 0  # heading level; indentation width for bullets
    eid: str = ""
    parent: str = ""  # eid of the clause or section this block belongs to
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The content without its marker, lines joined by single spaces.

        Cached (by hand: functools.cached_property takes a lock on every read in 3.11):
        every rule of the checker reads it, and a block's lines are final once ``tokenize``
        has returned it (nothing reads ``text`` while lines are appended).
        """
        if self._text is None:
            self._text = self._joined()
        return self._text

    def _joined(self) -> str:
        first = self.lines[0]
        if self.kind is Kind.HEADING:
            m = HEADING_RE.match(first.rstrip("\r\n"))
            first = m.group(2) if m else first
        elif self.marker:
            first = first.lstrip()[len(self.marker) :]
        if len(self.lines) == 1:  # most blocks: one line
            return first.strip()
        parts = [first, *self.lines[1:]]
        return " ".join(p.strip() for p in parts if p.strip())

    @property
    def end_line(self) -> int:
        return self.line + len(self.lines) - 1


@dataclass
class Clause:
    number: str
    eid: str
    block: Block
    children: list[Clause] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)  # items, bullets, paragraphs

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def line(self) -> int:
        return self.block.line

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1


@dataclass
class Section:
    number: str | None
    eid: str
    heading: Block | None  # None for the preamble before the first heading
    clauses: list[Clause] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)  # unnumbered blocks before its first clause
    sequence: int = 0  # 0: the main text; 1, 2, ...: each numbering that starts again (an appendix)

    @property
    def title(self) -> str:
        if self.heading is None:
            return ""
        m = HEADING_NUMBER_RE.match(self.heading.text)
        return m.group(2) if m and self.number else self.heading.text


@dataclass(frozen=True)
class DefinedTerm:
    term: str
    eid: str
    line: int


@dataclass
class Document:
    path: Path
    front: FrontMatter
    blocks: list[Block]
    sections: list[Section]
    title_block: Block | None
    defined_terms: list[DefinedTerm]
    bom: bool = False
    #: (sha256, length, may link) of the text, worked out once: a parsed document is never changed
    #: in place (an edit makes a new text, parsed again), and a build keys both its PDF and its Word
    #: file by it. The text itself is not kept: it would double a document's memory.
    _facts: tuple[str, int, bool] | None = field(default=None, init=False, repr=False, compare=False)

    # --- identity -----------------------------------------------------------------
    @property
    def doc_id(self) -> str:
        return self.front.doc_id

    @property
    def lang(self) -> str:
        return self.front.lang

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def meta(self) -> dict[str, Any]:
        return self.front.data

    # --- structure ----------------------------------------------------------------
    def clauses(self) -> Iterator[Clause]:
        """Every clause, depth first, in document order."""

        def walk(clauses: list[Clause]) -> Iterator[Clause]:
            for clause in clauses:
                yield clause
                yield from walk(clause.children)

        for section in self.sections:
            yield from walk(section.clauses)

    def content_blocks(self) -> Iterator[Block]:
        """Blocks a reader sees (no blank lines, no comments), in document order."""
        return (b for b in self.blocks if b.kind not in (Kind.BLANK, Kind.COMMENT))

    def by_eid(self) -> dict[str, Block]:
        return {b.eid: b for b in self.content_blocks() if b.eid}

    def comments_for(self, block: Block) -> list[Block]:
        """Comments standing directly before ``block`` (only blank lines between)."""
        idx = self.blocks.index(block)
        found: list[Block] = []
        for prev in reversed(self.blocks[:idx]):
            if prev.kind is Kind.COMMENT:
                found.append(prev)
            elif prev.kind is not Kind.BLANK:
                break
        return list(reversed(found))

    def render(self) -> str:
        """The file's text; identical to the parsed text when nothing was changed."""
        return ("\ufeff" if self.bom else "") + self.front.raw + "".join("".join(b.lines) for b in self.blocks)

    def _text_facts(self) -> tuple[str, int, bool]:
        if self._facts is None:
            text = self.render()
            self._facts = (hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text), "[" in text or "<" in text)
        return self._facts

    def sha256(self) -> str:
        """sha256 of the file's text (UTF-8): what the PDF and Word caches key a document's text by."""
        return self._text_facts()[0]

    def size(self) -> int:
        """How many characters the text has (the longest PDFs are rendered first)."""
        return self._text_facts()[1]

    def may_link(self) -> bool:
        """False when the text has no '[' and no '<': Markdown then makes no link and no image."""
        return self._text_facts()[2]


# --- parsing ----------------------------------------------------------------------


def tokenize(body: str, first_line: int = 1) -> list[Block]:
    """Cut the body into blocks; every line lands in exactly one block."""
    blocks: list[Block] = []
    open_block: Block | None = None  # a block that may take continuation lines
    in_comment: Block | None = None
    for offset, raw in enumerate(split_lines(body, keepends=True)):
        lineno = first_line + offset
        line = raw.rstrip("\r\n")
        if in_comment is not None:
            in_comment.lines.append(raw)
            if COMMENT_END in line:
                in_comment = None
            continue
        if not line.strip():
            if blocks and blocks[-1].kind is Kind.BLANK:
                blocks[-1].lines.append(raw)
            else:
                blocks.append(Block(Kind.BLANK, [raw], lineno))
            open_block = None
            continue
        stripped = line.lstrip()
        if stripped.startswith(COMMENT_START):
            block = Block(Kind.COMMENT, [raw], lineno)
            blocks.append(block)
            if COMMENT_END not in stripped[len(COMMENT_START) :]:
                in_comment = block
            open_block = None
            continue
        started = _start_block(raw, line, lineno)
        if started is None:
            if open_block is not None:
                open_block.lines.append(raw)
                continue
            started = Block(Kind.PARAGRAPH, [raw], lineno)
        block = started
        blocks.append(block)
        open_block = None if block.kind is Kind.HEADING else block
    return blocks


_MAY_START = frozenset("#-*+• \t")  # with digits (any script, as \d), the first characters the patterns below match


def _start_block(raw: str, line: str, lineno: int) -> Block | None:
    """The block a line starts, or None when it only continues the previous block."""
    head = line[:1]
    if head not in _MAY_START and not head.isdigit():  # a letter, a quote, ...: continues or starts a paragraph
        return None
    if m := HEADING_RE.match(line):
        return Block(Kind.HEADING, [raw], lineno, marker=m.group(1), level=len(m.group(1)))
    if m := CLAUSE_RE.match(line):
        return Block(Kind.CLAUSE, [raw], lineno, marker=m.group(0).strip(), number=m.group(1))
    if m := ITEM_RE.match(line):
        return Block(Kind.ITEM, [raw], lineno, marker=m.group(0).strip(), number=m.group(1))
    if m := BULLET_RE.match(line):
        return Block(Kind.BULLET, [raw], lineno, marker=m.group(2), level=len(m.group(1).expandtabs(4)))
    return None


def _dashed(number: str) -> str:
    return number.replace(".", "-")


def _starts_sequence(number: str, numbered_before: bool, after: Block | None) -> bool:
    """Section "1" again, after a line of its own that is not a clause: an appendix numbered anew.

    Contracts and offers number each appendix from 1 ("Приложение 1 к договору", then "1.",
    "1.1"); that is a new sequence, not a duplicate. A "1" that follows the clauses of the
    previous section directly, with no title between, is still reported as a duplicate.
    """
    return (
        numbered_before
        and number == "1"
        and after is not None
        and (after.kind is Kind.PARAGRAPH or (after.kind is Kind.HEADING and not after.number))
    )


def build(path: Path, front: FrontMatter, blocks: list[Block], bom: bool = False) -> Document:
    """Assemble sections, clauses and eIds from the blocks."""
    sections: list[Section] = []
    used: set[str] = set()

    def unique(eid: str) -> str:
        if eid not in used:
            used.add(eid)
            return eid
        n = 2
        while f"{eid}--{n}" in used:
            n += 1
        used.add(f"{eid}--{n}")
        return f"{eid}--{n}"

    counters: dict[tuple[str, Kind], int] = {}

    def child_eid(parent: str, block: Block) -> str:
        if block.kind is Kind.ITEM:
            return unique(f"{parent}-i{block.number}")
        key = (parent, block.kind)
        counters[key] = counters.get(key, 0) + 1
        letter = "b" if block.kind is Kind.BULLET else "p"
        return unique(f"{parent}-{letter}{counters[key]}")

    title_block: Block | None = None
    section = Section(None, unique("pre"), None)
    sections.append(section)
    stack: list[Clause] = []
    unnumbered = 0
    terms: list[DefinedTerm] = []
    sequence = 0
    numbered_before = False  # a numbered section has been seen in this sequence
    previous: Block | None = None  # the last block that is neither blank nor a comment

    for block in blocks:
        if block.kind in (Kind.BLANK, Kind.COMMENT):
            continue
        after, previous = previous, block
        if block.kind is Kind.HEADING:
            if block.level == 1 and title_block is None and len(sections) == 1 and not section.clauses:
                title_block = block
                block.eid = unique("title")
                block.parent = section.eid
                continue
            m = HEADING_NUMBER_RE.match(block.text)
            number = m.group(1) if m else None
            block.number = number
            if number and _starts_sequence(number, numbered_before, after):
                sequence += 1
            numbered_before = numbered_before or bool(number)
            if number:
                eid = unique(f"sec-{_dashed(number)}")
            else:
                unnumbered += 1
                eid = unique(f"sec-x{unnumbered}")
            block.eid = eid
            section = Section(number, eid, block, sequence=sequence)
            sections.append(section)
            stack = []
            continue
        if block.kind is Kind.CLAUSE:
            number = block.number or ""
            if number.count(".") >= MAX_CLAUSE_LEVELS:
                raise PolicyError(
                    _("the clause number '{number}' has {levels} levels; policydocs supports at most {most}").format(
                        number=number[:40] + ("…" if len(number) > 40 else ""),
                        levels=number.count(".") + 1,
                        most=MAX_CLAUSE_LEVELS,
                    ),
                    path,
                    block.line,
                )
            while stack and not number.startswith(stack[-1].number + "."):
                stack.pop()
            block.eid = unique(f"cl-{_dashed(number)}")
            clause = Clause(number, block.eid, block)
            if stack:
                block.parent = stack[-1].eid
                stack[-1].children.append(clause)
            else:
                block.parent = section.eid
                section.clauses.append(clause)
            stack.append(clause)
            _collect_term(block, terms)
            continue
        # items, bullets and paragraphs belong to the innermost open clause, else the section
        if stack:
            owner_eid = stack[-1].eid
            stack[-1].content.append(block)
        else:
            owner_eid = section.eid
            section.content.append(block)
        block.parent = owner_eid
        block.eid = child_eid(owner_eid, block)
        if block.kind is Kind.PARAGRAPH:
            _collect_term(block, terms)

    if sections[0].heading is None and not sections[0].clauses and not sections[0].content and len(sections) > 1:
        sections.pop(0)
    return Document(path, front, blocks, sections, title_block, terms, bom)


def _collect_term(block: Block, terms: list[DefinedTerm]) -> None:
    if "**" in block.lines[0] and (m := DEFINED_TERM_RE.match(block.text)):
        terms.append(DefinedTerm(m.group(1).strip(), block.eid, block.line))


def parse_text(text: str, path: Path | str = "<text>") -> Document:
    """Parse a policy's text; raises PolicyError naming file and line on bad input."""
    path = Path(path)
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    if not text.strip():
        raise PolicyError(_("file is empty"), path)
    front, body = frontmatter.split(text, path)
    blocks = tokenize(body, front.body_line)
    return build(path, front, blocks, bom)


def parse_file(path: Path) -> Document:
    return parse_bytes(read_bytes(Path(path)), path)


def parse_bytes(data: bytes, path: Path) -> Document:
    """A policy from the bytes of its file (what ``parse_file`` read; a caller that already has them)."""
    decoded = decode(data, path)
    text = ("\ufeff" if decoded.bom else "") + decoded.text
    return parse_text(text, path)


def write_file(doc: Document, path: Path | None = None) -> None:
    """Write atomically: a reader never sees a half-written policy."""
    from .fsutil import atomic_write_text

    atomic_write_text(path or doc.path, doc.render())
