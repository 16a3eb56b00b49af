"""The site's PDFs: the text each policy page shows, every published version, every redline.

What is written (paths from the PDFs' pattern): the text readers are shown at the fixed URL
(the version in force, else the pending one, else the draft; under ``mkdocs serve`` the
draft), also at its version's permanent URL; every other published version at its permanent
URL; and each version's redline against the one before. All of them are planned first,
their cache keys made from their inputs, and whatever is not cached is rendered in one pool
(``build.write_pdfs``). ``mkdocs serve`` keeps its cache entries apart from a build's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..outputcache import BUILD, SERVE, OutputCache
from ..publication import history as history_mod
from ..publication.model import Publication
from ..publication.titles import document_title
from ..publication.urls import redline_path, version_pattern
from ..publication.words import redline_moments, s
from ..versions.redline import render_html
from . import keys
from .build import BuildReport, PdfTask, plan, write_pdfs
from .redline import RedlineItem, redline_task


def pdf_header(version) -> dict:
    """What a version's PDF header says: its number, the day it takes effect, the day it was published."""
    return {"version": version.number, "effective": version.effective.date(), "date": version.published.date()}


def build_site_pdfs(
    model: Publication,
    site_dir: Path,
    cache_dir: Path,
    *,
    pattern: str,
    jobs: int | None = None,
    serving: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Write every PDF of the site into ``site_dir``; raises PolicyError naming the file of the first failure."""
    shared = keys.common()
    seen: dict[str, Path] = {}
    shown_docs, shown_extra = [], {}
    by_version: dict[int, list] = {}
    for doc_id, policy in sorted(model.policies.items()):
        history = model.histories.get(doc_id)
        shown = history.shown if history is not None and not serving else None
        for lang, draft in policy.languages.items():
            if shown is not None and lang in shown.sha256:
                shown_docs.append(history.document(shown, lang))
                shown_extra[(doc_id, lang)] = {**pdf_header(shown), "permanent": True}
            else:
                shown_docs.append(draft)
        for version in history.versions if shown is not None else ():
            if version.number != shown.number:
                by_version.setdefault(version.number, []).extend(
                    (history.document(version, lang), version) for lang in version.languages
                )
    tasks: list[PdfTask] = plan(shown_docs, pattern, shown_extra, site_dir, shared, seen)
    for number, items in sorted(by_version.items()):
        tasks += plan(
            [doc for doc, _ in items],
            version_pattern(pattern, number),
            {(doc.doc_id, doc.lang): pdf_header(version) for doc, version in items},
            site_dir,
            shared,
            seen,
        )
    tasks += redline_tasks(model, shared)
    cache = OutputCache(cache_dir, namespace=SERVE if serving else BUILD)
    return write_pdfs(tasks, site_dir, cache, jobs=jobs, progress=progress)


def redline_tasks(model: Publication, shared: dict) -> list[PdfTask]:
    """A redline PDF for each version and language that has one before it, keyed without comparing anything."""
    tasks = []
    for doc_id, history in sorted(model.histories.items()):
        for version in history.versions:
            previous = history.previous(version)
            for lang in version.languages:
                if previous is None or lang not in previous.sha256:
                    continue  # nothing to compare with (history.redline_changes gives None)
                path = redline_path(model.version_pdf(doc_id, version, lang))
                inputs = {
                    "texts": [previous.sha256[lang], version.sha256[lang]],
                    "versions": [previous.number, version.number],
                    "moments": [version.published.isoformat(), version.effective.isoformat()],
                    "timezone": history.store.timezone,
                }
                tasks.append(
                    redline_task(
                        shared,
                        doc_id=doc_id,
                        lang=lang,
                        source=version.text_path(lang),
                        path=path,
                        inputs=inputs,
                        date=version.published.date(),
                        make_item=lambda h=history, v=version, l=lang, p=path: _redline_item(h, v, l, p),
                    )
                )
    return tasks


def _redline_item(history, version, lang: str, path: str) -> RedlineItem:
    """The redline page's contents: the comparison, its summary and its dateline (only for a PDF to render)."""
    changes = history_mod.redline_changes(history, version, lang)
    doc = history.document(version, lang)
    return RedlineItem(
        path=path,
        lang=lang,
        title=f"{document_title(doc.front.product, doc.title)} · {s('redline_title', lang, n=version.number)}",
        operator=doc.front.operator,
        summary=history_mod.redline_summary(history, version, lang, changes),
        body_html=render_html(changes, lang, only_changes=True),
        date=version.published.date(),
        moments=redline_moments(version, lang),
        legend=s("legend", lang),
    )
