"""What every input format hands the import pipeline: lines of text, each with its place in the source.

A Word file, a PDF, a web page and a pasted text all become an ``Extracted``: the policy's
lines in reading order (clause numbers written out, bold terms as ``**Term**``, bullets as
``- ``), what was deliberately left out (running headers, page numbers, a site's menu),
and the guesses the format made. The rest of the pipeline (language split, repairs,
classification, verification) never learns which kind of file it came from; a location
("page 3, line 12", "paragraph 14", "line 7") is only used to tell the user where to look.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceLine:
    text: str
    where: str  # "12" for a text file's line; "paragraph 14", "page 3, line 12" for the others


@dataclass(frozen=True)
class Leftover:
    """A piece of the source that is not policy text and was left out on purpose."""

    where: str
    kind: str  # running header, page number, navigation, cookie banner, page furniture, ...
    text: str


@dataclass(frozen=True)
class Note:
    """A guess a format made while reading (a footnote kept, a hyphenated word joined)."""

    where: str
    kind: str
    message: str


@dataclass
class Extracted:
    kind: str  # text, docx, pdf, html
    lines: list[SourceLine] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    encoding: str = "utf-8"

    def add(self, text: str, where: str) -> None:
        self.lines.append(SourceLine(text, where))

    def where(self, line: int) -> str:
        """The source location of the pipeline's 1-based ``line``."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].where
        return str(line)
