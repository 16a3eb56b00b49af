"""Records per second of `policydocs acceptance check` and its peak memory, at two sizes side by side.

    .venv/bin/python bench/bench_acceptance.py [--records 1000000]

Flat memory shows as the same peak RSS for N/10 and N records.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.proof_helpers import DOC, TEXTS, make_store  # noqa: E402

from policydocs.versions.store import sha256_bytes  # noqa: E402


def write(path: Path, count: int) -> None:
    digest = sha256_bytes(TEXTS[2]["kk"].encode())
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(
                json.dumps(
                    {
                        "user": f"acc-{i:08x}",
                        "document": DOC,
                        "version": 2,
                        "language": "kk",
                        "sha256": digest,
                        "at": f"2026-12-{1 + i % 28:02d}T09:{i % 60:02d}:00+05:00",
                        "how": "click" if i % 3 else "silent",
                    }
                )
                + "\n"
            )


def measure(records: Path, versions: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policydocs.cli import run; run()",
            "acceptance",
            "check",
            str(records),
            "--versions",
            str(versions),
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-500:] + done.stderr
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_store(tmp / "versions")
        for count in (args.records // 10, args.records):
            path = tmp / f"r{count}.jsonl"
            write(path, count)
            elapsed, rss = measure(path, tmp / "versions")
            print(
                f"{count:>9} records  {elapsed:6.2f} s  {count / elapsed:>9.0f} records/s  peak RSS so far {rss / 1024:.0f} MiB"
            )


if __name__ == "__main__":
    main()
