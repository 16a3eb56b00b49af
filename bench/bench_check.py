"""Checking speed: 300 synthetic policies x 3 languages (target: under 3 s, load included).

Side by side in one run, on the same files: loading the corpus (reading and parsing every
file, which any command does anyway) and `check_corpus` with the project glossary, so the
ratio says what the checker adds on top of parsing. Also times `check_policy` on one policy,
which is what the MkDocs plugin calls when a page is saved during `mkdocs serve`.

    .venv/bin/python bench/bench_check.py [N_DOCS]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policydocs import corpus as corpus_mod  # noqa: E402
from policydocs.check import check_corpus, check_policy, check_tree, terminology  # noqa: E402
from synth import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def real_corpus(docs: Path, n: int) -> list[Path]:
    """``n`` copies of the real three-language policy in docs/ (yasam/privacy): real wording."""
    files = []
    for i in range(n):
        for lang in ("ru", "kk", "en"):
            text = (ROOT / "docs" / lang / "yasam" / "privacy.md").read_text(encoding="utf-8")
            text = text.replace("id: yasam/privacy", f"id: real{i:03d}/privacy", 1)
            path = docs / lang / f"real{i:03d}" / "privacy.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            files.append(path)
    return files


def load_then_check(docs: Path, glossary, root: Path):
    """Best of 3: loading the corpus, then `check_corpus` on it (all cores); also the last corpus and findings."""
    best_load = best_check = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        corpus = corpus_mod.load(docs)
        t1 = time.perf_counter()
        findings = check_corpus(corpus, glossary=glossary, project_root=root, workers=None)
        t2 = time.perf_counter()
        best_load, best_check = min(best_load, t1 - t0), min(best_check, t2 - t1)
    return best_load, best_check, corpus, findings


def timed_real(n: int, glossary) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        files = real_corpus(docs, n)
        size = sum(p.stat().st_size for p in files) / len(files)
        best_load, best_check, corpus, findings = load_then_check(docs, glossary, Path(tmp))
        t0 = time.perf_counter()
        check_corpus(corpus, glossary=glossary, project_root=Path(tmp), workers=1)
        serial_s = time.perf_counter() - t0
    print(f"\nreal wording: {n} copies of yasam/privacy x 3 languages, mean {size / 1024:.1f} KiB")
    print(
        f"load {best_load:.2f} s, check_corpus {best_check:.2f} s (one core {serial_s:.2f} s), "
        f"load + check {best_load + best_check:.2f} s, findings {len(findings)}"
    )


def main(n: int = 300) -> None:
    glossary = terminology.load(ROOT / "glossary.yml")
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        files = write_corpus(docs, n)
        size = sum(p.stat().st_size for p in files) / len(files)
        best_load, best_check, corpus, findings = load_then_check(docs, glossary, Path(tmp))
        best_tree = float("inf")
        for _ in range(3):  # what `policydocs check` runs: workers that parse and check their own policies
            t0 = time.perf_counter()
            _, tree_findings = check_tree(docs, glossary=glossary, project_root=Path(tmp))
            best_tree = min(best_tree, time.perf_counter() - t0)
        assert len(tree_findings) == len(findings)
        # the command itself, as a user runs it (interpreter start, imports, report included)
        shutil.copy(ROOT / "glossary.yml", Path(tmp) / "glossary.yml")
        best_cli = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(
                [str(Path(sys.executable).parent / "policydocs"), "check", "docs"],
                cwd=tmp,
                stdout=subprocess.DEVNULL,
                check=False,
            )
            best_cli = min(best_cli, time.perf_counter() - t0)
        t0 = time.perf_counter()
        serial = check_corpus(corpus, glossary=glossary, project_root=Path(tmp), workers=1)
        serial_s = time.perf_counter() - t0
        assert len(serial) == len(findings)
        policy = next(iter(corpus.policies.values()))
        t0 = time.perf_counter()
        for _ in range(20):
            check_policy(policy, glossary=glossary, project_root=Path(tmp))
        one = (time.perf_counter() - t0) / 20
    by_rule: dict[str, int] = {}
    for f in findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    print(f"documents: {n} x 3 languages = {len(files)} files, mean {size / 1024:.1f} KiB")
    print(f"load (read + parse), best of 3:  {best_load:.2f} s")
    print(f"check_corpus, best of 3:         {best_check:.2f} s  ({best_check / best_load:.2f}x the load)")
    print(f"check_corpus on one core:        {serial_s:.2f} s  ({serial_s / best_load:.2f}x the load)")
    print(f"load, then check:                {best_load + best_check:.2f} s")
    print(f"check_tree (what the CLI runs):  {best_tree:.2f} s  ({best_tree / best_load:.2f}x the load)")
    print(f"`policydocs check docs`, wall:   {best_cli:.2f} s  (target < 3 s)")
    print(f"check_policy, one policy:        {one * 1000:.1f} ms")
    print(f"findings: {len(findings)} {by_rule}")
    print("(the synthetic text is random words with glossary terms among them, hence the term findings)")
    if (ROOT / "docs" / "kk" / "yasam" / "privacy.md").exists():
        timed_real(n, glossary)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
