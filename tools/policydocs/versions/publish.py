"""``policydocs publish``: freeze the current texts of a document as its next version.

Honest records: beside the declared publication moment the changelog keeps when the
command really ran (``recorded_at``, UTC) and who ran it (``recorded_by``). A declared
moment more than 24 hours before that is refused unless a reason is given (``backdate``,
recorded and shown on the history page); a moment still to come is a *scheduled*
publication, frozen and recorded now but shown to nobody before it (versions/timeline.py).
Two versions may not take effect at the same moment.

Order of work, so that a refusal writes nothing: verify the published versions are
intact, check the draft (the checker must find no error), validate the date and number,
compute the effective moment and the summaries, and only then write (see store.py for
why the write is all or nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..corpus import Policy
from ..document import parse_text
from ..errors import PolicyError
from ..fsutil import regular_file
from ..i18n import N_p, _, site_word
from ..languages import LANGUAGES
from ..now import now as current_moment
from ..translations import gate
from .claims import check_claims
from .clock import check_year, effective_moment, publication_moment, zone
from .redline import WORDS, version_summary
from .store import StoreLock, Version, VersionStore, interrupted, open_store, sha256_bytes, write_version

# a first version's summary (the site catalogs: in the reader's language)
FIRST_VERSION = N_p("publish.first_version", "First version")

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
    by: str | None = None,
    backdate: str | None = None,
    translations_root: Path | None = None,
    allow_unconfirmed: str | None = None,
) -> Published:
    """Freeze the policy's texts as its next version; ``now`` (default: the clock) for tests.

    Everything is decided under the document's lock on a store read under that lock, so two
    publishes at once never both take the same number: the second sees the first's version.
    With ``translations_root`` (the project root), translations must have signed off what
    changed since the last version (translations/gate.py) unless ``allow_unconfirmed`` gives
    the legal team's reason, which the changelog records.
    """
    with StoreLock(versions_dir):
        return _publish_locked(
            policy,
            versions_dir,
            date,
            time=time,
            material=material,
            number=number,
            checker=checker,
            now=now,
            by=by,
            backdate=backdate,
            translations_root=translations_root,
            allow_unconfirmed=allow_unconfirmed,
        )


BACKDATE_LIMIT = dt.timedelta(hours=24)


def _publish_locked(
    policy,
    versions_dir,
    date,
    *,
    time,
    material,
    number,
    checker,
    now,
    by,
    backdate,
    translations_root=None,
    allow_unconfirmed=None,
) -> Published:
    check_year(date, _("the publication date"))
    if backdate is not None and not backdate.strip():
        raise PolicyError(
            _("--backdate needs the reason in words (why the text went live earlier than it is recorded)")
        )
    store = open_store(versions_dir, policy.doc_id)  # raises on a tampered or malformed history
    if checker is not None:
        problems = checker(policy)
        if problems:
            shown = "; ".join(problems[:3]) + (
                _("; and {count} more").format(count=len(problems) - 3) if len(problems) > 3 else ""
            )
            raise PolicyError(
                _(
                    "the draft of '{doc_id}' has {count} checker error(s); fix them or silence them "
                    "with a reason before publishing ({shown})"
                ).format(doc_id=policy.doc_id, count=len(problems), shown=shown)
            )
    source = policy.source or next(iter(policy.languages.values()))
    tz = zone(source.meta.get("timezone") or store.timezone)
    published = publication_moment(date, time, tz)
    current = (now or current_moment()).astimezone(tz)
    if published < current - BACKDATE_LIMIT and backdate is None:
        # readers could not have been told of a text before it was recorded: say why, or publish it as of now
        raise PolicyError(
            _(
                "the publication moment {moment} ({zone}) is more than 24 hours before now ({now}); "
                "readers were not shown the text then. Publish with today's date, or if it really went "
                'live then, give the reason: --backdate "..."'
            ).format(moment=published.strftime("%Y-%m-%d %H:%M"), zone=tz.key, now=current.strftime("%Y-%m-%d %H:%M"))
        )
    latest = store.latest
    if latest is not None and published < latest.published:
        raise PolicyError(
            _(
                "the publication date {date} is before version {number}'s ({previous_date}); versions are "
                "published in order"
            ).format(date=published.isoformat(), number=latest.number, previous_date=latest.published.isoformat()),
            store.changelog_path,
        )
    next_number = (latest.number + 1) if latest else 1
    if number is not None and number != next_number:
        if any(v.number == number for v in store.versions):
            raise PolicyError(
                _("version {number} of '{doc_id}' already exists").format(number=number, doc_id=policy.doc_id),
                store.changelog_path,
            )
        raise PolicyError(
            _("the next version of '{doc_id}' is {next_number}, not {number}").format(
                doc_id=policy.doc_id, next_number=next_number, number=number
            ),
            store.changelog_path,
        )
    notice_days = int(source.front.notice_days)
    # the notice period protects users from *changes*: a first version has nothing to change
    effective = effective_moment(published, notice_days, material and latest is not None)
    texts: dict[str, bytes] = {}
    summaries: dict[str, str] = {}
    for lang, doc in policy.languages.items():
        data = regular_file(doc.path).read_bytes()
        texts[lang] = data
        if latest is not None and lang in latest.sha256:
            old = parse_text(latest.text(lang), latest.text_path(lang))
            summaries[lang] = version_summary(old, doc, lang)
            if summaries[lang] == WORDS[lang]["none"]:  # never "no changes" for a language whose source changed
                summaries[lang] = gate.source_note(policy, latest, lang) or summaries[lang]
        else:
            summaries[lang] = site_word(FIRST_VERSION, lang)
    if (
        latest is not None
        and all(latest.sha256.get(lang) == sha256_bytes(data) for lang, data in texts.items())
        and set(texts) == set(latest.sha256)
    ):
        raise PolicyError(
            _("nothing changed in '{doc_id}' since version {number}; nothing to publish").format(
                doc_id=policy.doc_id, number=latest.number
            )
        )
    same = next((v for v in store.versions if v.effective == effective), None)
    if same is not None:
        raise PolicyError(
            _(
                "version {next_number} would take effect at the same moment as version {number} "
                "({moment}); which one is in force then could not be told: publish at another time"
            ).format(next_number=next_number, number=same.number, moment=effective.isoformat()),
            store.changelog_path,
        )
    if latest is not None and effective < latest.effective and not material:
        # a non-material fix would bring a pending material change into force without its notice
        raise PolicyError(
            _(
                "version {next_number} would take effect ({moment}) before version {number} ({previous_moment}); "
                "publish later or mark the change material"
            ).format(
                next_number=next_number,
                moment=effective.isoformat(),
                number=latest.number,
                previous_moment=latest.effective.isoformat(),
            ),
            store.changelog_path,
        )
    unconfirmed = _translation_gate(policy, latest, translations_root, allow_unconfirmed)
    version = Version(
        number=next_number,
        published=published,
        effective=effective,
        material=material,
        notice_days=notice_days if material else 0,
        summary=summaries,
        sha256={lang: sha256_bytes(data) for lang, data in texts.items()},
        folder=store.folder,
        recorded_at=current.astimezone(dt.UTC).replace(microsecond=0),
        recorded_by=(by or "").strip() or None,
        backdate_reason=backdate.strip() if backdate else None,
        unconfirmed=unconfirmed,
    )
    # a header may name the version being published, never one the store will not have
    after = VersionStore(store.doc_id, store.folder, store.timezone, [*store.versions, version])
    for doc in policy.languages.values():
        check_claims(doc.front, doc.path, after, max(current, published))
    write_version(store, version, texts)
    return Published(version, [version.text_path(lang) for lang in texts] + [store.changelog_path], interrupted(store))


def _translation_gate(policy: Policy, latest, root: Path | None, reason: str | None) -> dict | None:
    """Refuse while translations have open (stale or unconfirmed) changes, unless a reason is given.

    Returns what the changelog records of an override: the reason and the open clauses.
    """
    if root is None:
        return None
    found = gate.open_clauses(policy, latest, root)
    if not found:
        return None
    if reason is None or not reason.strip():
        shown = "; ".join(o.line() for o in found[:5]) + (
            _("; and {count} more").format(count=len(found) - 5) if len(found) > 5 else ""
        )
        raise PolicyError(
            _(
                "{count} translated clause(s) of '{doc_id}' changed since version {number} without a "
                "translator's sign-off ({shown}); review them and run `policydocs confirm`, or publish "
                'anyway with --allow-unconfirmed "the reason" (recorded in the changelog)'
            ).format(count=len(found), doc_id=policy.doc_id, number=latest.number, shown=shown)
        )
    by_lang: dict[str, list[str]] = {}
    for o in sorted(found, key=lambda o: LANGUAGES.index(o.lang)):
        by_lang.setdefault(o.lang, []).append(o.eid)
    return {"reason": " ".join(reason.split()), "clauses": by_lang}
