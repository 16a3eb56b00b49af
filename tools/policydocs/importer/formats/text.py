"""Plain text (.txt, .md): UTF-8, UTF-16 with BOM or Windows-1251, one source line per line.

Mending what a copy from a PDF viewer or a browser did to the text is ``pasted.py``'s job;
this module only decodes and, for Markdown, sets aside a front matter block and drops
heading marks (the importer finds titles and sections itself).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...textfile import decode
from ..model import Extracted, Leftover
from ..pasted import mend

HEADING_MARK = re.compile(r"^#{1,6}[ \t]+")


def extract(data: bytes, path: Path | str, options=None) -> Extracted:
    decoded = decode(data, path, allow_cp1251=True)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = Extracted("text", encoding=decoded.encoding)
    start = 0
    if lines and lines[0].strip() == "---" and "---" in (ln.strip() for ln in lines[1:40]):
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        out.leftovers.append(Leftover("1", "front matter", " ".join(lines[1:end])[:80]))
        start = end + 1
    if start or Path(path).suffix.lower() in (".md", ".markdown"):
        # Markdown headings: the importer finds titles and sections itself ("# Title" would become "# # Title")
        lines = [HEADING_MARK.sub("", line) for line in lines]
    numbered = [(text, str(i + 1)) for i, text in enumerate(lines) if i >= start]
    return mend(numbered, out)
