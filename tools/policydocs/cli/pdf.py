"""``policydocs pdf``: build every policy's PDFs without MkDocs (same code as the site build)."""

from __future__ import annotations

from pathlib import Path

import click

from ..corpus import load
from ..pdf import DEFAULT_PATTERN, build_pdfs


@click.command("pdf")
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path),
              help="Folder with docs/<lang>/<product>/<name>.md.")
@click.option("--out", "out_dir", default="site", show_default=True, type=click.Path(path_type=Path),
              help="Site folder the PDFs are written into.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Rendering processes (default: number of cores).")
@click.option("--pattern", default=DEFAULT_PATTERN, show_default=True, help="Path of each PDF inside the site.")
@click.option("--cache", "cache_dir", default=".cache/pdf", show_default=True, type=click.Path(path_type=Path),
              help="Where rendered PDFs are kept between builds.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def command(docs_dir: Path, out_dir: Path, jobs: int | None, pattern: str, cache_dir: Path, quiet: bool) -> None:
    """Build the PDF of every policy in every language (cached, in parallel)."""
    corpus = load(docs_dir)
    documents = list(corpus.documents())

    def progress(line: str) -> None:
        if not quiet:
            click.echo(line, err=True)

    report = build_pdfs(documents, out_dir, pattern=pattern, cache_dir=cache_dir, jobs=jobs, progress=progress)
    click.echo(f"{len(report.entries)} PDFs in {out_dir}: {report.rendered} rendered, {report.cached} from the cache, "
               f"{report.pages} pages, {report.seconds:.1f} s")
