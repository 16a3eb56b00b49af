"""A site of many documents: each page's navigation stays bounded (issue 18).

Built with the real ``mkdocs`` command from the five real policies in docs/ with their
published versions (versions/): five products, each with version, redline and history pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import html as lxml_html

from policydocs.site.navigation import LanguageNavigation, product_folder
from tests.browser.sitebuild import build, make_project

ROOT = Path(__file__).resolve().parents[2]
EPOCH = 1796000000  # 2026-11-29 UTC: after every version in versions/ was published
PRODUCTS = ("citygroup", "platform", "santrade", "smartaqkol", "yasam")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("real"), docs=ROOT / "docs")
    shutil.copytree(ROOT / "versions", project / "versions")
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    return project / "site"


def nav_links(site: Path, path: str) -> list[str]:
    """The addresses the primary navigation (sidebar, phone drawer) of a built page links to."""
    tree = lxml_html.fromstring((site / path / "index.html").read_bytes())
    (nav,) = tree.xpath('//nav[contains(concat(" ", @class, " "), " md-nav--primary ")]')
    return nav.xpath('.//a[contains(concat(" ", @class, " "), " md-nav__link ")]/@href')


def test_a_policy_page_carries_its_language_index_and_its_own_product_only(built):
    links = nav_links(built, "ru/citygroup/privacy")
    assert "../../" in links  # the Russian index, which lists every document
    assert "./" in links  # the page itself
    assert not [href for href in links if any(p in href for p in PRODUCTS if p != "citygroup")], links
    assert not [href for href in links if "/kk/" in href or "/en/" in href]


@pytest.mark.parametrize(
    "path", ["kk/santrade/privacy/v2", "en/santrade/privacy/v3/changes", "ru/santrade/privacy/history"]
)
def test_version_redline_and_history_pages_carry_their_product_too(built, path):
    links = nav_links(built, path)
    assert any(href.endswith("santrade/privacy/") or href.endswith("../") for href in links)
    assert not [href for href in links if any(p in href for p in PRODUCTS if p != "santrade")], links


def test_a_language_index_still_lists_every_product(built):
    links = nav_links(built, "kk")
    for product in PRODUCTS:
        assert f"{product}/privacy/" in links
    assert not [href for href in links if href.startswith(("../ru/", "../en/"))]


def _page(src_uri: str):
    return SimpleNamespace(is_page=True, is_section=False, file=SimpleNamespace(src_uri=src_uri), children=None)


def _section(*children):
    return SimpleNamespace(is_page=False, is_section=True, children=list(children), file=None)


def test_language_navigation_keeps_order_and_folders_that_are_not_products():
    index, about = _page("ru/index.md"), _page("ru/about.md")
    alpha = _section(_page("ru/alpha/privacy.md"), _page("ru/alpha/terms.md"))
    guides = _section(_page("ru/guides/howto.md"))  # a folder of the team's own pages, not a product
    beta = _section(_section(_page("ru/beta/eu/privacy.md")))
    nav = LanguageNavigation([index, alpha, guides, beta, about], {"alpha", "beta"})
    assert nav.for_page("ru/beta/eu/privacy.md") == [index, guides, beta, about]
    assert nav.for_page("ru/alpha/privacy/v2/changes.md") == [index, alpha, guides, about]
    assert nav.for_page("ru/index.md") == [index, alpha, guides, beta, about]
    assert nav.for_page("ru/gamma/privacy.md") == [index, alpha, guides, beta, about]  # unknown: the whole language
    assert product_folder("index.md") is None and product_folder("kk/alpha/privacy.md") == "alpha"


# --- a build on two cores is the one-process build, byte for byte ---------------------------------


def _real_wording_docs(target: Path) -> Path:
    """The five real policies, and a second copy of each under another product folder: ten documents."""
    for lang_dir in (ROOT / "docs").iterdir():
        for source in lang_dir.glob("*/*.md"):
            product, name = source.parent.name, source.stem
            for folder in (product, f"{product}2"):
                text = source.read_text(encoding="utf-8")
                if folder != product:
                    text = text.replace(f"id: {product}/{name}", f"id: {folder}/{name}", 1)
                out = target / lang_dir.name / folder / source.name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
    return target


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_on_two_cores_is_byte_identical_to_one_process(tmp_path):
    docs = _real_wording_docs(tmp_path / "docs-source")
    built = {}
    for jobs in (1, 2):
        project = make_project(tmp_path / f"jobs{jobs}", docs=docs, jobs=jobs)
        shutil.copytree(ROOT / "versions", project / "versions")
        result = build(project, epoch=EPOCH)
        assert result.returncode == 0, result.stderr
        built[jobs] = _files(project / "site")
    assert len([p for p in built[1] if p.endswith("/compare/index.html")]) == 30  # 10 documents x 3 languages
    assert built[1].keys() == built[2].keys()
    assert [p for p in built[1] if built[1][p] != built[2][p]] == []


def test_documents_shared_over_forked_workers_come_back_in_order():
    import os

    from policydocs.site import workers

    out = workers.map_documents(
        lambda doc_id: (doc_id.upper(), os.getpid()), [f"product{i}/privacy" for i in range(11)], 3
    )
    assert [name for name, _ in out] == [f"PRODUCT{i}/PRIVACY" for i in range(11)]
    assert os.getpid() not in {pid for _, pid in out}  # forked workers did the work
    assert workers.map_documents(lambda doc_id: os.getpid(), ["a/b"] * 11, 1) == [os.getpid()] * 11
