"""Frozen versions and the changelog of one document, kept in the repository.

Layout: ``versions/<product>/<name>/changelog.yml`` lists every published version
(number, publication and effective moments, material or not, summary per language,
sha256 of each language's text) and ``versions/<product>/<name>/v<N>/<lang>.md`` holds
the texts exactly as published. The changelog is the authority: a version folder it does
not list is the leftover of an interrupted publish and is ignored (and removed by the next
publish). Frozen texts are verified against their recorded sha256 whenever the store is
opened, so an edited published version is found, with the file named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import atomic_write_text
from ..languages import LANGUAGES
from ..lines import split_lines
from .clock import DEFAULT_TIMEZONE, zone

CHANGELOG = "changelog.yml"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Version:
    number: int
    published: dt.datetime
    effective: dt.datetime
    material: bool
    notice_days: int
    summary: dict[str, str]
    sha256: dict[str, str]  # per language
    folder: Path

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.sha256]

    def text_path(self, lang: str) -> Path:
        return self.folder / f"v{self.number}" / f"{lang}.md"

    def text(self, lang: str) -> str:
        return self.text_path(lang).read_text(encoding="utf-8")

    def to_yaml(self) -> dict[str, Any]:
        return {
            "version": self.number,
            "published": self.published.isoformat(),
            "effective": self.effective.isoformat(),
            "material": self.material,
            "notice_days": self.notice_days,
            "summary": dict(self.summary),
            "sha256": dict(self.sha256),
        }


@dataclass
class VersionStore:
    doc_id: str
    folder: Path
    timezone: str = DEFAULT_TIMEZONE
    versions: list[Version] = field(default_factory=list)

    @property
    def changelog_path(self) -> Path:
        return self.folder / CHANGELOG

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    def get(self, number: int) -> Version:
        for version in self.versions:
            if version.number == number:
                return version
        raise PolicyError(f"document '{self.doc_id}' has no version {number}", self.changelog_path)

    def in_force(self, moment: dt.datetime) -> Version | None:
        """The version in force at ``moment`` (aware): the latest whose effective moment has come."""
        current = None
        for version in self.versions:
            if version.effective <= moment:
                current = version
        return current

    def pending(self, moment: dt.datetime) -> list[Version]:
        """Versions published by ``moment`` that are not yet in force."""
        return [v for v in self.versions if v.published <= moment < v.effective]

    def in_force_until(self, version: Version) -> dt.datetime | None:
        """When ``version`` stops being in force: the next version's effective moment."""
        later = [v.effective for v in self.versions if v.number > version.number and v.effective > version.effective]
        return min(later) if later else None

    def render_changelog(self) -> str:
        data = {
            "document": self.doc_id,
            "timezone": self.timezone,
            "versions": [v.to_yaml() for v in self.versions],
        }
        head = "# Published versions of this document. Written by `policydocs publish`; do not edit by hand.\n"
        return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def store_folder(versions_dir: Path, doc_id: str) -> Path:
    return Path(versions_dir) / doc_id


