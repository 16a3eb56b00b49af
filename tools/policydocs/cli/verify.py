"""``policydocs verify [SITE_DIR]``: an adapter over policydocs.proof.verify."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import N_, _
from ..proof.verify import verify
from .translated import command as translated_command


@translated_command(
    "verify",
    help=N_(
        "Check a built site (default site/) or a folder of downloaded files against its signed manifests: the "
        "chain of versions, the signatures and every file. Names each thing that differs.\n\n"
        "Exit 0 when everything holds, 1 when anything differs."
    ),
)
@click.argument("site_dir", required=False, default="site", type=click.Path(path_type=Path))
def command(site_dir: Path) -> None:
    """Verify the manifests; exit 1 when anything differs."""
    result = verify(site_dir)
    for path, message in result.differences:
        click.echo(f"{path}: {message}")
    for signer in sorted(result.signers):
        click.echo(_("signed by: {signer}").format(signer=signer))
    click.echo(
        _("manifests: {manifests}; signatures: {signatures}; files: {files}; differences: {count}").format(
            manifests=result.manifests, signatures=result.signatures, files=result.files, count=len(result.differences)
        )
    )
    if result.differences:
        sys.exit(1)
