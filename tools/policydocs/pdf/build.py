"""Build PDFs: check, look up the cache, render the rest in one pool of processes, publish.

Order of work, so that a failure never leaves a stale or truncated PDF at a fixed URL:
every document is checked (links, images, fonts) before anything is rendered; each PDF
is written with an atomic rename; a document whose PDF could not be built has its old
PDF removed from the output, and the first problem is raised as a PolicyError naming
its file once the others are done.

Whether a PDF is cached is decided from its inputs (``keys.py``); its page is made only
when it must be rendered. All PDFs of a build (the texts shown, every published version,
every redline) go to one pool, started once and only when something is to be rendered,
with WeasyPrint, the stylesheet and the fonts loaded before its workers fork.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import PolicyError
from ..i18n import _
from ..outputcache import BUILD, OutputCache
from ..pools import pool_context
from ..publication.urls import DEFAULT_PATTERN, check_pattern, pdf_path
from . import keys
from .render import RenderJob, preload, render
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
class PdfTask:
    """One PDF to write: where, its cache key, and how to make its page should it not be cached."""

    doc_id: str
    lang: str
    source: Path  # the file a message names
    path: str
    also: tuple[str, ...]
    key: str
    size: int  # how long the text is: the longest are rendered first
    make: Callable[[], RenderJob]  # called only on a cache miss
    redline: bool = False  # a redline PDF (how a failure is reported)


def epoch_for(header: Header) -> int:
    """SOURCE_DATE_EPOCH: the document's date at midnight UTC, else a fixed moment."""
    if header.date is None:
        return FIXED_EPOCH
    return int(dt.datetime(header.date.year, header.date.month, header.date.day, tzinfo=dt.UTC).timestamp())


def _extra_for(extra: dict | None, doc: Document) -> dict:
    """Header data the site knows: ``extra[doc_id]`` overridden by ``extra[(doc_id, lang)]``."""
    if not extra:
        return {}
    merged: dict = {}
    merged.update(extra.get(doc.doc_id) or {})
    merged.update(extra.get((doc.doc_id, doc.lang)) or {})
    return merged


def plan(
    documents: Iterable[Document],
    pattern: str,
    extra: dict | None,
    out_dir: Path | None = None,
    shared: dict | None = None,
    seen: dict[str, Path] | None = None,
) -> list[PdfTask]:
    """Check every document and compute its output paths and cache key; render nothing.

    A document that fails its checks has its old PDF removed from ``out_dir`` first.
    ``shared`` is :func:`keys.common` (computed here when not given); ``seen`` maps the paths
    already planned to their source, across several calls of one build.
    """
    check_pattern(pattern)
    shared = keys.common() if shared is None else shared
    seen = {} if seen is None else seen
    tasks: list[PdfTask] = []
    for doc in documents:
        resolved = doc.path.resolve()
        root = docs_root(doc, resolved)
        try:
            images = check_document(doc, (root,), resolved)
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
                raise PolicyError(
                    _("its PDF path {pdf} is also the PDF of {path}; check the PDF path pattern").format(
                        pdf=p, path=seen[p]
                    ),
                    doc.path,
                )
            seen[p] = doc.path
        epoch = epoch_for(header)
        base_url = resolved.parent.as_uri() + "/"
        key = keys.policy_key(shared, doc, header, epoch, images, base_url)
        tasks.append(
            PdfTask(
                doc.doc_id,
                doc.lang,
                doc.path,
                path,
                also,
                key,
                doc.size(),
                _job_maker(doc, header, base_url, root, epoch),
            )
        )
    return tasks


def _job_maker(doc: Document, header: Header, base_url: str, root: Path, epoch: int) -> Callable[[], RenderJob]:
    return lambda: RenderJob(page_html(doc, header), base_url, (str(root),), epoch, str(doc.path))


def _withdraw(out_dir: Path, task: PdfTask) -> None:
    """Remove an old PDF that no longer matches its text, so no stale file stays published."""
    for rel in (task.path, *task.also):
        (out_dir / rel).unlink(missing_ok=True)


