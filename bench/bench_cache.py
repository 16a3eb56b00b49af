"""Warm caches cost nothing (issue 18, item 2): a build with every PDF and .docx cached vs one without them.

Two MkDocs projects over the same synthetic documents (bench/synth.py, seed-002 size, ru/kk/en),
the real site's Material setup (bench/benchsite.py):

  off    the plugin with ``pdf: false`` and ``docx: false``
  warm   the plugin with ``pdf: true`` and ``docx: true``, every PDF and .docx already in the cache

First a cold build of ``warm`` fills the caches (timed: the whole PDF and Word stages from empty
caches), then ``off`` and ``warm`` are built alternately R times; each warm build must render
nothing (the plugin's "PDF: ... rendered" and "Word: ... built" lines are read). Wall and CPU time
(user + system of the ``mkdocs build`` process and its PDF workers), and the user part alone, are
printed side by side: the ratio of the medians, of the fastest builds, and the median of each
round's own ratio. The kernel's part is printed per build: on a disk where the files a build
deletes slow down the next build's new files (bench/README.md), ``--settle`` waits them out, and a
work dir on tmpfs (``/dev/shm``) has no such cost at all.

    .venv/bin/python bench/bench_cache.py [N_DOCS] [--rounds R] [--jobs J] [--workdir DIR] [--settle S]
    .venv/bin/python bench/bench_cache.py --repo [--rounds R] [--workdir DIR]
    .venv/bin/python bench/bench_cache.py 300 --stages --workdir DIR    # after a run with the same DIR

``--stages`` times the PDF and Word stages alone, in this process, on the warm project's caches
(the site model made as the plugin makes it), twice each: what a warm build spends on them.

With ``--workdir`` the projects and caches stay there, so a second run starts warm (no cold build);
without it they live in a temporary folder. ``--repo`` builds this repository's own site instead
(its policies with their published versions and redlines, ``mkdocs.yml`` as it is): the case where
the PDFs of the texts shown, of old versions and of redlines are rendered together.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import yaml  # noqa: E402

from benchsite import MKDOCS, write_config  # noqa: E402
from synth import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

RENDERED = re.compile(r"PDF: (\d+) rendered, (\d+) cached")
WORD = re.compile(r"Word: (\d+) built, (\d+) cached")


#: The build moment: 29 November 2026, after this repository's versions were published (23 November).
EPOCH = "1796000000"


def build(root: Path, settle: float = 0.0) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, of them in the kernel, log) of one ``mkdocs build`` in ``root``.

    ``settle``: seconds to wait first, after flushing the disks, so that the files the last build
    deleted no longer slow down the files this one creates (see bench/README.md, "Warm caches").
    """
    if settle:
        os.sync()
        time.sleep(settle)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build"], cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {root}:\n{result.stderr[-3000:]}")
    system = after.ru_stime - before.ru_stime
    return wall, (after.ru_utime - before.ru_utime) + system, system, result.stderr


def counts(log: str) -> tuple[int, int, int, int]:
    """(PDFs rendered, PDFs cached, .docx built, .docx cached) as the plugin reported them."""
    pdf = [tuple(map(int, m)) for m in RENDERED.findall(log)]
    word = [tuple(map(int, m)) for m in WORD.findall(log)]
    return (sum(r for r, _ in pdf), sum(c for _, c in pdf), sum(b for b, _ in word), sum(c for _, c in word))


def project(root: Path, n_docs: int, plugin: dict) -> Path:
    if not (root / "docs").is_dir():
        write_corpus(root / "docs", n_docs)
    write_config(root, plugin)
    return root


