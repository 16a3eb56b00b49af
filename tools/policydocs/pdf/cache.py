"""What a PDF's bytes depend on besides its inputs: the versions of the libraries that write it.

The cache itself (shared with the Word documents) is ``outputcache.py``; a key is made in ``keys.py``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


#: Libraries whose output ends up in the bytes: the PDF writer and its font and CSS parsers, and
#: what turns the text into the page (Markdown, Babel's dates, the redline diff).
TOOLCHAIN = (
    "policydocs",
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "tinyhtml5",
    "cssselect2",
    "pyphen",
    "markdown",
    "babel",
    "diff-match-patch",
)


@lru_cache(maxsize=1)
def toolchain() -> dict[str, str]:
    """Versions of the libraries whose output ends up in the PDF bytes (looked up once per process)."""
    return {name: _version(name) for name in TOOLCHAIN}
