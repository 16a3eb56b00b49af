"""Acceptance records an app keeps, checked against what the version store says was in force.

A record says: user ``user`` accepted (or, ``how: silent``, is counted as having accepted
after the notice period) version ``version`` of ``document`` in ``language``, whose text
had ``sha256``, at moment ``at``. The shape is the JSON Schema shipped beside this module
(``acceptance.schema.json``); a CSV file has the same names as its columns.

Files are read as a stream (JSONL, or CSV when the name ends in ``.csv``): a record is
checked and dropped, so memory stays flat however long the file. Each document's versions
are indexed once, as plain timestamps, the first time a record names it.

A record that breaks the schema (a wrong column, a broken line, a moment without its zone)
is bad input: PolicyError with the file and line, nothing else is judged. A record that is
well formed but does not hold against the store is a *failure*, reported with its reasons.
A version that is published but not yet in force may be accepted actively (click, checkbox,
esign): the user agreed to the published text ahead of its effect. ``silent`` counts only
from the version's effective moment, the end of the notice period.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import PolicyError
from ..i18n import N_, _
from ..languages import LANGUAGES
from ..versions import timeline
from ..versions.store import CHANGELOG, open_store

FIELDS = ("user", "document", "version", "language", "sha256", "at", "how")
HOWS = ("click", "checkbox", "silent", "esign")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_DOC = re.compile(r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")
_IIN = re.compile(r"^[0-9]{12}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# kinds of failure, in the order of the summary table
KINDS = {
    "unknown-document": N_("document not in the store"),
    "not-published": N_("version never published"),
    "language": N_("language the version does not have"),
    "sha256": N_("sha256 is not that version's text"),
    "before-publication": N_("accepted before publication"),
    "silent-early": N_("silent acceptance before the notice period ended"),
    "not-in-force": N_("version no longer in force then"),
}


def schema() -> dict:
    """The JSON Schema of one record, as shipped in the package."""
    return json.loads(resources.files(__package__).joinpath("acceptance.schema.json").read_text("utf-8"))


@dataclass(slots=True)
class Record:
    line: int
    user: str
    document: str
    version: int
    language: str
    sha256: str
    at: dt.datetime
    how: str

    def to_json(self) -> dict:
        return {
            "user": self.user,
            "document": self.document,
            "version": self.version,
            "language": self.language,
            "sha256": self.sha256,
            "at": self.at.isoformat(),
            "how": self.how,
        }


def _record(values: dict, path: Path, line: int) -> Record:
    missing = [name for name in FIELDS if name not in values]
    if missing:
        raise PolicyError(
            _("record lacks the field(s) {fields}; every record has {all}").format(
                fields=", ".join(missing), all=", ".join(FIELDS)
            ),
            path,
            line,
        )
    extra = [str(name) for name in values if name not in FIELDS]
    if extra:
        raise PolicyError(
            _("record has the unknown field(s) {fields}; the fields are {all}").format(
                fields=", ".join(extra), all=", ".join(FIELDS)
            ),
            path,
            line,
        )
    user, document, language, sha, how = (values[k] for k in ("user", "document", "language", "sha256", "how"))
    if not isinstance(user, str) or not user.strip():
        raise PolicyError(_("'user' must be a non-empty reference"), path, line)
    if not isinstance(document, str) or not _DOC.match(document):
        raise PolicyError(_("'document' must be product/name, not {value!r}").format(value=document), path, line)
    version = values["version"]
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PolicyError(_("'version' must be a whole number from 1, not {value!r}").format(value=version), path, line)
    if language not in LANGUAGES:
        raise PolicyError(
            _("'language' must be one of {all}, not {value!r}").format(all=", ".join(LANGUAGES), value=language),
            path,
            line,
        )
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise PolicyError(
            _("'sha256' must be 64 lowercase hexadecimal digits, not {value!r}").format(value=sha), path, line
        )
    if how not in HOWS:
        raise PolicyError(
            _("'how' must be one of {all}, not {value!r}").format(all=", ".join(HOWS), value=how), path, line
        )
    return Record(line, user, document, version, language, sha, parse_at(values["at"], path, line), how)


def parse_at(raw, path: Path | None = None, line: int | None = None) -> dt.datetime:
    """An ISO 8601 moment that carries its zone (a moment without one cannot be placed)."""
    try:
        text = str(raw)
        moment = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        raise PolicyError(_("'at' is not an ISO 8601 moment: {value!r}").format(value=raw), path, line) from None
    if moment.tzinfo is None:
        raise PolicyError(
            _("'at' {value} has no zone; write it with its offset, e.g. 2026-12-01T15:30+05:00").format(value=raw),
            path,
            line,
        )
    return moment


def read_records(path: Path) -> Iterator[Record]:
    """The records of a JSONL or CSV file, one at a time; bad input raises PolicyError with the line."""
    path = Path(path)
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise PolicyError(_("cannot read: {reason}").format(reason=exc.strerror or exc), path) from None
    with fh:
        try:
            if path.suffix.lower() == ".csv":
                yield from _csv_records(fh, path)
            else:
                yield from _jsonl_records(fh, path)
        except UnicodeDecodeError:
            raise PolicyError(_("the file is not valid UTF-8"), path) from None


def _jsonl_records(fh: io.TextIOBase, path: Path) -> Iterator[Record]:
    for number, text in enumerate(fh, 1):
        if not text.strip():
            continue
        try:
            values = json.loads(text)
        except ValueError as exc:
            raise PolicyError(_("broken line, not a JSON object ({reason})").format(reason=exc), path, number) from None
        if not isinstance(values, dict):
            raise PolicyError(
                _("broken line, not a JSON object ({reason})").format(reason=type(values).__name__), path, number
            )
        yield _record(values, path, number)


def _csv_records(fh: io.TextIOBase, path: Path) -> Iterator[Record]:
    reader = csv.reader(fh)
    header = next(reader, None)
    if header is None:
        return
    header = [name.strip().lstrip("\ufeff") for name in header]
    if sorted(header) != sorted(FIELDS):
        wrong = [name for name in header if name not in FIELDS] or [name for name in FIELDS if name not in header]
        raise PolicyError(
            _("wrong column(s) {columns}: the columns are {all}").format(
                columns=", ".join(wrong) or ", ".join(header), all=", ".join(FIELDS)
            ),
            path,
            1,
        )
    width = len(header)
    for row in reader:
        line = reader.line_num
        if not row:
            continue
        if len(row) != width:
            raise PolicyError(
                _("broken line: {count} values where the header has {width} columns").format(
                    count=len(row), width=width
                ),
                path,
                line,
            )
        yield _record(dict(zip(header, row)), path, line)


def looks_personal(user: str) -> bool:
    """An IIN (12 digits) or an e-mail address where an opaque reference belongs."""
    return bool(_IIN.match(user) or _EMAIL.match(user))


@dataclass(slots=True)
class _Entry:
    number: int
    published: float
    effective: float
    until: float | None
    never: bool
    sha256: dict
    replaced_by: int | None


class StoreIndex:
    """Each document's versions as timestamps, read from the store once, on first use."""

    def __init__(self, versions_dir: Path):
        self.versions_dir = Path(versions_dir)
        self._docs: dict[str, dict[int, _Entry] | None] = {}

    def versions(self, doc_id: str) -> dict[int, _Entry] | None:
        if doc_id not in self._docs:
            self._docs[doc_id] = self._load(doc_id)
        return self._docs[doc_id]

    def _load(self, doc_id: str) -> dict[int, _Entry] | None:
        if not (self.versions_dir / doc_id / CHANGELOG).is_file():
            return None
        store = open_store(self.versions_dir, doc_id)
        out = {}
        for v in store.versions:
            end = timeline.until(store.versions, v)
            nxt = next((w.number for w in store.versions if w.number > v.number and w.effective == end), None)
            out[v.number] = _Entry(
                v.number,
                v.published.timestamp(),
                v.effective.timestamp(),
                end.timestamp() if end else None,
                end is not None and end <= v.effective,
                dict(v.sha256),
                nxt,
            )
        return out


