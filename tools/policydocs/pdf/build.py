"""Build every document's PDF: check, look up the cache, render the rest in parallel, publish.

Order of work, so that a failure never leaves a stale or truncated PDF at a fixed URL:
every document is checked (links, images, fonts) before anything is rendered; each PDF
is written with an atomic rename; a document whose PDF could not be built has its old
PDF removed from the output, and the first problem is raised as a PolicyError naming
its file once the others are done.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from ..document import Document
from ..errors import PolicyError
from ..i18n import _
from ..fsutil import atomic_write_bytes
from .cache import PdfCache, cache_key, file_sha256, sha256, toolchain
from .paths import DEFAULT_PATTERN, check_pattern, pdf_path
from .render import FONT_FILES, FONTS_DIR, PDF_OPTIONS, STYLESHEET, RenderJob, render
from .safety import check_document, docs_root
from .template import Header, header_for, page_html

#: SOURCE_DATE_EPOCH for documents without a date: 2020-01-01T00:00:00Z.
FIXED_EPOCH = 1577836800


@dataclass(frozen=True)
class PdfEntry:
    """One PDF written to the site."""

    doc_id: str
    lang: str
    source: str  # the Markdown file
    path: str  # site-relative, e.g. smartaqkol/docs/privacyru.pdf
    sha256: str
    pages: int
    size: int
    cached: bool  # True: copied from the cache; False: rendered by this build
    also: tuple[str, ...] = ()  # permanent per-version copies with the same bytes


@dataclass
class BuildReport:
    """What a PDF build did, per document and in total."""

    entries: list[PdfEntry] = field(default_factory=list)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # cache entries found broken and rebuilt

    @property
    def rendered(self) -> int:
        return sum(not e.cached for e in self.entries)

    @property
    def cached(self) -> int:
        return sum(e.cached for e in self.entries)

    @property
    def pages(self) -> int:
        return sum(e.pages for e in self.entries)

    def by_path(self) -> dict[str, PdfEntry]:
        return {e.path: e for e in self.entries}


@dataclass
class _Plan:
    doc: Document
    header: Header
    path: str
    also: tuple[str, ...]
    key: str
    job: RenderJob


def epoch_for(header: Header) -> int:
    """SOURCE_DATE_EPOCH: the document's date at midnight UTC, else a fixed moment."""
    if header.date is None:
        return FIXED_EPOCH
    return int(dt.datetime(header.date.year, header.date.month, header.date.day, tzinfo=dt.timezone.utc).timestamp())


def _extra_for(extra: dict | None, doc: Document) -> dict:
    """Header data the site knows: ``extra[doc_id]`` overridden by ``extra[(doc_id, lang)]``."""
    if not extra:
        return {}
    merged: dict = {}
    merged.update(extra.get(doc.doc_id) or {})
    merged.update(extra.get((doc.doc_id, doc.lang)) or {})
    return merged


def _fonts() -> dict[str, str]:
    fonts = {}
    for name in FONT_FILES:
        path = FONTS_DIR / name
        if not path.is_file():
            raise PolicyError(_("a font file the PDFs need is missing; reinstall policydocs"), path)
        stat = path.stat()
        fonts[name] = _font_sha256(path, stat.st_mtime_ns, stat.st_size)
    return fonts


@lru_cache(maxsize=64)
def _font_sha256(path: Path, mtime_ns: int, size: int) -> str:
    """A font's hash, read again only when the file changes (several builds share a process in serve)."""
    return file_sha256(path)


def plan(documents: Iterable[Document], pattern: str, extra: dict | None, out_dir: Path | None = None) -> list[_Plan]:
    """Check every document and compute its page, output paths and cache key; render nothing.

    A document that fails its checks has its old PDF removed from ``out_dir`` first.
    """
    check_pattern(pattern)
    common = {
        "toolchain": toolchain(),
        "options": PDF_OPTIONS,
        "css": file_sha256(STYLESHEET),
        "fonts": _fonts(),
    }
    plans: list[_Plan] = []
    seen: dict[str, Document] = {}
    for doc in documents:
        root = docs_root(doc)
        try:
            images = check_document(doc, (root,))
        except PolicyError:
            if out_dir is not None:
                (out_dir / pdf_path(doc.doc_id, doc.lang, pattern)).unlink(missing_ok=True)
            raise
        data = _extra_for(extra, doc)
        header = header_for(doc, data)
        path = pdf_path(doc.doc_id, doc.lang, pattern)
        also = ()
        if data.get("permanent") and header.version is not None:
            also = (pdf_path(doc.doc_id, doc.lang, pattern, version=header.version),)
        for p in (path, *also):
            if p in seen:
                raise PolicyError(_("its PDF path {pdf} is also the PDF of {path}; check the PDF path pattern").format(
                    pdf=p, path=seen[p].path), doc.path)
            seen[p] = doc
        html = page_html(doc, header)
        epoch = epoch_for(header)
        key = cache_key({
            **common,
            "html": sha256(html.encode("utf-8")),
            "epoch": epoch,
            # images by content; their place relative to the document is already in the HTML
            "images": sorted(file_sha256(p) for p in images),
        })
        job = RenderJob(html, doc.path.resolve().parent.as_uri() + "/", (str(root),), epoch, str(doc.path))
        plans.append(_Plan(doc, header, path, also, key, job))
    return plans


