"""The translators' loop: what side-by-side pages add to a site build, and how fast an XLIFF export is.

    python bench/bench_translations.py [N_DOCS] [ROUNDS]

1. Two MkDocs projects over the same N_DOCS synthetic policies x 3 languages (bench/synth.py),
   Material with its search plugin and the ``policydocs`` plugin, built alternately ROUNDS
   times each: once with ``compare: false`` (the baseline) and once with the side-by-side
   pages (``compare: true``, the default). Prints the best of each and the ratio.
2. ``policydocs xliff export`` of the Platform policy (the largest seed, 259 units) as a library
   call on a loaded corpus, best of 20, beside the time to load (parse) the corpus.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchsite import timed_build as build  # noqa: E402
from benchsite import write_config  # noqa: E402
from synth import write_corpus  # noqa: E402


def project(root: Path, docs: Path, compare: bool) -> Path:
    root.mkdir(parents=True)
    shutil.copytree(docs, root / "docs")
    write_config(root, {"compare": compare})
    return root


def site(n_docs: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "docs", n_docs)
        without = project(tmp / "without", tmp / "docs", compare=False)
        with_ = project(tmp / "with", tmp / "docs", compare=True)
        times: dict[str, list[float]] = {"compare: false": [], "compare: true": []}
        for _ in range(rounds):
            times["compare: false"].append(build(without))
            times["compare: true"].append(build(with_))
        pages = sum(1 for _ in (with_ / "site").rglob("compare/index.html"))
        best = {k: min(v) for k, v in times.items()}
        print(f"site build: {n_docs} documents x 3 languages, {pages} side-by-side pages, best of {rounds}")
        for name, values in times.items():
            print(f"  {name:15s} best {best[name]:6.2f} s   all: {', '.join(f'{v:.2f}' for v in values)}")
        ratio = best["compare: true"] / best["compare: false"]
        print(f"  ratio with / without side-by-side pages: {ratio:.3f}x ({(ratio - 1) * 100:+.1f}%)")


def xliff() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from policydocs import corpus as corpus_mod
    from policydocs.translations import xliff as xliff_mod

    def best(fn, n: int = 20) -> float:
        times = []
        for _ in range(n):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    corpus = corpus_mod.load(ROOT / "docs")
    policy = corpus.policies["platform/privacy"]
    load = best(lambda: corpus_mod.load(ROOT / "docs"), 5)
    for lang in ("kk", "en"):
        data = xliff_mod.export(policy, lang, ROOT)
        t = best(lambda lang=lang: xliff_mod.export(policy, lang, ROOT))
        print(
            f"xliff export platform/privacy --lang {lang}: {t * 1000:.1f} ms best of 20 "
            f"({data.count(b'<trans-unit ')} units, {len(data) // 1024} KiB); loading all 5 seed policies: {load * 1000:.1f} ms"
        )


def main() -> None:
    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    xliff()
    site(n_docs, rounds)


if __name__ == "__main__":
    main()
