"""``policydocs notice``: the ready texts that tell users of a material change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..document import parse_text
from ..errors import PolicyError
from ..i18n import N_, _
from ..languages import LANGUAGES
from ..versions.store import open_store
from .translated import command as translated_command
from .translated import option


def _site_url(config: Path) -> str:
    """``site_url`` from mkdocs.yml (read as text: the file may hold tags only MkDocs knows)."""
    if config.is_file():
        match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
        if match:
            return match.group(1)
    return ""


@translated_command("notice", help=N_("Print the notice of a material change of DOC_ID: e-mail, push line or JSON."))
@click.argument("doc_id")
@option("--version", "number", type=int, required=True, help=N_("The version users are told about."))
@option("--lang", type=click.Choice(LANGUAGES), default="ru", show_default=True, help=N_("Language of the notice."))
@option(
    "--format",
    "fmt",
    type=click.Choice(["email", "push", "json"]),
    default="email",
    show_default=True,
    help=N_("email: subject and body; push: one line; json: all three for every language"),
)
@option("--site-url", help=N_("The site's address for the links (default: site_url in mkdocs.yml)."))
@option(
    "--versions",
    "versions_dir",
    default="versions",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder of the published versions."),
)
def command(doc_id, number, lang, fmt, site_url, versions_dir):
    """The ready texts telling users of a material change."""
    from ..publication import urls  # noqa: PLC0415
    from ..publication.history import requires_consent  # noqa: PLC0415
    from ..publication.notices import notice_texts  # noqa: PLC0415

    store = open_store(versions_dir, doc_id)
    if not store.versions:
        raise PolicyError(_("document '{doc_id}' has no published version").format(doc_id=doc_id), store.changelog_path)
    version = store.get(number)
    previous = next((v for v in reversed(store.versions) if v.number < number), None)
    if not requires_consent(version, previous):
        why = _("the first version replaces nothing") if previous is None else _("the change is not material")
        raise PolicyError(
            _("version {number} of '{doc_id}' needs no notice: {why}").format(number=number, doc_id=doc_id, why=why),
            store.changelog_path,
        )
    base = site_url if site_url is not None else _site_url(Path("mkdocs.yml"))

    def url(path: str) -> str:
        return urls.absolute(base, path) if base else "/" + path

    def texts(one: str) -> dict:
        frozen = parse_text(version.text(one), version.text_path(one))
        return notice_texts(
            version,
            one,
            title=frozen.title,
            product=frozen.front.product,
            operator=frozen.front.operator,
            doc_id=doc_id,
            url=url,
        )

    if fmt == "json":
        data = {
            "document": doc_id,
            "version": number,
            "effective_from": version.effective.isoformat(),
            "languages": {one: texts(one) for one in version.languages},
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    chosen = texts(lang)
    if fmt == "push":
        click.echo(chosen["push"])
    else:
        click.echo(f"Subject: {chosen['subject']}\n\n{chosen['body']}", nl=False)
