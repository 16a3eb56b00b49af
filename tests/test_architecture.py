"""The layering of ARCHITECTURE.md, read from the imports themselves (ast): a new edge fails here.

What is allowed is data below: for each package, the packages it may import. The edges that
break the intended layering today are listed apart as debts with the reason they exist, so
that the test fails on any new one and a debt paid off is removed from the list (the test
fails too when a listed debt no longer exists, so the list never lies).
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "tools" / "policydocs"
CORE = "core"  # the modules at the package's top: document model, corpus, errors, files, clock, languages

# Which packages each may import (its own always). The intended layering, bottom up:
# core < i18n < check, versions, translations < importer, publication < pdf, docx, site, api, feeds < proof < build
# < cli, mkdocs_plugin
# publication/ is the model every output reads (documents, versions, histories, moments, URLs, titles, words);
# pdf/, docx/, site/, api/ and feeds/ are peers above it (the files' cache and worker pools they share are core modules:
# outputcache.py, pools.py); proof/ reads the publication model, not the outputs (mkdocs_plugin and cli are
# adapters: nothing imports them)
ALLOWED = {
    CORE: {"i18n", "check", "versions"},  # two late imports: see DEBTS
    "i18n": {CORE},
    "check": {CORE, "i18n", "translations"},
    "versions": {CORE, "i18n", "translations"},
    "translations": {CORE, "i18n", "check", "versions"},
    "importer": {CORE, "i18n"},
    "publication": {CORE, "i18n", "versions"},
    "pdf": {CORE, "i18n", "versions", "publication"},
    "docx": {CORE, "i18n", "versions", "publication"},
    "site": {CORE, "i18n", "check", "versions", "translations", "publication"},
    "api": {CORE, "i18n", "versions", "publication"},
    "feeds": {CORE, "i18n", "versions", "publication"},
    "proof": {CORE, "i18n", "versions", "publication"},
    "cli": {
        CORE,
        "i18n",
        "check",
        "versions",
        "translations",
        "importer",
        "publication",
        "pdf",
        "docx",
        "site",
        "api",
        "feeds",
        "proof",
        "build",
    },
    "build": {
        CORE,
        "i18n",
        "check",
        "versions",
        "translations",
        "publication",
        "site",
        "pdf",
        "docx",
        "api",
        "feeds",
        "proof",
    },
    "mkdocs_plugin": {CORE, "i18n", "build"},
}

# Edges against the intended layering that exist today, each with why; to be removed, not added to.
DEBTS = {
    ("check", "translations"): "stale-translation reads the sign-off records",
    ("translations", "check"): "confirm refuses clauses with checker errors",
    ("versions", "translations"): "publish holds back unconfirmed translations",
    ("translations", "versions"): "sign-offs compare with the last published version",
    (CORE, "check"): "corpus.py asks check/agreement.py which source language the files agree on (inside a function)",
    (CORE, "versions"): "frontmatter.py checks a header's time zone with versions/clock.py (inside a function)",
}

# Import circles between modules (module level or inside a function), each with why; to be removed, not added to.
CIRCLES = {
    (
        "policydocs.importer.formats.ocr",
        "policydocs.importer.formats.pdf",
    ): "a scanned PDF is recognised by ocr.py (imported inside a function), which lays out its lines with pdf.py's helpers",
}

# Imports inside a function, each with why; a new one (often a way round an import circle) fails.
LATE_IMPORTS_AT_MOST = (
    66  # 2026-12-07, 119 before publication/: lazy loads of heavy libraries' users, a few ways round circles
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else CORE


def _modules() -> set[str]:
    return {_module(path) for path in PACKAGE.rglob("*.py")}


def _imports():
    """(module, imported module, at module level) for every import of the package's own code."""
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".")
                    base = base if path.name == "__init__.py" else base[:-1]
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                yield module, name, id(node) in top


