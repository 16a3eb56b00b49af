"""Parsing speed: 1,000 documents of seed-002 size on one core (target: under 2 s).

Side by side in one run, on the same files already in memory:
  - policydocs parse (front matter + blocks + sections/clauses/eIds),
  - Python-Markdown converting the same text to HTML (what MkDocs does per page anyway),
so the ratio says what the document model costs next to the work a build already does.

    .venv/bin/python bench/bench_parse.py [N_DOCS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policydocs.document import parse_text  # noqa: E402
from synth import policy_text  # noqa: E402


def main(n: int = 1000) -> None:
    texts = [policy_text(i % 50, "ru", seed=i // 50) for i in range(n)]
    size = sum(len(t.encode("utf-8")) for t in texts) / n
    with tempfile.TemporaryDirectory():
        t0 = time.perf_counter()
        clauses = 0
        for i, text in enumerate(texts):
            clauses += sum(1 for _ in parse_text(text, f"doc{i}.md").clauses())
        parse_s = time.perf_counter() - t0
        md = markdown.Markdown()
        t0 = time.perf_counter()
        for text in texts:
            md.reset()
            md.convert(text)
        md_s = time.perf_counter() - t0
    print(f"documents: {n}, mean size {size / 1024:.1f} KiB, clauses parsed: {clauses}")
    print(
        f"policydocs parse: {parse_s:.2f} s ({n / parse_s:.0f} docs/s)  target < 2 s: {'OK' if parse_s < 2 else 'MISSED'}"
    )
    print(f"Python-Markdown:  {md_s:.2f} s")
    print(f"ratio parse / markdown: {parse_s / md_s:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
