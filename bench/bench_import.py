"""Importing a 60-page Word file and a 60-page PDF, against the chosen library's own plain text extraction.

    .venv/bin/python bench/bench_import.py [--pages 60] [--rounds 3]

The policy is synthetic Russian text of the seed-002 shape (bench/synth.py: sections,
clauses, sub-clauses, "1)" items, bullets), grown until the PDF has the wanted pages,
then written as .docx with python-docx and rendered to PDF by WeasyPrint with a running
header, page numbers and hyphenation (tests/render_formats.py). Side by side, best of R:

  docx   python-docx's own text: "\\n".join(p.text for p in Document(f).paragraphs)
  import policydocs' whole import of the .docx (dry run: read, numbering, pipeline, verification)
  pdf    pdfminer.six's own text: pdfminer.high_level.extract_text(f)
  import policydocs' whole import of the .pdf (dry run)

plus the .docx reader alone (bytes to the import model), and the shared pipeline's cost
on the same policy as a plain text file.

Times are CPU seconds of this process (time.process_time), so that other work on the
shared machine does not count. Target: each import at most 1.5x its library's extraction.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests.render_formats import to_docx, to_pdf  # noqa: E402

from policydocs.importer import formats, import_file  # noqa: E402
from synth import policy_text  # noqa: E402


def read(path: Path):
    """Only the file's reader: bytes to the import model, without the shared pipeline."""
    data = formats.read_source(path)
    return formats.extract(data, path, formats.detect(data, path))


def best_pair(base, ours, rounds: int) -> tuple[float, float]:
    """Best of ``rounds`` for each, the two interleaved so that a busy moment hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for fn, out in ((base, times[0]), (ours, times[1])):
            start = time.process_time()  # CPU time of this process: the shared machine's load does not count
            fn()
            out.append(time.process_time() - start)
    return min(times[0]), min(times[1])


def text_of(sections: int) -> str:
    md = policy_text(1, "ru", seed=12, sections=sections).split("---", 2)[2]
    return re.sub(r"^#+ ", "", md, flags=re.M)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import docx
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sections = max(1, args.pages // 4)
        while True:
            pdf = to_pdf(text_of(sections), tmp / "policy.pdf")
            pages = len(PdfReader(pdf).pages)
            if pages >= args.pages:
                break
            sections = int(sections * args.pages / pages) + 1
        docx_path = to_docx(text_of(sections), tmp / "policy.docx")
        print(
            f"policy: {sections} sections, PDF {pages} pages ({pdf.stat().st_size // 1024} KiB), "
            f".docx {docx_path.stat().st_size // 1024} KiB; best of {args.rounds}"
        )
        rows = []
        base, ours = best_pair(
            lambda: "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs),
            lambda: import_file(docx_path, "bench/privacy", tmp / "docs", dry_run=True),
            args.rounds,
        )
        rows.append(("docx", "python-docx paragraph text", base, ours))
        base, reader = best_pair(
            lambda: "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs),
            lambda: read(docx_path),
            args.rounds,
        )
        rows.append(("docx", "  reader only (formats/docx.py)", base, reader))
        base, ours = best_pair(
            lambda: extract_text(str(pdf)),
            lambda: import_file(pdf, "bench/privacy", tmp / "docs", dry_run=True),
            args.rounds,
        )
        rows.append(("pdf", "pdfminer.six extract_text", base, ours))
        text = tmp / "policy.txt"
        text.write_text(text_of(sections), encoding="utf-8")
        plain = best_pair(lambda: None, lambda: import_file(text, "bench/privacy", tmp / "docs", dry_run=True), 3)[1]
        print(
            f"the same policy as plain text (.txt): import {plain:.3f}s, the pipeline every kind of file goes through"
        )
        print(f"{'file':6} {'library extraction':32} {'library':>9} {'import':>9} {'ratio':>7}")
        for kind, name, base, ours in rows:
            print(f"{kind:6} {name:32} {base:8.3f}s {ours:8.3f}s {ours / base:6.2f}x")


if __name__ == "__main__":
    main()
