"""What a site build does for the evidence: sign the versions' PDFs, then write the signed manifests.

Two steps, called by the build once each: ``sign_pdfs`` after the PDFs are placed (their
sha256 for the API change with the signature), ``write_manifests`` after every file of the
site is in place. The PDF cache keeps the unsigned bodies: a signed file is written over the
placed link (a new file, the cached one untouched), so a warm build renders nothing again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..fsutil import atomic_write_bytes
from ..languages import LANGUAGES
from ..now import now
from ..publication.model import Publication
from ..publication.urls import redline_path
from . import manifest, signing


def certificate(options: dict, base: Path) -> signing.Certificate | None:
    """The configured certificate, checked now (one line if it cannot sign); None when signing is off."""
    path = options.get("sign_certificate")
    if not path:
        return None
    password_file = options.get("sign_password_file")
    config = signing.SigningConfig(
        certificate=base / path,
        password_env=options.get("sign_password_env") or signing.PASSWORD_ENV,
        password_file=base / password_file if password_file else None,
        tsa_url=options.get("sign_tsa_url") or None,
        visible=bool(options.get("sign_visible")),
    )
    return signing.load(config, now())


def claimed_moments(model: Publication) -> dict[str, dt.datetime]:
    """Each published version's PDF (permanent, fixed-URL and redline) -> its publication moment."""
    out: dict[str, dt.datetime] = {}
    for doc_id, history in model.histories.items():
        if history is None:
            continue
        for version in history.versions:
            for lang in version.languages:
                pdf = model.version_pdf(doc_id, version, lang)
                if pdf:
                    out[pdf] = version.published
                    out[redline_path(pdf)] = version.published
        shown = history.shown
        for lang in LANGUAGES:
            fixed = model.pdf(doc_id, lang) if doc_id in model.policies else None
            if shown is not None and fixed and lang in shown.sha256:
                out[fixed] = shown.published
    return out


def sign_pdfs(model: Publication, site_dir: Path, paths: list[str], cert: signing.Certificate) -> dict[Path, str]:
    """Sign the placed PDFs of published versions in ``paths``; the sha256 of each file signed."""
    moments = claimed_moments(model)
    signed: dict[Path, str] = {}
    for path in paths:
        moment = moments.get(path)
        if moment is None:
            continue  # a draft's PDF: not a published version, not signed
        target = site_dir / path
        data = signing.sign_pdf(cert, target.read_bytes(), moment)
        atomic_write_bytes(target, data)
        signed[target] = hashlib.sha256(data).hexdigest()
    return signed


def write_manifests(model: Publication, site_dir: Path, cert: signing.Certificate | None) -> list[Path]:
    """``evidence/<product>/<name>/v<N>/``: texts, manifest.json and (with a certificate) its signature."""
    return manifest.write_site(model, site_dir, cert)
