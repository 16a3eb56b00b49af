"""`policydocs check` of this tree against a baseline tree, side by side on the same files: the ratio.

    git archive main | tar -x -C /tmp/base      # the baseline: any checkout of the repository
    .venv/bin/python bench/bench_check_against.py /tmp/base [N_DOCS] [ROUNDS]

Writes the synthetic corpus of `bench_check.py` (N_DOCS policies x 3 languages, seed-002 size)
and the real-wording one (N_DOCS copies of yasam/privacy) once, then runs the command as a
user does (`policydocs check docs`, interpreter start and report included) alternately with
the baseline's library and with this tree's, ROUNDS times each; the machine is shared, so the
two are interleaved and the best and the median of each are compared.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bench_check import real_corpus  # noqa: E402
from synth import write_corpus  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(tools: Path, cwd: Path) -> tuple[float, float, int]:
    """Wall time, CPU time (the command and its workers) and lines of report of one run."""
    env = dict(os.environ, PYTHONPATH=str(tools))
    c0, t0 = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "policydocs"), "check", "docs"],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    took, cpu = time.perf_counter() - t0, _cpu() - c0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode())
    return took, cpu, proc.stdout.count(b"\n")


def compare(label: str, cwd: Path, base: Path, rounds: int) -> None:
    wall: dict[str, list[float]] = {"base": [], "head": []}
    cpu: dict[str, list[float]] = {"base": [], "head": []}
    lines = {}
    for _ in range(rounds):
        for name, tools in (("base", base / "tools"), ("head", ROOT / "tools")):
            took, used, n = timed(tools, cwd)
            wall[name].append(took)
            cpu[name].append(used)
            lines[name] = n
    print(f"{label} (report lines {lines['base']} vs {lines['head']}):")
    for what, data in (("wall", wall), ("cpu", cpu)):
        b, h = min(data["base"]), min(data["head"])
        mb, mh = statistics.median(data["base"]), statistics.median(data["head"])
        print(
            f"  {what:4}  baseline best {b:.2f} s (median {mb:.2f})   this tree best {h:.2f} s (median {mh:.2f})"
            f"   ratio {h / b:.2f}x best, {mh / mb:.2f}x median"
        )


def main(base: Path, n: int = 300, rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        synth = Path(tmp) / "synth"
        write_corpus(synth / "docs", n)
        shutil.copy(ROOT / "glossary.yml", synth / "glossary.yml")
        real = Path(tmp) / "real"
        real_corpus(real / "docs", n)
        compare(f"synthetic, {n} policies x 3", synth, base, rounds)
        compare(f"real wording, {n} x yasam/privacy x 3", real, base, rounds)


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:]))
