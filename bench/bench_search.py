"""Search index size per language and a policy page's weight, against Material's own and before.

    .venv/bin/python bench/bench_search.py [REF]

Builds the repository's site (its docs/, versions/ and mkdocs.yml, PDFs off) three times:
with this tree's search (clause-by-clause entries, one lunr module per language), with
``kazakh_search: false`` (Material's own index of the same pages), and from git ``REF``
(default ``main``: the site before this work) for the page weight. Prints bytes and ratios.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
LANGS = ("ru", "kk", "en")
POLICY_PAGES = ("ru/platform/privacy/index.html", "kk/smartaqkol/privacy/index.html", "en/citygroup/privacy/index.html")


def build(tree: Path, work: Path, kazakh_search: bool = True) -> Path:
    project = work / "project"
    for name in ("docs", "versions"):
        shutil.copytree(tree / name, project / name)
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {tree / 'overrides'}").replace(
        "pdf: true", "pdf: false"
    )
    if not kazakh_search:
        config = config.replace("  - policydocs:\n", "  - policydocs:\n      kazakh_search: false\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1796040000",
        "PYTHONPATH": str(tree / "tools"),
    }
    subprocess.run([str(MKDOCS), "build", "-q"], cwd=project, env=env, check=True, capture_output=True)
    return project / "site"


def docs_bytes(site: Path, lang: str) -> int:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith(f"{lang}/")]
    return len(json.dumps(docs, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def main() -> None:
    ref = sys.argv[1] if len(sys.argv) > 1 else "main"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = build(ROOT, tmp / "ours")
        material = build(ROOT, tmp / "material", kazakh_search=False)
        before_tree = tmp / "before-tree"
        before_tree.mkdir()
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(before_tree)], input=archive, check=True)
        before = build(before_tree, tmp / "before")

        print("search index, bytes of each language's entries (what its pages' search loads):")
        print("| language | Material's own | policydocs | + its lunr module | ratio |")
        for lang in LANGS:
            own, ours_b = docs_bytes(material, lang), docs_bytes(ours, lang)
            module = (ours / f"assets/javascripts/lunr/min/lunr.pd{lang}.min.js").stat().st_size
            module += (ours / "assets/javascripts/workers/policydocs-search.js").stat().st_size
            print(f"| {lang} | {own} | {ours_b} | {ours_b + module} | {(ours_b + module) / own:.3f}x |")
        whole = (ours / "search/search_index.json").stat().st_size
        whole_own = (material / "search/search_index.json").stat().st_size
        print(f"whole search_index.json: Material's own {whole_own}, policydocs {whole} ({whole / whole_own:.3f}x)")

        print(f"\npolicy page weight: its HTML and every stylesheet and script it loads, vs {ref}")
        print("| page | before | after | ratio | HTML + policydocs CSS/JS only: before | after | ratio |")
        for page in POLICY_PAGES:
            b, b_own = weight(before, page)
            a, a_own = weight(ours, page)
            print(f"| {page} | {b} | {a} | {a / b:.3f}x | {b_own} | {a_own} | {a_own / b_own:.3f}x |")

        print("\nwhat a page's search downloads (the index, the worker and the lunr scripts it imports):")
        print("| language | Material's own | policydocs | ratio |")
        lunr = "assets/javascripts/lunr/min/"
        base = (material / "search/search_index.json").stat().st_size + sum(
            (material / lunr / f).stat().st_size
            for f in ("lunr.stemmer.support.min.js", "lunr.ru.min.js", "lunr.multi.min.js")
        )
        for lang in LANGS:
            files = ["lunr.stemmer.support.min.js", f"lunr.pd{lang}.min.js"] + (
                ["lunr.ru.min.js"] if lang == "ru" else []
            )
            mine = (ours / "search/search_index.json").stat().st_size + sum(
                (ours / lunr / f).stat().st_size for f in files
            )
            mine += (ours / "assets/javascripts/workers/policydocs-search.js").stat().st_size
            print(f"| {lang} | {base} | {mine} | {mine / base:.3f}x |")


def weight(site: Path, page: str) -> tuple[int, int]:
    """Bytes of a page with the stylesheets and scripts it links (all, and policydocs' own only)."""
    import re

    html = (site / page).read_text(encoding="utf-8")
    here = (site / page).parent
    total = own = len(html.encode("utf-8"))
    for ref in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"?#]+)', html):
        path = (here / ref).resolve()
        if path.is_file():
            total += path.stat().st_size
            if "policydocs" in ref:
                own += path.stat().st_size
    return total, own


if __name__ == "__main__":
    main()
