"""How the outputs (PDFs, Word documents) start their worker processes.

One place, because a process has one forkserver: the first output to start it decides what
every later worker has loaded.
"""

from __future__ import annotations

import multiprocessing
import threading

#: What the forkserver loads before it forks a worker: WeasyPrint, the slowest to import.
FORKSERVER_PRELOAD = ["weasyprint"]


def pool_context():
    """Fork (fast: workers inherit the loaded WeasyPrint) unless threads run, e.g. under ``mkdocs serve``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(FORKSERVER_PRELOAD)  # the server forks every later worker ready to render
        return context
    return multiprocessing.get_context("spawn")
