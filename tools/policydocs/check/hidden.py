"""Characters a reader cannot see but that change what a text says or where it seems to say it.

Bidirectional controls reorder what is displayed (a "Trojan Source" text shows one amount
and holds another), zero-width characters split or join words invisibly (search, the
glossary and the checker's own rules then miss them) and control characters are not
text at all. They are reported anywhere in a policy file, the header included, with line
and column and the character's Unicode name, so that a lawyer can find and delete it.
"""

from __future__ import annotations

import re
import unicodedata

from ..lines import line_and_column

# tab, line feed and carriage return are the only control characters a text file needs
INVISIBLE_RE = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x1C: "FILE SEPARATOR",
    0x1D: "GROUP SEPARATOR",
    0x1E: "RECORD SEPARATOR",
    0x1F: "UNIT SEPARATOR",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
MAX_REPORTED = 20  # per file: a file full of them needs one look, not a thousand lines


def name(ch: str) -> str:
    """'RIGHT-TO-LEFT OVERRIDE', 'FORM FEED', 'CONTROL CHARACTER U+0001'."""
    return unicodedata.name(ch, None) or _CONTROL_NAMES.get(ord(ch)) or f"CONTROL CHARACTER U+{ord(ch):04X}"


def find(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, name, code) of each invisible character in a file's text (without its leading BOM)."""
    out = []
    for m in INVISIBLE_RE.finditer(text):
        line, column = line_and_column(text, m.start())
        ch = m.group(0)
        out.append((line, column, name(ch), f"U+{ord(ch):04X}"))
        if len(out) >= MAX_REPORTED:
            break
    return out
