"""Translator sign-offs: who confirmed which clause of a translation, when, against which source text.

One file per document and translation, ``translations/<product>/<name>/<lang>.yml`` at the
project root, beside ``docs/`` and ``versions/``: a visible file meant to be committed and
reviewed like the texts themselves (``git log`` on it is the history of sign-offs). Per
clause (keyed by the source clause's address, ``cl-2-3``, the same eId as on the site) it
records the person (``by``), the moment (``at``), the sha256 of the source and of the
translation as confirmed, and the source text itself, so that when the source changes later
the translator is shown exactly what changed since their sign-off (a word-level diff), not
just that something did.

Earlier versions of policydocs kept fingerprints only, in a hidden ``.policydocs/sync/``
folder; such a record is still read (``legacy``) and is moved here by the next ``confirm``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import atomic_write_text, regular_file
from ..i18n import _
from ..lines import split_lines
from ..now import now as current_moment

FOLDER = "translations"
LEGACY_FOLDER = Path(".policydocs") / "sync"
HEADER = (
    "# Translator sign-offs for one translation: written by `policydocs confirm`, commit it with the texts.\n"
    "# Per clause: who confirmed it, when, and the source text they confirmed it against.\n"
)


def text_hash(text: str) -> str:
    """Whitespace-insensitive: re-wrapping a line is not a change of meaning."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def same_text(recorded: str | None, text: str) -> bool:
    """A recorded hash against a text; a legacy record kept only the first 16 hex digits."""
    if not recorded:
        return False
    return text_hash(text).startswith(recorded) if len(recorded) < 64 else recorded == text_hash(text)


@dataclass
class Confirmation:
    by: str
    at: str  # ISO moment with UTC offset (a legacy record has only a day)
    source_sha256: str
    translation_sha256: str = ""  # empty in a legacy record: it did not know the translation
    source: str = ""  # the source text as confirmed; empty in a legacy record

    def to_yaml(self) -> dict:
        out = {"by": self.by, "at": self.at, "source_sha256": self.source_sha256}
        if self.translation_sha256:
            out["translation_sha256"] = self.translation_sha256
        if self.source:
            out["source"] = self.source
        return out


@dataclass
class Record:
    """The sign-offs of one translation of one document."""

    doc_id: str
    lang: str
    source_lang: str
    path: Path
    clauses: dict[str, Confirmation] = field(default_factory=dict)
    legacy: Path | None = None  # the hidden file this record was read from, if any

    def render(self) -> str:
        data = {
            "document": self.doc_id,
            "lang": self.lang,
            "source_lang": self.source_lang,
            "clauses": {key: c.to_yaml() for key, c in self.clauses.items()},
        }
        return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)

    def save(self) -> None:
        atomic_write_text(self.path, self.render())
        if self.legacy is not None and self.legacy.is_file():
            self.legacy.unlink()  # moved into the visible record just written


def record_path(root: Path, doc_id: str, lang: str) -> Path:
    return Path(root) / FOLDER / doc_id / f"{lang}.yml"


def legacy_path(root: Path, doc_id: str, lang: str) -> Path:
    return Path(root) / LEGACY_FOLDER / lang / f"{doc_id}.yml"


def load(root: Path, doc_id: str, lang: str, source_lang: str) -> Record | None:
    """The record of one translation, or None when nobody has confirmed anything of it yet."""
    path = record_path(root, doc_id, lang)
    if os.path.lexists(path):  # a link is refused by regular_file, not taken for no record
        return _read(path, doc_id, lang, source_lang)
    old = legacy_path(root, doc_id, lang)
    if os.path.lexists(old):
        record = _read_legacy(old, doc_id, lang, source_lang)
        record.path = path
        record.legacy = old
        return record
    return None


def empty(root: Path, doc_id: str, lang: str, source_lang: str) -> Record:
    return Record(doc_id, lang, source_lang, record_path(root, doc_id, lang))


def _yaml(path: Path) -> dict:
    try:
        data = yamlio.safe_load(regular_file(path).read_bytes().decode("utf-8")) or {}
    except UnicodeDecodeError:
        raise PolicyError(_("the translation record is not UTF-8 text"), path, 1) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(_("the translation record is not valid YAML"), path, mark.line + 1 if mark else 1) from None
    if not isinstance(data, dict):
        raise PolicyError(_("the translation record must be a map (document, lang, source_lang, clauses)"), path, 1)
    return data


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(split_lines(path.read_text(encoding="utf-8", errors="replace")), start=1):
        if needle in line:
            return i
    return 1


def _read(path: Path, doc_id: str, lang: str, source_lang: str) -> Record:
    data = _yaml(path)
    for name, expected in (("document", doc_id), ("lang", lang)):
        if data.get(name) != expected:
            raise PolicyError(
                _("this record says {name}: {value!r}, but its place is for {expected!r}").format(
                    name=name, value=data.get(name), expected=expected
                ),
                path,
                _line_of(path, f"{name}:"),
            )
    clauses = data.get("clauses") or {}
    if not isinstance(clauses, dict):
        raise PolicyError(
            _("'clauses' must map clause addresses (cl-2-1) to sign-offs"), path, _line_of(path, "clauses:")
        )
    record = Record(doc_id, lang, str(data.get("source_lang") or source_lang), path)
    for key, entry in clauses.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("source_sha256"), str) or not entry.get("by"):
            raise PolicyError(
                _("the sign-off of {key} needs 'by', 'at' and 'source_sha256'").format(key=key),
                path,
                _line_of(path, f"{key}:"),
            )
        record.clauses[str(key)] = Confirmation(
            by=str(entry["by"]),
            at=str(entry.get("at", "")),
            source_sha256=entry["source_sha256"],
            translation_sha256=str(entry.get("translation_sha256") or ""),
            source=str(entry.get("source") or ""),
        )
    return record


def _read_legacy(path: Path, doc_id: str, lang: str, source_lang: str) -> Record:
    """``.policydocs/sync/<lang>/<id>.yml``: ``confirmed: {unit key: {source: 16 hex, date: day}}``."""
    data = _yaml(path)
    confirmed = data.get("confirmed") or {}
    if not isinstance(confirmed, dict):
        raise PolicyError(_("the translation record must have a 'confirmed' map of clauses"), path, 1)
    record = Record(doc_id, lang, str(data.get("source_lang") or source_lang), path)
    for key, entry in confirmed.items():
        if isinstance(entry, dict) and isinstance(entry.get("source"), str):
            record.clauses[str(key)] = Confirmation(
                by="unknown (recorded before sign-offs named people)",
                at=str(entry.get("date", "")),
                source_sha256=entry["source"],
            )
    return record


def now() -> str:
    return current_moment().isoformat()
