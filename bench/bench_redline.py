"""Redline speed: two seed-002-size versions (target < 100 ms), and diffs between any two of
50 published versions (target < 100 ms each, including reading and verifying the store).

Baseline, side by side: a plain line diff (difflib.unified_diff) of the same two files,
which is what `git diff` shows a lawyer today.

    .venv/bin/python bench/bench_redline.py
"""

from __future__ import annotations

import datetime as dt
import difflib
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policydocs.corpus import load  # noqa: E402
from policydocs.document import parse_text  # noqa: E402
from policydocs.versions.publish import publish  # noqa: E402
from policydocs.versions.redline import compare, render_html, summary  # noqa: E402
from policydocs.versions.store import open_store  # noqa: E402
from synth import policy_text  # noqa: E402


def edited(text: str, rng: random.Random, edits: int = 30, remove: bool = True) -> str:
    """Amend, insert and delete words and blocks the way lawyers do."""
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if line[:1].isdigit() and ". " in line[:8]]
    for _ in range(edits):
        i = rng.choice(body)
        words = lines[i].split(" ")
        k = rng.randrange(2, len(words))
        action = rng.random()
        if action < 0.5:
            words[k] = "изменено"
        elif action < 0.8:
            words.insert(k, "дополнительно")
        else:
            del words[k]
        lines[i] = " ".join(words)
    if remove:
        del lines[body[-3]]  # a removed clause
    return "\n".join(lines)


def best_of(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    rng = random.Random(7)
    a_text = policy_text(1, "ru")
    b_text = edited(a_text, rng)
    a = parse_text(a_text, "a.md")
    parse_text(b_text, "b.md")  # the edited text parses too
    print(f"document size: {len(a_text.encode()) / 1024:.1f} KiB, {sum(1 for _ in a.clauses())} clauses")

    def redline():
        changes = compare(parse_text(a_text, "a.md"), parse_text(b_text, "b.md"))
        render_html(changes, "ru")
        summary(changes, "ru")

    red = best_of(redline)
    base = best_of(lambda: list(difflib.unified_diff(a_text.splitlines(), b_text.splitlines())))
    print(
        f"redline (parse both + match + word diff + HTML): {red * 1000:.1f} ms  target < 100 ms: {'OK' if red < 0.1 else 'MISSED'}"
    )
    print(f"baseline line diff (difflib):                    {base * 1000:.1f} ms  ratio {red / base:.0f}x")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "docs/ru/synth001/privacy.md"
        path.parent.mkdir(parents=True)
        text = a_text
        day = dt.date(2026, 1, 1)
        for n in range(50):
            path.write_text(text, encoding="utf-8")
            publish(load(root / "docs").policies["synth001/privacy"], root / "versions", day + dt.timedelta(days=n))
            text = edited(text, rng, edits=5, remove=False)
        pairs = [(rng.randint(1, 50), rng.randint(1, 50)) for _ in range(20)]
        worst = 0.0
        for x, y in pairs:
            t0 = time.perf_counter()
            store = open_store(root / "versions", "synth001/privacy")
            old = parse_text(store.get(x).text("ru"), "old.md")
            new = parse_text(store.get(y).text("ru"), "new.md")
            render_html(compare(old, new), "ru")
            worst = max(worst, time.perf_counter() - t0)
        print(
            f"diff between two of 50 versions (20 random pairs), worst: {worst * 1000:.1f} ms  target < 100 ms: {'OK' if worst < 0.1 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
