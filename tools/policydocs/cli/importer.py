"""``policydocs import SOURCE --doc ID``: adapter over policydocs.importer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import PolicyError
from ..fsutil import atomic_write_text
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
@click.option("--source-lang", type=click.Choice(["ru", "kk", "en"]),
              help="The language the document was written in (default: the existing files' source_lang; "
                   "for a new document Russian if the file has it, else the file's first language).")
@click.option("--origin", type=click.Choice(["operator", "translation"]),
              help="Where a language other than the source comes from (default: translation when added to "
                   "an existing document, operator when it came in one file with the source text).")
@click.option("--accept-changes", is_flag=True, help="Word: import with tracked changes accepted and comments dropped.")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--dry-run", is_flag=True, help="Report what would be written; write nothing.")
@click.option("--verbose", "-v", is_flag=True, help="List every guess and every piece left out, with its place.")
@click.option("--report", "report_path", type=click.Path(path_type=Path),
              help="Write every guess and every piece left out to this JSON file.")
def command(source, doc_id, docs_dir, product, operators, titles, notice_days, lang, source_lang, origin,
            accept_changes, force, dry_run, verbose, report_path):
    """Turn a policy saved from Word (.docx), a PDF, a web page (.html) or a text file into Markdown per language."""
    result = import_file(
        source,
        doc_id,
        docs_dir,
        force=force,
        dry_run=dry_run,
        accept_changes=accept_changes,
        product=product,
        operators=_per_language(operators, "--operator"),
        titles=_per_language(titles, "--title"),
        notice_days=notice_days,
        lang=lang,
        source_lang=source_lang,
        origin=origin,
    )
    if verbose:
        for guess in result.guesses:
            click.echo(f"{source}:{guess.where}: guessed: {guess.message}")
        for left in result.leftovers:
            click.echo(f"{source}:{left.where}: left out ({left.kind}): {left.text}")
    verb = "would write" if dry_run else "wrote"
    for doc in result.documents:
        span = "lines" if result.kind == "text" else "from"
        where = f"{doc.first_where}-{doc.last_where}" if result.kind == "text" else f"{doc.first_where} to {doc.last_where}"
        click.echo(
            f"{verb} {doc.path} ({doc.lang}, {doc.origin} of {doc.source_lang} text" * (doc.origin != "original")
            + f"{verb} {doc.path} ({doc.lang}, original" * (doc.origin == "original")
            + f", source {span} {where}, {doc.clauses} clauses)"
        )
    if result.encoding != "utf-8":
        click.echo(f"{source}: read as {result.encoding}")
    if report_path is not None:
        atomic_write_text(report_path, json.dumps(result.report(), ensure_ascii=False, indent=2) + "\n")
    hint = "" if verbose or not (result.guesses or result.leftovers) else " (--verbose lists them)"
    click.echo(f"{source}: {result.summary()}{hint}")


__all__ = ["command", "PolicyError"]