def problems(record: Record, index: StoreIndex) -> list[tuple[str, str]]:
    """(kind, plain words) for each way the record does not hold against the store; empty when it holds."""
    versions = index.versions(record.document)
    if versions is None:
        return [
            ("unknown-document", _("no published versions of {document} in the store").format(document=record.document))
        ]
    v = versions.get(record.version)
    if v is None:
        return [
            (
                "not-published",
                _("{document} has no version {number}; published versions: 1-{last}").format(
                    document=record.document, number=record.version, last=max(versions) if versions else 0
                ),
            )
        ]
    out = []
    at = record.at.timestamp()
    if record.language not in v.sha256:
        out.append(
            (
                "language",
                _("version {number} has no text in '{lang}' (it has {langs})").format(
                    number=v.number, lang=record.language, langs=", ".join(l for l in LANGUAGES if l in v.sha256)
                ),
            )
        )
    elif v.sha256[record.language] != record.sha256:
        out.append(
            (
                "sha256",
                _("sha256 {given} is not the text of version {number} in '{lang}' ({expected})").format(
                    given=record.sha256[:12] + "…",
                    number=v.number,
                    lang=record.language,
                    expected=v.sha256[record.language][:12] + "…",
                ),
            )
        )
    if at < v.published:
        out.append(
            (
                "before-publication",
                _("at {at}, before version {number} was published ({published})").format(
                    at=record.at.isoformat(), number=v.number, published=_iso(v.published, record.at)
                ),
            )
        )
    elif record.how == "silent" and at < v.effective:
        out.append(
            (
                "silent-early",
                _("silent acceptance at {at}, before the notice period ended ({effective})").format(
                    at=record.at.isoformat(), effective=_iso(v.effective, record.at)
                ),
            )
        )
    if v.until is not None and at >= v.until and (at >= v.effective or v.never):
        out.append(
            (
                "not-in-force",
                _("at {at} version {number} was no longer in force (version {next} from {until})").format(
                    at=record.at.isoformat(), number=v.number, next=v.replaced_by, until=_iso(v.until, record.at)
                ),
            )
        )
    return out


def _iso(timestamp: float, like: dt.datetime) -> str:
    return dt.datetime.fromtimestamp(timestamp, like.tzinfo).isoformat()


@dataclass
class Report:
    total: int = 0
    failed: int = 0
    kinds: Counter = field(default_factory=Counter)
    personal: int = 0
    first_personal: int | None = None

    @property
    def ok(self) -> int:
        return self.total - self.failed


def check(path: Path, index: StoreIndex, on_failure=None, records: Iterator[Record] | None = None) -> Report:
    """Check every record of ``path``; ``on_failure(record, problems)`` for each failing one."""
    report = Report()
    for record in records if records is not None else read_records(path):
        report.total += 1
        if looks_personal(record.user):
            report.personal += 1
            if report.first_personal is None:
                report.first_personal = record.line
        found = problems(record, index)
        if found:
            report.failed += 1
            for kind, _words in found:
                report.kinds[kind] += 1
            if on_failure is not None:
                on_failure(record, found)
    return report


def for_user(path: Path, user: str, doc_id: str | None = None) -> list[Record]:
    """The records of one user (and document) in a file, for an evidence bundle."""
    return [r for r in read_records(path) if r.user == user and (doc_id is None or r.document == doc_id)]
