"""``policydocs import SOURCE --doc ID``: adapter over policydocs.importer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import PolicyError
from ..fsutil import atomic_write_text
from ..i18n import N_, _, ngettext
from ..importer import import_file
from .translated import command as translated_command
from .translated import option


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


@translated_command(
    "import",
    help=N_(
        "Turn a policy saved from Word (.docx), a PDF, a web page (.html) or a text file into Markdown per language."
    ),
)
@click.argument("source", type=click.Path(path_type=Path))
@option("--doc", "doc_id", required=True, help=N_("Document id shared by all languages: product/name."))
@option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder with docs/<lang>/<product>/<name>.md."),
)
@option("--product", help=N_("Product or app name shown to readers."))
@option("--operator", "operators", multiple=True, help=N_("Operator name; repeat as kk='...' per language."))
@option("--title", "titles", multiple=True, help=N_("Title when the text has no title line; repeat as en='...'."))
@option(
    "--notice-days",
    default=7,
    show_default=True,
    type=click.IntRange(min=0),
    help=N_("Notice period of a material change, in calendar days."),
)
@option("--lang", type=click.Choice(["ru", "kk", "en"]), help=N_("The text is in one language: skip detection."))
@option(
    "--source-lang",
    type=click.Choice(["ru", "kk", "en"]),
    help=N_(
        "The language the document was written in (default: the existing files' source_lang; "
        "for a new document Russian if the file has it, else the file's first language)."
    ),
)
@option(
    "--origin",
    type=click.Choice(["operator", "translation"]),
    help=N_(
        "Where a language other than the source comes from (default: translation when added to "
        "an existing document, operator when it came in one file with the source text)."
    ),
)
@option("--accept-changes", is_flag=True, help=N_("Word: import with tracked changes accepted and comments dropped."))
@option("--force", is_flag=True, help=N_("Replace existing files."))
@option("--dry-run", is_flag=True, help=N_("Report what would be written; write nothing."))
@option("--verbose", "-v", is_flag=True, help=N_("List every guess and every piece left out, with its place."))
@option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help=N_("Write every guess and every piece left out to this JSON file."),
)
def command(
    source,
    doc_id,
    docs_dir,
    product,
    operators,
    titles,
    notice_days,
    lang,
    source_lang,
    origin,
    accept_changes,
    force,
    dry_run,
    verbose,
    report_path,
):
    """Import one file as Markdown per language (see the help text above)."""
    result = import_file(
        source,
        doc_id,
        docs_dir,
        force=force,
        dry_run=dry_run,
        accept_changes=accept_changes,
        progress=lambda line: click.echo(line, err=True),
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
            click.echo(_("{file}:{place}: guessed: {what}").format(file=source, place=guess.where, what=guess.message))
        for left in result.leftovers:
            click.echo(
                _("{file}:{place}: left out ({kind}): {text}").format(
                    file=source, place=left.where, kind=_(left.kind), text=left.text
                )
            )
    for doc in result.documents:
        click.echo(_written(doc, result.kind, dry_run))
    if result.encoding != "utf-8":
        click.echo(_("{file}: read as {encoding}").format(file=source, encoding=result.encoding))
    if report_path is not None:
        atomic_write_text(report_path, json.dumps(result.report(), ensure_ascii=False, indent=2) + "\n")
    hint = "" if verbose or not (result.guesses or result.leftovers) else _(" (--verbose lists them)")
    click.echo(f"{source}: {_summary(result)}{hint}")


# What the importer leaves out, named by --verbose as _(kind); the kinds stay English in the JSON
# report, where programs read them. Listed here so that pybabel extract puts them in the catalog.
LEFTOVER_KINDS = (
    N_("page furniture"),
    N_("page number"),
    N_("running header"),
    N_("running footer"),
    N_("running header or footer"),
    N_("text box"),
    N_("front matter"),
    N_("navigation"),
    N_("site header"),
    N_("site footer"),
    N_("sidebar"),
    N_("cookie banner"),
)


def _written(doc, kind: str, dry_run: bool) -> str:
    """One line per file written: its language, where it comes from, which part of the source, how many clauses."""
    if kind == "text":
        span = _("source lines {first}-{last}").format(first=doc.first_where, last=doc.last_where)
    else:
        span = _("source from {first} to {last}").format(first=doc.first_where, last=doc.last_where)
    clauses = ngettext("{count} clause", "{count} clauses", doc.clauses).format(count=doc.clauses)
    if doc.origin == "original":
        what = _("{lang}, original").format(lang=doc.lang)
    elif doc.origin == "operator":
        what = _("{lang}, operator of {source_lang} text").format(lang=doc.lang, source_lang=doc.source_lang)
    else:
        what = _("{lang}, translation of {source_lang} text").format(lang=doc.lang, source_lang=doc.source_lang)
    line = (
        _("would write {path} ({what}, {span}, {clauses})")
        if dry_run
        else _("wrote {path} ({what}, {span}, {clauses})")
    )
    return line.format(path=doc.path, what=what, span=span, clauses=clauses)


def _summary(result) -> str:
    """'31 clauses, 12 guesses, 2 pieces of page furniture left out', in the language of the messages."""
    clauses = sum(d.clauses for d in result.documents)
    recognised = (
        [_("text recognised from a scan by OCR, not read from a text layer: check it against the scan")]
        if (result.kind == "scan")
        else []
    )
    return ", ".join(
        recognised
        + [
            ngettext("{count} clause", "{count} clauses", clauses).format(count=clauses),
            ngettext("{count} guess", "{count} guesses", len(result.guesses)).format(count=len(result.guesses)),
            ngettext(
                "{count} piece of page furniture left out",
                "{count} pieces of page furniture left out",
                len(result.leftovers),
            ).format(count=len(result.leftovers)),
        ]
    )


__all__ = ["command", "PolicyError"]
