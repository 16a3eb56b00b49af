"""Precision and recall of `policydocs check` on the measured corpus (tests/corpus): per rule, and per
kind of defect and language of the finding (kk, en), with every miss and every false finding.

Usage: .venv/bin/python bench/bench_precision.py [--notes FILE] [--only GLOB]
  --notes FILE  also write the misses and false findings as a Markdown list (for the rule's author)
  --only GLOB   measure only the defects files matching GLOB in tests/corpus (default: defects-*.yml);
                the held-out files (defects-holdout-*.yml) are also measured on their own
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.measure import HERE, kind_table, measure, rules_of, table  # noqa: E402


def misses(result) -> list[str]:
    return [
        f"missed: {d['lang']} {d['clause']} {'/'.join(rules_of(d))}: {d['why']}: {d['find']!r} -> {d['replace']!r}"
        for d in result.missed
    ]


def false_findings(result) -> list[str]:
    return [
        f"false ({why}): {f.lang} {f.clause} {f.rule} {f.severity}: {f.text('en')}" for why, f in result.false_findings
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, help="write the misses and false findings to this Markdown file")
    parser.add_argument("--only", default="defects-*.yml", help="the defects files to measure (a glob)")
    args = parser.parse_args()
    files = sorted(HERE.glob(args.only))
    result = measure(files)
    lines = ["Per rule:", "", table(result), "", "Per kind and language of the finding:", "", kind_table(result), ""]
    held = [f for f in files if f.name.startswith("defects-holdout-")]
    if held and len(held) < len(files):
        lines += ["Held-out mistakes only (defects-holdout-*.yml):", "", kind_table(measure(held)), ""]
    lines += [*misses(result), *false_findings(result)]
    print("\n".join(lines))
    if args.notes:
        args.notes.write_text(
            "# Measured by bench/bench_precision.py\n\n"
            + "\n".join(line if line.startswith("|") or not line else f"- {line}" for line in lines)
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
