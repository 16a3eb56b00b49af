"""Messages through gettext catalogs: what it costs the commands, against a baseline tree, side by side.

    git archive <ref> tools | tar -x -C /tmp/base      # the baseline: any checkout of the repository
    .venv/bin/python bench/bench_messages.py /tmp/base [ROUNDS]

Runs, as a user does (a fresh interpreter each time), alternately with the baseline's library
and with this tree's, ROUNDS times each, and compares the medians:

- ``policydocs --help`` (the command list: this tree lists the commands without importing them);
- ``policydocs check`` of the repository's five seed policies (in Kazakh here, English in the baseline);
- ``policydocs import --dry-run --verbose`` of the largest seed (every guess and place worded).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE = ROOT / "tools"


def timed(tools: Path, args: list[str], lang: str, cwd: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(tools), POLICYDOCS_LANG=lang)
    code = f"import sys; sys.argv = ['policydocs', *{args!r}]; from policydocs.cli import main; main()"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    base = Path(sys.argv[1]) / "tools"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    seed = max(ROOT.glob("seeds/*.txt"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "policydocs --help": ["--help"],
            "policydocs check (5 seed policies)": ["check", str(ROOT / "docs"), "--versions", str(ROOT / "versions")],
            f"policydocs import --dry-run --verbose ({seed.name})": [
                "import",
                str(seed),
                "--doc",
                "bench/policy",
                "--docs",
                str(Path(tmp) / "docs"),
                "--dry-run",
                "--verbose",
            ],
        }
        for name, args in runs.items():
            before, after = [], []
            for _ in range(rounds):
                before.append(timed(base, args, "en", ROOT))
                after.append(timed(TREE, args, "kk", ROOT))
            b, a = statistics.median(before), statistics.median(after)
            print(
                f"{name}: baseline (en) {b * 1000:.0f} ms, this tree (kk) {a * 1000:.0f} ms, "
                f"ratio {a / b:.2f}x (median of {rounds}, interleaved)"
            )


if __name__ == "__main__":
    main()
