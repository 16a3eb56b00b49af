"""A throwaway MkDocs project for the site benchmarks: one configuration, one timed build.

Every site benchmark builds synthetic policies with the same Material setup as the real
site (Russian UI, no Google Fonts, search in ru and en), with or without the policydocs
plugin and its options, so that their figures compare like with like.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
CONFIG = """\
site_name: Bench
site_url: https://example.kz/
theme:
  name: material
  custom_dir: {overrides}
  language: ru
  font: false
plugins:
  - search:
      lang: [ru, en]
"""


def write_config(root: Path, plugin: dict[str, object] | None, overrides: Path | None = None) -> None:
    """``mkdocs.yml`` in ``root``: plain Material when ``plugin`` is None, else policydocs with these options.

    ``overrides``: the theme overrides of another checkout (a ``--before`` build runs its own
    templates with its own plugin: the two go together); this repository's by default.
    """
    text = CONFIG.format(overrides=overrides or ROOT / "overrides")
    if plugin is not None:
        options = "".join(f"\n      {k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in plugin.items())
        text += "  - policydocs" + (":" + options if options else "") + "\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def timed_build(root: Path) -> float:
    """Wall time of ``mkdocs build`` in ``root``, as a user runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([str(MKDOCS), "build", "-q"], cwd=root, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def overrides_of(tools: Path | str | None) -> Path | None:
    """The ``overrides/`` beside an earlier checkout's ``tools/`` (``git archive REF tools overrides``), if there."""
    if tools is None:
        return None
    found = Path(tools).resolve().parent / "overrides"
    return found if found.is_dir() else None
