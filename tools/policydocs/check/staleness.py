"""Stale translations: the source text of a clause changed after a translator confirmed it.

For each translation, ``.policydocs/sync/<lang>/<product>/<name>.yml`` records, per clause,
a fingerprint of the source text the translator followed and the day they confirmed it.
When the source text of that clause no longer has that fingerprint, the translation needs
review. A translation with no record at all is not tracked yet and is not reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import atomic_write_text, regular_file
from .align import Unit

SYNC_DIR = Path(".policydocs") / "sync"


def fingerprint(text: str) -> str:
    """Whitespace-insensitive: re-wrapping a line is not a change of meaning."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def record_path(project_root: Path, lang: str, doc_id: str) -> Path:
    return Path(project_root) / SYNC_DIR / lang / f"{doc_id}.yml"


def load_record(path: Path) -> dict | None:
    if not os.path.lexists(path):
        return None
    try:
        data = yamlio.safe_load(regular_file(path).read_bytes().decode("utf-8")) or {}
    except UnicodeDecodeError:
        raise PolicyError("the translation record is not valid UTF-8", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError("the translation record is not valid YAML", path, mark.line + 1 if mark else 1) from None
    if not isinstance(data, dict) or not isinstance(data.get("confirmed", {}), dict):
        raise PolicyError("the translation record must have a 'confirmed' map of clauses", path, 1)
    return data


def units_of_clause(units: list[Unit], clause: str | None) -> list[Unit]:
    if clause is None:
        return units
    clause = clause.rstrip(".")
    picked = [u for u in units if u.clause == clause or u.key == clause
              or any(b.eid == clause for b in u.blocks.values())]
    return picked


def confirm(units: list[Unit], source_lang: str, lang: str, doc_id: str, project_root: Path,
            clause: str | None = None, today: dt.date | None = None) -> tuple[Path, int]:
    """Record that the ``lang`` translation follows the current source text (of one clause or all)."""
    picked = [u for u in units_of_clause(units, clause) if source_lang in u.blocks and lang in u.blocks]
    if clause is not None and not picked:
        raise PolicyError(f"clause {clause} does not exist in both the {source_lang} and the {lang} text of {doc_id}")
    path = record_path(project_root, lang, doc_id)
    data = load_record(path) or {"document": doc_id, "lang": lang, "source_lang": source_lang, "confirmed": {}}
    data.setdefault("confirmed", {})
    day = (today or dt.date.today()).isoformat()
    for u in picked:
        data["confirmed"][u.key] = {"source": fingerprint(u.blocks[source_lang].text), "date": day}
    atomic_write_text(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000))
    return path, len(picked)
