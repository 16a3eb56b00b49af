"""Frozen versions and the changelog of one document, kept in the repository.

Layout: ``versions/<product>/<name>/changelog.yml`` lists every published version
(number, publication and effective moments, material or not, summary per language,
sha256 of each language's text) and ``versions/<product>/<name>/v<N>/<lang>.md`` holds
the texts exactly as published. Whenever the store is opened, the changelog and the folders
are cross-checked: every entry has its folder and texts with the recorded sha256, the
numbers have no gap, and every ``v<N>`` folder is listed. So an edited text, an edited hash,
a lost entry (a bad merge) or a stray folder is found, with the file named, before anything
is built or published. Other files and folders (a lawyer's ``archive/``) are left alone:
nothing here ever removes or overwrites what it did not create in the same run.

Publishing takes a lock on the store's folder, re-reads the store under it, and writes the
texts into a hidden folder (fsynced) that is renamed into place before the changelog is
replaced atomically. A publish killed at any point leaves the published versions as they
were; what it leaves behind is marked as its own (see ``INTERRUPTED``) and named by the
next publish.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import atomic_write_text, regular_file
from ..i18n import _
from ..languages import LANGUAGES
from ..lines import split_lines
from . import timeline
from .clock import DEFAULT_TIMEZONE, FIRST_YEAR, LAST_YEAR, zone

CHANGELOG = "changelog.yml"
# a file inside a version folder while it is being written: a folder that still has it was
# left by a publish that did not finish (the changelog does not list it)
INTERRUPTED = ".publish-in-progress"
VERSION_FOLDER = re.compile(r"^v([0-9]+)$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
LOCK_WAIT_SECONDS = 30.0


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
    # what the auditors rely on besides the declared moment: when `publish` really ran (UTC),
    # who ran it, and why a moment more than a day before that was declared (None: not backdated)
    recorded_at: dt.datetime | None = None
    recorded_by: str | None = None
    backdate_reason: str | None = None
    # published with translations not signed off: {"reason": the legal team's words, "clauses": {lang: [...]}}
    unconfirmed: dict | None = None

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.sha256]

    def text_path(self, lang: str) -> Path:
        return self.folder / f"v{self.number}" / f"{lang}.md"

    def text(self, lang: str) -> str:
        return regular_file(self.text_path(lang)).read_bytes().decode("utf-8")

    def to_yaml(self) -> dict[str, Any]:
        return {
            "version": self.number,
            "published": self.published.isoformat(),
            "effective": self.effective.isoformat(),
            "material": self.material,
            "notice_days": self.notice_days,
            "summary": dict(self.summary),
            "sha256": dict(self.sha256),
            **({"recorded_at": self.recorded_at.isoformat()} if self.recorded_at else {}),
            **({"recorded_by": self.recorded_by} if self.recorded_by else {}),
            **({"backdate_reason": self.backdate_reason} if self.backdate_reason else {}),
            **({"unconfirmed_translations": self.unconfirmed} if self.unconfirmed else {}),
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
        raise PolicyError(
            _("document '{doc_id}' has no version {number}").format(doc_id=self.doc_id, number=number),
            self.changelog_path,
        )

    def in_force(self, moment: dt.datetime) -> Version | None:
        """The version in force at ``moment`` (aware): see timeline.py, the one rule for every reader."""
        return timeline.in_force(self.versions, moment)

    def pending(self, moment: dt.datetime) -> list[Version]:
        """Versions published by ``moment`` that are not yet in force (nor already replaced)."""
        return timeline.pending(self.versions, moment)

    def in_force_until(self, version: Version) -> dt.datetime | None:
        """When ``version`` stops being in force: the next version's effective moment."""
        return timeline.until(self.versions, version)

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
    """Read (and by default cross-check) a document's changelog; no changelog means no versions yet."""
    folder = store_folder(versions_dir, doc_id)
    path = folder / CHANGELOG
    store = VersionStore(doc_id, folder)
    if os.path.islink(folder):
        raise PolicyError(_("the versions folder of a document is a symbolic link; it must be a real folder"), folder)
    if not os.path.lexists(path):
        if verify:
            _cross_check_folders(store)
        return store
    try:
        text = regular_file(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise PolicyError(_("changelog is not valid UTF-8"), path) from None
    try:
        data = yamlio.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(
            _("changelog is not valid YAML: {problem}").format(problem=getattr(exc, "problem", None) or exc),
            path,
            mark.line + 1 if mark else None,
        ) from None
    lines = split_lines(text)

    def line_of(needle: str) -> int | None:
        return next((i for i, line in enumerate(lines, 1) if needle in line), None)

    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        raise PolicyError(_("changelog must have 'document', 'timezone' and a list 'versions'"), path, 1)
    if data.get("document") != doc_id:
        raise PolicyError(
            _("changelog belongs to '{other}', not '{doc_id}'").format(other=data.get("document"), doc_id=doc_id),
            path,
            line_of("document:"),
        )
    store.timezone = str(data.get("timezone") or DEFAULT_TIMEZONE)
    try:
        tz = zone(store.timezone)
    except PolicyError as exc:
        raise PolicyError(exc.message, path, line_of("timezone:")) from None
    previous: Version | None = None
    for entry in data["versions"]:
        number = entry.get("version") if isinstance(entry, dict) else None
        where = line_of(f"version: {number}") if number is not None else None
        try:
            version = _version_from(entry, folder, tz)
        except _OutOfRange as exc:
            raise PolicyError(str(exc), path, line_of(exc.raw) or where) from None
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise PolicyError(_("changelog entry is malformed ({reason})").format(reason=exc), path, where) from None
        same = next((v for v in store.versions if v.effective == version.effective), None)
        if same is not None:
            raise PolicyError(
                _(
                    "versions {number} and {number2} take effect at the same moment ({moment}); which "
                    "one is in force then cannot be told"
                ).format(number=same.number, number2=version.number, moment=version.effective.isoformat()),
                path,
                where,
            )
        expected = previous.number + 1 if previous else 1
        if version.number != expected:
            raise PolicyError(
                _(
                    "the changelog lists version {number} where version {expected} should come; an "
                    "entry is missing or out of order (was the changelog merged or edited by hand?)"
                ).format(number=version.number, expected=expected),
                path,
                where,
            )
        if previous and version.published < previous.published:
            raise PolicyError(
                _("version {number} is published before version {number2}").format(
                    number=version.number, number2=previous.number
                ),
                path,
                where,
            )
        store.versions.append(version)
        previous = version
    if verify:
        verify_store(store, line_of)
    return store


class _OutOfRange(ValueError):
    """A moment outside years 1900-2999: named with its own line in the changelog."""

    def __init__(self, message: str, raw: str):
        super().__init__(message)
        self.raw = raw


def _moment(value: Any, name: str = "moment") -> dt.datetime:
    raw = value.isoformat() if isinstance(value, dt.datetime) else str(value)
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise ValueError(_("moments must carry a UTC offset"))
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        message = {
            "effective": _("the effective moment {moment} is outside the years {first}-{last}"),
            "recorded": _("the recording moment {moment} is outside the years {first}-{last}"),
        }.get(name, _("the publication moment {moment} is outside the years {first}-{last}"))
        raise _OutOfRange(message.format(moment=raw, first=FIRST_YEAR, last=LAST_YEAR), raw)
    return moment


def _version_from(entry: dict, folder: Path, tz) -> Version:
    number = entry["version"]
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValueError(_("version must be a whole number from 1, not {number!r}").format(number=number))
    sha = entry["sha256"]
    if not isinstance(sha, dict) or not sha or any(lang not in LANGUAGES for lang in sha):
        raise ValueError(_("sha256 must map languages (ru, kk, en) to hashes"))
    for lang, digest in sha.items():
        if not isinstance(digest, str) or not SHA256.match(digest):
            raise ValueError(
                _("the sha256 of '{lang}' must be 64 hexadecimal digits, not {digest!r}").format(
                    lang=lang, digest=digest
                )
            )
    summary = entry.get("summary") or {}
    if not isinstance(summary, dict):
        raise ValueError(_("summary must map languages to text"))
    return Version(
        number=number,
        published=_moment(entry["published"], "publication").astimezone(tz),  # same instant, named zone for display
        effective=_moment(entry["effective"], "effective").astimezone(tz),
        material=bool(entry.get("material", True)),
        notice_days=int(entry.get("notice_days", 0)),
        summary={k: str(v) for k, v in summary.items()},
        sha256={k: str(v) for k, v in sha.items()},
        folder=folder,
        recorded_at=_moment(entry["recorded_at"], "recorded").astimezone(dt.UTC) if entry.get("recorded_at") else None,
        recorded_by=str(entry["recorded_by"]) if entry.get("recorded_by") else None,
        backdate_reason=str(entry["backdate_reason"]) if entry.get("backdate_reason") else None,
        unconfirmed=_unconfirmed(entry.get("unconfirmed_translations")),
    )


def _unconfirmed(value: Any) -> dict | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("reason"), str)
        or not isinstance(value.get("clauses"), dict)
    ):
        raise ValueError(_("unconfirmed_translations must give a 'reason' and the 'clauses' per language"))
    return {"reason": value["reason"], "clauses": {str(k): [str(c) for c in v] for k, v in value["clauses"].items()}}


