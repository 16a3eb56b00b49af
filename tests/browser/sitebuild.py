"""Build a site with the real ``mkdocs`` command, as a user would, into a temporary project."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "site" / "docs"
MKDOCS = Path(sys.executable).with_name("mkdocs")
POLICYDOCS = Path(sys.executable).with_name("policydocs")
# this checkout's code, not whichever one the environment's editable install points at (a git worktree)
CODE = str(ROOT / "tools")
DEFAULT_EPOCH = 1795000000  # 2026-11-18 11:06 UTC
BUILT_AT = dt.datetime.fromtimestamp(DEFAULT_EPOCH, dt.UTC)  # readers of such a site open it then

CONFIG = """\
site_name: Демо
site_url: {site_url}
docs_dir: docs
site_dir: site
theme:
  name: material
  custom_dir: {overrides}
  language: ru
  font: false
plugins:
  - search:
      lang: [ru, en]
  - policydocs{options}
"""


def make_project(
    tmp: Path, docs: Path = FIXTURE_DOCS, site_url: str = "https://example.kz/policies/", **options: object
) -> Path:
    shutil.copytree(docs, tmp / "docs")
    opts = "".join(f"\n      {k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in options.items())
    text = CONFIG.format(site_url=site_url, overrides=ROOT / "overrides", options=(":" + opts) if opts else "")
    (tmp / "mkdocs.yml").write_text(text, encoding="utf-8")
    return tmp


def build(project: Path, *extra: str, epoch: int = DEFAULT_EPOCH) -> subprocess.CompletedProcess:
    """``mkdocs build`` at a fixed build moment (``epoch``, default 2026-11-18 11:06 UTC)."""
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", *extra],
        cwd=project,
        env=environment(epoch),
        capture_output=True,
        text=True,
        timeout=300,
    )


def environment(epoch: int = DEFAULT_EPOCH) -> dict[str, str]:
    return {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch), "PATH": "/usr/bin:/bin", "PYTHONPATH": CODE}


def policydocs(project: Path, *args: str, epoch: int = DEFAULT_EPOCH) -> subprocess.CompletedProcess:
    """The ``policydocs`` command in ``project``, at the same build moment as ``build``."""
    return subprocess.run(
        [str(POLICYDOCS), *args], cwd=project, env=environment(epoch), capture_output=True, text=True, timeout=300
    )
