"""Per-document site work on every core: forked workers that inherit the site's model.

Pages of one document do not depend on another's, so a build hands each worker every
``workers``-th document. Workers are forked, so they inherit the corpus, the histories
and the function to run without pickling any of it; only results travel back, and a
worker that writes its pages itself returns nothing. The output does not depend on how
the documents were shared out: a forked build is byte for byte the one-process build
(tests/site/test_scale.py).

Forking a process that runs threads is not safe (``mkdocs serve`` does): its callers stay
in one process there.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from typing import Any

FORK_FROM = 8  # documents: below this, starting the workers costs more than they save

_JOB: tuple[Callable[[Any], Any], Sequence] | None = None  # what forked workers run: inherited, never pickled


def default_jobs() -> int:
    """As many workers as cores, at most 4 (the plugin's `jobs: 0`)."""
    return max(1, min(os.cpu_count() or 1, 4))


def map_documents(work: Callable[[Any], Any], items: Sequence, jobs: int) -> list:
    """``[work(item) for item in items]``, shared over ``jobs`` forked workers; results in ``items``' order."""
    if jobs <= 1 or len(items) < FORK_FROM or "fork" not in mp.get_all_start_methods():
        return [work(item) for item in items]
    global _JOB
    jobs = min(jobs, len(items))
    _JOB = (work, items)
    gc.freeze()  # workers' collections would otherwise walk (and copy, page by page) the inherited heap
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_run_share, [(start, jobs) for start in range(jobs)])
    finally:
        gc.unfreeze()
        _JOB = None
    out: list = [None] * len(items)
    for start, part in enumerate(parts):
        out[start::jobs] = part
    return out


def _run_share(share: tuple[int, int]) -> list:
    start, step = share
    assert _JOB is not None
    work, items = _JOB
    gc.disable()  # a short-lived worker: what it makes is freed by reference counting
    return [work(item) for item in items[start::step]]
