"""`bench_check.py` run for this tree and for a baseline tree side by side, alternating: the ratio of the two.

    git archive main | tar -x -C /tmp/base      # the baseline: any checkout of the repository
    .venv/bin/python bench/bench_check_against.py /tmp/base [N_DOCS] [ROUNDS]

Each round runs `bench/bench_check.py N_DOCS` once with the baseline's library first on the
path, once with this tree's, and keeps the best `policydocs check` wall time and check_tree
time of each; the machine is shared, so the two are interleaved rather than run one after
the other.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MEASURES = {"wall": r"`policydocs check docs`, wall:\s+([\d.]+) s", "check_tree": r"check_tree \(what the CLI runs\):\s+([\d.]+) s",
            "load": r"load \(read \+ parse\), best of 3:\s+([\d.]+) s"}


def run(tools: Path, n: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tools))
    out = subprocess.run([sys.executable, str(HERE / "bench_check.py"), str(n)], env=env, capture_output=True,
                         text=True, check=True).stdout
    return {k: float(re.search(rx, out).group(1)) for k, rx in MEASURES.items()}


def main(base: Path, n: int = 300, rounds: int = 2) -> None:
    best = {"base": {}, "head": {}}
    for _ in range(rounds):
        for name, tools in (("base", base / "tools"), ("head", ROOT / "tools")):
            for k, v in run(tools, n).items():
                best[name][k] = min(best[name].get(k, v), v)
    for k in MEASURES:
        b, h = best["base"][k], best["head"][k]
        print(f"{k:12} baseline {b:.2f} s   this tree {h:.2f} s   ratio {h / b:.2f}x")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:]))