def _publish(out_dir: Path, plan_: _Plan, data: bytes) -> None:
    for rel in (plan_.path, *plan_.also):
        atomic_write_bytes(out_dir / rel, data)


def _withdraw(out_dir: Path, plan_: _Plan) -> None:
    """Remove an old PDF that no longer matches its text, so no stale file stays published."""
    for rel in (plan_.path, *plan_.also):
        (out_dir / rel).unlink(missing_ok=True)


def _pool_context():
    """Fork (fast: workers inherit the loaded WeasyPrint) unless threads run, e.g. under ``mkdocs serve``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def build_pdfs(
    documents: Iterable[Document],
    out_dir: Path,
    *,
    pattern: str = DEFAULT_PATTERN,
    cache_dir: Path,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    extra: dict | None = None,
) -> BuildReport:
    """Write each document's PDF under ``out_dir`` at ``pdf_path(doc_id, lang, pattern)``.

    ``cache_dir`` holds rendered PDFs and ``manifest.json``; a document whose inputs did
    not change is copied from there instead of rendered. ``jobs`` is the number of
    rendering processes (default: the number of cores). ``progress`` receives one line per
    rendered PDF and a summary. ``extra`` maps a doc id, or a ``(doc_id, lang)`` pair, to
    header data the site knows: ``version`` (int), ``effective`` and ``date`` (dates);
    with ``permanent: True`` and a version, the PDF is also written to its permanent
    per-version path. Without ``extra`` these come from the front matter fields
    ``version``, ``effective`` and ``date``, else the PDF says "draft".

    Raises PolicyError (file and line) for unsafe links or images, a missing font, or a
    document that cannot be laid out; PDFs of the failed documents are removed from
    ``out_dir`` rather than left stale.
    """
    started = time.perf_counter()
    say = progress or (lambda _line: None)
    out_dir = Path(out_dir)
    plans = plan(documents, pattern, extra, out_dir)
    cache = PdfCache(cache_dir)
    report = BuildReport()
    results: dict[int, PdfEntry] = {}
    errors: dict[int, PolicyError] = {}

    misses: list[int] = []
    for i, p in enumerate(plans):
        hit = cache.get(p.path, p.key)
        if hit is None:
            misses.append(i)
            continue
        data, entry = hit
        _publish(out_dir, p, data)
        results[i] = PdfEntry(p.doc.doc_id, p.doc.lang, str(p.doc.path), p.path, entry.sha256, entry.pages, entry.size, True, p.also)
    for line in cache.problems:
        say(line)

    # Longest documents first, so that no process is left with a long one at the end.
    misses.sort(key=lambda i: -len(plans[i].job.html))
    if misses:
        say(_("PDF: {cached} cached, rendering {count}").format(cached=len(plans) - len(misses), count=len(misses)))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(misses)))

    def finish(i: int, result) -> None:
        p = plans[i]
        done = len(results) + len(errors) + 1
        if result.error is not None:
            errors[i] = PolicyError(_("PDF not built: {error}").format(error=result.error), p.doc.path)
            _withdraw(out_dir, p)
            say(_("PDF [{done}/{total}] FAILED {path}: {error}").format(
                done=done, total=len(plans), path=p.path, error=result.error))
            return
        entry = cache.put(p.path, p.key, result.pdf, result.pages)
        _publish(out_dir, p, result.pdf)
        results[i] = PdfEntry(p.doc.doc_id, p.doc.lang, str(p.doc.path), p.path, entry.sha256, entry.pages, entry.size, False, p.also)
        say(_("PDF [{done}/{total}] {path}: {pages} pages in {seconds} s").format(
            done=done, total=len(plans), path=p.path, pages=result.pages, seconds=f"{result.seconds:.1f}"))

    try:
        if workers == 1:
            for i in misses:
                finish(i, render(plans[i].job))
        elif misses:
            with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
                futures = {pool.submit(render, plans[i].job): i for i in misses}
                for future in as_completed(futures):
                    finish(futures[future], future.result())
    finally:
        cache.save()

    report.entries = [results[i] for i in sorted(results)]
    report.problems = list(cache.problems)
    report.seconds = time.perf_counter() - started
    if errors:
        raise errors[min(errors)]
    say(_("PDF: {rendered} rendered, {cached} cached, {pages} pages in {seconds} s").format(
        rendered=report.rendered, cached=report.cached, pages=report.pages, seconds=f"{report.seconds:.1f}"))
    return report
