"""``policydocs acceptance check FILE``: an adapter over policydocs.proof.acceptance."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import N_, _
from ..proof import acceptance as acceptance_mod
from .translated import group as translated_group
from .translated import option


@translated_group("acceptance", help=N_("Acceptance records an app keeps: check them against the published versions."))
def group() -> None:
    """Acceptance records."""


@group.command(
    "check",
    help=N_(
        "Check every acceptance record of FILE (JSONL, or CSV when it ends in .csv) against the published "
        "versions: each record that does not hold is named with its line, then a summary table.\n\n"
        "Exit 0 when every record holds, 1 when any fails, 2 for a file that is not a records file."
    ),
)
@click.argument("file", type=click.Path(path_type=Path))
@option(
    "--versions",
    "versions_dir",
    default="versions",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder of the published versions."),
)
def check_command(file: Path, versions_dir: Path) -> None:
    """Check the records; exit 1 when any fails."""
    out = click.get_text_stream("stdout")

    def failed(record, found):
        out.write("".join(f"{file}:{record.line}: {record.user}: {words}\n" for _kind, words in found))

    report = acceptance_mod.check(file, acceptance_mod.StoreIndex(versions_dir), failed)
    if report.personal:
        click.echo(
            _(
                "{path}:{line}: warning: {count} record(s) hold what looks like an IIN or an e-mail address in "
                "'user'; a records file should hold opaque references (an account number of the app), not "
                "personal data"
            ).format(path=file, line=report.first_personal, count=report.personal),
            err=True,
        )
    width = max(len(_(words)) for words in acceptance_mod.KINDS.values())
    click.echo(
        _("records checked: {total}; hold: {ok}; fail: {failed}").format(
            total=report.total, ok=report.ok, failed=report.failed
        )
    )
    for kind, words in acceptance_mod.KINDS.items():
        click.echo(f"  {_(words):<{width}}  {report.kinds.get(kind, 0):>9}")
    if report.failed:
        sys.exit(1)
