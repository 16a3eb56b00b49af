"""sitemap.xml with the three languages of each page linked as hreflang alternates.

Missing-translation pages are left out (they carry no text worth indexing); ``x-default``
points at the Russian page, Russian being the site's default language.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..languages import LANGUAGES
from ..publication import urls
from ..publication.model import edition
from .pages import SiteModel


def _group(site_url: str, paths: dict[str, str], lastmod: dict[str, str] | None = None) -> list[str]:
    out = []
    for lang, path in paths.items():
        out.append(f"  <url>\n    <loc>{urls.absolute(site_url, path)}</loc>\n")
        if lastmod and lastmod.get(lang):
            out.append(f"    <lastmod>{lastmod[lang]}</lastmod>\n")
        for other, other_path in paths.items():
            out.append(
                f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(urls.absolute(site_url, other_path))}/>\n'
            )
        if urls.DEFAULT_LANG in paths:
            out.append(
                f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(urls.absolute(site_url, paths[urls.DEFAULT_LANG]))}/>\n'
            )
        out.append("  </url>\n")
    return out


def sitemap(model: SiteModel, site_url: str) -> str:
    body = _group(site_url, {lang: urls.index_path(lang) for lang in LANGUAGES})
    for doc_id, policy in sorted(model.policies.items()):
        present = [lang for lang in LANGUAGES if lang in policy.languages]
        lastmod = {}
        for lang in present:  # the day the text shown was published (its version's, else the front matter's)
            ed = edition(model, policy.languages[lang])
            if ed.date is not None:
                lastmod[lang] = ed.date.isoformat()
        body += _group(site_url, {lang: urls.page_path(lang, doc_id) for lang in present}, lastmod)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "".join(body)
        + "</urlset>\n"
    )
