"""What the meaning rules cost: `check_corpus` on N policies x 3 languages with the rules off and on.

Side by side in one run, on the same corpus, alternating off/on, best of 3 each: the
synthetic policies of `synth.py` (every sentence different, so the per-text caches of
`check/meaning.py` and `check/morph.py` help only across repeated words), then N copies of
the real yasam/privacy policy (real wording; its clauses repeat, as a thousand policies of one
operator's template do), and the same with the per-text cache off (every clause analysed anew,
as in policies that share no text). Target (issue 25): on/off <= 1.5x at 1,000 policies.

    .venv/bin/python bench/bench_meaning.py [N_DOCS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import real_corpus  # noqa: E402
from policydocs import corpus as corpus_mod  # noqa: E402
from policydocs.check import check_corpus, meaning, terminology  # noqa: E402
from synth import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROFILE = meaning._profile.__wrapped__
MEANING_RULES = {
    "polarity-differs",
    "modality-differs",
    "actor-differs",
    "condition-differs",
    "place-differs",
    "law-differs",
    "list-item-missing",
    "list-item-added",
}


def timed(corpus, glossary, root: Path, enabled: bool) -> tuple[float, int]:
    meaning.ENABLED = enabled
    meaning._profile.cache_clear()  # each run pays for its own analyses
    t0 = time.perf_counter()
    found = check_corpus(corpus, glossary=glossary, project_root=root, workers=None)
    return time.perf_counter() - t0, sum(f.rule in MEANING_RULES for f in found)


def side_by_side(name: str, docs: Path, glossary, root: Path, cached: bool = True) -> None:
    """``cached=False``: every clause analysed anew, as in a thousand policies that share no text."""
    if not cached:
        meaning._profile = lru_cache(maxsize=0)(PROFILE)
    corpus = corpus_mod.load(docs)
    best = {False: float("inf"), True: float("inf")}
    count = 0
    for _ in range(3):
        for enabled in (False, True):
            t, n = timed(corpus, glossary, root, enabled)
            best[enabled] = min(best[enabled], t)
            count = n if enabled else count
    print(f"| {name} | {best[False]:.2f} s | {best[True]:.2f} s | {best[True] / best[False]:.2f}x | {count} |")
    meaning._profile = lru_cache(maxsize=50_000)(PROFILE)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    glossary = terminology.load(ROOT / "glossary.yml")
    print("| corpus | rules off | rules on | on/off | meaning findings |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "synth" / "docs"
        write_corpus(docs, n)
        side_by_side(f"synthetic, {n} x 3", docs, glossary, docs.parent)
        docs = Path(tmp) / "real" / "docs"
        real_corpus(docs, n)
        side_by_side(f"yasam/privacy copies, {n} x 3", docs, glossary, docs.parent)
        side_by_side(f"yasam/privacy copies, {n} x 3, no cache", docs, glossary, docs.parent, cached=False)


if __name__ == "__main__":
    main()
