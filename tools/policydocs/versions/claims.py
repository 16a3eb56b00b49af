"""The store is the only truth about publication: front matter may not claim otherwise.

A hand-written ``status: published``, ``version: 5`` or ``date: 2020-01-01`` once showed on
the site as a published version 5 that never existed. The site, the PDFs and the API now
take version, status and moments from ``versions/`` only; a header that still claims any of
them must agree with the store, or it is an error naming the file and the field's line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import PolicyError
from ..frontmatter import FrontMatter, split
from ..i18n import _
from ..languages import LANGUAGES
from ..lines import split_lines
from . import timeline
from .clock import zone
from .store import VersionStore

CLAIMS = ("status", "version", "date", "effective")


def _line(front: FrontMatter, name: str) -> int:
    for i, line in enumerate(split_lines(front.raw), start=1):
        if re.match(rf"^{re.escape(name)}\s*:", line):
            return i
    return 1


def check_claims(front: FrontMatter, path: Path | str, store: VersionStore, now: dt.datetime) -> None:
    """Refuse a header whose publication fields the store does not back (PolicyError, file:line)."""
    data = front.data
    if not any(name in data for name in ("version", "date", "effective")) and data.get("status") != "published":
        return
    lang = front.lang
    published = [v for v in timeline.visible(store.versions, now) if lang in v.sha256]
    where = store.changelog_path if store.versions else store.folder

    def refuse(name: str, claim: str) -> PolicyError:
        return PolicyError(
            _(
                "front matter claims {claim}, but {where} does not record it; versions, dates and the "
                "published status come from `policydocs publish` only: remove the field '{name}'"
            ).format(claim=claim, where=where, name=name),
            path,
            _line(front, name),
        )

    if data.get("status") == "published" and not published:
        raise refuse("status", "'status: published'")
    claimed = None
    if "version" in data:
        number = data["version"]
        claimed = next((v for v in published if v.number == number and not isinstance(number, bool)), None)
        if claimed is None:
            raise refuse("version", _("version {number!r}").format(number=number))
    tz = zone(store.timezone)
    for name, moment_of in (("date", lambda v: v.published), ("effective", lambda v: v.effective)):
        if name not in data:
            continue
        value = data[name]
        day = value.date() if isinstance(value, dt.datetime) else value
        candidates = [claimed] if claimed is not None else published
        if not any(moment_of(v).astimezone(tz).date() == day for v in candidates):
            raise refuse(name, f"'{name}: {value}'")


def check_document_files(docs_dir: Path, doc_id: str, store: VersionStore, now: dt.datetime) -> None:
    """The claims of every language's file of ``doc_id`` (headers only: cheap enough for ``check``)."""
    for lang in LANGUAGES:
        path = Path(docs_dir) / lang / f"{doc_id}.md"
        if path.is_file():
            front, _ = split(path.read_text(encoding="utf-8-sig"), path)
            check_claims(front, path, store, now)
