"""PDF stage speed against raw WeasyPrint on the same HTML, side by side in one run.

Runs, on synthetic three-language policies of seed-002 size (bench/synth.py):
  raw-1   WeasyPrint alone, one process: HTML(string).write_pdf(pdf/ua-1) of the very HTML
          policydocs lays out, stylesheet and fonts loaded once per process
  raw-N   the same over N processes (a process pool)
  pdf-N   policydocs' build_pdfs with N processes and an empty cache (checks, hashing,
          cache writes and atomic publishing included)
  cached  build_pdfs again with every PDF in the cache
  mkdocs  plain `mkdocs build` (material theme, no plugins) of the same Markdown: the
          yardstick for the cached rebuild

    .venv/bin/python bench/bench_pdf.py [N_DOCS] [--jobs N] [--rounds R]

Each timing is the best of R rounds (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policydocs import corpus  # noqa: E402
from policydocs.pdf import build_pdfs  # noqa: E402
from policydocs.pdf.render import PACKAGE_DIR, PDF_OPTIONS, STYLESHEET  # noqa: E402
from policydocs.pdf.template import header_for, page_html  # noqa: E402
from policydocs.pools import pool_context  # noqa: E402
from synth import write_corpus  # noqa: E402

_raw: dict = {}


def raw_render(item: tuple[str, str]) -> int:
    """Plain WeasyPrint: the baseline. Returns the number of pages."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html, base_url = item
    if "css" not in _raw:
        _raw["fc"] = FontConfiguration()
        _raw["css"] = CSS(
            string=STYLESHEET.read_text(encoding="utf-8"), base_url=PACKAGE_DIR.as_uri() + "/", font_config=_raw["fc"]
        )
    document = HTML(string=html, base_url=base_url).render(
        stylesheets=[_raw["css"]], font_config=_raw["fc"], **PDF_OPTIONS
    )
    document.write_pdf(**PDF_OPTIONS)
    return len(document.pages)


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n_docs", type=int, nargs="?", default=4)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        write_corpus(docs, args.n_docs)
        documents = list(corpus.load(docs).documents())
        items = [(page_html(d, header_for(d)), d.path.resolve().parent.as_uri() + "/") for d in documents]

        def raw(n: int):
            if n == 1:
                return sum(map(raw_render, items))
            with ProcessPoolExecutor(n, mp_context=pool_context()) as pool:
                return sum(pool.map(raw_render, items))

        def pdf_cold():
            shutil.rmtree(tmp / "cache", ignore_errors=True)
            shutil.rmtree(tmp / "site", ignore_errors=True)
            return build_pdfs(documents, tmp / "site", cache_dir=tmp / "cache", jobs=args.jobs)

        def pdf_cached():
            docs_again = list(corpus.load(docs).documents())  # a rebuild parses again
            return build_pdfs(docs_again, tmp / "site", cache_dir=tmp / "cache", jobs=args.jobs)

        (tmp / "mkdocs.yml").write_text(
            f"site_name: bench\ndocs_dir: docs\nsite_dir: {tmp / 'mk'}\ntheme:\n  name: material\n", encoding="utf-8"
        )
        mkdocs = Path(sys.executable).with_name("mkdocs")

        def mkdocs_build():
            subprocess.run(
                [str(mkdocs), "build", "-q", "-f", str(tmp / "mkdocs.yml")],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        best: dict[str, float] = {}
        pages = 0
        for _ in range(args.rounds):
            for name, fn in (
                ("raw-1", lambda: raw(1)),
                (f"raw-{args.jobs}", lambda: raw(args.jobs)),
                (f"pdf-{args.jobs}", pdf_cold),
                ("cached", pdf_cached),
                ("mkdocs", mkdocs_build),
            ):
                _raw.clear()
                seconds, value = timed(fn)
                best[name] = min(seconds, best.get(name, seconds))
                if name == "raw-1":
                    pages = value
                if name == "cached":
                    assert value.rendered == 0, "cached rebuild rendered PDFs"

    raw1, rawn, pdfn = best["raw-1"], best[f"raw-{args.jobs}"], best[f"pdf-{args.jobs}"]
    load = os.getloadavg()[0]
    print(
        f"{len(documents)} PDFs, {pages} pages, {os.cpu_count()} cores, best of {args.rounds}, "
        f"load average before the run {load_before:.2f}, after {load:.2f}"
    )
    for name, seconds in best.items():
        print(f"  {name:8s} {seconds:7.2f} s")
    print(f"PDF stage / raw WeasyPrint, {args.jobs} processes each: {pdfn / rawn:.2f}x (target <= 1.1x)")
    print(f"PDF stage with {args.jobs} processes / raw one process: {pdfn / raw1:.2f}x (target <= 0.6x)")
    print(
        f"cached rebuild: {best['cached']:.2f} s = {best['cached'] / best['mkdocs']:.2f}x plain mkdocs build "
        f"({best['mkdocs']:.2f} s), {best['cached'] / pdfn:.3f}x a cold PDF build"
    )
    print(f"throughput: {pages / pdfn:.1f} pages/s with {args.jobs} processes, {pages / raw1:.1f} pages/s raw on one")


if __name__ == "__main__":
    main()
