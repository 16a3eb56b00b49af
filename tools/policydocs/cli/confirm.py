"""``policydocs confirm``: a translator records that a translation follows the current source text."""

from __future__ import annotations

from pathlib import Path

import click

from .. import corpus as corpus_mod
from ..check import staleness
from ..check.align import align
from ..errors import PolicyError
from ..languages import LANGUAGES


@click.command("confirm")
@click.argument("document")
@click.option("--lang", "lang", required=True, type=click.Choice([l for l in LANGUAGES]),
              help="the translation being confirmed")
@click.option("--clause", default=None, help="only this clause (number such as 2.1, or an address such as cl-2-1)")
@click.option("--docs", "docs", type=click.Path(path_type=Path), default=Path("docs"), show_default=True)
def command(document: str, lang: str, clause: str | None, docs: Path) -> None:
    """Record that the LANG translation of DOCUMENT follows the current source text.

    Later, when the source text of a confirmed clause changes, `policydocs check` reports
    the translated clause as needing review.
    """
    corpus = corpus_mod.load(docs)
    doc_id = document
    if document.endswith(".md"):
        doc_id = corpus_mod.expected_id(docs, Path(document))[1] if Path(document).is_relative_to(docs) else document
    policy = corpus.policies.get(doc_id)
    if policy is None:
        raise PolicyError(f"no document with id '{doc_id}' under this folder", docs)
    source_lang = policy.source_lang
    if lang == source_lang:
        raise PolicyError(f"'{lang}' is the source language of {doc_id}; only translations are confirmed")
    if lang not in policy.languages:
        raise PolicyError(f"{doc_id} has no '{lang}' text to confirm", docs)
    alignment = align(policy.languages, source_lang, doc_id)
    root = Path(docs).resolve().parent
    path, count = staleness.confirm(alignment.units, source_lang, lang, doc_id, root, clause)
    click.echo(f"confirmed {count} part(s) of the {lang} text of {doc_id} against {source_lang}; recorded in {path}")
