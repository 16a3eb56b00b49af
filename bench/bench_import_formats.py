"""Import per layout: files, labels right, words lost and time per page, against a one-column PDF baseline.

    .venv/bin/python bench/bench_import_formats.py [--only pdf-2col,scan-png] [--langs ru,kk,en]

Each format is one fixture maker in ``MAKERS``: ``maker(text, lang, folder) -> (path, pages)``
renders a contract text (tests/layout_texts.py, real offer wording in ru, kk and en) the way
publishers or scanners make that kind of file. The office rows are a Word file with automatic
numbering (tests/render_formats.py's ``to_docx``: the clause numbers come from Word's lists, not
typed) and LibreOffice's ``.doc``, ``.odt`` and ``.rtf`` of it (``soffice --headless --convert-to``,
pages counted in LibreOffice's PDF of the same file). Another layout (HTML with CSS counters) is
one more entry in the table. For every file the whole import runs (read, pipeline,
verification, files written to a temporary folder), and is scored against the text it was
made from:

  labels right  the clause numbers, in order, equal the text's (files where they all do)
  words lost    words of the text missing from the output or changed (difflib, in order)
  s/page        wall seconds per page, OCR included (Tesseract runs in its own process,
                so CPU time of this process would hide it); ratio = against pdf-1col
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.layout_texts import HEADERS, OFFERS  # noqa: E402
from tests.render_formats import to_docx, to_pdf  # noqa: E402
from tests.render_layouts import columns_pdf, scan_pdf, scan_png  # noqa: E402


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def one_column(text, lang, folder):
    path = to_pdf(text, folder / "one.pdf", header=HEADERS[lang], lang=lang)
    return path, _pages(path)


def two_columns(text, lang, folder):
    path = columns_pdf(text, folder / "two.pdf", lang=lang, header=HEADERS[lang], size="14pt")
    return path, _pages(path)


def three_columns(text, lang, folder):
    path = columns_pdf(text, folder / "three.pdf", lang=lang, header=HEADERS[lang], columns=3)
    return path, _pages(path)


def png_scan(text, lang, folder):
    return scan_png(text, folder / "scan.png", lang=lang), 1


def pdf_scan(text, lang, folder):
    path = scan_pdf(text, folder / "scan.pdf", lang=lang)
    return path, _pages(path)


def _soffice(src: Path, target: str, folder: Path) -> Path:
    out = folder / target.split(":")[0]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HOME=str(folder)),
    )
    return out / f"{src.stem}.{target.split(':')[0]}"


def office(kind: str):
    """A Word file with automatic numbering, or LibreOffice's .doc/.odt/.rtf of it."""

    def make(text, lang, folder):
        docx = to_docx(text, folder / "offer.docx")
        pages = _pages(_soffice(docx, "pdf", folder))
        if kind == "docx":
            return docx, pages
        return _soffice(docx, {"doc": "doc:MS Word 97"}.get(kind, kind), folder), pages

    return make


COUNTERS_CSS = """ol.policy, ol.policy ol { counter-reset: item; list-style: none; padding-left: 1.2em }
ol.policy li { counter-increment: item }
ol.policy li::before { content: counters(item, ".") ". "; font-weight: bold }
ol.policy ol.items { counter-reset: sub } ol.policy ol.items > li { counter-increment: sub }
ol.policy ol.items > li::before { content: counter(sub) ") "; font-weight: normal }"""


def css_counters(text, lang, folder):
    """A web page whose clause numbers are all CSS counters: nested <ol>, counters(item, ".")."""
    import html

    def inline(s: str) -> str:
        return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(s))

    lines = text.splitlines()
    out = [f"<h1>{inline(lines[0])}</h1>", '<ol class="policy">']
    depth = 0  # 0 outside a section, 1 in a section, 2 in a clause, 3 in a clause's items
    for line in lines[1:]:
        m = re.match(r"(\d+)\.(?:(\d+)\.)?\s+(.*)|(\d+)\)\s+(.*)", line)
        if m and m.group(4):
            if depth == 2:
                out.append('<ol class="items">')
                depth = 3
            out.append(f"<li>{inline(m.group(5))}</li>")
            continue
        if depth == 3:
            out.append("</ol>")
            depth = 2
        if m and m.group(2):
            if depth == 1:
                out.append("<ol>")
            elif depth == 2:
                out.append("</li>")
            out.append(f"<li>{inline(m.group(3))}")
            depth = 2
        elif m:
            out.append({0: "", 1: "</li>", 2: "</li></ol></li>"}[depth] + f"<li>{inline(m.group(3))}")
            depth = 1
        else:
            out.append(f"<p>{inline(line)}</p>")
    out.append({0: "", 1: "</li>", 2: "</li></ol></li>", 3: "</ol></li></ol></li>"}[depth] + "</ol>")
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{HEADERS[lang]}</title>"
        f"<style>{COUNTERS_CSS}</style></head><body><main>{''.join(out)}</main></body></html>"
    )
    path = folder / "counters.html"
    path.write_text(page, encoding="utf-8")
    return path, 1


MAKERS = {  # the baseline first
    "pdf-1col": one_column,
    "pdf-2col": two_columns,
    "pdf-3col": three_columns,
    "scan-png": png_scan,
    "scan-pdf": pdf_scan,
    "docx": office("docx"),
    "doc": office("doc"),
    "odt": office("odt"),
    "rtf": office("rtf"),
    "html-css": css_counters,
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("**", ""))


def score(text: str, path: Path, lang: str, folder: Path) -> tuple[bool, int]:
    from policydocs.importer import import_file

    result = import_file(path, "bench/offer", folder / "docs", lang=lang, force=True)
    out = result.documents[0].markdown.split("---", 2)[2]
    expected, got = words(text), words(out)
    matched = sum(b.size for b in difflib.SequenceMatcher(None, expected, got, autojunk=False).get_matching_blocks())
    labels = re.findall(r"(?m)^(\d+\.\d+)\.\s", text) == re.findall(r"(?m)^(\d+\.\d+)\.\s", out)
    return labels, len(expected) - matched


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=",".join(MAKERS))
    parser.add_argument("--langs", default="ru,kk,en")
    args = parser.parse_args()
    langs = args.langs.split(",")
    rows = []
    for name in args.only.split(","):
        files = right = lost = pages = 0
        seconds = 0.0
        for lang in langs:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                path, n = MAKERS[name](OFFERS[lang], lang, folder)
                start = time.perf_counter()
                labels, missing = score(OFFERS[lang], path, lang, folder)
                seconds += time.perf_counter() - start
                files, right, lost, pages = files + 1, right + labels, lost + missing, pages + n
        rows.append((name, files, right, lost, pages, seconds / pages))
    base = next((r[5] for r in rows if r[0] == "pdf-1col"), None)
    print(f"{'format':10} {'files':>5} {'labels right':>12} {'words lost':>10} {'pages':>5} {'s/page':>7} {'ratio':>6}")
    for name, files, right, lost, pages, per_page in rows:
        ratio = f"{per_page / base:6.1f}" if base else "     -"
        print(f"{name:10} {files:5} {right:>8}/{files:<3} {lost:10} {pages:5} {per_page:7.2f} {ratio}")


if __name__ == "__main__":
    main()
