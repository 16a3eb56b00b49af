"""Version manifests: every artefact of a published version with its sha256, chained and signed.

For each published version of a document the build writes, in
``evidence/<product>/<name>/v<N>/`` of the site:

* ``<lang>.md``: the frozen text of each language, byte for byte as ``versions/`` holds it;
* ``manifest.json``: the schema below, written with sorted keys (its bytes are what is hashed);
* ``manifest.json.p7s``: a CMS detached signature of ``manifest.json`` (DER), with the company's
  certificate, claiming the version's publication moment as signing time.

``manifest.json`` (``manifest_format`` 1)::

    {"manifest_format": 1, "document": "product/name", "version": N,
     "published": ISO, "effective": ISO, "notice_days": 7, "material": true,
     "changelog_entry": {... the version's entry of changelog.yml, as JSON ...},
     "previous_manifest_sha256": "<sha256 of v<N-1>/manifest.json>" | null (version 1),
     "files": [{"path": "<site-relative path>", "role": "text|pdf|redline_pdf|docx|redline_docx|redline_page",
                "lang": "ru", "sha256": "..."}, ...]}

The chain (each manifest names its predecessor's hash) means a version removed, reordered or
rewritten with fresh consistent hashes no longer verifies unless every later manifest is re-signed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..fsutil import atomic_write_bytes
from ..languages import LANGUAGES
from ..publication.model import Publication
from ..publication.urls import changes_path, docx_changes_path, redline_path
from ..versions.store import VersionStore

FORMAT = 1
FOLDER = "evidence"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"


def version_folder(doc_id: str, number: int) -> str:
    """Where a version's manifest, signature and texts are, relative to the site root."""
    return f"{FOLDER}/{doc_id}/v{number}"


def dumps(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def artefacts(model: Publication, doc_id: str, version, has_previous: bool) -> list[dict]:
    """The site files of one version (before hashing): PDFs, redlines, Word files, per language."""
    out = []
    for lang in LANGUAGES:
        if lang not in version.sha256:
            continue
        pdf = model.version_pdf(doc_id, version, lang)
        if pdf:
            out.append({"path": pdf, "role": "pdf", "lang": lang})
            if has_previous:
                out.append({"path": redline_path(pdf), "role": "redline_pdf", "lang": lang})
        docx = model.version_docx(doc_id, version, lang)
        if docx:
            out.append({"path": docx, "role": "docx", "lang": lang})
            if has_previous:
                out.append({"path": docx_changes_path(docx), "role": "redline_docx", "lang": lang})
        if has_previous and not pdf:  # without PDFs the redline is the site's page of changes
            out.append(
                {
                    "path": changes_path(lang, doc_id, version.number) + "index.html",
                    "role": "redline_page",
                    "lang": lang,
                }
            )
    return out


def build(store: VersionStore, version, files: list[dict], site_dir: Path, previous_sha: str | None) -> dict:
    """The manifest of ``version``: its texts (copied beside it) and ``files`` hashed as they are in the site."""
    listed = []
    folder = version_folder(store.doc_id, version.number)
    for lang in version.languages:
        listed.append({"path": f"{folder}/{lang}.md", "role": "text", "lang": lang, "sha256": version.sha256[lang]})
    for item in files:
        path = site_dir / item["path"]
        if path.is_file():
            listed.append({**item, "sha256": sha256_file(path)})
    return {
        "manifest_format": FORMAT,
        "document": store.doc_id,
        "version": version.number,
        "published": version.published.isoformat(),
        "effective": version.effective.isoformat(),
        "notice_days": version.notice_days,
        "material": version.material,
        "timezone": store.timezone,
        "changelog_entry": version.to_yaml(),
        "previous_manifest_sha256": previous_sha,
        "files": listed,
    }


def write_document(model: Publication, store: VersionStore, versions, site_dir: Path, certificate=None) -> list[Path]:
    """Manifests (signed when ``certificate`` is given) and texts of ``versions`` (those published) of a document."""
    from . import signing

    written = []
    previous_sha = None
    for version in versions:
        folder = site_dir / version_folder(store.doc_id, version.number)
        for lang in version.languages:
            atomic_write_bytes(folder / f"{lang}.md", version.text_path(lang).read_bytes())
        files = artefacts(model, store.doc_id, version, version.number > 1) if model is not None else []
        data = dumps(build(store, version, files, site_dir, previous_sha))
        atomic_write_bytes(folder / MANIFEST, data)
        written.append(folder / MANIFEST)
        if certificate is not None:
            atomic_write_bytes(folder / SIGNATURE, signing.sign_detached(certificate, data, version.published))
            written.append(folder / SIGNATURE)
        previous_sha = hashlib.sha256(data).hexdigest()
    return written


def write_site(model: Publication, site_dir: Path, certificate=None) -> list[Path]:
    """Every document's manifests: what the build calls once its PDFs and Word files are in place."""
    written = []
    for _doc_id, history in sorted(model.histories.items()):
        if history is not None and history.versions:
            written += write_document(model, history.store, history.versions, site_dir, certificate)
    return written
