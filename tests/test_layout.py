"""tests/ mirrors the package: a module's tests are in tests/<subpackage>/, next to its name.

tests/check/ holds the tests of policydocs/check/, tests/importer/ those of policydocs/importer/,
and so on for every subpackage; tests/core/ those of the modules at the package's top
(document, corpus, frontmatter, now, ...). At tests/ itself stay only the tests of the
repository as a whole, named below, and the shared helpers. browser/, trust/ (the suites that
cut across the packages), corpus/, fixtures/ and xliff/ (data) keep their own layout.
"""

from __future__ import annotations

from collections import Counter
from fnmatch import fnmatch

from .conftest import ROOT

TESTS = ROOT / "tests"
PACKAGE = ROOT / "tools" / "policydocs"
CORE = "core"
OWN_LAYOUT = {"browser", "trust", "corpus", "fixtures", "xliff"}
# Tests of the repository, not of one module: the layering of the packages, the seed texts'
# hashes, tools/scripts/platform_check.py, and this layout.
AT_THE_TOP = {"test_architecture.py", "test_seeds_provenance.py", "test_platform_check.py", "test_layout.py"}


def subpackages() -> set[str]:
    return {p.parent.name for p in PACKAGE.glob("*/__init__.py")}


def test_every_test_module_sits_in_the_folder_of_the_subpackage_it_tests():
    allowed = subpackages() | {CORE}
    misplaced = []
    for path in sorted(TESTS.rglob("test_*.py")):
        parts = path.relative_to(TESTS).parts
        if parts[0] in OWN_LAYOUT:
            continue
        if len(parts) == 1:
            if parts[0] not in AT_THE_TOP:
                misplaced.append(f"tests/{parts[0]}: move it to tests/<subpackage>/ or tests/{CORE}/")
        elif len(parts) != 2 or parts[0] not in allowed:
            misplaced.append(f"tests/{'/'.join(parts)}: tests/<folder>/ must be one of {sorted(allowed)}")
    assert misplaced == []


def test_every_test_folder_is_a_package_and_named_after_one():
    assert CORE not in subpackages(), "tests/core/ would be ambiguous beside a policydocs.core subpackage"
    folders = [p for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))]
    unknown = sorted(p.name for p in folders if p.name not in subpackages() | {CORE} | OWN_LAYOUT)
    assert unknown == []
    # tests/ is a package and the tests import their helpers relatively (``from ..check_helpers``)
    assert sorted(p.name for p in folders if any(p.glob("test_*.py")) and not (p / "__init__.py").is_file()) == []


def test_test_module_names_are_unique_across_the_tree():
    names = Counter(p.name for p in TESTS.rglob("test_*.py") if "fixtures" not in p.relative_to(TESTS).parts)
    assert sorted(name for name, n in names.items() if n > 1) == []


def test_pytest_collects_every_test_folder(pytestconfig):
    """pytest skips the folders its norecursedirs names (by default ``build``): none of ours may match."""
    skipped = pytestconfig.getini("norecursedirs")
    folders = sorted(p.name for p in TESTS.iterdir() if p.is_dir() and any(p.glob("test_*.py")))
    assert [name for name in folders if any(fnmatch(name, pattern) for pattern in skipped)] == []