def verify_store(store: VersionStore, line_of=lambda needle: None) -> None:
    """Every listed version has its folder and texts with the recorded sha256; every folder is listed."""
    for version in store.versions:
        folder = store.folder / f"v{version.number}"
        if os.path.islink(folder):
            raise PolicyError(
                _("the folder of a published version is a symbolic link; it must be a real folder"), folder
            )
        if not os.path.isdir(folder):
            raise PolicyError(
                _(
                    "version {number} is in the changelog ({changelog_path}) but its folder is "
                    "missing; restore it from the repository's history"
                ).format(number=version.number, changelog_path=store.changelog_path),
                folder,
            )
        for lang, expected in version.sha256.items():
            path = version.text_path(lang)
            if not os.path.lexists(path):
                raise PolicyError(
                    _("frozen text of version {number} ({lang}) is missing").format(number=version.number, lang=lang),
                    path,
                )
            if sha256_bytes(regular_file(path).read_bytes()) != expected:
                where = line_of(expected[:16]) or line_of(f"version: {version.number}")
                raise PolicyError(
                    _(
                        "frozen text of version {number} ({lang}) does not match the sha256 recorded "
                        "in {changelog_path}{line}: either the published text or the changelog was "
                        "edited after publication; restore both from the repository's history"
                    ).format(
                        number=version.number,
                        lang=lang,
                        changelog_path=store.changelog_path,
                        line=f":{where}" if where else "",
                    ),
                    path,
                )
        for extra in sorted(os.listdir(folder)):
            lang = extra.removesuffix(".md")
            if extra != INTERRUPTED and lang not in version.sha256:
                raise PolicyError(
                    _(
                        "'{extra}' is in the folder of version {number} but the changelog records no "
                        "such text; published versions are never changed"
                    ).format(extra=extra, number=version.number),
                    folder / extra,
                )
    _cross_check_folders(store)


