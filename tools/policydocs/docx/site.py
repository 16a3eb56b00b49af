"""The site's Word documents: every policy, every version and every redline, cached like the PDFs.

What is written (paths from ``SiteModel.docx`` / ``version_docx``, i.e. the PDFs' pattern):
the text each policy page shows (the version in force, else the pending one, else the
draft; under ``mkdocs serve`` the draft), every published version at its permanent path,
and each version's tracked-changes redline against the one before. A file is rebuilt only
when its inputs change: the key is the sha256 of the frozen text (or the draft's text),
the edition, this package's code and the versions of python-docx and lxml, kept in the
PDFs' cache (``outputcache.OutputCache``, here with ``.docx`` objects; ``mkdocs serve``, which shows
drafts, in a namespace of its own so that it does not evict the build's files). Deciding that a
file is cached reads no version and renders nothing; a cached file enters the site as a hard link
to its (verified) cache object, so a warm build copies no bytes.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from ..errors import PolicyError
from ..i18n import _
from ..outputcache import BUILD, SERVE, OutputCache, cache_key
from ..pools import pool_context
from ..publication import history as history_mod
from ..publication.model import Publication
from ..publication.urls import docx_changes_path
from .edition import Edition


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
    for path in sorted(
        [
            *Path(__file__).parent.glob("*.py"),
            package / "html.py",
            package / "standing.py",
            package / "versions" / "redline.py",
            package / "publication" / "words.py",
            package / "publication" / "dates.py",
            package / "publication" / "history.py",
            package / "languages.py",
            # the words: the compiled ``site`` catalogs (a translator's fix builds the file again)
            *(package / "i18n" / "locale" / lang / "LC_MESSAGES" / "site.mo" for lang in ("ru", "kk")),
        ]
    ):
        code.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    versions = {}
    for name in ("python-docx", "lxml", "markdown", "diff-match-patch", "babel"):
        try:
            versions[name] = package_version(name)
        except PackageNotFoundError:
            versions[name] = "unknown"
    return {"code": code.hexdigest(), **versions}


def _document(doc, edition) -> bytes:
    from .document import document_docx  # loads python-docx: only when a file is not in the cache

    return document_docx(doc, edition)


def _redline(*args) -> bytes:
    from .redline import version_redline

    return version_redline(*args)


def _call(work: tuple) -> bytes | tuple:
    """Run one export in a worker; a PolicyError comes back as data (its file and line survive)."""
    make, args = work
    try:
        return make(*args)
    except PolicyError as exc:
        return (exc.message, exc.path, exc.line)


def _make_all(work: list[tuple], jobs: int | None) -> list[bytes]:
    """Every missing file's bytes, in order: over ``jobs`` processes (default: the cores) when several are missing.

    Each export depends only on its arguments, so the bytes are those of one process.
    """
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if workers == 1:
        results = [_call(w) for w in work]
    else:
        context = pool_context()
        if context.get_start_method() == "fork":  # python-docx loaded once, before the workers fork
            for module in ("document", "redline"):
                importlib.import_module(f"{__package__}.{module}")

        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(_call, work, chunksize=max(1, len(work) // (workers * 4))))
    for result in results:
        if isinstance(result, tuple):
            raise PolicyError(*result)
    return results


def build_site_docx(
    model: Publication,
    site_dir: Path,
    cache_dir: Path,
    serving: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> list[DocxEntry]:
    """Write every Word document of the site into ``site_dir``; returns what was written.

    Whether a file is cached is decided from its key alone; the missing ones are made in
    ``jobs`` processes (default: the number of cores).
    """
    say = progress or (lambda _line: None)
    started = time.perf_counter()
    cache = OutputCache(cache_dir, suffix=".docx", namespace=SERVE if serving else BUILD)
    common = _toolchain()
    entries: list[DocxEntry | None] = []
    missing: list[tuple[int, str, str, Callable, Callable[[], tuple]]] = []  # place, path, key, export, its arguments

    def publish(path: str | None, key_parts: dict, make: Callable, args: Callable[[], tuple]) -> None:
        if path is None:
            return
        key = cache_key({**common, **key_parts})
        hit = cache.get(path, key)
        if hit is None:
            missing.append((len(entries), path, key, make, args))
            entries.append(None)
            return
        data, entry = hit
        cache.place(key, site_dir / path, data)
        entries.append(DocxEntry(path, entry.sha256, True))

    def edition_of(version) -> Edition:
        return Edition(version.number, version.published, version.effective)

    def edition_key(version) -> list:
        return [version.number, version.published.isoformat(), version.effective.isoformat()]

    try:
        for doc_id, policy in sorted(model.policies.items()):
            history = model.histories.get(doc_id)
            shown = None if serving or history is None else history.shown
            for lang, draft in sorted(policy.languages.items()):
                if shown is not None and lang in shown.sha256:
                    publish(
                        model.docx(doc_id, lang),
                        {"text": shown.sha256[lang], "edition": edition_key(shown)},
                        _document,
                        lambda h=history, v=shown, l=lang: (h.document(v, l), edition_of(v)),
                    )
                else:
                    publish(
                        model.docx(doc_id, lang),
                        {"text": draft.sha256(), "edition": None},
                        _document,
                        lambda d=draft: (d, Edition(None, None, None)),
                    )
            if serving or history is None:
                continue
            for version in history.versions:
                previous = history.previous(version)
                for lang in version.languages:
                    path = model.version_docx(doc_id, version, lang)
                    publish(
                        path,
                        {"text": version.sha256[lang], "edition": edition_key(version)},
                        _document,
                        lambda h=history, v=version, l=lang: (h.document(v, l), edition_of(v)),
                    )
                    if previous is None or lang not in previous.sha256 or path is None:
                        continue
                    publish(
                        docx_changes_path(path),
                        {
                            "redline": [previous.sha256[lang], version.sha256[lang]],
                            "edition": edition_key(version),
                            "previous": previous.number,
                        },
                        _redline,
                        lambda h=history, v=version, p=previous, l=lang: (
                            h.document(p, l),
                            h.document(v, l),
                            p,
                            v,
                            history_mod.redline_changes(h, v, l),
                        ),
                    )
        if missing:
            made = _make_all([(make, args()) for *_where, make, args in missing], jobs)
            for (place, path, key, *_how), data in zip(missing, made):
                entry = cache.put(path, key, data, 0)
                cache.place(key, site_dir / path, data)
                entries[place] = DocxEntry(path, entry.sha256, False)
    finally:
        cache.save()
    for line in cache.problems:
        say(line)
    written = [e for e in entries if e is not None]
    built = sum(not e.cached for e in written)
    say(
        _("Word: {built} built, {cached} cached in {seconds} s").format(
            built=built, cached=len(written) - built, seconds=f"{time.perf_counter() - started:.2f}"
        )
    )
    return written
