"""``policydocs import SOURCE --doc ID``: adapter over policydocs.importer."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import PolicyError
from ..importer import import_file


def _per_language(values: tuple[str, ...], option: str) -> dict[str, str]:
    """``--operator 'ТОО «X»'`` for every language, or ``--operator kk='«X» ЖШС'`` for one."""
    out: dict[str, str] = {}
    for value in values:
        lang, sep, text = value.partition("=")
        if sep and lang in ("ru", "kk", "en"):
            out[lang] = text
        else:
            out["*"] = value
    return out


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--doc", "doc_id", required=True, help="Document id shared by all languages: product/name.")
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path))
@click.option("--product", help="Product or app name shown to readers.")
@click.option("--operator", "operators", multiple=True, help="Operator name; repeat as kk='...' per language.")
@click.option("--title", "titles", multiple=True, help="Title when the text has no title line; repeat as en='...'.")
@click.option("--notice-days", default=7, show_default=True, type=click.IntRange(min=0))
@click.option("--lang", type=click.Choice(["ru", "kk", "en"]), help="The text is in one language: skip detection.")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--dry-run", is_flag=True, help="Report what would be written; write nothing.")
def command(source, doc_id, docs_dir, product, operators, titles, notice_days, lang, force, dry_run):
    """Turn a raw policy text (DOCX/PDF/web extraction) into Markdown per language."""
    result = import_file(
        source,
        doc_id,
        docs_dir,
        force=force,
        dry_run=dry_run,
        product=product,
        operators=_per_language(operators, "--operator"),
        titles=_per_language(titles, "--title"),
        notice_days=notice_days,
        lang=lang,
    )
    for guess in result.guesses:
        click.echo(f"{source}:{guess.line}: guessed: {guess.message}")
    verb = "would write" if dry_run else "wrote"
    for doc in result.documents:
        click.echo(
            f"{verb} {doc.path} ({doc.lang}, source lines {doc.first_line}-{doc.last_line}, {doc.clauses} clauses)"
        )
    if result.encoding != "utf-8":
        click.echo(f"{source}: read as {result.encoding}")


__all__ = ["command", "PolicyError"]
