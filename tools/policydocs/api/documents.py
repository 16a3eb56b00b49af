"""The JSON documents apps read: which documents exist, which version is in force when.

``api/v1/documents.json`` (every document) and ``api/v1/documents/<product>/<name>.json``
(one document, at a fixed URL) share one shape per document; both are described by the JSON
Schema shipped at ``api/v1/schema.json`` (fields are only ever added, never renamed or
removed). Types are the same everywhere: versions are integers, moments ISO 8601 with their
UTC offset. ``generated_at`` is the build moment; every ``state`` and ``current_version`` is
as of then, while ``effective_from``/``effective_until`` of each version let an app answer
"in force at moment T" for any T itself. A version with ``requires_consent`` carries the
notice texts (subject, push, body) per language; README "For app developers" says what to do.

``docx_*`` (with Word documents on) give each language's and version's Word file: path, URL
and sha256. ``path`` values are relative to the site root; ``url`` values are absolute when
the site has a ``site_url``.
``product_name`` is the product as the source language names it; ``product_names`` and each
language's ``product_name`` give it as each language's front matter does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from ..languages import LANGUAGES
from ..now import now
from ..publication import urls
from ..publication.history import DocumentHistory, iso_or_none, requires_consent
from ..publication.model import Publication, edition
from ..publication.notices import notice_texts
from ..versions.store import Version

API_VERSION = 1


def sha256_file(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


SCHEMA_PATH = "api/v1/schema.json"


def document_path(doc_id: str) -> str:
    """The fixed address of one document's JSON: ``api/v1/documents/<product>/<name>.json``."""
    return f"api/v1/documents/{doc_id}.json"


def documents(
    model: Publication,
    site_dir: Path,
    site_url: str = "",
    generated_at: dt.datetime | None = None,
    file_hash=sha256_file,
) -> dict:
    """The API document for a built site (hashes are of the files in ``site_dir``, by ``file_hash``)."""
    generated_at = generated_at or next((h.now for h in model.histories.values()), None) or now()

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
                "html_sha256": file_hash(site_dir / page / "index.html"),
                "pdf_path": pdf,
                "pdf_url": url(pdf),
                "pdf_sha256": file_hash(site_dir / pdf) if pdf else None,
                **_docx_fields(model.docx(doc_id, lang), site_dir, url, file_hash=file_hash),
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

        def texts_of(version, lang, history=history, doc_id=doc_id):
            frozen = history.document(version, lang)
            return notice_texts(
                version,
                lang,
                title=frozen.title,
                product=frozen.front.product,
                operator=frozen.front.operator,
                doc_id=doc_id,
                url=url,
            )

        timeline = (
            api_versions(history, url, lambda v, lang, d=doc_id: model.version_pdf(d, v, lang), texts_of)
            if history
            else {}
        )
        if history is not None and model.docx_pattern is not None:
            _add_version_docx(model, history, timeline, site_dir, url, file_hash)
        docs.append(
            {
                "id": doc_id,
                "product": product,
                "product_name": source.front.product,
                "product_names": {
                    lang: d.front.product
                    for lang, d in sorted(policy.languages.items(), key=lambda kv: LANGUAGES.index(kv[0]))
                },
                "source_language": source.front.source_lang,
                "prevailing_language": source.front.prevailing_lang,
                "current": {
                    "version": ed.version,
                    "status": ed.status,
                    "published": _iso(ed.date),
                    "effective": _iso(ed.effective),
                },
                "current_version": timeline.get("current_version"),
                "versions": timeline.get("versions", []),
                "pending": timeline.get("pending"),
                "timezone": timeline.get("timezone"),
                "notice_days": int(source.front.notice_days),
                "document_url": url(document_path(doc_id)),
                "missing_languages": policy.missing(),
                "languages": langs,
            }
        )
    return {
        "api_version": API_VERSION,
        "generated_at": generated_at.isoformat(),
        "schema_url": url(SCHEMA_PATH),
        "default_language": urls.DEFAULT_LANG,
        "languages": list(LANGUAGES),
        "documents": docs,
    }


def per_document(data: dict) -> dict[str, dict]:
    """One JSON per document (site path -> content), cut from the documents.json data."""
    head = {k: data[k] for k in ("api_version", "generated_at", "schema_url")}
    return {document_path(doc["id"]): {**head, "document": doc} for doc in data["documents"]}


def _docx_fields(path: str | None, site_dir: Path, url, prefix: str = "docx", file_hash=sha256_file) -> dict:
    """Where a Word document is and its sha256 (fields absent when Word documents are not built)."""
    if path is None:
        return {}
    return {f"{prefix}_path": path, f"{prefix}_url": url(path), f"{prefix}_sha256": file_hash(site_dir / path)}


def _add_version_docx(model: Publication, history, timeline: dict, site_dir: Path, url, file_hash=sha256_file) -> None:
    """Each version's Word document and its tracked-changes redline, per language."""
    by_number = {v.number: v for v in history.versions}
    for entry in [*timeline.get("versions", []), *([timeline["pending"]] if timeline.get("pending") else [])]:
        version = by_number[entry["version"]]
        for lang, fields in entry["languages"].items():
            path = model.version_docx(history.doc_id, version, lang)
            fields.update(_docx_fields(path, site_dir, url, file_hash=file_hash))
            if path is not None and fields.get("changes_url"):
                fields.update(_docx_fields(urls.docx_changes_path(path), site_dir, url, "changes_docx", file_hash))


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# --- each document's versions ------------------------------------------------------------


def api_versions(history: DocumentHistory, url, pdf_of=None, texts_of=None) -> dict:
    """Every version's interval, state and texts for the JSON API (moments with their offsets).

    ``state`` is the state at the build (``generated_at``); ``effective_from`` and
    ``effective_until`` let an app answer "which version is in force at moment T" itself.
    ``texts_of(version, lang)`` gives the notice texts of a version that requires consent.
    """

    def entry(version: Version) -> dict:
        until = history.until(version)
        consent = requires_consent(version, history.previous(version))
        langs = {}
        for lang in LANGUAGES:
            if lang not in version.sha256:
                continue
            pdf = pdf_of(version, lang) if pdf_of else None
            langs[lang] = {
                "text_sha256": version.sha256[lang],
                "url": url(urls.version_path(lang, history.doc_id, version.number)),
                "changes_url": url(urls.changes_path(lang, history.doc_id, version.number))
                if history.previous(version)
                else None,
                "pdf_url": url(pdf) if pdf else None,
                "summary": version.summary.get(lang),
                "notice": texts_of(version, lang) if consent and texts_of else None,
            }
        record = {
            "recorded_at": iso_or_none(getattr(version, "recorded_at", None)),
            "recorded_by": getattr(version, "recorded_by", None),
            "backdate_reason": getattr(version, "backdate_reason", None),
        }
        return {
            "version": version.number,
            "state": history.state(version),
            "published": version.published.isoformat(),
            "effective": version.effective.isoformat(),
            "effective_from": version.effective.isoformat(),
            "effective_until": iso_or_none(until),
            "in_force_until": iso_or_none(until),
            "material": version.material,
            "requires_consent": consent,
            "notice_days": version.notice_days,
            **record,
            "languages": langs,
        }

    current, pending = history.current, history.pending
    return {
        "versions": [entry(v) for v in history.versions],
        "current_version": current.number if current else None,
        "pending": entry(pending) if pending else None,
        "timezone": history.store.timezone,
        "notice_days": history.notice_days,
    }
