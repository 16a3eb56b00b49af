"""The JSON document apps read: which documents exist, in which languages, at which URLs.

Shape (``api_version`` 1; fields are only ever added, never renamed or removed):

    {"api_version": 1, "default_language": "ru", "languages": ["ru", "kk", "en"],
     "documents": [{"id": "yasam/privacy", "product": "yasam", "product_name": "Я!Сам",
                    "product_names": {"ru": "Я!Сам", ...}, "source_language": "ru", "prevailing_language": "ru",
                    "current": {"version": ..., "status": ..., "published": ..., "effective": ...},
                    "versions": [], "pending": null,
                    "missing_languages": ["kk"],
                    "languages": {"ru": {"title", "product_name", "operator", "path", "url", "html_sha256",
                                         "pdf_path", "pdf_url", "pdf_sha256", "docx_path", "docx_url",
                                         "docx_sha256", "version",
                                         "published", "effective", "status", "reviewed",
                                         "origin"}}}]}

``versions`` lists every published version (state in force / pending / superseded,
publication and effective moments with their UTC offsets, in force until, per language the
sha256 of the frozen text and its URLs; with Word documents on, ``docx_*`` and
``changes_docx_*`` path, URL and sha256); ``current_version`` is the number in force when
the site was built, ``pending`` the published version not yet in force.

``path`` values are relative to the site root; ``url`` values are absolute when the
site has a ``site_url``. ``versions`` (history) and ``pending`` (a published version not
yet in force) are empty until the version store feeds them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..languages import LANGUAGES
from . import urls
from . import history as history_mod
from .pages import SiteModel, edition

API_VERSION = 1


def sha256_file(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def documents(model: SiteModel, site_dir: Path, site_url: str = "") -> dict:
    """The API document for a built site (hashes are of the files in ``site_dir``)."""

    def url(path: str | None) -> str | None:
        if path is None:
            return None
        return urls.absolute(site_url, path) if site_url else "/" + path

    docs = []
    for doc_id, policy in sorted(model.policies.items()):
        product, _ = urls.split_id(doc_id)
        langs = {}
        for lang in LANGUAGES:
            doc = policy.languages.get(lang)
            if doc is None:
                continue
            ed = edition(model, doc)
            page = urls.page_path(lang, doc_id)
            pdf = model.pdf(doc_id, lang)
            langs[lang] = {
                "title": doc.title,
                "product_name": doc.front.product,
                "operator": doc.front.operator,
                "path": page,
                "url": url(page),
                "html_sha256": sha256_file(site_dir / page / "index.html"),
                "pdf_path": pdf,
                "pdf_url": url(pdf),
                "pdf_sha256": sha256_file(site_dir / pdf) if pdf else None,
                **_docx_fields(model.docx(doc_id, lang), site_dir, url),
                "version": ed.version,
                "published": _iso(ed.date),
                "effective": _iso(ed.effective),
                "status": ed.status,
                "reviewed": doc.front.reviewed,
                "origin": doc.front.origin,  # original, operator (the operator's own translation) or translation
            }
        source = policy.source or next(iter(policy.languages.values()))
        ed = edition(model, source)
        history = model.histories.get(doc_id)
        timeline = (
            history_mod.api_versions(history, url, lambda v, lang, d=doc_id: model.version_pdf(d, v, lang)) if history else {}
        )
        if history is not None and model.docx_pattern is not None:
            _add_version_docx(model, history, timeline, site_dir, url)
        docs.append({
            "id": doc_id,
            "product": product,
            "product_name": source.front.product,
            "product_names": {lang: d.front.product for lang, d in sorted(policy.languages.items(), key=lambda kv: LANGUAGES.index(kv[0]))},
            "source_language": source.front.source_lang,
            "prevailing_language": source.front.prevailing_lang,
            "current": {"version": ed.version, "status": ed.status, "published": _iso(ed.date), "effective": _iso(ed.effective)},
            "current_version": timeline.get("current_version"),
            "versions": timeline.get("versions", []),
            "pending": timeline.get("pending"),
            "timezone": timeline.get("timezone"),
            "missing_languages": policy.missing(),
            "languages": langs,
        })
    return {"api_version": API_VERSION, "default_language": urls.DEFAULT_LANG, "languages": list(LANGUAGES), "documents": docs}


def _docx_fields(path: str | None, site_dir: Path, url, prefix: str = "docx") -> dict:
    """Where a Word document is and its sha256 (fields absent when Word documents are not built)."""
    if path is None:
        return {}
    return {f"{prefix}_path": path, f"{prefix}_url": url(path), f"{prefix}_sha256": sha256_file(site_dir / path)}


def _add_version_docx(model: SiteModel, history, timeline: dict, site_dir: Path, url) -> None:
    """Each version's Word document and its tracked-changes redline, per language."""
    from ..docx.paths import changes_path

    by_number = {v.number: v for v in history.versions}
    for entry in [*timeline.get("versions", []), *([timeline["pending"]] if timeline.get("pending") else [])]:
        version = by_number[entry["version"]]
        for lang, fields in entry["languages"].items():
            path = model.version_docx(history.doc_id, version, lang)
            fields.update(_docx_fields(path, site_dir, url))
            if path is not None and fields.get("changes_url"):
                fields.update(_docx_fields(changes_path(path), site_dir, url, "changes_docx"))


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
