"""``policydocs export``: one policy in one language and version as a Word document."""

from __future__ import annotations

from pathlib import Path

import click

from ..languages import LANGUAGES
from .versions import DOCS, VERSIONS, load_version


@click.command("export")
@click.argument("doc_id")
@click.option("--lang", type=click.Choice(LANGUAGES), required=True, help="Language of the text.")
@click.option("--version", "version", default="draft", show_default=True,
              help="A published version (2 or v2), or draft: the current text in docs/.")
@click.option("--format", "fmt", type=click.Choice(["docx"]), default="docx", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="File to write.")
@DOCS
@VERSIONS
def command(doc_id, lang, version, fmt, output, docs_dir, versions_dir):
    """Write DOC_ID in one language (and version) as a .docx with Word's own clause numbering."""
    from ..docx import Edition, document_docx, write_output

    doc, published = load_version(str(version), doc_id, lang, docs_dir, versions_dir)
    edition = Edition(published.number, published.published, published.effective) if published else Edition(None, None, None)
    write_output(output, document_docx(doc, edition))
    click.echo(f"wrote {output}")
