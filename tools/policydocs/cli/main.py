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
from ..i18n import ENV_VAR, MESSAGE_LANGUAGES, N_, _, default_language, set_language
from . import clickwords
from .translated import Group, Option

# Each sub-command lives in its own module of this package, imported only when that
# command runs (``policydocs check`` need not load the PDF or import machinery). The short
# help shown by ``policydocs --help`` is here too, so listing the commands imports none.
COMMANDS = {
    "import": ("importer", "command", N_("Turn a policy from Word, PDF, a web page or text into Markdown.")),
    "publish": ("versions", "publish_command", N_("Freeze the current texts of a document as its next version.")),
    "diff": ("versions", "diff_command", N_("Show what changed between two versions, word by word.")),
    "status": ("versions", "status_command", N_("One table of every document: versions, findings, translations.")),
    "check": ("check", "command", N_("Check that the languages of every policy say the same thing.")),
    "confirm": ("confirm", "command", N_("Sign off clauses of a translation against the source text.")),
    "xliff": ("xliff", "group", N_("Exchange a translation with translation tools as XLIFF.")),
    "pdf": ("pdf", "command", N_("Build the PDF of every policy in every language.")),
    "build": ("build", "command", N_("Write the site's PDFs, Word files, API and feeds without MkDocs.")),
    "next-change": ("clock", "command", N_("Print the next moment at which the site changes.")),
    "notice": ("notice", "command", N_("Print the notice of a material change: e-mail, push or JSON.")),
    "export": ("export", "command", N_("Write a policy in one language as a Word document.")),
    "acceptance": ("acceptance", "group", N_("Check acceptance records against the published versions.")),
    "verify": ("verify", "command", N_("Check a built site against its signed manifests.")),
    "evidence": ("evidence", "command", N_("Write the evidence bundle for a document, a user and a moment.")),
}

clickwords.install()  # click's own words ("Usage:", "Missing argument") in the chosen language


class PolicyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name][:2]
        return getattr(importlib.import_module(f"{__package__}.{module}"), attr)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``policydocs --help --lang kk`` too: click handles eager options in the order typed."""
        for i, arg in enumerate(args):
            if not arg.startswith("-"):
                break  # the command's name: its own --lang is a document's language
            value = (
                arg.partition("=")[2]
                if arg.startswith("--lang=")
                else (args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
            )
            if value in MESSAGE_LANGUAGES:
                set_language(value)
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from COMMANDS, without importing every command's module."""
        rows = []
        for name, entry in COMMANDS.items():
            # an entry without its short help (module, attr) still works: its module is imported for it
            short = (
                _(entry[2])
                if len(entry) > 2
                else self.get_command(ctx, name).get_short_help_str(formatter.width - 6 - max(map(len, COMMANDS)))
            )
            rows.append((name, short))
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicyError as exc:
            click.echo(_("error: {message}").format(message=exc), err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo(_("interrupted; nothing was written"), err=True)
            ctx.exit(130)


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Set the message language before any command module is loaded or any message worded."""
    set_language(value or default_language())  # resolved once: POLICYDOCS_LANG, else the locale
    return value


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version  # noqa: PLC0415

    click.echo(
        _("{program}, version {version}").format(program=ctx.find_root().info_name, version=version("policydocs"))
    )
    ctx.exit()


@click.group(
    cls=PolicyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Legal policies in Russian, Kazakh and English: import, check, publish."),
)
@click.option(
    "--lang",
    "message_lang",
    cls=Option,
    type=click.Choice(MESSAGE_LANGUAGES),
    envvar=ENV_VAR,
    is_eager=True,
    expose_value=False,
    callback=_choose_language,
    help=N_("Language of the messages: ru, kk or en (default: from the locale)."),
)
@click.option(
    "--version",
    cls=Option,
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help=N_("Show the version and exit."),
)
def main() -> None:
    """The command group; each command is a module of this package."""


def run() -> None:  # console-script entry point
    try:
        main(standalone_mode=True)
    except Exception as exc:  # a bug of ours, not the user's: still one readable line
        if os.environ.get("POLICYDOCS_DEBUG"):
            raise
        click.echo(
            _("internal error: {kind}: {detail} (set POLICYDOCS_DEBUG=1 for details)").format(
                kind=type(exc).__name__, detail=exc
            ),
            err=True,
        )
        sys.exit(3)
