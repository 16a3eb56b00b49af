"""The navigation a page carries: bounded, however many documents the site publishes.

The theme writes a page's navigation into the page itself (the sidebar, and on a phone the
drawer). Given the whole navigation of its language, every page grew with the number of
products, and the site's build with its square: at 1,000 documents two thirds of the
build went into writing 1,000 product sections into each of 3,000 pages.

So a document's pages (the policy page, and its versions, redlines and history, which
are not in the navigation themselves) carry their language's own pages (its index first,
which lists every document of the language) and their own product's section; the other
products are one tap away on that index. A language's index, the site's root and any page
outside a product folder carry the language's whole navigation, as before.

Works on the theme's navigation items as they are (``is_section``, ``children``,
``file.src_uri``); nothing here imports MkDocs.
"""

from __future__ import annotations


def product_folder(src_uri: str) -> str | None:
    """``ru/smartaqkol/privacy.md`` and ``ru/smartaqkol/privacy/v2.md`` -> ``smartaqkol``; an index -> None."""
    parts = src_uri.split("/")
    return parts[1] if len(parts) >= 3 else None


def _first_page(section):
    for child in section.children:
        if child.is_page:
            return child
        if child.is_section:
            found = _first_page(child)
            if found is not None:
                return found
    return None


class LanguageNavigation:
    """One language's navigation items, and the part of them each page of the language shows."""

    def __init__(self, items: list, products: set[str]) -> None:
        """``products``: the product folders of the site's documents; other folders are the language's own."""
        self.items = list(items)
        self._by_product: dict[str, list[tuple[int, object]]] = {}  # product folder -> (place, section)
        shared = []
        for place, item in enumerate(self.items):
            first = _first_page(item) if item.is_section else None
            folder = product_folder(first.file.src_uri) if first is not None and first.file else None
            if folder not in products:
                shared.append((place, item))
            else:
                self._by_product.setdefault(folder, []).append((place, item))
        self._shared = shared  # the language's own pages (its index), in every page's navigation

    def for_page(self, src_uri: str) -> list:
        """The items a page shows: the whole language, or (a document's page) the language's pages and its product.

        In the navigation's own order; the cost does not grow with the number of products.
        """
        folder = product_folder(src_uri)
        own = self._by_product.get(folder) if folder is not None else None
        if own is None:
            return self.items
        return [item for _, item in sorted((*self._shared, *own), key=lambda pair: pair[0])]
