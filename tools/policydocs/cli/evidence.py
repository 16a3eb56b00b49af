"""``policydocs evidence``: an adapter over policydocs.proof.bundle."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import PolicyError
from ..i18n import N_, _
from ..languages import LANGUAGES
from ..proof.bundle import evidence
from ..versions.clock import parse_moment, zone
from ..versions.store import open_store
from .translated import command as translated_command
from .translated import option


@translated_command(
    "evidence",
    help=N_(
        "Write one zip with the evidence for a document at a moment: the version in force and the one before, their "
        "PDFs and texts, the redline, the moments of publication and notice, the signed manifests, the user's "
        "records and a one-page summary PDF."
    ),
)
@option("--doc", "doc_id", required=True, help=N_("The document, product/name."))
@option("--at", "at", required=True, help=N_("The moment (2026-12-01, 2026-12-01T15:30 or with its offset)."))
@option("--out", "out", required=True, type=click.Path(path_type=Path), help=N_("The zip file to write."))
@option("--lang", "lang", type=click.Choice(LANGUAGES), help=N_("The user's language (default: the prevailing one)."))
@option("--user", "user", help=N_("The user's opaque reference, as in the records file."))
@option("--records", "records", type=click.Path(path_type=Path), help=N_("The acceptance records file (JSONL or CSV)."))
@option(
    "--versions",
    "versions_dir",
    default="versions",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder of the published versions."),
)
@option(
    "--site",
    "site_dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("The built site (with manifests) the PDFs and signatures come from."),
)
def command(doc_id, at, out, lang, user, records, versions_dir, site_dir) -> None:
    """Write the evidence bundle."""
    if (user is None) != (records is None):
        raise PolicyError(_("--user and --records go together: the user's records are taken from the file"))
    moment = parse_moment(at, zone(open_store(versions_dir, doc_id).timezone), "--at")[0]
    bundle = evidence(
        doc_id, moment, out, versions_dir=versions_dir, site_dir=site_dir, lang=lang, user=user, records=records
    )
    click.echo(
        _(
            "wrote {path}: version {number} in force, {count} file(s), {records} record(s) of the user "
            "({failing} not holding)"
        ).format(
            path=out, number=bundle.in_force, count=len(bundle.names), records=bundle.records, failing=bundle.failing
        )
    )
