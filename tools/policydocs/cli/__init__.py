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

# Each sub-command lives in its own module of this package, imported only when that
# command runs (``policydocs check`` need not load the PDF or import machinery).
COMMANDS = {
    "import": ("importer", "command"),
    "publish": ("versions", "publish_command"),
    "diff": ("versions", "diff_command"),
    "status": ("versions", "status_command"),
    "check": ("check", "command"),
    "confirm": ("confirm", "command"),
    "xliff": ("xliff", "group"),
    "pdf": ("pdf", "command"),
    "next-change": ("clock", "command"),
    "notice": ("notice", "command"),
    "export": ("export", "command"),
}


class PolicyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)

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


def run() -> None:  # console-script entry point
    try:
        main(standalone_mode=True)
    except Exception as exc:  # a bug of ours, not the user's: still one readable line
        if os.environ.get("POLICYDOCS_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (set POLICYDOCS_DEBUG=1 for details)", err=True)
        sys.exit(3)
