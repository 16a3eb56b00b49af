#!/usr/bin/env python3
"""Build the site of a git ref and of the working tree, and compare every file's sha256.

    python tools/scripts/same_output.py --ref main

Issue 27 asks that moving the build out of the MkDocs plugin changes no byte of the site,
its PDFs, Word files and API. The ref's files are taken with ``git archive`` into a temporary
folder (the repository and its worktrees are not touched); the working tree is built as it is
on disk, uncommitted changes included. Both builds run with this Python (its MkDocs, Material
and libraries), each with its own code first on ``PYTHONPATH``, the same ``SOURCE_DATE_EPOCH``
and ``POLICYDOCS_NOW``, in UTC, from an empty folder of its own (cold PDF and Word caches, so
that a cached file cannot hide a difference). Exit 0 when every file is the same, 2 when any
differs (the first ones are listed), 3 when a build fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EPOCH = 1795000000  # 2026-11-18 11:06 UTC, as the tests' builds


def build(tree: Path, work: Path, epoch: int) -> Path:
    """``mkdocs build --strict`` of ``tree`` (its code, its docs) into ``work/site``; cwd ``work`` (its caches)."""
    work.mkdir(parents=True)
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(tree / "tools"),
        "TZ": "UTC",
        "SOURCE_DATE_EPOCH": str(epoch),
        "POLICYDOCS_NOW": moment,
        "NO_MKDOCS_2_WARNING": "1",
        "POLICYDOCS_LANG": "en",
        "PYTHONHASHSEED": "0",
    }
    site = work / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(tree / "mkdocs.yml"), "-d", str(site)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        print(f"same_output: the build of {tree} failed (exit {result.returncode})", file=sys.stderr)
        raise SystemExit(3)
    return site


def export(ref: str, into: Path) -> Path:
    """The files of ``ref`` (``git archive``), without touching the repository's worktrees."""
    into.mkdir(parents=True)
    archive = into.with_suffix(".tar")
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", ref], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    return into


def hashes(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the git ref to compare with (default: main)")
    parser.add_argument("--epoch", type=int, default=EPOCH, help="SOURCE_DATE_EPOCH of both builds")
    parser.add_argument("--show", type=int, default=20, help="how many differing files to list")
    parser.add_argument("--keep", action="store_true", help="keep the two sites (their folder is printed)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="same-output-"))
    try:
        ref_site = build(export(args.ref, tmp / "ref"), tmp / "ref-build", args.epoch)
        tree_site = build(REPO, tmp / "tree-build", args.epoch)
        before, after = hashes(ref_site), hashes(tree_site)
        differ = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
        for path in differ[: args.show]:
            what = (
                "only in " + args.ref
                if path not in after
                else "only in the working tree"
                if path not in before
                else "differs"
            )
            print(f"{path}: {what}")
        if differ:
            print(
                f"same_output: {len(differ)} of {len(before.keys() | after.keys())} files differ "
                f"between {args.ref} and the working tree"
            )
            return 2
        print(f"same_output: all {len(after)} files byte-identical between {args.ref} and the working tree")
        return 0
    finally:
        if args.keep:
            print(f"same_output: the sites are in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
