"""``policydocs next-change``: when the site must be rebuilt to stay right.

A static site is right at every moment only if it is rebuilt when something it shows
changes: a version taking effect (the pages switch by themselves, but the fixed PDF URLs,
the API's ``state`` and the feeds do not) or a scheduled publication going live (its pages
do not exist before a build). This prints the next such moment, for a scheduled CI job.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..i18n import N_, _
from ..now import now as current_moment
from ..versions import timeline
from ..versions.clock import parse_moment
from ..versions.store import CHANGELOG, open_store
from .translated import command as translated_command
from .translated import option


def _stores(versions_dir: Path):
    if not versions_dir.is_dir():
        return []
    ids = sorted(str(p.parent.relative_to(versions_dir)) for p in versions_dir.glob(f"*/*/{CHANGELOG}"))
    return [open_store(versions_dir, doc_id) for doc_id in ids]


def _what(version, kind: str) -> str:
    if kind == "published":
        return _("version {number} is published (scheduled)").format(number=version.number)
    return _("version {number} takes effect").format(number=version.number)


@translated_command(
    "next-change",
    help=N_(
        "Print the next moment at which the site changes (ISO 8601 with offset) and what changes.\n\n"
        "Exit 0 when there is one, 1 when nothing is ahead. With --since, exit 0 when a change "
        "fell in (SINCE, now]: the site built at SINCE is out of date and must be rebuilt."
    ),
)
@option(
    "--versions",
    "versions_dir",
    default="versions",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder of the published versions."),
)
@option("--at", "at", help=N_("Look ahead from this moment instead of now (ISO, with or without offset)."))
@option(
    "--since",
    "since",
    help=N_(
        "Instead: exit 0 if something changed after this moment and by now (or --at), "
        "e.g. the deployed site's generated_at; exit 1 if not."
    ),
)
def command(versions_dir: Path, at: str | None, since: str | None) -> None:
    """The next change of the site, for a scheduled rebuild (see the help text above)."""
    utc = dt.UTC
    now = parse_moment(at, utc, "--at")[0] if at else current_moment()
    stores = _stores(versions_dir)
    if since is not None:
        start = parse_moment(since, utc, "--since")[0]
        passed = [(m, s, v, k) for s in stores for m, v, k in timeline.change_moments(s.versions) if start < m <= now]
        for moment, store, version, kind in sorted(passed, key=lambda item: item[0]):
            click.echo(f"{moment.isoformat()}  {store.doc_id}: {_what(version, kind)}")
        if not passed:
            click.echo(_("nothing changed after {moment}").format(moment=start.isoformat()), err=True)
            sys.exit(1)
        return
    ahead = [(m, s, v, k) for s in stores for m, v, k in timeline.next_changes(s.versions, now)]
    if not ahead:
        click.echo(_("nothing is scheduled: no publication or effective moment lies ahead"), err=True)
        sys.exit(1)
    first = min(m for m, *_ in ahead)
    click.echo(first.isoformat())
    for moment, store, version, kind in sorted(ahead, key=lambda item: (item[0], item[1].doc_id)):
        if moment == first:
            click.echo(f"  {store.doc_id}: {_what(version, kind)}")
