"""``policydocs check`` and ``policydocs confirm``: compare the languages; record reviewed translations."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..languages import LANGUAGES
from ..check import RULES, check_tree, report
from ..versions.claims import check_document_files
from ..versions.store import open_store


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    for lang in langs:
        if lang not in LANGUAGES:
            raise click.BadParameter(f"unknown language '{lang}'; use {', '.join(LANGUAGES)}")
    return langs


@click.command("check")
@click.argument("docs", required=False, type=click.Path(path_type=Path), default=Path("docs"))
@click.option("--format", "fmt", type=click.Choice(["human", "json", "github"]), default="human",
              help="human (default), json (a list of findings) or github (workflow annotations)")
@click.option("--lang", "msg_lang", type=click.Choice(["ru", "kk", "en"]), default="en", help="language of the messages")
@click.option("--require", "required", default=",".join(LANGUAGES), show_default=True,
              help="languages every policy must have, comma-separated")
@click.option("--document", "only", multiple=True, help="check only this document id (repeatable)")
@click.option("--list-rules", is_flag=True, help="list every rule with its severity and why it matters, then exit")
@click.option("--versions", "versions_dir", type=click.Path(path_type=Path), default=Path("versions"), show_default=True,
              help="published versions, verified against their recorded sha256")
def command(docs: Path, fmt: str, msg_lang: str, required: str, only: tuple[str, ...], list_rules: bool,
            versions_dir: Path) -> None:
    """Check that the languages of every policy under DOCS say the same thing, clause by clause.

    Exit code 1 when there are errors, 0 otherwise (warnings alone do not fail), 2 on bad input.
    Silence one finding with a comment right before the clause, giving the reason:
    <!-- check: ignore RULE-ID: reason -->
    """
    if list_rules:
        for rule in RULES.values():
            why = rule.why(msg_lang).replace("{required}", ", ".join(LANGUAGES))
            click.echo(f"{rule.id:26} {rule.severities:13} {why}")
        return
    required_langs = _langs(required)
    doc_ids, findings = check_tree(Path(docs), required_langs, only=list(only) or None)
    now = dt.datetime.now(dt.timezone.utc)
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