def _cross_check_folders(store: VersionStore) -> None:
    """A ``v<N>`` folder the changelog does not list is an error, unless a publish left it unfinished."""
    known = {v.number for v in store.versions}
    for number, path in _version_folders(store.folder):
        if number in known or (path / INTERRUPTED).exists():
            continue
        raise PolicyError(
            _(
                "version folder v{number} is not listed in {changelog_path}; a changelog entry was "
                "lost (restore it from the repository's history) or the folder does not belong here"
            ).format(number=number, changelog_path=store.changelog_path),
            path,
        )


def _version_folders(folder: Path) -> list[tuple[int, Path]]:
    if not folder.is_dir():
        return []
    out = []
    for name in os.listdir(folder):
        match = VERSION_FOLDER.match(name)
        if match:
            out.append((int(match.group(1)), folder / name))
    return sorted(out)


def interrupted(store: VersionStore) -> list[Path]:
    """What publishes that did not finish left behind: readers ignore it; a person may delete it."""
    if not store.folder.is_dir():
        return []
    out = [
        path
        for _, path in _version_folders(store.folder)
        if (path / INTERRUPTED).exists() and path.name not in {f"v{v.number}" for v in store.versions}
    ]
    out += sorted(
        p
        for p in store.folder.iterdir()
        if p.name.startswith((".v", f".{CHANGELOG}.")) and (p.name.endswith(".tmp") or (p / INTERRUPTED).exists())
    )
    return out


