"""``policydocs xliff export|import``: a translation as XLIFF 1.2 for CAT tools (Trados, memoQ, Crowdin, Weblate)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import corpus as corpus_mod
from ..errors import PolicyError
from ..fsutil import atomic_write_bytes
from ..i18n import N_, _, current_language
from ..languages import LANGUAGES
from ..translations import xliff as xliff_mod
from .translated import group as translated_group
from .translated import option

DOCS = option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder with docs/<lang>/<product>/<name>.md."),
)


@translated_group("xliff", help=N_("Exchange a translation with translation tools as XLIFF 1.2, one unit per clause."))
def group() -> None:
    """XLIFF export and import."""


@group.command(
    "export",
    help=N_("Write the LANG translation of DOC_ID as an XLIFF 1.2 file: source, target, state, the source's changes."),
)
@click.argument("doc_id")
@option("--lang", required=True, type=click.Choice(list(LANGUAGES)), help=N_("the translation to export"))
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help=N_("file to write (default: <product>-<name>.<source>-<lang>.xlf here)"),
)
@DOCS
def export_command(doc_id: str, lang: str, output: Path | None, docs_dir: Path) -> None:
    """One translation as an XLIFF file for CAT tools."""
    corpus = corpus_mod.load(docs_dir)
    policy = corpus.policies.get(doc_id)
    if policy is None:
        raise PolicyError(
            _("no document '{doc_id}' under {folder} (known: {known})").format(
                doc_id=doc_id, folder=docs_dir, known=", ".join(sorted(corpus.policies)) or _("none")
            )
        )
    data = xliff_mod.export(policy, lang, Path(docs_dir).resolve().parent)
    output = output or Path(f"{doc_id.replace('/', '-')}.{policy.source_lang}-{lang}.xlf")
    atomic_write_bytes(output, data)
    click.echo(
        _("wrote {path}: the {lang} translation of {document} ({count} units)").format(
            path=output, lang=lang, document=doc_id, count=data.count(b"<trans-unit ")
        )
    )


@group.command(
    "import",
    help=N_(
        "Write the targets of FILE back into the translation's Markdown (structure and markers untouched).\n\n"
        "Exit 1, writing nothing, when the targets bring checker errors the text did not have."
    ),
)
@click.argument("file", type=click.Path(path_type=Path))
@DOCS
def import_command(file: Path, docs_dir: Path) -> None:
    """XLIFF targets back into the Markdown, checked first."""
    corpus = corpus_mod.load(docs_dir)
    result = xliff_mod.import_file(file, corpus, Path(docs_dir).resolve().parent)
    if result.new_errors:
        for f in result.new_errors:
            click.echo(f"{f.path}:{f.line}: {f.rule} [{f.clause}]: {f.text(current_language())}", err=True)
        click.echo(
            _(
                "not imported: the targets bring {count} checker error(s) into the {lang} text of {document}; "
                "nothing was written"
            ).format(count=len(result.new_errors), lang=result.lang, document=result.doc_id),
            err=True,
        )
        raise SystemExit(1)
    if not result.changed:
        click.echo(
            _("no changes: every target equals the {lang} text of {document}").format(
                lang=result.lang, document=result.doc_id
            )
        )
        return
    units = ", ".join(result.changed[:10]) + (" …" if len(result.changed) > 10 else "")
    click.echo(
        _("wrote {path}: {count} unit(s) changed ({units}); review them and run `{command}`").format(
            path=result.path,
            count=len(result.changed),
            units=units,
            command=f"policydocs confirm {result.doc_id} --lang {result.lang}",
        )
    )
