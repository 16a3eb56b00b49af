"""``policydocs verify``: a built site (or a folder of downloaded files) against its signed manifests.

What is checked, per document under ``evidence/``: every version folder has a manifest that
names this document and this version (a folder moved or swapped does not); the numbers run
1, 2, 3... without a gap; each manifest names the sha256 of the one before (the chain); its
CMS signature is intact and valid; every file it lists is there with that sha256, and each
text's sha256 is the one the changelog entry records. Where the site's API is present, every
version it lists must have its manifest, so a version removed from the end is found too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PolicyError
from ..i18n import _
from . import signing
from .manifest import FOLDER, MANIFEST, SIGNATURE, sha256_file

_VERSION = re.compile(r"^v([0-9]+)$")


@dataclass
class Result:
    manifests: int = 0
    files: int = 0
    signatures: int = 0
    differences: list[tuple[str, str]] = field(default_factory=list)  # (path, what differs)
    signers: set[str] = field(default_factory=set)

    def differ(self, path: Path | str, message: str) -> None:
        self.differences.append((str(path), message))


def verify(site_dir: Path) -> Result:
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise PolicyError(
            _("no such folder; give the built site (default site/) or a folder of downloaded files"), site_dir
        )
    result = Result()
    root = site_dir / FOLDER
    if not root.is_dir():
        result.differ(root, _("no manifests here: the site was built without them, or the folder was removed"))
        return result
    for doc_folder in sorted({p.parent for p in root.glob("*/*/v*") if p.is_dir() and _VERSION.match(p.name)}):
        _document(site_dir, doc_folder, result)
    return result


def _document(site_dir: Path, doc_folder: Path, result: Result) -> None:
    doc_id = f"{doc_folder.parent.name}/{doc_folder.name}"
    numbers = sorted(
        int(_VERSION.match(p.name).group(1)) for p in doc_folder.iterdir() if p.is_dir() and _VERSION.match(p.name)
    )
    previous: tuple[int, str, dt.datetime] | None = None
    for expected, number in enumerate(numbers, 1):
        if number != expected:
            result.differ(
                doc_folder / f"v{expected}",
                _(
                    "version {number} of {document} is missing: the manifests "
                    "jump from version {before} to version {after}"
                ).format(number=expected, document=doc_id, before=expected - 1, after=number),
            )
        folder = doc_folder / f"v{number}"
        path = folder / MANIFEST
        try:
            data = path.read_bytes()
            manifest = json.loads(data)
            published = dt.datetime.fromisoformat(manifest["published"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            result.differ(
                path,
                _("the manifest is missing or unreadable ({reason})").format(
                    reason=getattr(exc, "strerror", None) or exc
                ),
            )
            previous = None
            continue
        result.manifests += 1
        if manifest.get("document") != doc_id or manifest.get("version") != number:
            result.differ(
                path,
                _(
                    "this manifest is of {document} version {number}, not of the folder it is in "
                    "({folder}): versions were moved or reordered"
                ).format(
                    document=manifest.get("document"), number=manifest.get("version"), folder=f"{doc_id}/v{number}"
                ),
            )
        if previous is not None:
            if manifest.get("previous_manifest_sha256") != previous[1]:
                result.differ(
                    path,
                    _(
                        "the chain is broken: this manifest does not name the sha256 of version "
                        "{number}'s manifest, so a manifest before it was changed, removed or "
                        "put in another order"
                    ).format(number=previous[0]),
                )
            if published < previous[2]:
                result.differ(
                    path,
                    _("version {number} is published before version {before}").format(
                        number=number, before=previous[0]
                    ),
                )
        elif number == 1 and manifest.get("previous_manifest_sha256") is not None:
            result.differ(
                path, _("the first version's manifest names a previous manifest: versions before it were removed")
            )
        _signature(folder, data, result)
        _files(site_dir, manifest, path, result)
        previous = (number, hashlib.sha256(data).hexdigest(), published)
    _against_api(site_dir, doc_id, set(numbers), result)


def _signature(folder: Path, data: bytes, result: Result) -> None:
    path = folder / SIGNATURE
    if not path.is_file():
        result.differ(path, _("the manifest is not signed: its signature file is missing"))
        return
    good, signer = signing.check_detached(data, path.read_bytes())
    result.signatures += 1
    if good:
        result.signers.add(signer)
    else:
        result.differ(
            path,
            _(
                "the signature does not match the manifest: the manifest was changed after it was "
                "signed, or the signature is damaged"
            ),
        )


def _files(site_dir: Path, manifest: dict, manifest_path: Path, result: Result) -> None:
    recorded = (manifest.get("changelog_entry") or {}).get("sha256") or {}
    for item in manifest.get("files") or []:
        path = site_dir / item["path"]
        result.files += 1
        if not path.is_file():
            result.differ(path, _("listed in {manifest} but missing").format(manifest=manifest_path))
            continue
        actual = sha256_file(path)
        if actual != item["sha256"]:
            result.differ(
                path,
                _("differs from the manifest: sha256 {actual}, the manifest says {expected}").format(
                    actual=actual, expected=item["sha256"]
                ),
            )
        if item.get("role") == "text" and recorded.get(item.get("lang")) != item["sha256"]:
            result.differ(
                manifest_path,
                _("the text in '{lang}' is not the one the changelog entry records").format(lang=item.get("lang")),
            )


def _against_api(site_dir: Path, doc_id: str, numbers: set[int], result: Result) -> None:
    api = site_dir / "api" / "v1" / "documents" / f"{doc_id}.json"
    if not api.is_file():
        return
    try:
        listed = [v["version"] for v in json.loads(api.read_bytes())["document"]["versions"]]
    except (ValueError, KeyError, TypeError):
        result.differ(api, _("the API document cannot be read to compare its versions"))
        return
    for number in listed:
        if number not in numbers:
            result.differ(
                site_dir / FOLDER / doc_id / f"v{number}",
                _(
                    "the API lists version {number} of {document} but its manifest is missing: a version was removed"
                ).format(number=number, document=doc_id),
            )
