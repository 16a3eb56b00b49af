"""A document's history: its published versions seen at one moment, which is in force or pending.

Versions whose publication is still to come (scheduled) are left out: the outputs show them
only from a build after their moment (``policydocs next-change`` says when). The document text
of each version, what a version changed against the one before it (computed once per build and
pair of texts), and the moments at which a state changes (the clock every output keeps) are here;
what a page says about them is in ``site/history.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..corpus import Corpus
from ..document import Document, parse_text
from ..versions import timeline
from ..versions.clock import zone
from ..versions.redline import Change, compare, version_summary
from ..versions.store import Version, VersionStore, open_store


@dataclass
class DocumentHistory:
    """A document's published versions seen at one moment (the build)."""

    doc_id: str
    store: VersionStore
    now: dt.datetime
    notice_days: int | None = None  # the document's own notice period (its front matter)
    _docs: dict[tuple[int, str], Document] = field(default_factory=dict)

    @property
    def versions(self) -> list[Version]:
        return cast(list[Version], timeline.visible(self.store.versions, self.now))

    @property
    def current(self) -> Version | None:
        return cast("Version | None", timeline.in_force(self.versions, self.now))

    @property
    def pending(self) -> Version | None:
        waiting = timeline.pending(self.versions, self.now)
        return waiting[-1] if waiting else None

    @property
    def shown(self) -> Version | None:
        """The version readers are shown at the document's fixed URL (its page, PDF, Word file): the one
        in force, else the pending one; None: nothing is published yet, the draft is shown."""
        return self.current or self.pending

    @property
    def zone(self) -> dt.tzinfo:
        """The time zone the document's moments are counted in."""
        return zone(self.store.timezone)

    def state(self, version: Version, at: dt.datetime | None = None) -> str:
        return timeline.state(self.versions, version, at or self.now)

    def in_force_at(self, moment: dt.datetime) -> Version | None:
        return cast("Version | None", timeline.in_force(self.versions, moment))

    def pending_at(self, moment: dt.datetime) -> Version | None:
        waiting = timeline.pending(self.versions, moment)
        return waiting[-1] if waiting else None

    def until(self, version: Version) -> dt.datetime | None:
        return timeline.until(self.versions, version)

    def replaced_by(self, version: Version) -> Version | None:
        """The version whose effective moment ends ``version``'s interval."""
        end = self.until(version)
        later = [v for v in self.versions if v.number > version.number and v.effective == end]
        return later[0] if later else None

    def previous(self, version: Version) -> Version | None:
        earlier = [v for v in self.versions if v.number < version.number]
        return earlier[-1] if earlier else None

    def moments_ahead(self) -> list[dt.datetime]:
        """The build moment and every later moment at which a version's state changes."""
        ahead = sorted({v.effective for v in self.versions if v.effective > self.now})
        return [self.now, *ahead]

    def clock_data(self, key: Callable[[int], str] = str) -> dict[str, list[str | None]]:
        """Each version's interval, for the page's clock script: {key: [effective, until]}."""
        return {key(v.number): [v.effective.isoformat(), iso_or_none(self.until(v))] for v in self.versions}

    def document(self, version: Version, lang: str) -> Document | None:
        if lang not in version.sha256:
            return None
        key = (version.number, lang)
        if key not in self._docs:
            self._docs[key] = parse_text(version.text(lang), version.text_path(lang))
        return self._docs[key]


def iso_or_none(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def load_histories(corpus: Corpus, versions_dir: Path, now: dt.datetime) -> dict[str, DocumentHistory]:
    """Every document's history; a tampered or malformed history stops the build (PolicyError)."""
    histories = {}
    for doc_id, policy in corpus.policies.items():
        store = open_store(versions_dir, doc_id)
        source = policy.source or next(iter(policy.languages.values()))
        histories[doc_id] = DocumentHistory(doc_id, store, now, int(source.front.notice_days))
    return histories


def requires_consent(version: Version, previous: Version | None) -> bool:
    """A material change to an earlier version: users are told, and asked again (see README)."""
    return version.material and previous is not None


# --- what a version changed ----------------------------------------------------------------


def redline_changes(history: DocumentHistory, version: Version, lang: str) -> list[Change] | None:
    """The changes of ``version`` against the one before it in ``lang`` (None for a first version)."""
    previous = history.previous(version)
    new_doc = history.document(version, lang)
    old_doc = history.document(previous, lang) if previous else None
    if previous is None or new_doc is None or old_doc is None:
        return None
    return _changes(history.doc_id, previous.sha256.get(lang), version.sha256.get(lang), old_doc, new_doc)


def redline_summary(
    history: DocumentHistory, version: Version, lang: str, changes: list[Change] | None = None
) -> str | None:
    """What ``version`` changed in ``lang``, header (title, product, operator) included; None for a first version."""
    changes = changes if changes is not None else redline_changes(history, version, lang)
    previous = history.previous(version)
    if changes is None or previous is None:
        return None
    old_doc, new_doc = history.document(previous, lang), history.document(version, lang)
    if old_doc is None or new_doc is None:
        return None
    return version_summary(old_doc, new_doc, lang, changes)


_CHANGES: dict[tuple[str, str | None, str | None], list[Change]] = {}


def _changes(
    doc_id: str, old_sha: str | None, new_sha: str | None, old_doc: Document, new_doc: Document
) -> list[Change]:
    """Redlines depend only on the two frozen texts: computed once per build and pair."""
    key = (doc_id, old_sha, new_sha)
    if key not in _CHANGES:
        _CHANGES[key] = compare(old_doc, new_doc)
    return _CHANGES[key]