class StoreLock:
    """One publish at a time in a project: an exclusive lock on the folder that holds ``versions/``.

    The lock is the kernel's (flock) on a folder that always exists, so taking it writes
    nothing (a refused publish leaves no trace) and it goes away with the process that held
    it, even after kill -9: no stale lock file to clean up. A second publish waits for the
    first (up to LOCK_WAIT_SECONDS), then refuses with a message.
    """

    def __init__(self, versions_dir: Path, wait: float = LOCK_WAIT_SECONDS):
        self.folder = Path(os.path.abspath(versions_dir)).parent
        self.wait = wait
        self.fd: int | None = None

    def __enter__(self) -> StoreLock:
        try:
            self.fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise PolicyError(
                _("cannot open the versions folder ({reason})").format(reason=exc.strerror), self.folder
            ) from None
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    raise PolicyError(
                        _("another publish is still running in this project; try again when it has finished"),
                        self.folder,
                    ) from None
                time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = None


def write_version(store: VersionStore, version: Version, texts: dict[str, bytes]) -> None:
    """Freeze ``texts`` as ``version`` and record it; all or nothing. Call under StoreLock.

    The texts are written (and fsynced) into a hidden folder of this run's own, which is
    renamed into place; then the changelog is replaced atomically, and only then is the
    version folder's INTERRUPTED mark removed. Until the changelog lists the version it does
    not exist for any reader. Nothing that this run did not create is removed or replaced.
    """
    final = store.folder / f"v{version.number}"
    if os.path.lexists(final):
        raise PolicyError(
            _(
                "v{number} already exists but the changelog does not list it (left by a publish that "
                "did not finish?); look at it, delete it, and publish again"
            ).format(number=version.number),
            final,
        )
    created: Path | None = None
    try:
        store.folder.mkdir(parents=True, exist_ok=True)
        partial = created = Path(tempfile.mkdtemp(prefix=f".v{version.number}.", suffix=".partial", dir=store.folder))
        (partial / INTERRUPTED).write_bytes(b"")
        for lang, data in texts.items():
            target = partial / f"{lang}.md"
            with open(target, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(target, 0o444)  # a reminder on disk: published texts are read-only
        os.chmod(partial, 0o755)
        _fsync_dir(partial)
        os.rename(partial, final)  # refuses to replace a folder that appeared meanwhile
        created = final
        _fsync_dir(store.folder)
        store.versions.append(version)
        try:
            atomic_write_text(store.changelog_path, store.render_changelog())
        except BaseException:
            store.versions.pop()
            raise
        created = None  # from here the version exists; only its mark is left to remove
        (final / INTERRUPTED).unlink()
        _fsync_dir(final)
    except OSError as exc:
        _remove_own(created)
        raise PolicyError(
            _("could not write the new version ({reason})").format(reason=exc.strerror or exc), store.folder
        ) from None
    except BaseException:
        _remove_own(created)
        raise


def _remove_own(folder: Path | None) -> None:
    """Remove a folder this run created (its files are read-only, the folder is not)."""
    if folder is None or not folder.is_dir():
        return
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems cannot fsync a folder; the data itself was synced
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)
