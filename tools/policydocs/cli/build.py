"""``policydocs build --outputs pdf,docx,api``: the site's outputs without MkDocs (the plugin's code).

The options are read from the ``policydocs:`` block of ``mkdocs.yml`` (plain, safe YAML: MkDocs
is not imported); ``--outputs`` picks which of the outputs to write (default: those the options
turn on). The API hashes the pages it finds in the site folder: after ``mkdocs build``, the
files written are byte for byte those of the build. Search localises the index MkDocs wrote.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from ..build import SiteBuild
from ..build import outputs as outputs_mod
from ..i18n import N_, _
from .translated import command as translated_command
from .translated import option


@translated_command("build", help=N_("Write the site's PDFs, Word files, API, feeds and other outputs without MkDocs."))
@option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("The site's mkdocs.yml, whose 'policydocs' plugin options are used."),
)
@option(
    "--docs",
    "docs_dir",
    default=None,
    type=click.Path(path_type=Path),
    help=N_("Folder with docs/<lang>/<product>/<name>.md (default: docs_dir of mkdocs.yml)."),
)
@option(
    "--versions",
    "versions_dir",
    default=None,
    type=click.Path(path_type=Path),
    help=N_("The version store (default: versions_dir of the plugin's options)."),
)
@option(
    "--site",
    "site_dir",
    default=None,
    type=click.Path(path_type=Path),
    help=N_("Site folder the outputs are written into (default: site_dir of mkdocs.yml)."),
)
@option(
    "--outputs",
    "names",
    default=None,
    help=N_(
        "Comma-separated outputs: compare, pdf, docx, api, manifests, feeds, sitemap, search "
        "(default: those mkdocs.yml turns on)."
    ),
)
@option("--quiet", "-q", is_flag=True, help=N_("Print only the summary."))
def command(
    config_file: Path,
    docs_dir: Path | None,
    versions_dir: Path | None,
    site_dir: Path | None,
    names: str | None,
    quiet: bool,
) -> None:
    """The outputs of the site build, without MkDocs."""
    wanted = outputs_mod.parse(names) if names is not None else None
    config = outputs_mod.read_config(config_file)
    root = config_file.parent
    options = dict(config.options)
    if versions_dir is not None:
        options["versions_dir"] = str(versions_dir.absolute())
    build = SiteBuild(options, root, choose_language=False)  # the command's --lang (or POLICYDOCS_LANG) stands
    if wanted is None:
        wanted = [name for name in outputs_mod.KNOWN if build.wants(name)]
    docs_dir = docs_dir if docs_dir is not None else root / str(config.get("docs_dir") or "docs")
    site_dir = site_dir if site_dir is not None else root / str(config.get("site_dir") or "site")
    handler = None
    if not quiet:  # the PDF and Word builds' progress lines, as under mkdocs build
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logging.getLogger("mkdocs.plugins.policydocs").addHandler(handler)
        logging.getLogger("mkdocs.plugins.policydocs").setLevel(logging.INFO)
    try:
        build.load(docs_dir)
        site_dir.mkdir(parents=True, exist_ok=True)
        written = [name for name in wanted if name != "search"]
        build.post_build(site_dir, str(config.get("site_url") or ""), written)
        if "search" in wanted:
            if build.write_search(site_dir, True):
                written.append("search")
            else:
                click.echo(
                    _("search: needs the pages built by mkdocs ({index} is not there); run mkdocs build first").format(
                        index=site_dir / "search" / "search_index.json"
                    ),
                    err=True,
                )
    finally:
        if handler is not None:
            logging.getLogger("mkdocs.plugins.policydocs").removeHandler(handler)
    click.echo(_("{outputs} written into {folder}").format(outputs=", ".join(written) or "-", folder=site_dir))
