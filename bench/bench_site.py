"""Site build: `mkdocs build` with the policydocs plugin vs plain MkDocs on the same Markdown.

    python bench/bench_site.py [N_DOCS] [ROUNDS]

Writes N_DOCS synthetic policies x 3 languages (bench/synth.py), then builds two projects
side by side, alternating, ROUNDS times each: the same docs/ tree with Material and its
search plugin, once plain (MkDocs renders the Markdown itself) and once with the
``policydocs`` plugin (pages, missing-translation pages, indexes, API, feeds, sitemap,
Kazakh search). Prints the best time of each and the ratio.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchsite import timed_build as build  # noqa: E402
from benchsite import write_config  # noqa: E402
from synth import write_corpus  # noqa: E402


def project(root: Path, docs: Path, with_plugin: bool) -> Path:
    root.mkdir(parents=True)
    shutil.copytree(docs, root / "docs")
    write_config(root, {} if with_plugin else None)
    return root


def main() -> None:
    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "docs", n_docs)
        plain = project(tmp / "plain", tmp / "docs", with_plugin=False)
        plugin = project(tmp / "plugin", tmp / "docs", with_plugin=True)
        times: dict[str, list[float]] = {"plain": [], "policydocs": []}
        for _ in range(rounds):
            times["plain"].append(build(plain))
            times["policydocs"].append(build(plugin))
        pages = sum(1 for _ in (plugin / "site").rglob("index.html"))
        best = {k: min(v) for k, v in times.items()}
        print(f"{n_docs} documents x 3 languages, {pages} HTML pages with the plugin, best of {rounds}")
        for name, values in times.items():
            print(f"  {name:11s} best {best[name]:6.2f} s   all: {', '.join(f'{v:.2f}' for v in values)}")
        print(
            f"  ratio policydocs / plain: {best['policydocs'] / best['plain']:.2f}x "
            f"({(best['policydocs'] / best['plain'] - 1) * 100:+.0f}%)"
        )


if __name__ == "__main__":
    main()
