"""``policydocs import``: a policy file (Word, PDF, web page, text) to clause-structured Markdown.

The pipeline: read the file as lines with their source locations (formats/) -> split by language
(segment.py) -> mend extraction damage line by line (repair.py) -> classify lines as
title, section heading, clause, sub-item, bullet or paragraph -> write one Markdown file
per language. It keeps the operators' wording and defects (a numbering gap, a placeholder,
a mixed-script word): fixing them is a lawyer's decision, which the checker prompts.

The result is verified before anything is written: the letters and digits of each
language's output, in order, must equal those of its part of the text the file's reader
produced (the file's text less what the reader left out and listed, such as running
headers or a site's menu). A repair that would lose or invent a character is a bug, and
stops the import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import frontmatter
from ..document import parse_text
from ..errors import PolicyError
from ..fsutil import atomic_write_many
from ..i18n import _
from ..languages import LANGUAGES
from . import family, formats
from .formats.text import extract as extract_text
from .model import Extracted, Leftover
from .repair import CLAUSE_START, Guess, Line, Repairs, glue, learn_labels, should_join, split_line
from .segment import Segment, segment

DEFAULT_TITLES = {"ru": "Политика конфиденциальности", "kk": "Құпиялылық саясаты", "en": "Privacy Policy"}

HEADING_LINE = re.compile(r"^(\d+)\.\s+(\S.{0,100})$")
ITEM_LINE = re.compile(r"^\d+\)\s")
NUMBERED_LINE = re.compile(r"^\d+\.\s")
BULLET_LINE = re.compile(r"^\s*[-•*](?:\s+|$)")
# "3.1 Текст" beside "1.1. Текст": a clause label printed without its final dot (an appendix, a
# second author); only labels of two levels or more, so "8 (727) 312-45-67" or "050000, г. Алматы"
# in the bank details never become one
UNDOTTED_CLAUSE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)[ \t]+(?=[«\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# "2 Порядок внесения платежей" followed by its clauses "2.1 ...": a section number without the dot
UNDOTTED_HEADING = re.compile(r"^(\d{1,2})[ \t]+([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^.;:,]{2,100})$")


@dataclass
class ImportedDocument:
    lang: str
    markdown: str
    path: Path
    first_line: int
    last_line: int
    clauses: int
    source_lang: str = "ru"
    origin: str = "original"
    first_where: str = ""
    last_where: str = ""


@dataclass
class ImportResult:
    source: str
    encoding: str
    kind: str = "text"
    documents: list[ImportedDocument] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)

    def summary(self) -> str:
        """ "31 clauses, 12 guesses, 2 pieces of page furniture left out"."""
        clauses = sum(d.clauses for d in self.documents)
        return (
            f"{clauses} clause{'s' * (clauses != 1)}, {len(self.guesses)} guess{'es' * (len(self.guesses) != 1)}, "
            f"{len(self.leftovers)} piece{'s' * (len(self.leftovers) != 1)} of page furniture left out"
        )

    def report(self) -> dict:
        """Everything the import guessed and left out, for ``--report FILE.json``."""
        return {
            "source": self.source,
            "kind": self.kind,
            "encoding": self.encoding,
            "summary": self.summary(),
            "documents": [
                {
                    "lang": d.lang,
                    "path": str(d.path),
                    "clauses": d.clauses,
                    "source_lang": d.source_lang,
                    "origin": d.origin,
                }
                for d in self.documents
            ],
            "guesses": [{"where": g.where, "kind": g.kind, "message": g.message} for g in self.guesses],
            "left_out": [{"where": x.where, "kind": x.kind, "text": x.text} for x in self.leftovers],
        }


@dataclass
class _Block:
    kind: str  # title, heading, clause, item, bullet, paragraph
    text: str
    line: int


def _is_heading(text: str) -> bool:
    m = HEADING_LINE.match(text)
    if not m:
        return False
    title = m.group(2).rstrip()
    return title[-1] not in ".;,:" and (title[0].isupper() or title[0].isdigit())


def _classify(text: str) -> str:
    if CLAUSE_START.match(text):
        return "clause"
    if _is_heading(text):
        return "heading"
    if NUMBERED_LINE.match(text):
        return "clause"
    if ITEM_LINE.match(text):
        return "item"
    if BULLET_LINE.match(text):
        return "bullet"
    return "paragraph"


def _blocks(lines: list[str], first_line: int, lang: str, repairs: Repairs) -> list[_Block]:
    # one Line at a time (a long text would otherwise keep thousands alive for the garbage collector to walk)
    labels = learn_labels(Line(text, first_line + i) for i, text in enumerate(lines) if text.strip())
    blocks: list[_Block] = []
    current: _Block | None = None
    last_clause: list = [None]
    seen_text = False
    for i, raw in enumerate(lines):
        if not raw.strip():  # a blank line only ends the block before it
            current = None
            continue
        pieces = split_line(Line(raw, first_line + i), labels, last_clause, repairs)
        for index, piece in enumerate(pieces):
            text = piece.text
            kind = _classify(text)
            if kind == "bullet":
                content = BULLET_LINE.sub("", text, count=1).strip()
                if not content:
                    repairs.note(piece.source_line, _("dropped an empty '-' bullet"))
                    continue
                if text != "- " + content:
                    if text.startswith((" ", "\t")):
                        repairs.note(piece.source_line, _("removed the indentation of a bullet"))
                    text = "- " + content
            if not seen_text:
                seen_text = True
                if kind in ("paragraph", "bullet"):
                    title = BULLET_LINE.sub("", text, count=1).strip() if kind == "bullet" else text
                    if kind == "bullet":
                        repairs.note(piece.source_line, _("took the first line, written as a bullet, as the title"))
                    current = _Block("title", title, piece.source_line)
                    blocks.append(current)
                    current = None
                    continue
            if kind == "paragraph" and index == 0 and current is not None and current.kind not in ("title", "heading"):
                if should_join(current.text, text, current.kind in ("item", "bullet")):
                    current.text, mended = glue(current.text, text, lang)
                    if mended:
                        repairs.note(piece.source_line, _("a word was broken across lines; joined it"))
                    continue
            if kind == "paragraph" and index > 0 and current is not None and current.kind not in ("title", "heading"):
                # a piece split off a line is never glued back to what it was split from
                pass
            current = _Block(kind, text, piece.source_line)
            blocks.append(current)
    return blocks


BOLD_LINE = re.compile(r"^\*\*(?P<title>[^*\n]{2,120})\*\*$")  # a paragraph that is one bold run, nothing else


def _headed_sections(blocks: list[_Block], repairs: Repairs) -> list[_Block]:
    """A text without clause numbers (many app policies): its bold one-line paragraphs are its headings.

    Web pages and Word files without numbering mark their headings only by bold type; they become
    ``## Heading`` sections (addresses ``#sec-x1``...), so the document still has a structure that
    the checker aligns by heading and paragraph order. Said once, as a note, never an error.
    """
    if any(block.kind == "clause" or (block.kind == "heading" and block.text[:1].isdigit()) for block in blocks):
        return blocks  # numbered clauses or sections: the numbering is the structure
    first = next((b for b in blocks if b.kind != "title"), None)
    for block in blocks:
        m = BOLD_LINE.match(block.text)
        if (
            block.kind == "paragraph"
            and m
            and m.group("title").rstrip()[-1:] not in ".;,:"
            and m.group("title")[0].isupper()
        ):
            block.kind, block.text = "heading", m.group("title").strip()
    if first is not None:
        repairs.note(first.line, _("no clause numbers found: imported as headed sections and paragraphs"), "note")
    return blocks


def _dot_labels(lines: list[str], first_line: int, repairs: Repairs) -> list[str]:
    """Labels printed without their final dot ("1.1 Текст", "2 Порядок" before its "2.1") written with it.

    The only change the import makes to a label; done on the source lines themselves, so that the
    verification compares the rest letter by letter, and each one reported."""
    out = list(lines)
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not text[:1].isdigit():
            continue
        if m := UNDOTTED_CLAUSE.match(text):
            out[i] = f"{m.group(1)}. {text[m.end() :]}"
            repairs.note(
                first_line + i,
                _("clause {number} is printed without the final dot; wrote it as {number}.").format(number=m.group(1)),
            )
        elif (m := UNDOTTED_HEADING.match(text)) and _own_clause_follows(lines, i, m.group(1)):
            out[i] = f"{m.group(1)}. {m.group(2)}"
            repairs.note(
                first_line + i,
                _("section {number} is printed without the final dot; wrote it as {number}.").format(number=m.group(1)),
            )
    return out


def _own_clause_follows(lines: list[str], index: int, number: str) -> bool:
    """Is the next numbered line after ``index`` a clause of section ``number`` ("2 Порядок" then "2.1 ...")?"""
    for text in lines[index + 1 : index + 6]:
        if m := re.match(r"^(\d+)\.\d", text.strip()):
            return m.group(1) == number
    return False


def _render(blocks: list[_Block]) -> str:
    out: list[str] = []
    prev: _Block | None = None
    for block in blocks:
        same_list = prev is not None and prev.kind == block.kind and block.kind in ("item", "bullet")
        if prev is not None and not same_list:
            out.append("")
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"## {block.text}")
        else:
            out.append(block.text)
        prev = block
    return "\n".join(out) + "\n"


# List and heading markers the importer may add, drop or move; removed the same way on both sides.
# Each pattern starts with its marker character (or the newline before it), so the regex engine
# skips ahead quickly on a long text. The hashes at the start of a line ("^[ \t]*#[# \t]*" with
# re.M) are removed as "the first line's" plus "each newline's", which a literal prefix finds fast.
_FIRST_HASHES = re.compile(r"[ \t]*#[# \t]*")
_LINE_HASHES = re.compile(r"\n[ \t]*#[# \t]*")
_COLON_DASH = re.compile(r":[ \t]*-(?=\S)")
_BULLET_MARK = re.compile(r"[-•*](?<![^\s:][-•*])(?!\S)")
_BOLD_MARK = re.compile(r"\*\*")  # a bold run may become a heading: its asterisks are markup, not words


def _strip_hashes(text: str) -> str:
    if "#" not in text:  # a source text seldom has one
        return text
    if m := _FIRST_HASHES.match(text):
        text = text[m.end() :]
    return _LINE_HASHES.sub("\n", text)


def _letters(text: str) -> str:
    """Everything a reader reads (letters, digits, punctuation), without list and heading markers."""
    text = _BULLET_MARK.sub("", _COLON_DASH.sub(":", _strip_hashes(_BOLD_MARK.sub("", text) if "**" in text else text)))
    return "".join(text.split())


def _verify(source: str, body: str, first_line: int, path_name: str) -> None:
    a, b = _letters(source), _letters(body)
    if a == b:
        return
    pos = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    near = a[max(0, pos - 20) : pos + 20]
    raise PolicyError(
        _("the importer would change the text near '{near}'; nothing was written (please report this)").format(
            near=near
        ),
        path_name,
        first_line,
    )


def _sentence_case(title: str) -> str:
    return title[0] + title[1:].lower() if title.isupper() else title


def import_text(
    text: str,
    source_name: str,
    doc_id: str,
    docs_dir: Path,
    **options,
) -> ImportResult:
    """Turn one raw text into Markdown documents, one per language it contains (nothing is written)."""
    extracted = extract_text(text.encode("utf-8"), source_name)
    return import_extracted(extracted, source_name, doc_id, docs_dir, **options)


def import_extracted(
    extracted: Extracted,
    source_name: str,
    doc_id: str,
    docs_dir: Path,
    *,
    product: str | None = None,
    operators: dict[str, str] | None = None,
    notice_days: int = 7,
    titles: dict[str, str] | None = None,
    lang: str | None = None,
    source_lang: str | None = None,
    origin: str | None = None,
) -> ImportResult:
    """Turn the lines read from any kind of file into Markdown documents, one per language (nothing is written)."""
    try:
        return _import(
            extracted,
            source_name,
            doc_id,
            Path(docs_dir),
            product=product,
            operators=operators,
            notice_days=notice_days,
            titles=titles,
            lang=lang,
            source_lang=source_lang,
            origin=origin,
        )
    except PolicyError as exc:
        if exc.path == source_name and isinstance(exc.line, int):  # a pipeline line: say where it was in the file
            exc.line = extracted.where(exc.line)
        raise


def _import(
    extracted, source_name, doc_id, docs_dir, *, product, operators, notice_days, titles, lang, source_lang, origin
) -> ImportResult:
    if not frontmatter.DOC_ID.match(doc_id):
        raise PolicyError(
            _("--doc must look like 'product/name' in lower-case Latin letters, digits and '-', not '{doc_id}'").format(
                doc_id=doc_id
            )
        )
    for value in (lang, source_lang):
        if value is not None and value not in LANGUAGES:
            raise PolicyError(
                _("unknown language '{lang}'; use one of: {choices}").format(lang=value, choices=", ".join(LANGUAGES))
            )
    if origin is not None and origin not in ("operator", "translation"):
        raise PolicyError(_("--origin must be 'operator' or 'translation', not '{origin}'").format(origin=origin))
    lines = [line.text for line in extracted.lines]
    if not re.search(r"[^\W\d_]", "\n".join(lines)):
        raise PolicyError(_("has no letters, only numbers or signs: this is not a policy text"), source_name)
    result = ImportResult(source_name, extracted.encoding, extracted.kind, leftovers=list(extracted.leftovers))
    repairs = Repairs()
    segments = segment(lines) if lang is None else [Segment(lang, 0, len(lines))]
    seen: dict[str, int] = {}
    for seg in segments:
        if seg.lang in seen:
            raise PolicyError(
                _(
                    "the text switches back to '{lang}' here after another language; split the file so "
                    "that each language comes in one piece"
                ).format(lang=seg.lang),
                source_name,
                seg.start + 1,
            )
        seen[seg.lang] = seg.start + 1
    langs = [seg.lang for seg in segments]
    source_lang = family.source_language(docs_dir, doc_id, langs, source_lang)
    product = product or doc_id.split("/")[0]
    for seg in segments:
        part = lines[seg.start : seg.end]
        if not any(line.strip() for line in part):
            continue
        part = _dot_labels(part, seg.start + 1, repairs)
        blocks = _headed_sections(_blocks(part, seg.start + 1, seg.lang, repairs), repairs)
        title = next((b.text for b in blocks if b.kind == "title"), None)
        if title is None:
            title = (titles or {}).get(seg.lang) or DEFAULT_TITLES[seg.lang]
            repairs.note(
                seg.start + 1,
                _("no title line in the {lang} text; the header says '{title}'").format(lang=seg.lang, title=title),
            )
        elif (titles or {}).get(seg.lang):
            title = titles[seg.lang]
        body = _render(blocks)
        _verify("\n".join(part), body, seg.start + 1, source_name)
        doc_origin = family.origin_of(seg.lang, source_lang, langs, origin)
        header = {
            "id": doc_id,
            "title": _sentence_case(title),
            "lang": seg.lang,
            "product": product,
            "operator": (operators or {}).get(seg.lang) or (operators or {}).get("*") or product,
            "notice_days": notice_days,
            "status": "draft",
            "source_lang": source_lang,
            "origin": doc_origin,
        }
        if doc_origin == "translation":
            header["reviewed"] = False
        markdown = frontmatter.dump(header) + "\n" + body
        path = docs_dir / seg.lang / f"{doc_id}.md"
        doc = parse_text(markdown, path)  # the output must itself be a valid policy
        result.documents.append(
            ImportedDocument(
                seg.lang,
                markdown,
                path,
                seg.start + 1,
                seg.end,
                sum(1 for _ in doc.clauses()),
                source_lang,
                doc_origin,
                extracted.where(seg.start + 1),
                extracted.where(seg.end),
            )
        )
    for guess in repairs.guesses:
        guess.where = extracted.where(guess.line)
    notes = [Guess(0, n.message, n.kind, n.where) for n in extracted.notes]
    result.guesses = notes + sorted(repairs.guesses, key=lambda g: g.line)
    return result


def import_file(
    source: Path,
    doc_id: str,
    docs_dir: Path,
    *,
    force: bool = False,
    dry_run: bool = False,
    accept_changes: bool = False,
    progress=None,
    **options,
) -> ImportResult:
    """Import ``source`` (Word, PDF, web page or text) and write its languages under ``docs_dir``; all or nothing."""
    source = Path(source)
    data = formats.read_source(source)
    kind = formats.detect(data, source)
    extracted = formats.extract(
        data, source, kind, formats.Options(accept_changes=accept_changes, lang=options.get("lang"), progress=progress)
    )
    if not extracted.lines:
        raise PolicyError(_("no text found to import in this {kind}").format(kind=_(formats.NAMES[kind])), source)
    result = import_extracted(extracted, str(source), doc_id, docs_dir, **options)
    if not result.documents:
        raise PolicyError(_("no text found to import"), source)
    if not force:
        for doc in result.documents:
            if doc.path.exists():
                raise PolicyError(
                    _("{path} already exists; nothing was written (use --force to replace it)").format(path=doc.path),
                    source,
                )
    if not dry_run:
        try:
            atomic_write_many([(doc.path, doc.markdown.encode("utf-8")) for doc in result.documents])
        except OSError as exc:
            raise PolicyError(
                _("could not write {filename} ({reason}); no file was changed").format(
                    filename=exc.filename or "the output", reason=exc.strerror or exc
                ),
                source,
            ) from None
    return result
