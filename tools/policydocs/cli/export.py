"""``policydocs export``: one policy in one language and version as a Word document."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import N_, _
from ..languages import LANGUAGES
from .translated import command as translated_command
from .translated import option
from .versions import DOCS, VERSIONS, load_version


@translated_command(
    "export", help=N_("Write DOC_ID in one language (and version) as a .docx with Word's own clause numbering.")
)
@click.argument("doc_id")
@option("--lang", type=click.Choice(LANGUAGES), required=True, help=N_("Language of the text."))
@option(
    "--version",
    "version",
    default="draft",
    show_default=True,
    help=N_("A published version (2 or v2), or draft: the current text in docs/."),
)
@option(
    "--format", "fmt", type=click.Choice(["docx"]), default="docx", show_default=True, help=N_("Format of the file.")
)
@option("-o", "--output", required=True, type=click.Path(path_type=Path), help=N_("File to write."))
@DOCS
@VERSIONS
def command(doc_id, lang, version, fmt, output, docs_dir, versions_dir):
    """One language and version of a policy as a Word file."""
    from ..docx import Edition, document_docx, write_output

    doc, published = load_version(str(version), doc_id, lang, docs_dir, versions_dir)
    edition = (
        Edition(published.number, published.published, published.effective) if published else Edition(None, None, None)
    )
    write_output(output, document_docx(doc, edition))
    click.echo(_("wrote {path}").format(path=output))
