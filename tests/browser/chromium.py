"""Debian's Chromium for the browser tests: one place for its path and flags.

`make test` installs it (tools/scripts/system-deps.sh); a test never skips for want of it,
it fails with one line saying what to install.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright import sync_api

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium():
    """A headless Chromium browser (Playwright driving Debian's binary)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required for the browser tests: apt-get install chromium chromium-driver")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
