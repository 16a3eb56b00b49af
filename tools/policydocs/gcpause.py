"""Pausing Python's cyclic garbage collector while a large corpus is parsed or checked.

Parsing a policy makes about 100,000 objects that stay alive (blocks, lines, clauses), and
each full collection walks every live object: loading 900 large files spent half its time
in the collector. Nothing made there forms reference cycles that need collecting (what is
dropped is freed at once by reference counting), so the collector is paused for the work
and resumed after, never left off for the host (a MkDocs server runs for hours).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
