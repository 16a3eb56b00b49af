"""Scale (issue 18): does the site cost the same per document at 10 and at 1,000 policies?

    .venv/bin/python bench/bench_scale.py [--sizes 10,100,300,1000] [--runs 3]
                                          [--columns check,plain,plugin,pdf,forked,reload]
                                          [--plain-max 1000] [--pdf-max 300] [--before SRC]

For each size N: N synthetic policies x ru/kk/en (bench/synth.py, each the size of seed
002) in one ``docs/`` tree, then, side by side and each as a user runs it (a new process,
whole-process wall time, median of ``--runs``; one run at 1,000 documents and above):

- ``check``: ``policydocs check docs`` (the project's glossary, two workers);
- ``plain``: ``mkdocs build`` of the same Markdown with Material alone (bench/benchsite.py);
- ``plugin``: ``mkdocs build`` with the policydocs plugin, PDFs off;
- ``pdf``: the same with PDFs on and every PDF already in the cache (a first, untimed build
  fills it); skipped above ``--pdf-max`` documents, where filling the cache takes long;
- ``forked`` (not by default): the plugin build with ``jobs: 2``, the side-by-side pages in
  two forked workers (site/workers.py), to see whether they save anything;
- ``--before SRC``: the plugin build, PDFs off, once more with the library from ``SRC`` (a
  copy of ``tools/`` of an earlier commit, e.g. ``git archive main tools overrides | tar -x -C /tmp/main``:
  its ``overrides/`` beside it are its templates
  then ``--before /tmp/main/tools``), alternating with the others: before and after under
  the same load;
- per-document time of the plugin build (wall, and CPU: user + system time of the process
  and its workers, which a busy shared machine disturbs less), and the peak memory (largest
  resident set of the process or any of its workers); both from ``os.wait4``.

- ``reload`` (not by default): under a real ``mkdocs serve`` of the plugin's project, the median
  seconds from one clause's save to the browser's reload (bench/bench_reload.py), issue 18 item 3.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchsite import MKDOCS, overrides_of, write_config  # noqa: E402
from synth import write_corpus  # noqa: E402

POLICYDOCS = Path(sys.executable).with_name("policydocs")
COLUMNS = ("check", "plain", "plugin", "pdf", "forked", "reload")
DEFAULT_COLUMNS = ("check", "plain", "plugin", "pdf")
ONE_RUN_FROM = 1000  # documents: a single run each (a build takes minutes)


@dataclass
class Run:
    seconds: float
    peak_mib: float
    cpu: float  # user + system seconds of the process and the workers it waited for


@dataclass
class Row:
    docs: int
    runs: dict[str, list[Run]] = field(default_factory=dict)
    reload: float | None = None

    def median(self, column: str) -> float | None:
        runs = self.runs.get(column)
        return statistics.median(r.seconds for r in runs) if runs else None

    def cpu(self, column: str) -> float | None:
        runs = self.runs.get(column)
        return statistics.median(r.cpu for r in runs) if runs else None

    def peak(self, column: str) -> float | None:
        runs = self.runs.get(column)
        return max(r.peak_mib for r in runs) if runs else None


def measured(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, ok=(0,)) -> Run:
    """Wall time and peak resident memory of one command, as a new process.

    ``os.wait4`` gives this child's own usage (its largest resident set, or that of any
    worker it waited for), not the sum over every child this script ever ran.
    """
    env = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            raise SystemExit(
                f"{' '.join(cmd)} in {cwd} failed ({proc.returncode}):\n"
                + err.read().decode("utf-8", "replace")[-3000:]
            )
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # Linux reports KiB


def project(root: Path, docs: Path, plugin: dict[str, object] | None, overrides: Path | None = None) -> Path:
    """A MkDocs project over a copy of ``docs`` (each build writes its own site/)."""
    root.mkdir(parents=True)
    shutil.copytree(docs, root / "docs")
    write_config(root, plugin, overrides)
    return root


def build_cmd() -> list[str]:
    return [str(MKDOCS), "build", "-q"]


def check_cmd() -> list[str]:
    return [str(POLICYDOCS), "check", "docs"]  # with the project's glossary.yml, copied beside docs/


def serve_reload(project_dir: Path, n_docs: int) -> float | None:
    """Serve reload (issue 18, item 3): median seconds from one clause's write to the reload.

    Measured by ``bench/bench_reload.py`` under a real ``mkdocs serve`` of ``project_dir`` (the
    plugin's project, PDFs off), five edits of five documents; the full rebuild is not repeated.
    """
    from bench_reload import measure_reload  # noqa: PLC0415

    return measure_reload(n_docs, edits=5, full=False, project=project_dir)["reload_s"]


def measure(
    size: int, tmp: Path, runs: int, columns: set[str], plain_max: int, pdf_max: int, before: Path | None
) -> Row:
    row = Row(size)
    runs = 1 if size >= ONE_RUN_FROM else runs
    write_corpus(tmp / "docs", size)
    projects: dict[str, Path] = {}
    envs: dict[str, dict[str, str]] = {}
    if "check" in columns:
        projects["check"] = project(tmp / "check", tmp / "docs", None)
        shutil.copy(ROOT / "glossary.yml", projects["check"] / "glossary.yml")
    if "plain" in columns and size <= plain_max:
        projects["plain"] = project(tmp / "plain", tmp / "docs", None)
    if "plugin" in columns:
        projects["plugin"] = project(tmp / "plugin", tmp / "docs", {"pdf": False})
    if "forked" in columns:
        projects["forked"] = project(tmp / "forked", tmp / "docs", {"pdf": False, "jobs": 2})
    if before is not None:
        projects["before"] = project(tmp / "before", tmp / "docs", {"pdf": False}, overrides_of(before))
        envs["before"] = dict(os.environ, PYTHONPATH=str(before))
    if "pdf" in columns and size <= pdf_max:
        projects["pdf"] = project(tmp / "pdf", tmp / "docs", {"pdf": True, "pdf_cache_dir": tmp / "pdf-cache"})
        print(f"  {size}: filling the PDF cache (untimed build)", flush=True)
        measured(build_cmd(), projects["pdf"])
    for i in range(runs):  # alternate the columns: the machine's drift spreads over all of them
        for column, where in projects.items():
            cmd = check_cmd() if column == "check" else build_cmd()
            run = measured(cmd, where, envs.get(column), ok=(0, 1) if column == "check" else (0,))
            row.runs.setdefault(column, []).append(run)
            print(
                f"  {size} docs, {column}, run {i + 1}/{runs}: {run.seconds:.2f} s, CPU {run.cpu:.2f} s, "
                f"{run.peak_mib:.0f} MiB",
                flush=True,
            )
    if "reload" in columns and "plugin" in projects:
        row.reload = serve_reload(projects["plugin"], size)
    return row


def fmt(value: float | None, unit: str = " s", digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def table(rows: list[Row]) -> str:
    head = (
        "| documents | `check` | plain Material | plugin, PDFs off | per document | plugin CPU per document | "
        "with PDFs, warm cache | warm / off | peak memory (plugin) | peak memory (plain) | serve reload |"
    )
    extra = [c for c in ("forked", "before") if any(c in r.runs for r in rows)]
    head += "".join(f" {c}: plugin, PDFs off | {c}: per document | {c}: peak memory |" for c in extra)
    out = [head, "|" + "---|" * (head.count("|") - 1)]
    for row in rows:
        plugin, pdf = row.median("plugin"), row.median("pdf")
        per_doc = plugin / row.docs if plugin is not None else None
        cpu_doc = row.cpu("plugin") / row.docs if plugin is not None else None
        ratio = pdf / plugin if pdf is not None and plugin else None
        line = (
            f"| {row.docs:,} | {fmt(row.median('check'))} | {fmt(row.median('plain'))} | {fmt(plugin)} | "
            f"{fmt(per_doc, digits=3)} | {fmt(cpu_doc, digits=3)} | {fmt(pdf)} | {fmt(ratio, 'x')} | {fmt(row.peak('plugin'), ' MiB', 0)} | "
            f"{fmt(row.peak('plain'), ' MiB', 0)} | {fmt(row.reload)} |"
        )
        for c in extra:
            t = row.median(c)
            line += f" {fmt(t)} | {fmt(t / row.docs if t is not None else None, digits=3)} | {fmt(row.peak(c), ' MiB', 0)} |"
        out.append(line)
    return "\n".join(out)


def targets(rows: list[Row]) -> list[str]:
    """The issue's targets, where this run has the figures for them."""
    out = []
    per_doc = {r.docs: r.median("plugin") / r.docs for r in rows if r.median("plugin") is not None}
    if per_doc:
        small, large = min(per_doc), max(per_doc)
        if large != small:
            ratio = per_doc[large] / per_doc[small]
            out.append(f"per-document time at {large:,} / at {small:,}: {ratio:.2f}x (target <= 1.2x)")
            cpu = {r.docs: r.cpu("plugin") / r.docs for r in rows if r.cpu("plugin") is not None}
            out.append(
                f"per-document CPU time at {large:,} / at {small:,}: {cpu[large] / cpu[small]:.2f}x "
                "(less sensitive than wall time to other work on the machine)"
            )
        peak = next((r.peak("plugin") for r in rows if r.docs == large), None)
        out.append(f"peak memory at {large:,}: {peak:,.0f} MiB (target < 1,536 MiB at 1,000)")
    for column, what in (("before", "before"), ("forked", "two workers (jobs: 2)")):
        per = {r.docs: r.median(column) / r.docs for r in rows if r.median(column) is not None}
        if len(per) > 1:
            small, large = min(per), max(per)
            out.append(f"{what}: per-document time at {large:,} / at {small:,}: {per[large] / per[small]:.2f}x")
        for r in rows:
            if r.median(column) is not None and r.median("plugin"):
                out.append(f"{what} / now at {r.docs:,}: {r.median(column) / r.median('plugin'):.2f}x")
    for r in rows:
        if r.median("pdf") is not None and r.median("plugin"):
            out.append(
                f"warm PDF cache / PDFs off at {r.docs:,}: {r.median('pdf') / r.median('plugin'):.2f}x "
                "(target <= 1.05x at 300)"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,300,1000", help="numbers of documents, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (median); 1 from 1,000 documents")
    parser.add_argument("--columns", default=",".join(DEFAULT_COLUMNS), help=f"which of {', '.join(COLUMNS)}")
    parser.add_argument("--plain-max", type=int, default=1000, help="largest size built with plain Material")
    parser.add_argument("--pdf-max", type=int, default=300, help="largest size measured with PDFs")
    parser.add_argument("--before", type=Path, help="tools/ of an earlier commit: its plugin build side by side")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    columns = {c.strip() for c in args.columns.split(",") if c.strip()}
    unknown = columns - set(COLUMNS)
    if unknown:
        parser.error(f"unknown column(s): {', '.join(sorted(unknown))}")
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{size}-") as tmp:
            rows.append(
                measure(
                    size,
                    Path(tmp),
                    args.runs,
                    columns,
                    args.plain_max,
                    args.pdf_max,
                    args.before.resolve() if args.before else None,
                )
            )
    print()
    print(
        f"{', '.join(map(str, sizes))} documents x 3 languages, median of {args.runs} runs "
        f"(1 from {ONE_RUN_FROM:,}), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(table(rows))
    for line in targets(rows):
        print(line)


if __name__ == "__main__":
    main()