def open_store(versions_dir: Path, doc_id: str, verify: bool = True) -> VersionStore:
    """Read (and by default verify) a document's changelog; no changelog means no versions yet."""
    folder = store_folder(versions_dir, doc_id)
    path = folder / CHANGELOG
    store = VersionStore(doc_id, folder)
    if not path.exists():
        return store
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise PolicyError("changelog is not valid UTF-8", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(
            f"changelog is not valid YAML: {getattr(exc, 'problem', None) or exc}", path, mark.line + 1 if mark else None
        ) from None
    lines = split_lines(path.read_text(encoding="utf-8"))

    def line_of(text: str) -> int | None:
        return next((i for i, line in enumerate(lines, 1) if text in line), None)

    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        raise PolicyError("changelog must have 'document', 'timezone' and a list 'versions'", path, 1)
    if data.get("document") != doc_id:
        raise PolicyError(f"changelog belongs to '{data.get('document')}', not '{doc_id}'", path, line_of("document:"))
    store.timezone = str(data.get("timezone") or DEFAULT_TIMEZONE)
    tz = zone(store.timezone)
    previous: Version | None = None
    for entry in data["versions"]:
        number = entry.get("version") if isinstance(entry, dict) else None
        where = line_of(f"version: {number}") if number is not None else None
        try:
            version = _version_from(entry, folder, tz)
        except (KeyError, TypeError, ValueError) as exc:
            raise PolicyError(f"changelog entry is malformed ({exc})", path, where) from None
        if previous and version.number <= previous.number:
            raise PolicyError(f"version {version.number} comes after version {previous.number}; numbers must grow", path, where)
        if previous and version.published < previous.published:
            raise PolicyError(f"version {version.number} is published before version {previous.number}", path, where)
        store.versions.append(version)
        previous = version
    if verify:
        verify_store(store)
    return store


def _moment(value: Any) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError("moments must carry a UTC offset")
    return moment


def _version_from(entry: dict, folder: Path, tz) -> Version:
    number = entry["version"]
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValueError(f"version must be a whole number from 1, not {number!r}")
    sha = entry["sha256"]
    if not isinstance(sha, dict) or not sha or any(lang not in LANGUAGES for lang in sha):
        raise ValueError("sha256 must map languages (ru, kk, en) to hashes")
    summary = entry.get("summary") or {}
    if not isinstance(summary, dict):
        raise ValueError("summary must map languages to text")
    return Version(
        number=number,
        published=_moment(entry["published"]).astimezone(tz),  # same instant, named zone for display
        effective=_moment(entry["effective"]).astimezone(tz),
        material=bool(entry.get("material", True)),
        notice_days=int(entry.get("notice_days", 0)),
        summary={k: str(v) for k, v in summary.items()},
        sha256={k: str(v) for k, v in sha.items()},
        folder=folder,
    )


def verify_store(store: VersionStore) -> None:
    """Every frozen text exists and still has the hash recorded when it was published."""
    for version in store.versions:
        for lang, expected in version.sha256.items():
            path = version.text_path(lang)
            if not path.exists():
                raise PolicyError(f"frozen text of version {version.number} ({lang}) is missing", path)
            if sha256_bytes(path.read_bytes()) != expected:
                raise PolicyError(
                    f"frozen text of version {version.number} ({lang}) was changed after publication "
                    f"(its sha256 no longer matches the changelog); published versions must never be edited",
                    path,
                )


def leftovers(store: VersionStore) -> list[Path]:
    """Version folders not in the changelog: what an interrupted publish left behind."""
    if not store.folder.is_dir():
        return []
    known = {f"v{v.number}" for v in store.versions}
    return [p for p in store.folder.iterdir() if p.is_dir() and p.name not in known]


def write_version(store: VersionStore, version: Version, texts: dict[str, bytes]) -> None:
    """Freeze ``texts`` as ``version`` and record it; all or nothing.

    The texts are written to a hidden folder and renamed into place, then the changelog is
    replaced atomically. Until the changelog lists the version it does not exist for any
    reader; a folder left by a crash between the two steps is removed here next time.
    """
    for stale in leftovers(store):
        shutil.rmtree(stale)
    store.folder.mkdir(parents=True, exist_ok=True)
    final = store.folder / f"v{version.number}"
    partial = store.folder / f".v{version.number}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir()
    for lang, data in texts.items():
        (partial / f"{lang}.md").write_bytes(data)
        os.chmod(partial / f"{lang}.md", 0o444)  # a reminder on disk: published texts are read-only
    os.replace(partial, final)
    store.versions.append(version)
    try:
        atomic_write_text(store.changelog_path, store.render_changelog())
    except BaseException:
        store.versions.pop()
        shutil.rmtree(final, ignore_errors=True)
        raise
