"""``policydocs publish``, ``diff`` and ``status``: adapters over policydocs.versions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from ..corpus import load
from ..document import parse_text
from ..errors import PolicyError
from ..i18n import N_, _, current_language
from ..languages import LANGUAGES
from ..now import now as current_moment
from ..versions import timeline
from ..versions.claims import check_document_files
from ..versions.clock import check_year, parse_moment, zone
from ..versions.publish import publish
from ..versions.redline import compare, render_html, render_text, summary
from ..versions.store import open_store
from .translated import command as translated_command
from .translated import option

DOCS = option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder with docs/<lang>/<product>/<name>.md."),
)
VERSIONS = option(
    "--versions",
    "versions_dir",
    default="versions",
    show_default=True,
    type=click.Path(path_type=Path),
    help=N_("Folder of the published versions."),
)


def _policy(docs_dir: Path, doc_id: str):
    corpus = load(docs_dir)
    if doc_id not in corpus.policies:
        known = ", ".join(sorted(corpus.policies)) or _("none")
        raise PolicyError(
            _("no document '{doc_id}' under {folder} (known: {known})").format(
                doc_id=doc_id, folder=docs_dir, known=known
            )
        )
    return corpus, corpus.policies[doc_id]


def default_checker():
    """The checker's errors for a policy, as lines; None when the checker is not installed."""
    try:
        from ..check import check_policy  # noqa: PLC0415
    except ImportError:
        return None

    def run(policy):
        findings = check_policy(policy)
        return [f"{f.path}:{f.line}: {f.rule}: {f.text(current_language())}" for f in findings if f.severity == "error"]

    return run


@translated_command(
    "publish",
    help=N_(
        "Freeze the current texts of DOC_ID as its next version.\n\n"
        "A moment still to come is a scheduled publication: frozen and recorded now, shown on the "
        "site, the API and the feeds only from a build at or after it (see `policydocs next-change`)."
    ),
)
@click.argument("doc_id")
@option("--date", "date_", required=True, type=click.DateTime(formats=["%Y-%m-%d"]), help=N_("Publication date."))
@option("--time", "time_", type=click.DateTime(formats=["%H:%M"]), help=N_("Publication time (default 00:00)."))
@option(
    "--material/--non-material",
    default=True,
    show_default=True,
    help=N_("A non-material change takes effect at publication; a material one after the notice period."),
)
@option("--version", "number", type=int, help=N_("Expected version number (refused if it is not the next one)."))
@option("--by", "by", help=N_("Who publishes (recorded in the changelog; default: git's user.name and user.email)."))
@option(
    "--backdate",
    "backdate",
    metavar="REASON",
    help=N_("Allow a publication moment more than 24 hours ago; the reason is recorded and shown on the history page."),
)
@option(
    "--allow-unconfirmed",
    "allow_unconfirmed",
    metavar="REASON",
    help=N_(
        "Publish although translated clauses changed without a translator's sign-off; the reason is "
        "recorded in the changelog and shown on the history page."
    ),
)
@DOCS
@VERSIONS
def publish_command(doc_id, date_, time_, material, number, by, backdate, allow_unconfirmed, docs_dir, versions_dir):
    """Freeze the current texts as the next version (see the help text above)."""
    check_year(date_.date(), "--date")
    policy = _policy(docs_dir, doc_id)[1]
    if allow_unconfirmed is not None and not allow_unconfirmed.strip():
        raise PolicyError(
            _(
                '--allow-unconfirmed needs the reason in words, e.g. --allow-unconfirmed "the Kazakh '
                "translation is being reviewed by the operator's lawyer\""
            )
        )
    result = publish(
        policy,
        versions_dir,
        date_.date(),
        time=time_.time() if time_ else None,
        material=material,
        number=number,
        checker=default_checker(),
        by=by or _git_user(),
        backdate=backdate,
        translations_root=Path(docs_dir).resolve().parent,
        allow_unconfirmed=allow_unconfirmed,
    )
    v = result.version
    if v.published > v.recorded_at:
        click.echo(
            _(
                "scheduled {document} version {number}: published {published}, takes effect {effective}; "
                "nobody is shown it before then"
            ).format(
                document=doc_id, number=v.number, published=v.published.isoformat(), effective=v.effective.isoformat()
            )
        )
    else:
        click.echo(
            _("published {document} version {number}: {published}, takes effect {effective}").format(
                document=doc_id, number=v.number, published=v.published.isoformat(), effective=v.effective.isoformat()
            )
        )
    for lang in v.languages:
        click.echo(f"  {lang}: {v.summary[lang]}")
    if v.unconfirmed:
        for lang, clauses in v.unconfirmed["clauses"].items():
            click.echo(
                "  "
                + _("{lang}: published without a translator's sign-off: {clauses}").format(
                    lang=lang, clauses=", ".join(clauses)
                )
            )
        click.echo("  " + _("reason recorded in the changelog: {reason}").format(reason=v.unconfirmed["reason"]))
    for path in result.files:
        click.echo("  " + _("wrote {path}").format(path=path))
    for path in result.leftovers:
        click.echo(
            _("{path}: left by a publish that did not finish; it is not a version and may be deleted").format(
                path=path
            ),
            err=True,
        )


