"""``policydocs confirm``: a translator signs off clauses of a translation against the current source text."""

from __future__ import annotations

from pathlib import Path

import click

from .. import corpus as corpus_mod
from ..errors import PolicyError
from ..languages import LANGUAGES
from ..translations import signoff
from ..translations.states import STALE, diff_text


def _policy(docs: Path, document: str):
    corpus = corpus_mod.load(docs)
    doc_id = document
    if document.endswith(".md") and Path(document).is_relative_to(docs):
        doc_id = corpus_mod.expected_id(docs, Path(document))[1]
    policy = corpus.policies.get(doc_id)
    if policy is None:
        raise PolicyError(f"no document with id '{doc_id}' under this folder", docs)
    return policy


def describe(s, source_lang: str, lang: str) -> list[str]:
    """What the translator is shown for one clause before signing it off."""
    unit = s.unit
    where = f"{unit.label[0]} [{s.source.eid}]"
    if s.state == STALE:
        c = s.confirmation
        head = f"{where}: the {source_lang} source changed since {c.by} confirmed it on {c.at[:10]}"
        src = diff_text(s.diff) if s.diff else f"{s.source.text} (the text confirmed then was not recorded)"
    elif s.edited:
        c = s.confirmation
        head = f"{where}: the {lang} translation was edited after {c.by} confirmed it on {c.at[:10]}"
        src = s.source.text
    else:
        head = f"{where}: never confirmed"
        src = s.source.text
    return [head, f"    {source_lang}: {src}", f"    {lang}: {s.translation.text}"]


@click.command("confirm")
@click.argument("document")
@click.option("--lang", "lang", required=True, type=click.Choice(list(LANGUAGES)), help="the translation being confirmed")
@click.option("--clause", "clauses", multiple=True,
              help="only this clause (a number such as 2.1, or an address such as cl-2-1); repeatable")
@click.option("--by", "by", default=None, help="who confirms, e.g. 'Айгерим Нурланова <aigerim@example.kz>' "
              "(default: git's user.name and user.email)")
@click.option("--yes", "yes", is_flag=True, help="confirm without asking (what is confirmed is still shown)")
@click.option("--docs", "docs", type=click.Path(path_type=Path), default=Path("docs"), show_default=True)
def command(document: str, lang: str, clauses: tuple[str, ...], by: str | None, yes: bool, docs: Path) -> None:
    """Sign off clauses of the LANG translation of DOCUMENT against the current source text.

    Shows each clause being confirmed (with the source's word-level changes since the last
    sign-off), refuses clauses the checker finds errors in, and records who confirmed what and
    when in translations/<product>/<name>/<lang>.yml (commit that file). Later, when the source
    of a confirmed clause changes, `policydocs check` reports the translation as stale.
    """
    policy = _policy(docs, document)
    root = Path(docs).resolve().parent
    plan = signoff.plan(policy, lang, root, list(clauses) or None)
    if plan.refused:
        for s, found in plan.refused:
            for f in found:
                click.echo(f"{f.path}:{f.line}: {f.rule} [{s.unit.clause}]: {f.message}", err=True)
        names = ", ".join(s.unit.clause for s, _ in plan.refused)
        click.echo(f"not confirmed: the checker finds errors in {names} of the {lang} text; fix them first "
                   "(nothing was recorded)", err=True)
        raise SystemExit(1)
    if not plan.to_confirm:
        click.echo(f"nothing to confirm: {len(plan.already)} clause(s) of the {lang} text of {policy.doc_id} "
                   "are already confirmed for their current texts")
        return
    person = by or signoff.default_person(root)
    if not person or not person.strip():
        raise PolicyError("say who confirms with --by 'Name <e-mail>' (git has no user.name or user.email here)")
    for s in plan.to_confirm:
        for line in describe(s, plan.source_lang, lang):
            click.echo(line)
    question = f"Confirm these {len(plan.to_confirm)} clause(s) of the {lang} translation as {person}?"
    if not yes and not click.confirm(question, default=False):
        click.echo("nothing was recorded")
        raise SystemExit(1)
    path = signoff.apply(plan, person.strip())
    click.echo(f"confirmed {len(plan.to_confirm)} clause(s) of the {lang} text of {policy.doc_id} against "
               f"{plan.source_lang} as {person.strip()}; recorded in {path}")
