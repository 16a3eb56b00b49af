"""Lines as editors and ``file:line`` count them: only ``\\n``, ``\\r\\n`` and ``\\r`` end a line.

Python's ``str.splitlines`` also breaks at U+2028, U+2029, U+0085, form feed, vertical tab
and the file/group/record separators; a policy pasted from Word or a web page may hold
those, and every line number after one would then be wrong. Everything that numbers the
lines of a policy file splits them here.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines would also break


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """Like ``text.splitlines(keepends)``, but breaking only at ``\\n``, ``\\r\\n`` and ``\\r``."""
    if not any(ch in text for ch in _OTHER_BREAKS):  # nearly every file: str.splitlines gives the same lines
        return text.splitlines(keepends)
    if keepends:
        return _LINE.findall(text)
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    head = text[:offset]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, offset - start + 1