def _git_user() -> str | None:
    """'Name <email>' from git's configuration, as the person who ran publish; None without git."""
    parts = []
    for key in ("user.name", "user.email"):
        try:
            done = subprocess.run(["git", "config", key], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        parts.append(done.stdout.strip())
    name, email = parts
    return (f"{name} <{email}>" if email else name) if name else (email or None)


def _load_version_text(spec: str, doc_id: str, lang: str, docs_dir: Path, versions_dir: Path):
    """'v3' or '3' is a published version; 'draft' is the current text in docs/."""
    return load_version(spec, doc_id, lang, docs_dir, versions_dir)[0]


def load_version(spec: str, doc_id: str, lang: str, docs_dir: Path, versions_dir: Path):
    """(text, published Version or None for the draft) of 'v3', '3' or 'draft'."""
    if spec == "draft":
        policy = _policy(docs_dir, doc_id)[1]
        if lang not in policy.languages:
            raise PolicyError(_("the draft of '{doc_id}' has no '{lang}' text").format(doc_id=doc_id, lang=lang))
        return policy.languages[lang], None
    store = open_store(versions_dir, doc_id)
    try:
        number = int(spec.lstrip("v"))
    except ValueError:
        raise PolicyError(_("'{spec}' is not a version: write v1, v2, ... or draft").format(spec=spec)) from None
    version = store.get(number)
    if lang not in version.sha256:
        raise PolicyError(
            _("version {number} of '{doc_id}' has no '{lang}' text").format(number=number, doc_id=doc_id, lang=lang)
        )
    return parse_text(version.text(lang), version.text_path(lang)), version


@translated_command("diff", help=N_("Show what changed in DOC_ID between two versions, word by word."))
@click.argument("doc_id")
@option("--from", "from_", required=True, help=N_("v1, v2, ... or draft"))
@option("--to", "to", default="draft", show_default=True, help=N_("v1, v2, ... or draft"))
@option("--lang", type=click.Choice(LANGUAGES), default="ru", show_default=True, help=N_("Language of the text."))
@option("--html", "html_out", type=click.Path(path_type=Path), help=N_("Write an HTML redline to this file."))
@option(
    "--docx",
    "docx_out",
    type=click.Path(path_type=Path),
    help=N_("Write a Word redline with tracked changes (accept all = the new text) to this file."),
)
@option("--author", default="policydocs", show_default=True, help=N_("Author of the tracked changes in --docx."))
@DOCS
@VERSIONS
def diff_command(doc_id, from_, to, lang, html_out, docx_out, author, docs_dir, versions_dir):
    """A word-level redline between two versions or a version and the draft."""
    old, old_version = load_version(from_, doc_id, lang, docs_dir, versions_dir)
    new, new_version = load_version(to, doc_id, lang, docs_dir, versions_dir)
    changes = compare(old, new)
    click.echo(summary(changes, lang))
    if docx_out:
        from ..docx import version_redline, write_output

        write_output(docx_out, version_redline(old, new, old_version, new_version, changes, author=author))
        click.echo(_("wrote {path}").format(path=docx_out))
    if html_out:
        from ..fsutil import atomic_write_text

        page = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>{doc_id} {from_} → {to}</title>'
            "<style>del{text-decoration:line-through;color:#a00}ins{text-decoration:underline;color:#060}"
            "body{font-family:sans-serif;max-width:50em;margin:2em auto}</style>"
            f"<p>{summary(changes, lang)}</p>{render_html(changes, lang)}</html>"
        )
        atomic_write_text(html_out, page)
        click.echo(_("wrote {path}").format(path=html_out))
    else:
        body = render_text(changes, lang, colour=sys.stdout.isatty())
        if body:
            click.echo(body)