def write_pdfs(
    tasks: list[PdfTask],
    out_dir: Path,
    cache: OutputCache,
    *,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Publish every task's PDF under ``out_dir``: from the cache when its key is there, else rendered.

    The misses are rendered in one pool of ``jobs`` processes (default: the number of cores),
    longest first; the pool is started only when there is something to render. The first
    failure is raised as a PolicyError naming its file once every other PDF is done.
    """
    started = time.perf_counter()
    say = progress or (lambda _line: None)
    out_dir = Path(out_dir)
    results: dict[int, PdfEntry] = {}
    errors: dict[int, PolicyError] = {}

    misses: list[int] = []
    for i, task in enumerate(tasks):
        hit = cache.get(task.path, task.key)
        if hit is None:
            misses.append(i)
            continue
        data, entry = hit
        for rel in (task.path, *task.also):
            cache.place(task.key, out_dir / rel, data)
        results[i] = PdfEntry(
            task.doc_id, task.lang, str(task.source), task.path, entry.sha256, entry.pages, entry.size, True, task.also
        )
    for line in cache.problems:
        say(line)

    # Longest texts first, so that no process is left with a long one at the end.
    misses.sort(key=lambda i: -tasks[i].size)
    if misses:
        say(_("PDF: {cached} cached, rendering {count}").format(cached=len(tasks) - len(misses), count=len(misses)))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(misses)))

    def finish(i: int, result) -> None:
        task = tasks[i]
        done = len(results) + len(errors) + 1
        if result.error is not None:
            failed = _("redline PDF not built: {error}") if task.redline else _("PDF not built: {error}")
            errors[i] = PolicyError(failed.format(error=result.error), task.source)
            _withdraw(out_dir, task)  # no stale file stays at its URL
            say(
                _("PDF [{done}/{total}] FAILED {path}: {error}").format(
                    done=done, total=len(tasks), path=task.path, error=result.error
                )
            )
            return
        entry = cache.put(task.path, task.key, result.pdf, result.pages)
        for rel in (task.path, *task.also):
            cache.place(task.key, out_dir / rel, result.pdf)
        results[i] = PdfEntry(
            task.doc_id, task.lang, str(task.source), task.path, entry.sha256, entry.pages, entry.size, False, task.also
        )
        say(
            _("PDF [{done}/{total}] {path}: {pages} pages in {seconds} s").format(
                done=done, total=len(tasks), path=task.path, pages=result.pages, seconds=f"{result.seconds:.1f}"
            )
        )

    try:
        if workers == 1:
            for i in misses:
                finish(i, render(tasks[i].make()))
        elif misses:
            context = pool_context()
            if context.get_start_method() == "fork":
                preload()  # each worker would otherwise load WeasyPrint, the stylesheet and fonts itself
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                # pages are made here while the workers already render the first ones
                futures = {pool.submit(render, tasks[i].make()): i for i in misses}
                for future in as_completed(futures):
                    finish(futures[future], future.result())
    finally:
        cache.save()

    report = BuildReport([results[i] for i in sorted(results)], problems=list(cache.problems))
    report.seconds = time.perf_counter() - started
    if errors:
        raise errors[min(errors)]
    say(
        _("PDF: {rendered} rendered, {cached} cached, {pages} pages in {seconds} s").format(
            rendered=report.rendered, cached=report.cached, pages=report.pages, seconds=f"{report.seconds:.1f}"
        )
    )
    return report


def build_pdfs(
    documents: Iterable[Document],
    out_dir: Path,
    *,
    pattern: str = DEFAULT_PATTERN,
    cache_dir: Path,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    extra: dict | None = None,
    namespace: str = BUILD,
) -> BuildReport:
    """Write each document's PDF under ``out_dir`` at ``pdf_path(doc_id, lang, pattern)``.

    ``cache_dir`` holds rendered PDFs and ``manifest.json``; a document whose inputs did
    not change is taken from there instead of rendered. ``jobs`` is the number of
    rendering processes (default: the number of cores). ``progress`` receives one line per
    rendered PDF and a summary. ``extra`` maps a doc id, or a ``(doc_id, lang)`` pair, to
    header data the site knows: ``version`` (int), ``effective`` and ``date`` (dates);
    with ``permanent: True`` and a version, the PDF is also written to its permanent
    per-version path. Without ``extra`` the PDF says "draft". ``namespace`` keeps the cache
    entries of a preview (``"serve"``) apart from those of a build.

    Raises PolicyError (file and line) for unsafe links or images, a missing font, or a
    document that cannot be laid out; PDFs of the failed documents are removed from
    ``out_dir`` rather than left stale.
    """
    out_dir = Path(out_dir)
    tasks = plan(documents, pattern, extra, out_dir)
    return write_pdfs(tasks, out_dir, OutputCache(cache_dir, namespace=namespace), jobs=jobs, progress=progress)
