"""One source per document: the files of a document agree on what makes them one document.

Every language file of a document names its source language, its id, its notice period and
its prevailing language. When they disagree (a Kazakh text imported as a second "original",
``source_lang: kk``), every comparison would be made against the wrong text and the source
would be blamed for a translation's gaps; so each disagreement is an error naming both files
and lines, and the source the checker uses meanwhile is the one most files name (on a tie, the
first of ru, kk, en among those named).
"""

from __future__ import annotations

from collections import Counter

from ..document import Document
from ..errors import PolicyError
from ..languages import LANGUAGES
from ..lines import split_lines
from .findings import Finding
from .wording import _

FIELDS = ("source_lang", "id", "notice_days", "prevailing_lang")


def value(doc: Document, name: str, source: str | None = None):
    """What a file says, defaults included (no source_lang written means 'ru').

    A prevailing language not written is the document's source language (``source``, the
    agreed one), so a file that names the wrong source is not blamed twice.
    """
    front = doc.front
    if name == "prevailing_lang":
        return front.data.get("prevailing_lang") or source or front.source_lang
    return {"source_lang": front.source_lang, "id": front.doc_id, "notice_days": front.notice_days}[name]


def field_line(doc: Document, name: str) -> int:
    for i, line in enumerate(split_lines(doc.front.raw), start=1):
        if line.startswith(f"{name}:"):
            return i
    return 1


def agreed(docs: dict[str, Document], name: str):
    """The value most files name; a tie goes to the earliest language in ru, kk, en that is named."""
    source = agreed(docs, "source_lang") if name == "prevailing_lang" else None
    votes = Counter(value(d, name, source) for d in docs.values())
    if not votes:
        return None
    top = max(votes.values())
    tied = [v for v, n in votes.items() if n == top]
    if len(tied) > 1 and name in ("source_lang", "prevailing_lang"):
        return min(tied, key=lambda v: LANGUAGES.index(v) if v in LANGUAGES else len(LANGUAGES))
    return next(v for v in (value(d, name, source) for d in _ordered(docs)) if v in tied)


def source_lang(docs: dict[str, Document]) -> str:
    """The source language the files of a document name (see ``agreed``); 'ru' for none."""
    lang = agreed(docs, "source_lang") if docs else None
    return lang or "ru"


def _ordered(docs: dict[str, Document]) -> list[Document]:
    return [docs[l] for l in LANGUAGES if l in docs]


def disagreements(docs: dict[str, Document]) -> list[tuple[str, Document, Document]]:
    """(field, the file that disagrees, a file that says the agreed value), one per file and field."""
    out = []
    source = agreed(docs, "source_lang")
    for name in FIELDS:
        want = agreed(docs, name)
        reference = next((d for d in _ordered(docs) if value(d, name, source) == want), None)
        for doc in _ordered(docs):
            if value(doc, name, source) != want:
                out.append((name, doc, reference))
    return out


def findings(docs: dict[str, Document], doc_id: str) -> list[Finding]:
    out = []
    source = agreed(docs, "source_lang") if docs else None
    for name, doc, ref in disagreements(docs):
        mine, theirs = value(doc, name, source), value(ref, name, source)
        out.append(
            Finding(
                "header-disagrees",
                doc_id,
                doc.lang,
                str(doc.path),
                field_line(doc, name),
                "",
                excerpt=f"{name}: {mine}",
                other_lang=ref.lang,
                other_path=str(ref.path),
                other_line=field_line(ref, name),
                other_excerpt=f"{name}: {theirs}",
                params=dict(
                    lang=doc.lang, field=name, value=mine, agreed=theirs, other=f"{ref.path}:{field_line(ref, name)}"
                ),
            )
        )
    return out


def require(docs: dict[str, Document]) -> None:
    """Refuse to work on a document whose files disagree (what confirm, xliff and publish write needs one source)."""
    found = disagreements(docs)
    if found:
        name, doc, ref = found[0]
        source = agreed(docs, "source_lang")
        raise PolicyError(
            _(
                "says {field}: {value}, but {other}:{other_line} says {field}: {other_value}; "
                "the files of one document must agree on it (run `policydocs check`)"
            ).format(
                field=name,
                value=value(doc, name, source),
                other=ref.path,
                other_line=field_line(ref, name),
                other_value=value(ref, name, source),
            ),
            doc.path,
            field_line(doc, name),
        )
