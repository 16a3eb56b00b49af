"""Precision and recall per rule of `policydocs check` on the measured corpus (tests/corpus).

Usage: .venv/bin/python bench/bench_precision.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.measure import measure, table  # noqa: E402


def main() -> None:
    result = measure()
    print(table(result))
    for d in result.missed:
        print(f"missed: {d['lang']} {d['clause']} {d['rule']}: {d['why']}")
    for why, f in result.false_findings:
        print(f"false ({why}): {f.lang} {f.clause} {f.rule} {f.severity}: {f.text('en')}")


if __name__ == "__main__":
    main()
