"""Debian's Chromium for the browser tests, and a built site served to it on localhost.

`make test` installs it (tools/scripts/system-deps.sh); a test never skips for want of it,
it fails with one line saying what to install.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright import sync_api

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _without_faketime() -> dict[str, str]:
    """The environment less libfaketime (`make test-clock`), for Playwright's driver and the browser:
    Chromium crashes under it, and a page's running clock is reckoned against the driver's wall
    clock. Neither needs it: every page's clock is set by the test (``reader_context``)."""
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}


@contextlib.contextmanager
def chromium():
    """A headless Chromium browser (Playwright driving Debian's binary)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required for the browser tests: apt-get install chromium chromium-driver")
    saved = os.environ.copy()
    os.environ.clear()
    os.environ.update(_without_faketime())  # only while the driver starts: the tests' own commands keep it
    try:
        playwright = sync_api.sync_playwright().start()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=_without_faketime())
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def reader_context(browser, now: dt.datetime, *, frozen: bool = False, **options):
    """A browser context whose clock starts at ``now``: never the machine's day or zone.

    The site's pages switch versions by the reader's clock, so a test that opens one without
    setting it would pass or fail with the calendar. The clock runs on from ``now`` (Playwright's
    ``clock.install``: timers and debounced search work, and ``clock.run_for`` /
    ``clock.set_system_time`` move it forward or back); ``frozen=True`` makes ``Date`` stand
    still at ``now`` (``set_fixed_time``), for a page read exactly at a moment. The browser's
    zone and locale are fixed too (Almaty, en-US, unless the test names others).
    """
    if now.tzinfo is None:
        raise ValueError("a test's clock needs its zone")
    options.setdefault("timezone_id", "Asia/Almaty")
    options.setdefault("locale", "en-US")
    context = browser.new_context(**options)
    if frozen:
        context.clock.set_fixed_time(now)
    else:
        context.clock.install(time=now)
    return context


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without logging every request into the test output."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path | str, handler: type = QuietHandler):
    """``http://127.0.0.1:<port>/`` serving ``folder`` (loopback only) while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
