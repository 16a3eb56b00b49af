"""``policydocs xliff export|import``: a translation as XLIFF 1.2 for CAT tools (Trados, memoQ, Crowdin, Weblate)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import corpus as corpus_mod
from ..errors import PolicyError
from ..fsutil import atomic_write_bytes
from ..languages import LANGUAGES
from ..translations import xliff as xliff_mod

DOCS = click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path))


@click.group("xliff")
def group() -> None:
    """Exchange a translation with translation tools as XLIFF 1.2, one unit per clause."""


@group.command("export")
@click.argument("doc_id")
@click.option("--lang", required=True, type=click.Choice(list(LANGUAGES)), help="the translation to export")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="file to write (default: <product>-<name>.<source>-<lang>.xlf here)")
@DOCS
def export_command(doc_id: str, lang: str, output: Path | None, docs_dir: Path) -> None:
    """Write the LANG translation of DOC_ID as an XLIFF 1.2 file: source, target, state, the source's changes."""
    corpus = corpus_mod.load(docs_dir)
    policy = corpus.policies.get(doc_id)
    if policy is None:
        raise PolicyError(f"no document '{doc_id}' under {docs_dir} (known: {', '.join(sorted(corpus.policies)) or 'none'})")
    data = xliff_mod.export(policy, lang, Path(docs_dir).resolve().parent)
    output = output or Path(f"{doc_id.replace('/', '-')}.{policy.source_lang}-{lang}.xlf")
    atomic_write_bytes(output, data)
    click.echo(f"wrote {output}: the {lang} translation of {doc_id} ({data.count(b'<trans-unit ')} units)")


@group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@DOCS
def import_command(file: Path, docs_dir: Path) -> None:
    """Write the targets of FILE back into the translation's Markdown (structure and markers untouched).

    Exit 1, writing nothing, when the targets bring checker errors the text did not have.
    """
    corpus = corpus_mod.load(docs_dir)
    result = xliff_mod.import_file(file, corpus, Path(docs_dir).resolve().parent)
    if result.new_errors:
        for f in result.new_errors:
            click.echo(f"{f.path}:{f.line}: {f.rule} [{f.clause}]: {f.message}", err=True)
        click.echo(f"not imported: the targets bring {len(result.new_errors)} checker error(s) into the {result.lang} "
                   f"text of {result.doc_id}; nothing was written", err=True)
        raise SystemExit(1)
    if not result.changed:
        click.echo(f"no changes: every target equals the {result.lang} text of {result.doc_id}")
        return
    click.echo(f"wrote {result.path}: {len(result.changed)} unit(s) changed ({', '.join(result.changed[:10])}"
               f"{' …' if len(result.changed) > 10 else ''}); review them and run "
               f"`policydocs confirm {result.doc_id} --lang {result.lang}`")