def _module_graph() -> dict[str, set[str]]:
    """Which module imports which, at module level or inside a function; ``from pkg import mod`` is an
    edge to ``pkg.mod`` (not to the package's ``__init__``), ``from mod import name`` one to ``mod``."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    by_module: dict[str, list[str]] = {}
    for module, name, _top in _imports():
        by_module.setdefault(module, []).append(name)
    for module, names in by_module.items():
        for name in names:
            target = name if name in modules else None
            parent = name.rpartition(".")[0]
            if target is None and parent in modules:
                target = parent
            if target is not None and target != module:
                graph.setdefault(module, set()).add(target)
    # an import of a package's name (``from . import keys``) also lists the package itself: keep only the
    # submodule it names
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not any(o.startswith(t + ".") for o in targets)}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_only_the_plugin_imports_mkdocs():
    importing = {module for module, name, _ in _imports() if name.split(".")[0] in ("mkdocs", "material")}
    assert importing and all(m.startswith("policydocs.mkdocs_plugin") for m in importing), importing


def test_the_build_library_imports_no_mkdocs_anywhere():
    """Not at module level, not inside a function: ``policydocs build`` runs where MkDocs is not installed."""
    outside = sorted(
        {
            (m, n)
            for m, n, _ in _imports()
            if n.split(".")[0] in ("mkdocs", "material") and not m.startswith("policydocs.mkdocs_plugin")
        }
    )
    assert outside == []
    build = {m for m, _, _ in _imports() if m.startswith("policydocs.build")}
    assert {"policydocs.build.session", "policydocs.build.outputs"} <= build


def test_the_plugin_is_thin():
    """Issue 27: MkDocs events in, library calls out; the plugin reaches the library through build/ only."""
    plugin = PACKAGE / "mkdocs_plugin" / "plugin.py"
    assert len(plugin.read_text(encoding="utf-8").splitlines()) < 200
    used = {
        _package(n)
        for m, n, _ in _imports()
        if m.startswith("policydocs.mkdocs_plugin") and n.split(".")[0] == "policydocs"
    } - {"mkdocs_plugin"}
    assert used <= {"build", CORE, "i18n"}, used


def test_each_package_imports_only_what_the_layering_allows():
    edges = {
        (_package(m), _package(n))
        for m, n, _ in _imports()
        if n.split(".")[0] == "policydocs" and _package(m) != _package(n)
    }
    assert set(ALLOWED) >= {a for a, _ in edges}, "a new package: give it a row in ALLOWED and ARCHITECTURE.md"
    new = sorted((a, b) for a, b in edges if b not in ALLOWED[a])
    assert new == [], f"imports against the layering (ARCHITECTURE.md): {new}"
    stale = sorted(debt for debt in DEBTS if debt not in edges)
    assert stale == [], f"debts paid off: remove them from DEBTS and ALLOWED: {stale}"


def test_no_new_import_inside_a_function():
    late = sorted({(m, n) for m, n, top in _imports() if not top and n.startswith("policydocs.")})
    assert len(late) <= LATE_IMPORTS_AT_MOST, (len(late), late)


def test_the_debts_are_edges_the_table_allows_and_say_why():
    assert all(b in ALLOWED[a] and why for (a, b), why in DEBTS.items())


def test_no_import_circle():
    """Issue 27: no circle between modules, neither at module level nor through an import inside a function
    (site/history <-> site/notice and site/linkcheck <-> site/pages were paid off with publication/)."""
    circles = {tuple(c) for c in _circles(_module_graph())}
    assert circles <= set(CIRCLES), f"import circles: {sorted(circles - set(CIRCLES))}"
    assert set(CIRCLES) <= circles, f"circles gone: remove them from CIRCLES: {sorted(set(CIRCLES) - circles)}"


def test_the_circle_check_sees_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_the_outputs_are_peers():
    """site/, pdf/, docx/, api/ and feeds/ read the publication model; none imports another's code."""
    peers = ("site", "pdf", "docx", "api", "feeds")
    crossing = sorted(
        {
            (m, n)
            for m, n, _ in _imports()
            if _package(m) in peers
            and n.split(".")[0] == "policydocs"
            and _package(n) in peers
            and _package(n) != _package(m)
        }
    )
    assert crossing == []


def test_the_publication_model_reads_no_output():
    """publication/ is below every output: it names their paths and words, it never imports them."""
    outputs = ("site", "pdf", "docx", "api", "feeds", "proof", "build", "cli", "mkdocs_plugin")
    wrong = sorted(
        {
            (m, n)
            for m, n, _ in _imports()
            if m.startswith("policydocs.publication") and n.split(".")[0] == "policydocs" and _package(n) in outputs
        }
    )
    assert wrong == []


def test_architecture_md_has_a_row_for_each_package():
    """The one-page map and the table above name the same packages."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = [
        line.split("|")[1] for line in text.splitlines() if line.startswith("| ") and not line.startswith("| package")
    ]
    named = {name.strip("`/ ") for row in rows for name in row.split(",")} | {
        CORE for row in rows if row.strip().startswith("core")
    }
    assert set(ALLOWED) - {CORE} <= named, sorted(set(ALLOWED) - named)
