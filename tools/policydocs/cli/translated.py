"""Help texts of commands and options, worded in the language chosen for this run.

Click keeps a command's help and each option's help as given when the module is imported;
here they are message ids (English, marked with ``N_`` so ``pybabel extract`` finds them)
translated only when the help is shown. So ``policydocs --lang kk check --help`` is Kazakh
even when the module was imported earlier in another language (the MkDocs plugin, tests).
"""

from __future__ import annotations

import inspect
from contextlib import contextmanager

import click

from ..i18n import N_, _


@contextmanager
def _worded(obj, *names: str):
    """Swap the named help attributes of ``obj`` for their translation while click formats them."""
    kept = {name: getattr(obj, name) for name in names}
    try:
        for name, text in kept.items():
            if text:
                setattr(obj, name, _(inspect.cleandoc(text)))
        yield
    finally:
        for name, text in kept.items():
            setattr(obj, name, text)


class Option(click.Option):
    def get_help_record(self, ctx: click.Context):
        with _worded(self, "help"):
            return super().get_help_record(ctx)


HELP_OPTION = N_("Show this message and exit.")


def _translated_help_option(cmd: click.Command, ctx: click.Context):
    """Click makes the --help option once, worded in the language of that moment; re-word it."""
    opt = click.Command.get_help_option(cmd, ctx)
    if opt is not None and not isinstance(opt, Option):
        opt.__class__ = Option  # same object (click orders eager options by identity)
        opt.help = HELP_OPTION
    return opt


class _Worded:
    """Help texts worded when shown (commands and groups alike)."""

    get_help_option = _translated_help_option

    def get_short_help_str(self, limit: int = 45) -> str:
        with _worded(self, "help", "short_help"):
            return super().get_short_help_str(limit)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _worded(self, "help"):
            super().format_help_text(ctx, formatter)


class Command(_Worded, click.Command):
    pass


class Group(_Worded, click.Group):
    command_class = Command


Group.group_class = Group


def command(name: str, **attrs):
    """``click.command`` whose help (``help=N_("…")``) is shown in the current language."""
    attrs.setdefault("cls", Command)
    return click.command(name, **attrs)


def group(name: str, **attrs):
    attrs.setdefault("cls", Group)
    return click.group(name, **attrs)


def option(*decls: str, **attrs):
    """``click.option`` whose ``help=N_("…")`` is shown in the current language."""
    attrs.setdefault("cls", Option)
    return click.option(*decls, **attrs)
