"""The PDF cache: a rebuild with nothing changed renders no PDF.

An entry's key is the sha256 of everything that affects the bytes (the page's HTML, the
stylesheet, the font files, the images it shows, the PDF options, SOURCE_DATE_EPOCH and
the versions of WeasyPrint and its PDF and font libraries). ``manifest.json`` maps each
output path to its key, sha256 and page count; the PDFs themselves are stored by key.
A cached PDF whose bytes no longer match the manifest's sha256 (a truncated or edited
file) is ignored and rendered again, and the manifest is written atomically.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..fsutil import atomic_write_bytes, atomic_write_text
from ..i18n import _

FORMAT = 1
MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    return sha256(Path(path).read_bytes())


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def toolchain() -> dict[str, str]:
    """Versions of the libraries whose output ends up in the PDF bytes (looked up once per process)."""
    return {name: _version(name) for name in ("policydocs", "weasyprint", "pydyf", "fonttools", "tinycss2", "tinyhtml5")}


def cache_key(parts: dict) -> str:
    """A stable hash of a JSON-able description of one PDF's inputs."""
    return sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


@dataclass(frozen=True)
class Entry:
    key: str
    sha256: str
    pages: int
    size: int


class PdfCache:
    """Cached PDFs under ``cache_dir``: ``manifest.json`` and ``objects/<key>.pdf``.

    ``suffix`` lets other built files (the Word documents, ``.docx``) share the mechanism.
    """

    def __init__(self, cache_dir: Path, suffix: str = ".pdf"):
        self.dir = Path(cache_dir)
        self.suffix = suffix
        self.objects = self.dir / "objects"
        self.entries: dict[str, Entry] = {}
        self.problems: list[str] = []  # what was found broken and will be rebuilt
        self._changed = False  # a build that took everything from the cache leaves the manifest alone
        self._load()

    def _load(self) -> None:
        path = self.dir / MANIFEST
        if not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return
            self.entries = {p: Entry(**e) for p, e in data["entries"].items()}
        except (ValueError, TypeError, KeyError, AttributeError):
            self.problems.append(_("{path}: the PDF cache manifest is damaged; every PDF is rendered again").format(
                path=path))
            self.entries = {}

    def get(self, out_path: str, key: str) -> tuple[bytes, Entry] | None:
        """The cached PDF for ``out_path`` if it was built from the same inputs and is intact."""
        entry = self.entries.get(out_path)
        if entry is None or entry.key != key:
            return None
        obj = self.objects / f"{key}{self.suffix}"
        try:
            data = obj.read_bytes()
        except OSError:
            self.problems.append(_("{path}: cached PDF for {pdf} is missing; rendering it again").format(
                path=obj, pdf=out_path))
            return None
        if len(data) != entry.size or sha256(data) != entry.sha256:
            self.problems.append(_("{path}: cached PDF for {pdf} is damaged; rendering it again").format(
                path=obj, pdf=out_path))
            return None
        return data, entry

    def put(self, out_path: str, key: str, data: bytes, pages: int) -> Entry:
        entry = Entry(key, sha256(data), pages, len(data))
        atomic_write_bytes(self.objects / f"{key}{self.suffix}", data)
        self.entries[out_path] = entry
        self._changed = True
        return entry

    def save(self) -> None:
        """Write the manifest and drop stored PDFs that no output path uses any more."""
        if not self._changed and (self.dir / MANIFEST).exists() and not self.problems:
            return
        body = {"format": FORMAT, "entries": {p: e.__dict__ for p, e in sorted(self.entries.items())}}
        atomic_write_text(self.dir / MANIFEST, json.dumps(body, indent=1, ensure_ascii=False) + "\n")
        used = {f"{e.key}{self.suffix}" for e in self.entries.values()}
        if self.objects.is_dir():
            for obj in self.objects.iterdir():
                if obj.name not in used:
                    obj.unlink(missing_ok=True)
