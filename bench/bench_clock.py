"""The clock in the page: build time and page weight with it vs without, side by side.

    python bench/bench_clock.py [N_DOCS] [ROUNDS]

Writes N_DOCS synthetic policies x 3 languages (bench/synth.py), publishes each twice
(version 1 in force, version 2 material and pending at the build moment, so every policy,
version, history and index page carries its variants and intervals), then builds the same
project alternately with the clock and without it (the same build with every fragment
rendered for the build moment only and no interval data: what the site did before), ROUNDS
times each, each build a fresh `mkdocs build` process. Prints the best times and their
ratio, the HTML bytes the clock adds per page (mean and largest) and the size of the clock's
part of policydocs.js (loaded anyway on every page: no extra request).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchsite import write_config  # noqa: E402
from policydocs.corpus import load  # noqa: E402
from policydocs.versions.publish import publish  # noqa: E402
from synth import write_corpus  # noqa: E402

ALMATY = ZoneInfo("Asia/Almaty")
BUILT = dt.datetime(2026, 11, 25, 12, tzinfo=ALMATY)  # v2 published 20 Nov, takes effect 28 Nov: pending
WITHOUT = (
    "import policydocs.site.history as h\n"
    "h.DocumentHistory.moments_ahead = lambda self: [self.now]  # one variant: the build moment\n"
    "h.clock_block = lambda now, intervals: ''\n"
    "from mkdocs.__main__ import cli\n"
    "cli(['build', '-q'])\n"
)
WITH = "from mkdocs.__main__ import cli\ncli(['build', '-q'])\n"


def make(root: Path, n_docs: int) -> Path:
    docs = root / "docs"
    write_corpus(docs, n_docs)
    for doc_id in sorted(load(docs).policies):
        publish(
            load(docs).policies[doc_id],
            root / "versions",
            dt.date(2026, 11, 1),
            now=dt.datetime(2026, 11, 1, 9, tzinfo=ALMATY),
        )
        for lang in ("ru", "kk", "en"):
            path = docs / lang / f"{doc_id}.md"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("2.1. ", "2.1. (изм.) " if lang == "ru" else "2.1. (*) ", 1), encoding="utf-8")
        publish(
            load(docs).policies[doc_id],
            root / "versions",
            dt.date(2026, 11, 20),
            now=dt.datetime(2026, 11, 20, 9, tzinfo=ALMATY),
        )
    write_config(root, {"pdf": False})
    return root


def build(root: Path, script: str, site: str, built: dt.datetime = BUILT) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(int(built.timestamp())))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], cwd=root, env=env, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    target = root / site
    shutil.rmtree(target, ignore_errors=True)
    (root / "site").rename(target)
    return elapsed


def added_bytes(root: Path) -> dict[str, int]:
    out = {}
    for page in (root / "site-with").rglob("index.html"):
        other = root / "site-without" / page.relative_to(root / "site-with")
        out[str(page.parent.relative_to(root / "site-with"))] = page.stat().st_size - other.stat().st_size
    return out


def real_content(tmp: Path) -> dict[str, int]:
    """The five real policies (City Group's v2 pending), built on 30 November 2026 at 17:00 Almaty."""
    root = tmp / "real"
    root.mkdir()
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "versions", root / "versions")
    write_config(root, {"pdf": False})
    built = dt.datetime(2026, 11, 30, 17, tzinfo=ALMATY)
    build(root, WITHOUT, "site-without", built)
    build(root, WITH, "site-with", built)
    return added_bytes(root)


def clock_js_bytes() -> tuple[int, int]:
    js = (ROOT / "tools/policydocs/site/assets/policydocs.js").read_text(encoding="utf-8")
    part = js[js.index("/* The clock") :].encode()
    return len(part), len(gzip.compress(part))


def main() -> None:
    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        root = make(Path(tmp), n_docs)
        times: dict[str, list[float]] = {"without": [], "with clock": []}
        for _ in range(rounds):
            times["without"].append(build(root, WITHOUT, "site-without"))
            times["with clock"].append(build(root, WITH, "site-with"))
        by_page = added_bytes(root)
        added = list(by_page.values())
        best = {k: min(v) for k, v in times.items()}
        print(
            f"{n_docs} documents x 3 languages, 2 versions each (v2 pending), {len(added)} HTML pages, best of {rounds}"
        )
        for name, values in times.items():
            print(f"  {name:11s} best {best[name]:6.2f} s   all: {', '.join(f'{v:.2f}' for v in values)}")
        print(f"  ratio with / without: {best['with clock'] / best['without']:.3f}x")
        changed = [a for a in added if a]
        print(
            f"  HTML added per page: mean {sum(added) / len(added):.0f} B over all pages, "
            f"{sum(changed) / max(len(changed), 1):.0f} B over the {len(changed)} pages that name a version, "
            f"largest {max(added)} B ({max(by_page, key=by_page.get)}/)"
        )
        real = real_content(Path(tmp))
        top = sorted(real.items(), key=lambda kv: -kv[1])[:3]
        print(
            f"  real content (5 policies, City Group's v2 pending): {sum(1 for v in real.values() if v)} of {len(real)} "
            f"pages grow; largest: " + ", ".join(f"{path}/ +{size} B" for path, size in top)
        )
        raw, packed = clock_js_bytes()
        print(f"  clock part of policydocs.js: {raw} B ({packed} B gzipped), cached with the script every page loads")


if __name__ == "__main__":
    main()
