"""Click's own words ("Usage:", "Missing argument", "No such option") in the language of the run.

Click words its messages with the standard library's ``gettext`` (each of its modules does
``from gettext import gettext as _``), which reads the process-wide default domain and the
locale variables. Rather than change that global state for every library in the process,
``install`` binds those names in click's modules to the ``policydocs`` catalog, so click
speaks the language ``set_language`` chose. The messages a user of ``policydocs`` can meet
are listed below so that ``pybabel extract`` copies them into the catalog to be translated;
any other click message stays in English.
"""

from __future__ import annotations

import importlib

from ..i18n import N_, gettext
from ..i18n import ngettext as _ngettext

# click's modules that word messages with gettext
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def _plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural pair for extraction (keyword ``ngettext`` in babel's call)."""
    return singular, plural


ngettext = _plural  # the name pybabel extract looks for; only marks, never translates

MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ngettext("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."),
)


def _gettext(message: str) -> str:
    return gettext(message)


def _ngettext_now(singular: str, plural: str, n: int) -> str:
    return _ngettext(singular, plural, n)


def install() -> None:
    """Bind click's ``_`` and ``ngettext`` to the ``policydocs`` catalog (idempotent)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext_now
