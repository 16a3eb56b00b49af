"""``policydocs confirm``: a translator signs off clauses of a translation against the current source text."""

from __future__ import annotations

from pathlib import Path

import click

from .. import corpus as corpus_mod
from ..errors import PolicyError
from ..i18n import N_, _, current_language
from ..languages import LANGUAGES
from ..translations import signoff
from ..translations.states import STALE, diff_text
from .translated import command as translated_command
from .translated import option


def _policy(docs: Path, document: str):
    corpus = corpus_mod.load(docs)
    doc_id = document
    if document.endswith(".md") and Path(document).is_relative_to(docs):
        doc_id = corpus_mod.expected_id(docs, Path(document))[1]
    policy = corpus.policies.get(doc_id)
    if policy is None:
        raise PolicyError(_("no document with id '{doc_id}' under this folder").format(doc_id=doc_id), docs)
    return policy


def describe(s, source_lang: str, lang: str) -> list[str]:
    """What the translator is shown for one clause before signing it off."""
    unit = s.unit
    where = f"{unit.label[0]} [{s.source.eid}]"
    if s.state == STALE:
        c = s.confirmation
        head = _("{clause}: the {source_lang} source changed since {person} confirmed it on {date}").format(
            clause=where, source_lang=source_lang, person=c.by, date=c.at[:10]
        )
        src = (
            diff_text(s.diff)
            if s.diff
            else _("{text} (the text confirmed then was not recorded)").format(text=s.source.text)
        )
    elif s.edited:
        c = s.confirmation
        head = _("{clause}: the {lang} translation was edited after {person} confirmed it on {date}").format(
            clause=where, lang=lang, person=c.by, date=c.at[:10]
        )
        src = s.source.text
    else:
        head = _("{clause}: never confirmed").format(clause=where)
        src = s.source.text
    return [head, f"    {source_lang}: {src}", f"    {lang}: {s.translation.text}"]


@translated_command(
    "confirm",
    help=N_(
        "Sign off clauses of the LANG translation of DOCUMENT against the current source text.\n\n"
        "Shows each clause being confirmed (with the source's word-level changes since the last "
        "sign-off), refuses clauses the checker finds errors in, and records who confirmed what and "
        "when in translations/<product>/<name>/<lang>.yml (commit that file). Later, when the source "
        "of a confirmed clause changes, `policydocs check` reports the translation as stale."
    ),
)
@click.argument("document")
@option("--lang", "lang", required=True, type=click.Choice(list(LANGUAGES)), help=N_("the translation being confirmed"))
@option(
    "--clause",
    "clauses",
    multiple=True,
    help=N_("only this clause (a number such as 2.1, or an address such as cl-2-1); repeatable"),
)
@option(
    "--by",
    "by",
    default=None,
    help=N_("who confirms, e.g. 'Айгерим Нурланова <aigerim@example.kz>' (default: git's user.name and user.email)"),
)
@option("--yes", "yes", is_flag=True, help=N_("confirm without asking (what is confirmed is still shown)"))
@option(
    "--docs",
    "docs",
    type=click.Path(path_type=Path),
    default=Path("docs"),
    show_default=True,
    help=N_("Folder with docs/<lang>/<product>/<name>.md."),
)
def command(document: str, lang: str, clauses: tuple[str, ...], by: str | None, yes: bool, docs: Path) -> None:
    """A translator's sign-off: shown, checked, recorded (see the help text above)."""
    policy = _policy(docs, document)
    root = Path(docs).resolve().parent
    plan = signoff.plan(policy, lang, root, list(clauses) or None)
    if plan.refused:
        for s, found in plan.refused:
            for f in found:
                click.echo(f"{f.path}:{f.line}: {f.rule} [{s.unit.clause}]: {f.text(current_language())}", err=True)
        names = ", ".join(s.unit.clause for s, _ in plan.refused)
        click.echo(
            _(
                "not confirmed: the checker finds errors in {clauses} of the {lang} text; fix them first "
                "(nothing was recorded)"
            ).format(clauses=names, lang=lang),
            err=True,
        )
        raise SystemExit(1)
    if not plan.to_confirm:
        click.echo(
            _(
                "nothing to confirm: {count} clause(s) of the {lang} text of {document} are already "
                "confirmed for their current texts"
            ).format(count=len(plan.already), lang=lang, document=policy.doc_id)
        )
        return
    person = by or signoff.default_person(root)
    if not person or not person.strip():
        raise PolicyError(_("say who confirms with --by 'Name <e-mail>' (git has no user.name or user.email here)"))
    for s in plan.to_confirm:
        for line in describe(s, plan.source_lang, lang):
            click.echo(line)
    question = _("Confirm these {count} clause(s) of the {lang} translation as {person}?").format(
        count=len(plan.to_confirm), lang=lang, person=person
    )
    if not yes and not click.confirm(question, default=False):
        click.echo(_("nothing was recorded"))
        raise SystemExit(1)
    path = signoff.apply(plan, person.strip())
    click.echo(
        _(
            "confirmed {count} clause(s) of the {lang} text of {document} against {source_lang} as "
            "{person}; recorded in {path}"
        ).format(
            count=len(plan.to_confirm),
            lang=lang,
            document=policy.doc_id,
            source_lang=plan.source_lang,
            person=person.strip(),
            path=path,
        )
    )
