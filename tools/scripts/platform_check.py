"""Build the site with MkDocs 1.6 and with ProperDocs from the same mkdocs.yml; they must agree.

ProperDocs is the maintained continuation of MkDocs 1.x with the same plugin API: the plan for
the day Material or MkDocs stop receiving fixes (README, "Platform"). This keeps the promise
checked: both generators, at the same build moment (SOURCE_DATE_EPOCH), must give the same set
of files, the same API and the same pages apart from the generator's name in each page's
``<meta name="generator">`` (and the API's ``html_sha256``, which hashes those pages).

Usage: ``python tools/scripts/platform_check.py [--config mkdocs.yml]`` (``make platform-check``).
Exit 0 when they agree; 2 with one line naming the first file that differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*"\s*/?>')
EPOCH = "1796040000"  # 2026-11-30 12:00 UTC: any fixed moment, the same for both


def build(tool: Path, config: Path, out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run(
        [str(tool), "build", "--strict", "-f", str(config), "-d", str(out)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        print(f"{config}: {tool.name} build failed: {last}", file=sys.stderr)
        sys.exit(2)


def _without_html_hashes(value):
    if isinstance(value, dict):
        return {k: _without_html_hashes(v) for k, v in value.items() if k != "html_sha256"}
    if isinstance(value, list):
        return [_without_html_hashes(v) for v in value]
    return value


def fingerprint(path: Path) -> str:
    """The file's sha256, less what names the generator."""
    data = path.read_bytes()
    if path.suffix == ".html":
        data = GENERATOR.sub(b"", data)
    elif path.suffix == ".json" and "api" in path.parts:
        data = json.dumps(_without_html_hashes(json.loads(data)), sort_keys=True).encode()
    return hashlib.sha256(data).hexdigest()


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: Path, b: Path) -> str | None:
    left, right = files(a), files(b)
    for name in sorted(set(left) ^ set(right)):
        side = "MkDocs" if name in left else "ProperDocs"
        return f"{name}: only {side} built it"
    for name in left:
        if name.endswith(".gz"):  # compressed copies of files compared above (sitemap)
            continue
        if fingerprint(left[name]) != fingerprint(right[name]):
            return f"{name}: MkDocs and ProperDocs built it differently"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    args = parser.parse_args()
    config = args.config.resolve()
    if not config.is_file():
        print(f"{args.config}: no such configuration file", file=sys.stderr)
        sys.exit(2)
    bin_dir = Path(sys.executable).parent
    tools = [bin_dir / "mkdocs", bin_dir / "properdocs"]
    for tool in tools:
        if not tool.exists():
            print(f"{tool}: not installed; run 'make setup' (properdocs is in the test extras)", file=sys.stderr)
            sys.exit(2)
    work = Path(tempfile.mkdtemp(prefix="platform-check-"))
    try:
        sites = [work / "mkdocs", work / "properdocs"]
        for tool, site in zip(tools, sites):
            build(tool, config, site)
        count = len(files(sites[0]))
        problem = first_difference(*sites)
        if problem:
            print(f"{config}: {problem}", file=sys.stderr)
            sys.exit(2)
        print(f"MkDocs and ProperDocs built the same {count} files from {config.name}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
