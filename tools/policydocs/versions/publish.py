"""``policydocs publish``: freeze the current texts of a document as its next version.

Order of work, so that a refusal writes nothing: verify the published versions are
intact, check the draft (the checker must find no error), validate the date and number,
compute the effective moment and the summaries, and only then write (see store.py for
why the write is all or nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..corpus import Policy
from ..document import parse_text
from ..errors import PolicyError
from ..fsutil import regular_file
from .clock import effective_moment, publication_moment, zone
from .redline import compare, summary
from .store import StoreLock, Version, interrupted, open_store, sha256_bytes, write_version

# A checker: returns a list of human-readable error lines for the policy (empty = publishable).
Checker = Callable[[Policy], list[str]]


@dataclass
class Published:
    version: Version
    files: list[Path]
    leftovers: list[Path]  # what earlier, unfinished publishes left (named to the user, never removed)


def publish(
    policy: Policy,
    versions_dir: Path,
    date: dt.date,
    *,
    time: dt.time | None = None,
    material: bool = True,
    number: int | None = None,
    checker: Checker | None = None,
    now: dt.datetime | None = None,
) -> Published:
    """Freeze the policy's texts as its next version; ``now`` (default: the clock) for tests.

    Everything is decided under the document's lock on a store read under that lock, so two
    publishes at once never both take the same number: the second sees the first's version.
    """
    with StoreLock(versions_dir):
        return _publish_locked(policy, versions_dir, date, time=time, material=material, number=number,
                               checker=checker, now=now)


def _publish_locked(policy, versions_dir, date, *, time, material, number, checker, now) -> Published:
    store = open_store(versions_dir, policy.doc_id)  # raises on a tampered or malformed history
    if checker is not None:
        problems = checker(policy)
        if problems:
            shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
            raise PolicyError(
                f"the draft of '{policy.doc_id}' has {len(problems)} checker error(s); fix them or silence them "
                f"with a reason before publishing ({shown})"
            )
    source = policy.source or next(iter(policy.languages.values()))
    tz = zone(source.meta.get("timezone") or store.timezone)
    published = publication_moment(date, time, tz)
    current = now.astimezone(tz) if now else dt.datetime.now(tz)
    if published > current:
        # the changelog records when readers could see a text; a moment still to come is not that
        raise PolicyError(
            f"the publication moment {published.strftime('%Y-%m-%d %H:%M')} ({tz.key}) is still to come "
            f"(it is now {current.strftime('%Y-%m-%d %H:%M')}); publish when the text goes live"
        )
    latest = store.latest
    if latest is not None and published < latest.published:
        raise PolicyError(
            f"the publication date {published.isoformat()} is before version {latest.number}'s "
            f"({latest.published.isoformat()}); versions are published in order",
            store.changelog_path,
        )
    next_number = (latest.number + 1) if latest else 1
    if number is not None and number != next_number:
        if any(v.number == number for v in store.versions):
            raise PolicyError(f"version {number} of '{policy.doc_id}' already exists", store.changelog_path)
        raise PolicyError(f"the next version of '{policy.doc_id}' is {next_number}, not {number}", store.changelog_path)
    notice_days = int(source.front.notice_days)
    # the notice period protects users from *changes*: a first version has nothing to change
    effective = effective_moment(published, notice_days, material and latest is not None)
    if latest is not None and effective < latest.effective:
        raise PolicyError(
            f"version {next_number} would take effect ({effective.isoformat()}) before version {latest.number} "
            f"({latest.effective.isoformat()}); publish later or mark the change material",
            store.changelog_path,
        )
    texts: dict[str, bytes] = {}
    summaries: dict[str, str] = {}
    for lang, doc in policy.languages.items():
        data = regular_file(doc.path).read_bytes()
        texts[lang] = data
        if latest is not None and lang in latest.sha256:
            old = parse_text(latest.text(lang), latest.text_path(lang))
            summaries[lang] = summary(compare(old, doc), lang)
        else:
            summaries[lang] = {"ru": "Первая редакция", "kk": "Алғашқы редакция", "en": "First version"}[lang]
    if latest is not None and all(
        latest.sha256.get(lang) == sha256_bytes(data) for lang, data in texts.items()
    ) and set(texts) == set(latest.sha256):
        raise PolicyError(f"nothing changed in '{policy.doc_id}' since version {latest.number}; nothing to publish")
    version = Version(
        number=next_number,
        published=published,
        effective=effective,
        material=material,
        notice_days=notice_days if material else 0,
        summary=summaries,
        sha256={lang: sha256_bytes(data) for lang, data in texts.items()},
        folder=store.folder,
    )
    write_version(store, version, texts)
    return Published(version, [version.text_path(lang) for lang in texts] + [store.changelog_path], interrupted(store))
