"""The cache of built files (PDFs, Word documents): a rebuild with nothing changed renders nothing.

Shared by the outputs (``pdf/``, ``docx/``), which are peers: neither imports the other's code.
An entry's key is the sha256 of the inputs of one output (for a PDF ``pdf/keys.py``: the document's
text, the header fields it shows, the template code, stylesheet, fonts, images and the
versions of the libraries under them), never of a rendered page, so deciding that a file is
cached renders nothing. ``manifest.json`` maps each output path to its key, sha256 and page
count, per namespace: ``mkdocs build`` shows published texts and ``mkdocs serve`` drafts, so
each keeps its own entries and neither evicts the other's (one entry per path and namespace
bounds the cache). The files themselves are stored once by key. A cached file whose bytes no
longer match the manifest's sha256 (a truncated or edited file) is ignored and rendered again,
and the manifest is written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import PolicyError
from .fsutil import atomic_write_bytes, atomic_write_text
from .i18n import _

FORMAT = 2
MANIFEST = "manifest.json"
#: The namespace of ``mkdocs build`` and ``policydocs pdf``; ``mkdocs serve`` uses ``"serve"``.
BUILD = "build"
SERVE = "serve"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    return sha256(Path(path).read_bytes())


def cache_key(parts: dict) -> str:
    """A stable hash of a JSON-able description of one output's inputs."""
    return sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


@dataclass(frozen=True)
class Entry:
    key: str
    sha256: str
    pages: int
    size: int
    #: [inode, size, mtime_ns] of the stored file when its bytes were last verified: while the file
    #: still has them, a warm build trusts it without reading it (as make and git trust a stat)
    stamp: list | None = None


def _stamp(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_ino, st.st_size, st.st_mtime_ns]


class OutputCache:
    """Cached files under ``cache_dir``: ``manifest.json`` and ``objects/<key><suffix>``.

    ``suffix`` lets other built files (the Word documents, ``.docx``) share the mechanism;
    ``namespace`` keeps the entries of ``mkdocs serve`` (drafts) apart from those of a build.
    """

    def __init__(self, cache_dir: Path, suffix: str = ".pdf", namespace: str = BUILD):
        self.dir = Path(cache_dir)
        self.suffix = suffix
        self.namespace = namespace
        self.objects = self.dir / "objects"
        self.spaces: dict[str, dict[str, Entry]] = {}
        self.problems: list[str] = []  # what was found broken and will be rebuilt
        self._changed = False  # a build that took everything from the cache leaves the manifest alone
        self._folders: set[Path] = set()  # the site's folders this cache has made sure of
        self._load()
        self.entries = self.spaces.setdefault(namespace, {})

    def _load(self) -> None:
        path = self.dir / MANIFEST
        if not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return  # an older cache: its keys were made differently; everything is rendered again
            self.spaces = {
                space: {p: Entry(**e) for p, e in entries.items()} for space, entries in data["entries"].items()
            }
        except (ValueError, TypeError, KeyError, AttributeError):
            self.problems.append(
                _("{path}: the PDF cache manifest is damaged; every PDF is rendered again").format(path=path)
            )
            self.spaces = {}

    def object(self, key: str) -> Path:
        return self.objects / f"{key}{self.suffix}"

    def get(self, out_path: str, key: str) -> tuple[bytes, Entry] | None:
        """The cached file for ``out_path`` if it was built from the same inputs and is intact."""
        entry = self.entries.get(out_path)
        if entry is None or entry.key != key:
            entry = self._elsewhere(out_path, key)
            if entry is None:
                return None
        obj = self.object(key)
        try:
            stamp = _stamp(obj)
            # unchanged since it was verified: not read again (``place`` links it; its bytes are read only
            # where a link cannot be made)
            data = None if entry.stamp == stamp else obj.read_bytes()
        except OSError:
            self.problems.append(
                _("{path}: cached PDF for {pdf} is missing; rendering it again").format(path=obj, pdf=out_path)
            )
            return None
        if data is not None:
            if len(data) != entry.size or sha256(data) != entry.sha256:
                self.problems.append(
                    _("{path}: cached PDF for {pdf} is damaged; rendering it again").format(path=obj, pdf=out_path)
                )
                return None
            entry = Entry(entry.key, entry.sha256, entry.pages, entry.size, stamp)
        if self.entries.get(out_path) != entry:
            self.entries[out_path] = entry
            self._changed = True
        return data, entry

    def _elsewhere(self, out_path: str, key: str) -> Entry | None:
        """The same output with the same key in another namespace (a draft served that equals the published text)."""
        for space, entries in self.spaces.items():
            entry = entries.get(out_path)
            if space != self.namespace and entry is not None and entry.key == key:
                return entry
        return None

    def put(self, out_path: str, key: str, data: bytes, pages: int) -> Entry:
        atomic_write_bytes(self.object(key), data)
        entry = Entry(key, sha256(data), pages, len(data), _stamp(self.object(key)))
        self.entries[out_path] = entry
        self._changed = True
        return entry

    def place(self, key: str, target: Path, data: bytes | None) -> None:
        """Put a verified cached file into the site: a hard link to its object (no copy, and it appears
        whole at once), else an atomic write. Writing every cached file anew is most of a warm build's
        cost otherwise; a build writes into a new folder, so the link is made straight at its place and
        only a file already there is replaced through a temporary link."""
        try:
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            try:
                os.link(self.object(key), target)
                return
            except FileExistsError:
                pass
            temporary = target.with_name(f".{target.name}.link")
            try:
                temporary.unlink(missing_ok=True)
                os.link(self.object(key), temporary)
                os.replace(temporary, target)
            finally:
                # renaming a link over another link to the same file does nothing (POSIX): the temporary stays
                temporary.unlink(missing_ok=True)
        except OSError:
            if data is None:
                try:
                    data = self.object(key).read_bytes()
                except OSError as exc:
                    raise PolicyError(
                        _(
                            "the cached file for {path} went missing while the site was built ({reason}); build again"
                        ).format(path=target.name, reason=exc.strerror or exc),
                        self.object(key),
                    ) from None
            atomic_write_bytes(target, data)  # a file where a folder should be is reported by it, with its path

    def save(self) -> None:
        """Write the manifest and drop stored files that no output path of any namespace uses any more."""
        if not self._changed and (self.dir / MANIFEST).exists() and not self.problems:
            return
        body = {
            "format": FORMAT,
            "entries": {
                space: {p: e.__dict__ for p, e in sorted(entries.items())}
                for space, entries in sorted(self.spaces.items())
                if entries
            },
        }
        atomic_write_text(self.dir / MANIFEST, json.dumps(body, indent=1, ensure_ascii=False) + "\n")
        used = {f"{e.key}{self.suffix}" for entries in self.spaces.values() for e in entries.values()}
        if self.objects.is_dir():
            for obj in self.objects.iterdir():
                if obj.name not in used and obj.name.endswith(self.suffix):
                    obj.unlink(missing_ok=True)
