"""Word export speed against python-docx writing the same paragraphs plainly, side by side in one run.

    .venv/bin/python bench/bench_docx.py [--rounds R] [--builds B]

1. export   the Platform policy (docs/<lang>/platform/privacy.md, the longest seed, ~11 pages) with
            policydocs.docx.document_docx (styles, Word list numbering, bookmarks, header/footer,
            reproducible zip) vs python-docx alone: Document(), add_paragraph(number + text) per block,
            save: no numbering, no tracked changes.
2. redline  a version 2 of the Russian Platform text made here (12 clauses amended, one removed, one
            added, one moved) written as a tracked-changes .docx (redline_docx, from the comparison)
            vs python-docx writing version 2's paragraphs plainly; the comparison itself
            (versions.redline.compare, shared with the HTML and PDF redlines) is timed apart.
3. site     `mkdocs build` of this repository (PDFs on, as in mkdocs.yml) with `docx: true` vs
            `docx: false`, every cache warm, alternating B times; the sums are compared.

The machine is shared (load averages of 8-10 on 2 cores happen), so CPU time is what is
compared: in 1 and 2 the process time of each call, ours and the baseline interleaved, the best
of R rounds; in 3 the CPU time (user + system) of each `mkdocs build` process, from its
resource usage, with the wall time printed beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import docx as python_docx
import yaml

from policydocs.document import parse_file, parse_text
from policydocs.docx import Edition, document_docx
from policydocs.docx.redline import RedlineInfo, redline_docx
from policydocs.versions.redline import compare, summary

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
MOMENT = dt.datetime(2026, 11, 22, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))


def best_pair(ours, base, rounds: int) -> tuple[float, float]:
    """Best process time of each of two calls, run in turn so that both meet the same load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for fn, into in ((ours, times[0]), (base, times[1])):
            started = time.process_time()
            fn()
            into.append(time.process_time() - started)
    return min(times[0]), min(times[1])


def best(fn, rounds: int) -> float:
    return best_pair(fn, lambda: None, rounds)[0]


def plain_docx(doc) -> bytes:
    """The baseline: python-docx writing each block's number and text as a plain paragraph."""
    document = python_docx.Document()
    for block in doc.content_blocks():
        document.add_paragraph(
            f"{block.marker} {block.text}" if block.marker and block.kind.value != "heading" else block.text
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def version_two(text: str) -> str:
    """Edits a lawyer makes between versions: amounts and periods, a clause out, a clause in, a clause moved."""
    lines = text.split("\n")
    clause_lines = [i for i, line in enumerate(lines) if re.match(r"^\d+(\.\d+)+\. \S", line)]
    for i in clause_lines[1::2][:12]:
        lines[i] = lines[i].replace("Пользовател", "Клиент", 1) + " Срок рассмотрения — 10 (десять) рабочих дней."
    moved = lines[clause_lines[4]]
    lines[clause_lines[4]] = ""
    lines[clause_lines[14]] = ""  # removed
    lines.insert(clause_lines[20], moved + "\n")
    lines.insert(
        clause_lines[10], "2.9.9. Администрация вправе взимать плату не более 500 000 (пятисот тысяч) тенге.\n"
    )
    return "\n".join(lines)


def site_config(docx: bool) -> Path:
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(ROOT / "docs")
    data["site_dir"] = str(OUT / ("site-docx" if docx else "site-plain"))
    data["theme"]["custom_dir"] = str(ROOT / "overrides")
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "policydocs" in plugin:
            options = plugin["policydocs"] = dict(plugin["policydocs"] or {})
            options["docx"] = docx
            options["versions_dir"] = str(ROOT / "versions")
            options["pdf_cache_dir"] = str(OUT / "cache" / "pdf")
            options["docx_cache_dir"] = str(OUT / "cache" / "docx")
    path = OUT / f"mkdocs-{'docx' if docx else 'plain'}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `mkdocs build` process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(config)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--builds", type=int, default=4)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    edition = Edition(1, MOMENT, MOMENT)

    print(f"1. export of the Platform policy (best of {args.rounds})")
    for lang in ("ru", "kk", "en"):
        doc = parse_file(ROOT / f"docs/{lang}/platform/privacy.md")
        ours, base = best_pair(
            lambda doc=doc: document_docx(doc, edition), lambda doc=doc: plain_docx(doc), args.rounds
        )
        print(
            f"   {lang}: {len(list(doc.content_blocks()))} paragraphs, {len(list(doc.clauses()))} clauses: "
            f"policydocs {ours * 1000:.1f} ms, python-docx plain {base * 1000:.1f} ms, ratio {ours / base:.2f}x"
        )

    print("2. redline of the Russian Platform policy")
    source = (ROOT / "docs/ru/platform/privacy.md").read_text(encoding="utf-8")
    old, new = parse_text(source, "v1/ru.md"), parse_text(version_two(source), "v2/ru.md")
    took_compare = best(lambda: compare(old, new), args.rounds)
    changes = compare(old, new)
    kinds = {k: sum(c.kind == k for c in changes) for k in ("amended", "added", "removed", "moved")}
    info = RedlineInfo(
        new.title,
        new.front.operator,
        "1",
        "2",
        MOMENT,
        MOMENT,
        summary(changes, "ru"),
        "Изменения в редакции 2",
        ["По сравнению с редакцией 1.", summary(changes, "ru")],
        new_version=2,
    )
    ours, base = best_pair(lambda: redline_docx(old, new, changes, info), lambda: plain_docx(new), args.rounds)
    print(f"   changes {kinds}: comparison {took_compare * 1000:.1f} ms (shared with HTML/PDF redlines)")
    print(
        f"   tracked-changes .docx {ours * 1000:.1f} ms, python-docx plain {base * 1000:.1f} ms, ratio {ours / base:.2f}x; "
        f"with the comparison {(ours + took_compare) / base:.2f}x"
    )

    print(f"3. site build, warm caches, alternating {args.builds} times")
    on, off = site_config(True), site_config(False)
    build(on), build(off)  # warm every cache
    runs = {True: [], False: []}
    for _ in range(args.builds):
        runs[True].append(build(on))
        runs[False].append(build(off))
    for flag in (True, False):
        cpu = [c for c, _ in runs[flag]]
        wall = [w for _, w in runs[flag]]
        print(
            f"   docx: {str(flag).lower():5} CPU {'/'.join(f'{x:.2f}' for x in cpu)} s (sum {sum(cpu):.2f}, best {min(cpu):.2f}); "
            f"wall {'/'.join(f'{x:.2f}' for x in wall)} s"
        )
    cpu_on, cpu_off = (sum(c for c, _ in runs[f]) for f in (True, False))
    print(
        f"   CPU ratio {cpu_on / cpu_off:.3f}x (sums), {min(c for c, _ in runs[True]) / min(c for c, _ in runs[False]):.3f}x (best)"
    )


if __name__ == "__main__":
    main()
