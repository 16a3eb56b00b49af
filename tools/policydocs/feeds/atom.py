"""An Atom feed per language: one entry per document in that language.

Dates come from the document (publication date, else effective date); a draft without
dates uses the build moment given by the caller (``SOURCE_DATE_EPOCH`` for repeatable builds).
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from ..publication import urls
from ..publication.model import Publication, edition
from ..publication.titles import document_title
from ..publication.words import phrase, s, t

ATOM_NS = "http://www.w3.org/2005/Atom"


def _stamp(moment: dt.datetime | None, fallback: dt.datetime) -> str:
    return (moment or fallback).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(model: Publication, lang: str, site_url: str, site_name: str, now: dt.datetime) -> str:
    base = site_url or "/"
    feed_url = urls.absolute(base, urls.feed_path(lang))
    entries = []
    latest = None
    for doc_id, policy in sorted(model.policies.items()):
        doc = policy.languages.get(lang)
        if doc is None:
            continue
        ed = edition(model, doc)
        updated = _stamp(ed.date or ed.effective, now)
        latest = max(latest or updated, updated)
        link = urls.absolute(base, urls.page_path(lang, doc_id))
        named = document_title(doc.front.product, doc.title)
        summary = (
            f"{t('product', lang)}: {doc.front.product}. {t('operator', lang)}: {doc.front.operator}. "
            f"{t('version', lang)}: {ed.version if ed.version is not None else t('draft', lang)}."
        )
        entries.append(
            "  <entry>\n"
            f"    <id>{escape(link)}{'#v' + str(ed.version) if ed.version is not None else ''}</id>\n"
            f"    <title>{escape(named)}</title>\n"
            f'    <link rel="alternate" type="text/html" hreflang="{lang}" href={quoteattr(link)}/>\n'
            f"    <updated>{updated}</updated>\n"
            f"    <author><name>{escape(doc.front.operator)}</name></author>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
        history = model.histories.get(doc_id)
        for version in history.versions if history is not None else ():
            if lang not in version.sha256:
                continue
            stamp = version.published.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            latest = max(latest or stamp, stamp)
            vlink = urls.absolute(base, urls.version_path(lang, doc_id, version.number))
            what = version.summary.get(lang, "")
            text = f"{what}. {phrase('takes_effect', lang, version.effective)}."
            entries.append(
                "  <entry>\n"
                f"    <id>{escape(vlink)}</id>\n"
                f"    <title>{escape(named)} · {escape(s('version_n', lang, n=version.number))}</title>\n"
                f'    <link rel="alternate" type="text/html" hreflang="{lang}" href={quoteattr(vlink)}/>\n'
                f"    <published>{stamp}</published>\n"
                f"    <updated>{stamp}</updated>\n"
                f"    <author><name>{escape(doc.front.operator)}</name></author>\n"
                f"    <summary>{escape(text)}</summary>\n"
                "  </entry>\n"
            )
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="{ATOM_NS}" xml:lang="{lang}">\n'
        f"  <id>{escape(feed_url)}</id>\n"
        f"  <title>{escape(site_name)}: {escape(t('feed.title', lang))}</title>\n"
        f'  <link rel="self" href={quoteattr(feed_url)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(urls.absolute(base, urls.index_path(lang)))}/>\n'
        f"  <updated>{latest or _stamp(None, now)}</updated>\n"
    )
    return head + "".join(entries) + "</feed>\n"
