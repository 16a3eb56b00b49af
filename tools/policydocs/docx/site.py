"""The site's Word documents: every policy, every version and every redline, cached like the PDFs.

What is written (paths from ``SiteModel.docx`` / ``version_docx``, i.e. the PDFs' pattern):
the text each policy page shows (the version in force, else the pending one, else the
draft; under ``mkdocs serve`` the draft), every published version at its permanent path,
and each version's tracked-changes redline against the one before. A file is rebuilt only
when its inputs change: the key is the sha256 of the frozen text (or the draft's text),
the edition, this package's code and the versions of python-docx and lxml, kept in the
PDFs' cache (``pdf.cache.PdfCache``, here with ``.docx`` objects). A cached file enters the
site as a hard link to its (verified) cache object, so a warm build copies no bytes.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path
from typing import Callable

from ..fsutil import atomic_write_bytes
from ..i18n import _
from ..pdf.cache import PdfCache, cache_key


@dataclass(frozen=True)
class DocxEntry:
    path: str  # site-relative
    sha256: str
    cached: bool


@lru_cache(maxsize=1)
def _toolchain() -> dict:
    """What the bytes depend on besides the text: the exporter's code and the libraries under it."""
    package = Path(__file__).resolve().parents[1]
    code = hashlib.sha256()
    for path in sorted([*Path(__file__).parent.glob("*.py"), package / "html.py", package / "standing.py",
                        package / "versions" / "redline.py", package / "site" / "strings.py", package / "site" / "history.py"]):
        code.update(path.name.encode() + b"\0" + path.read_bytes())
    versions = {}
    for name in ("python-docx", "lxml", "markdown", "diff-match-patch", "babel"):
        try:
            versions[name] = package_version(name)
        except PackageNotFoundError:
            versions[name] = "unknown"
    return {"code": code.hexdigest(), **versions}


def _place(stored: Path, target: Path, data: bytes) -> None:
    """Put a file into the site: a hard link to its verified cache object (no copy, appears whole
    at once), else an atomic write. Disk writes are most of a cached build's cost otherwise."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.link")
    try:
        temporary.unlink(missing_ok=True)
        os.link(stored, temporary)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        atomic_write_bytes(target, data)


def _document(doc, edition) -> bytes:
    from .document import document_docx  # loads python-docx: only when a file is not in the cache

    return document_docx(doc, edition)


def _redline(*args) -> bytes:
    from .redline import version_redline

    return version_redline(*args)


def build_site_docx(model, site_dir: Path, cache_dir: Path, serving: bool = False,
                    progress: Callable[[str], None] | None = None) -> list[DocxEntry]:
    """Write every Word document of the site into ``site_dir``; returns what was written."""
    from ..site import history as history_mod
    from .edition import Edition

    say = progress or (lambda _line: None)
    started = time.perf_counter()
    cache = PdfCache(cache_dir, suffix=".docx")
    common = _toolchain()
    entries: list[DocxEntry] = []

    def publish(path: str | None, key_parts: dict, make: Callable[[], bytes]) -> None:
        if path is None:
            return
        key = cache_key({**common, **key_parts})
        hit = cache.get(path, key)
        if hit is None:
            data = make()
            entry = cache.put(path, key, data, 0)
        else:
            data, entry = hit
        _place(cache.objects / f"{key}{cache.suffix}", site_dir / path, data)
        entries.append(DocxEntry(path, entry.sha256, hit is not None))

    def edition_of(version) -> Edition:
        return Edition(version.number, version.published, version.effective)

    def edition_key(version) -> list:
        return [version.number, version.published.isoformat(), version.effective.isoformat()]

    try:
        for doc_id, policy in sorted(model.policies.items()):
            history = model.histories.get(doc_id)
            shown = None if serving or history is None else (history.current or history.pending)
            for lang, draft in sorted(policy.languages.items()):
                if shown is not None and lang in shown.sha256:
                    publish(model.docx(doc_id, lang), {"text": shown.sha256[lang], "edition": edition_key(shown)},
                            lambda v=shown, l=lang: _document(history.document(v, l), edition_of(v)))
                else:
                    text = draft.render().encode("utf-8")
                    publish(model.docx(doc_id, lang), {"text": hashlib.sha256(text).hexdigest(), "edition": None},
                            lambda d=draft: _document(d, Edition(None, None, None)))
            if serving or history is None:
                continue
            for version in history.versions:
                previous = history.previous(version)
                for lang in version.languages:
                    path = model.version_docx(doc_id, version, lang)
                    publish(path, {"text": version.sha256[lang], "edition": edition_key(version)},
                            lambda v=version, l=lang: _document(history.document(v, l), edition_of(v)))
                    if previous is None or lang not in previous.sha256 or path is None:
                        continue
                    from .paths import changes_path

                    publish(changes_path(path),
                            {"redline": [previous.sha256[lang], version.sha256[lang]], "edition": edition_key(version),
                             "previous": previous.number},
                            lambda v=version, p=previous, l=lang: _redline(
                                history.document(p, l), history.document(v, l), p, v,
                                history_mod.redline_changes(history, v, l)))
    finally:
        cache.save()
    for line in cache.problems:
        say(line)
    built = sum(not e.cached for e in entries)
    say(_("Word: {built} built, {cached} cached in {seconds} s").format(
        built=built, cached=len(entries) - built, seconds=f"{time.perf_counter() - started:.2f}"))
    return entries
