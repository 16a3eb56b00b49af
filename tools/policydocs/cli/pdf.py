"""``policydocs pdf``: build every policy's PDFs without MkDocs (same code as the site build)."""

from __future__ import annotations

from pathlib import Path

import click

from ..corpus import load
from ..i18n import N_, _
from ..pdf import DEFAULT_PATTERN, build_pdfs
from .translated import command as translated_command
from .translated import option


@translated_command("pdf", help=N_("Build the PDF of every policy in every language (cached, in parallel)."))
@option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder with docs/<lang>/<product>/<name>.md."),
)
@option(
    "--out",
    "out_dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Site folder the PDFs are written into."),
)
@option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help=N_("Rendering processes (default: number of cores).")
)
@option("--pattern", default=DEFAULT_PATTERN, show_default=True, help=N_("Path of each PDF inside the site."))
@option(
    "--cache",
    "cache_dir",
    default=".cache/pdf",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Where rendered PDFs are kept between builds."),
)
@option("--quiet", "-q", is_flag=True, help=N_("Print only the summary."))
def command(docs_dir: Path, out_dir: Path, jobs: int | None, pattern: str, cache_dir: Path, quiet: bool) -> None:
    """Every policy's PDFs without MkDocs."""
    corpus = load(docs_dir)
    documents = list(corpus.documents())

    def progress(line: str) -> None:
        if not quiet:
            click.echo(line, err=True)

    report = build_pdfs(documents, out_dir, pattern=pattern, cache_dir=cache_dir, jobs=jobs, progress=progress)
    click.echo(
        _("{count} PDFs in {folder}: {rendered} rendered, {cached} from the cache, {pages} pages, {seconds} s").format(
            count=len(report.entries),
            folder=out_dir,
            rendered=report.rendered,
            cached=report.cached,
            pages=report.pages,
            seconds=f"{report.seconds:.1f}",
        )
    )