def repo_project(root: Path, plugin: dict) -> Path:
    """This repository's ``mkdocs.yml`` with its docs and versions, the site and caches under ``root``."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data.update(docs_dir=str(ROOT / "docs"), site_dir=str(root / "site"))
    data["theme"]["custom_dir"] = str(ROOT / "overrides")
    for entry in data["plugins"]:
        if isinstance(entry, dict) and "policydocs" in entry:
            entry["policydocs"] = {
                **(entry["policydocs"] or {}),
                "versions_dir": str(ROOT / "versions"),
                **{k: str(v) if isinstance(v, Path) else v for k, v in plugin.items()},
            }
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def stages(work: Path) -> None:
    """The warm PDF and Word stages of the synthetic project alone, CPU and wall, twice."""
    import datetime as dt

    from policydocs import corpus as corpus_mod
    from policydocs.docx.site import build_site_docx
    from policydocs.pdf import DEFAULT_PATTERN
    from policydocs.pdf.site import build_site_pdfs
    from policydocs.publication import history as history_mod
    from policydocs.site import pages

    loaded = corpus_mod.load(work / "warm" / "docs")
    model = pages.build_model(loaded, DEFAULT_PATTERN)
    model.docx_pattern = DEFAULT_PATTERN
    model.histories = history_mod.load_histories(
        loaded, work / "warm" / "versions", dt.datetime.fromtimestamp(int(EPOCH), tz=dt.UTC)
    )
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(2):
            site = Path(tmp) / f"site{i}"
            for name, run in (
                (
                    "PDF",
                    lambda site=site: build_site_pdfs(model, site, work / "cache" / "pdf", pattern=DEFAULT_PATTERN),
                ),
                ("Word", lambda site=site: build_site_docx(model, site, work / "cache" / "docx")),
            ):
                wall, cpu = time.perf_counter(), time.process_time()
                result = run()
                entries = result.entries if name == "PDF" else result
                missed = sum(not e.cached for e in entries)
                print(
                    f"{name:4s} stage: {len(entries)} files, {missed} not cached; CPU {time.process_time() - cpu:.2f} s, "
                    f"wall {time.perf_counter() - wall:.2f} s",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n_docs", type=int, nargs="?", default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--repo", action="store_true", help="this repository's site instead of synthetic documents")
    parser.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="seconds to wait (after a sync) before each timed build: the disk's own cost of the "
        "files the last build deleted fades out",
    )
    parser.add_argument(
        "--stages", action="store_true", help="time the warm PDF and Word stages alone (needs --workdir)"
    )
    args = parser.parse_args()
    if args.stages:
        return stages(args.workdir.resolve())

    with tempfile.TemporaryDirectory() as tmp:
        work = (args.workdir or Path(tmp)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        on = {
            "pdf": True,
            "docx": True,
            "pdf_jobs": args.jobs,
            "pdf_cache_dir": work / "cache" / "pdf",
            "docx_cache_dir": work / "cache" / "docx",
        }
        make = repo_project if args.repo else lambda root, plugin: project(root, args.n_docs, plugin)
        off = make(work / "off", {"pdf": False, "docx": False})
        warm = make(work / "warm", on)
        what = "this repository's site" if args.repo else f"{args.n_docs} documents x 3 languages"
        print(f"{what} in {work}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)

        wall, cpu, _system, log = build(warm)
        rendered, cached, built, word_cached = counts(log)
        first = "cold" if rendered or built else "already warm"
        print(
            f"first build ({first}): wall {wall:.1f} s, CPU {cpu:.1f} s; PDFs {rendered} rendered, {cached} cached; "
            f".docx {built} built, {word_cached} cached",
            flush=True,
        )

        runs: dict[str, list[tuple[float, float, float]]] = {"off": [], "warm": []}
        for r in range(args.rounds):
            for name, root in (("off", off), ("warm", warm)):
                wall, cpu, system, log = build(root, args.settle)
                if name == "warm":
                    rendered, cached, built, word_cached = counts(log)
                    if rendered or built or not cached:
                        raise SystemExit(
                            f"a warm build rendered {rendered} PDFs and built {built} .docx ({cached} cached)"
                        )
                runs[name].append((wall, cpu, cpu - system))
                print(
                    f"  round {r + 1} {name:5s} wall {wall:6.1f} s  CPU {cpu:6.1f} s (kernel {system:4.1f} s)",
                    flush=True,
                )

        print(
            f"load average after {os.getloadavg()[0]:.2f}; {cached} PDFs and {word_cached} .docx cached per warm build"
        )
        if not args.rounds:
            return
        for what, i in (("wall", 0), ("CPU", 1), ("user", 2)):
            o = [x[i] for x in runs["off"]]
            w = [x[i] for x in runs["warm"]]
            # a shared machine only ever adds time: the fastest of each and the median of the rounds' own
            # ratios (each warm build beside the build without caches just before it) say more than one mean
            paired = statistics.median(b / a for a, b in zip(o, w))
            print(
                f"{what:4s} off  {'/'.join(f'{x:.1f}' for x in o)} s, warm {'/'.join(f'{x:.1f}' for x in w)} s: "
                f"medians {statistics.median(w) / statistics.median(o):.3f}x, fastest {min(w) / min(o):.3f}x, "
                f"median of the rounds' ratios {paired:.3f}x (target <= 1.05x)"
            )


if __name__ == "__main__":
    main()
