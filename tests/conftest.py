"""Shared fixtures: where the real seed texts and the imported docs/ tree are."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEEDS = Path(os.environ.get("POLICYDOCS_SEEDS", ROOT / "seeds"))

# The suite's clock (policydocs/now.py): every command and library call that asks for "now" gets
# this moment, whatever day and zone the machine has (CI runs the suite a year ahead and a year
# back, in UTC+14 and UTC-10: `make test-clock`). Set at import, so that session fixtures and
# subprocesses see it too; a test that needs another moment sets POLICYDOCS_NOW itself.
SUITE_NOW = dt.datetime.fromisoformat("2026-12-07T12:00:00+05:00")
os.environ["POLICYDOCS_NOW"] = SUITE_NOW.isoformat()
# Messages in English for fixtures of every scope, whatever the machine's locale (a module-scoped
# fixture is set up before the per-test one below; `make test-clock` runs under LC_ALL=kk_KZ.UTF-8).
os.environ["POLICYDOCS_LANG"] = "en"


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"seed {prefix} not found in {SEEDS} (set POLICYDOCS_SEEDS)")
    return matches[0]


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def on_the_day(date: dt.date) -> dt.datetime:
    """'Now' for a test that publishes as of a fixed date: late that day in Almaty (not backdated)."""
    return dt.datetime.combine(date, dt.time(23, 59), ZoneInfo("Asia/Almaty"))


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """The suite reads the tool's messages in English (their ids), whatever the machine's locale;
    subprocesses inherit POLICYDOCS_LANG. tests/i18n/test_messages.py chooses other languages."""
    from policydocs.i18n import set_language

    monkeypatch.setenv("POLICYDOCS_LANG", "en")
    set_language("en")
    yield
    set_language(None)
