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
# core < i18n < check, versions, translations < importer, publication < pdf, docx, site < proof < build < cli, mkdocs_plugin
# publication/ is the model every output reads (documents, versions, histories, moments, URLs, titles, words);
# pdf/, docx/ and site/ are peers above it (docx/ shares the cache code of pdf/); proof/ reads the publication
# model, not the outputs (mkdocs_plugin and cli are adapters: nothing imports them)
ALLOWED = {
    CORE: {"i18n", "check", "versions"},  # two late imports: see DEBTS
    "i18n": {CORE},
    "check": {CORE, "i18n", "translations"},
    "versions": {CORE, "i18n", "translations"},
    "translations": {CORE, "i18n", "check", "versions"},
    "importer": {CORE, "i18n"},
    "publication": {CORE, "i18n", "versions"},
    "pdf": {CORE, "i18n", "versions", "publication"},
    "docx": {CORE, "i18n", "versions", "publication", "pdf"},
    "site": {CORE, "i18n", "check", "versions", "translations", "publication"},
    "proof": {CORE, "i18n", "versions", "publication"},
    "cli": {CORE, "i18n", "check", "versions", "translations", "importer", "publication", "pdf", "docx", "site", "proof",
            "build"},
    "build": {CORE, "i18n", "check", "versions", "translations", "publication", "site", "pdf", "docx", "proof"},
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

# Imports inside a function, each with why; a new one (often a way round an import circle) fails.
LATE_IMPORTS_AT_MOST = 75  # 2026-12-07, 119 before publication/: lazy loads of heavy libraries' users, a few ways round circles


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else CORE


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
                    base = base[:len(base) - node.level + 1]
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


def test_only_the_plugin_imports_mkdocs():
    importing = {module for module, name, _ in _imports() if name.split(".")[0] in ("mkdocs", "material")}
    assert importing and all(m.startswith("policydocs.mkdocs_plugin") for m in importing), importing


def test_the_build_library_imports_no_mkdocs_anywhere():
    """Not at module level, not inside a function: ``policydocs build`` runs where MkDocs is not installed."""
    outside = sorted({(m, n) for m, n, _ in _imports()
                      if n.split(".")[0] in ("mkdocs", "material") and not m.startswith("policydocs.mkdocs_plugin")})
    assert outside == []
    build = {m for m, _, _ in _imports() if m.startswith("policydocs.build")}
    assert {"policydocs.build.session", "policydocs.build.outputs"} <= build


def test_the_plugin_is_thin():
    """Issue 27: MkDocs events in, library calls out; the plugin reaches the library through build/ only."""
    plugin = PACKAGE / "mkdocs_plugin" / "plugin.py"
    assert len(plugin.read_text(encoding="utf-8").splitlines()) < 200
    used = {_package(n) for m, n, _ in _imports() if m.startswith("policydocs.mkdocs_plugin")
            and n.split(".")[0] == "policydocs"} - {"mkdocs_plugin"}
    assert used <= {"build", CORE, "i18n"}, used


def test_each_package_imports_only_what_the_layering_allows():
    edges = {(_package(m), _package(n)) for m, n, _ in _imports()
             if n.split(".")[0] == "policydocs" and _package(m) != _package(n)}
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