@translated_command(
    "status", help=N_("One table of every document: languages, current and pending version, open findings.")
)
@DOCS
@VERSIONS
@option(
    "--at",
    "at",
    help=N_(
        "Moment to report on (default now): 2026-12-01 means 00:00 of that day in each "
        "document's time zone; also 2026-12-01T15:30 or with an offset."
    ),
)
def status_command(docs_dir, versions_dir, at):
    """Every document's versions and findings, then its translations' states."""
    corpus = load(docs_dir)
    checker = default_checker()
    rows = [(_("document"), _("languages"), _("in force"), _("pending"), _("findings"))]
    said = set()
    for doc_id, policy in sorted(corpus.policies.items()):
        store = open_store(versions_dir, doc_id)
        tz = zone(store.timezone)
        moment, bare = parse_moment(at, tz) if at else (current_moment().astimezone(tz), False)
        check_document_files(docs_dir, doc_id, store, current_moment().astimezone(tz))
        if at and (bare, tz.key) not in said:
            said.add((bare, tz.key))
            meaning = _(" (a bare date means 00:00 of that day)") if bare else ""
            click.echo(
                _("at {moment} {zone}{meaning}").format(
                    moment=f"{moment.astimezone(tz):%Y-%m-%d %H:%M}", zone=tz.key, meaning=meaning
                )
            )
        shown = timeline.visible(store.versions, moment)
        current = timeline.in_force(shown, moment)
        pending = timeline.pending(shown, moment)
        scheduled = [v for v in store.versions if v.published > moment]
        langs = " ".join(lang if lang in policy.languages else "-" * len(lang) for lang in LANGUAGES)
        in_force = (
            _("v{number} since {moment}").format(number=current.number, moment=f"{current.effective:%Y-%m-%d %H:%M %z}")
            if current
            else _("none")
        )
        pend = [
            _("v{number} from {moment}").format(number=v.number, moment=f"{v.effective:%Y-%m-%d %H:%M %z}")
            for v in pending
        ]
        pend += [
            _("v{number} scheduled for {moment}").format(number=v.number, moment=f"{v.published:%Y-%m-%d %H:%M %z}")
            for v in scheduled
        ]
        findings = _("{count} errors").format(count=len(checker(policy))) if checker else _("checker not installed")
        rows.append((doc_id, langs, in_force, ", ".join(pend) or _("none"), findings))
    _table(rows)
    click.echo("")
    _table(translation_rows(corpus, Path(docs_dir).resolve().parent))


def _table(rows) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())


def translation_rows(corpus, root: Path) -> list[tuple[str, ...]]:
    """Per document and translation: how many clauses are confirmed, stale, never confirmed, missing."""
    from ..translations.states import counts, policy_states  # noqa: PLC0415

    rows = [(_("translation"), _("source"), _("confirmed"), _("stale"), _("never confirmed"), _("missing"))]
    for doc_id, policy in sorted(corpus.policies.items()):
        for lang, states in sorted(
            policy_states(policy, root, policy.source_lang).items(), key=lambda item: LANGUAGES.index(item[0])
        ):
            n = counts(states)
            rows.append(
                (
                    f"{doc_id} {lang}",
                    policy.source_lang,
                    str(n["confirmed"]),
                    str(n["stale"]),
                    str(n["unconfirmed"]),
                    str(n["missing"]),
                )
            )
    return rows
