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

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.mark.parametrize("path", ["kk/santrade/privacy/v2", "en/santrade/privacy/v3/changes", "ru/santrade/privacy/history"])
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
