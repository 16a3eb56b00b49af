"""Which language a document was written in, when its languages are imported one file at a time.

The three files of a document must agree on ``source_lang``: the checker compares each
translation with the source, and the site says which language prevails. So an import
that adds a language to an existing document takes the existing files' ``source_lang``
and writes the new language as a translation of it (``origin: translation``, or
``--origin operator`` when the operator supplied that text), never as a second original.

For a fresh document the source is the language given with ``--source-lang``; without it,
Russian when the file holds Russian (operators in Kazakhstan write the Russian text
first), else the first language of the file. So importing kk, then en, then ru gives
three files that all say ``source_lang: kk`` unless the first import said
``--source-lang ru``.
"""

from __future__ import annotations

from pathlib import Path

from .. import frontmatter
from ..errors import PolicyError
from ..i18n import _
from ..languages import LANGUAGES


def existing_source_lang(docs_dir: Path, doc_id: str, writing: list[str]) -> tuple[str, Path] | None:
    """The ``source_lang`` the document's other language files already state (they must agree)."""
    found: dict[str, Path] = {}
    others = [lang for lang in LANGUAGES if lang not in writing]
    for lang in others + [lang for lang in LANGUAGES if lang in writing]:
        path = Path(docs_dir) / lang / f"{doc_id}.md"
        if not path.is_file():
            continue
        try:
            head = frontmatter.split(path.read_text(encoding="utf-8"), path)[0]
        except (OSError, UnicodeDecodeError):
            raise PolicyError(_("cannot read this existing language file of the document"), path) from None
        found.setdefault(head.source_lang, path)
        if lang in others and len(found) > 1:
            break
        if lang in writing and found:
            break  # only the files being replaced exist: keep what they said
    if len(found) > 1:
        (a, pa), (b, pb) = list(found.items())[:2]
        raise PolicyError(
            _(
                "says source_lang: {lang} but {other_file} says {other_lang}; make the document's files agree first"
            ).format(lang=a, other_file=pb, other_lang=b),
            pa,
        )
    return next(iter(found.items()), None)


def source_language(docs_dir: Path, doc_id: str, langs: list[str], explicit: str | None) -> str:
    existing = existing_source_lang(docs_dir, doc_id, langs)
    if existing is not None:
        lang, path = existing
        if explicit is not None and explicit != lang:
            raise PolicyError(
                _(
                    "the document's existing files say source_lang: {lang}, not {explicit}; leave out "
                    "--source-lang, or change the existing files first"
                ).format(lang=lang, explicit=explicit),
                path,
            )
        return lang
    if explicit is not None:
        return explicit
    return "ru" if "ru" in langs else langs[0]


def origin_of(lang: str, source_lang: str, langs_in_file: list[str], explicit: str | None) -> str:
    """original for the source language; else --origin, else operator when the file also holds the source text."""
    if lang == source_lang:
        return "original"
    if explicit is not None:
        return explicit
    return "operator" if source_lang in langs_in_file else "translation"
