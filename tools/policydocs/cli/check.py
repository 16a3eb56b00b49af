"""``policydocs check`` and ``policydocs confirm``: compare the languages; record reviewed translations."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..check import RULES, check_tree, report, unreadable
from ..i18n import MESSAGE_LANGUAGES, N_, _, current_language, set_language
from ..languages import LANGUAGES
from ..now import now as current_moment
from ..versions.claims import check_document_files
from ..versions.store import open_store
from .translated import command as translated_command
from .translated import option


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    for lang in langs:
        if lang not in LANGUAGES:
            raise click.BadParameter(
                _("unknown language '{lang}'; use {choices}").format(lang=lang, choices=", ".join(LANGUAGES))
            )
    return langs


@translated_command(
    "check",
    help=N_(
        "Check that the languages of every policy under DOCS say the same thing, clause by clause.\n\n"
        "Exit code 1 when there are errors, 0 otherwise (warnings alone do not fail), 2 on bad input. "
        "Silence one finding with a comment right before the clause, giving the reason: "
        "<!-- check: ignore RULE-ID: reason -->"
    ),
)
@click.argument("docs", required=False, type=click.Path(path_type=Path), default=Path("docs"))
@option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json", "github"]),
    default="human",
    help=N_("human (default), json (a list of findings) or github (workflow annotations)"),
)
@option(
    "--lang",
    "msg_lang",
    type=click.Choice(MESSAGE_LANGUAGES),
    default=None,
    help=N_("language of the messages (default: policydocs --lang, else the locale)"),
)
@option(
    "--require",
    "required",
    default=",".join(LANGUAGES),
    show_default=True,
    help=N_("languages every policy must have, comma-separated"),
)
@option("--document", "only", multiple=True, help=N_("check only this document id (repeatable)"))
@option("--list-rules", is_flag=True, help=N_("list every rule with its severity and why it matters, then exit"))
@option(
    "--versions",
    "versions_dir",
    type=click.Path(path_type=Path),
    default=Path("versions"),
    show_default=True,
    help=N_("published versions, verified against their recorded sha256"),
)
@option("--verbose", is_flag=True, help=N_("also say which texts the meaning rules could not read"))
def command(
    docs: Path,
    fmt: str,
    msg_lang: str | None,
    required: str,
    only: tuple[str, ...],
    list_rules: bool,
    versions_dir: Path,
    verbose: bool = False,
) -> None:
    """Compare the languages of every policy; exit 1 on errors."""
    if msg_lang is not None:
        set_language(msg_lang)  # ``check --lang`` is the message language of this run
    msg_lang = current_language()
    if list_rules:
        for rule in RULES.values():
            why = rule.why(msg_lang).replace("{required}", ", ".join(LANGUAGES))
            click.echo(f"{rule.id:26} {rule.severities:13} {why}")
        return
    required_langs = _langs(required)
    # verbose: one process, so that what the analysers could not read is known here
    doc_ids, findings = check_tree(Path(docs), required_langs, only=list(only) or None, workers=1 if verbose else None)
    if verbose:
        for lang, text in unreadable():
            click.echo(
                _(
                    "{lang}: the meaning rules cannot read this text (mixed alphabets or Latin-script "
                    "Kazakh) and say nothing about it: «{text}»"
                ).format(lang=lang, text=text),
                err=True,
            )
    now = current_moment()
    for doc_id in doc_ids:
        store = open_store(versions_dir, doc_id)  # a published text edited after publication stops here, file named
        check_document_files(Path(docs), doc_id, store, now)  # front matter may not claim a publication
    if fmt == "json":
        click.echo(report.as_json(findings, msg_lang), nl=False)
    elif fmt == "github":
        click.echo(report.github(findings, msg_lang), nl=False)
    else:
        color = sys.stdout.isatty()
        click.echo(report.human(findings, msg_lang, style=click.style if color else None), nl=False, color=color)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)
