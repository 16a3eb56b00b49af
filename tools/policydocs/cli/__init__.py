"""The ``policydocs`` command: a thin adapter that turns library calls into exit codes.

Exit codes: 0 success, 1 findings (the checker found errors), 2 bad input or bad usage.
A user's mistake is one line on stderr naming file and line, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from ..errors import PolicyError

# Each sub-command lives in its own module of this package and exposes ``command``.
COMMAND_MODULES = (
    "importer",
    "versions",
    "check",
    "confirm",
    "pdf",
)


class PolicyGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicyError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted; nothing was written", err=True)
            ctx.exit(130)


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policydocs")
def main() -> None:
    """Legal policies in Russian, Kazakh and English: import, check, publish."""


for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"{__name__}.{_name}")
    for _command in getattr(_module, "commands", (_module.command,)):
        main.add_command(_command)


def run() -> None:  # console-script entry point
    try:
        main(standalone_mode=True)
    except Exception as exc:  # a bug of ours, not the user's: still one readable line
        if os.environ.get("POLICYDOCS_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (set POLICYDOCS_DEBUG=1 for details)", err=True)
        sys.exit(3)
