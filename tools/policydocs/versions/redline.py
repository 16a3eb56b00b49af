"""Redlines a lawyer reads at a glance: what changed between two versions of one language.

Clauses are matched across versions first by identical text (so a clause that was only
renumbered or moved shows as such, not as deleted and added), then by address with
similar text (amended), then by similar text anywhere (moved and amended). Inside an
amended clause the difference is word by word (diff-match-patch in word mode,
``diff_cleanupSemantic``, ``Diff_Timeout = 0`` for repeatable, minimal output).
Whitespace and formatting (bold, line wrapping) are not changes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch

from ..document import Document, Kind
from ..html import inline
from ..i18n import N_p, SiteWords, site_word
from ..order import in_order

WORD_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
FORMATTING_RE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")

EQUAL, INSERT, DELETE = 0, 1, -1


@dataclass(frozen=True)
class Unit:
    """One addressable piece of a version: a heading, clause, sub-item, bullet or paragraph."""

    eid: str
    kind: Kind
    marker: str  # the number as written ("2.3.", "3)") or "" for bullets and paragraphs
    text: str  # as written (inline Markdown)
    norm: str  # for comparison: formatting and whitespace removed
    parent: str
    section: str = ""  # the heading of its section as written ("2. Personal data operator"): where a change is


def units(doc: Document) -> list[Unit]:
    heading = ""
    out = []
    for block in doc.content_blocks():
        text = block.text
        if block.kind is Kind.HEADING:
            marker = ""
            heading = "" if block.eid == "title" else normalise(text)
        else:
            marker = block.marker if block.kind in (Kind.CLAUSE, Kind.ITEM) else ""
        out.append(Unit(block.eid, block.kind, marker, text, normalise(text), block.parent, heading))
    return out


def normalise(text: str) -> str:
    return " ".join(FORMATTING_RE.sub("", text).split())


@dataclass
class Change:
    kind: str  # "same", "amended", "added", "removed", "moved"
    old: Unit | None
    new: Unit | None
    words: list[tuple[int, str]] = field(default_factory=list)  # for amended: (op, text)
    renumbered: bool = False

    @property
    def eid(self) -> str:
        return (self.new or self.old).eid  # type: ignore[union-attr]


# --- word diff ------------------------------------------------------------------------

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Word-level diff: each word is one symbol, so edits never split a word."""
    vocabulary: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in WORD_RE.findall(text):
            if token not in vocabulary:
                tokens.append(token)
                vocabulary[token] = chr(
                    len(tokens) + 0xE000 if len(tokens) + 0xE000 < 0xF900 else len(tokens) + 0x20000
                )
            chars.append(vocabulary[token])
        return "".join(chars)

    a, b = encode(old), encode(new)
    decode = {v: k for k, v in vocabulary.items()}
    diffs = _dmp.diff_main(a, b, False)
    _dmp.diff_cleanupSemantic(diffs)
    return [(op, "".join(decode[ch] for ch in chunk)) for op, chunk in diffs]


# --- matching ---------------------------------------------------------------------------


_WORDS_ONLY = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORDS_ONLY.findall(text.lower())


def _similarity(wa: list[str], wb: list[str], threshold: float = 0.0) -> float:
    """Share of words in common (punctuation ignored: 'адрес;' and 'адрес.' are alike).

    Returns 0 early when cheap upper bounds show the pair cannot reach ``threshold``.
    """
    if not wa and not wb:
        return 1.0
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def compare(old_doc: Document, new_doc: Document) -> list[Change]:
    """The changes from ``old_doc`` to ``new_doc``, in the new document's order."""
    old, new = units(old_doc), units(new_doc)
    match: dict[int, int] = {}  # new index -> old index
    used_old: set[int] = set()
    old_by_eid = {u.eid: i for i, u in enumerate(old)}

    # 1. identical text at the same address, then identical text anywhere (renumbered/moved)
    for j, unit in enumerate(new):
        i = old_by_eid.get(unit.eid)
        if i is not None and old[i].norm == unit.norm and old[i].kind == unit.kind:
            match[j] = i
            used_old.add(i)
    by_text: dict[tuple[Kind, str], list[int]] = {}
    for i, unit in enumerate(old):
        if i not in used_old:
            by_text.setdefault((unit.kind, unit.norm), []).append(i)
    for j, unit in enumerate(new):
        if j in match:
            continue
        candidates = by_text.get((unit.kind, unit.norm))
        if candidates and unit.norm:
            i = candidates.pop(0)
            match[j] = i
            used_old.add(i)
    # 2. similar text at the same address, clearly the same clause: amended in place
    words_old = [_words(u.norm) for u in old]
    words_new = [_words(u.norm) for u in new]
    for j, unit in enumerate(new):
        i = old_by_eid.get(unit.eid)
        if j in match or i is None or i in used_old or old[i].kind != unit.kind:
            continue
        if _similarity(words_old[i], words_new[j], 0.9) >= 0.9:
            match[j] = i
            used_old.add(i)
    # 3. similar text anywhere: amended in place, or moved (or renumbered) and amended. The
    # most similar pairs are matched first; the same address is a tie-breaker, not a right.
    free_old = [i for i in range(len(old)) if i not in used_old]
    scored = []
    for j, unit in enumerate(new):
        if j in match:
            continue
        for i in free_old:
            if old[i].kind != unit.kind:
                continue
            same_place = old[i].eid == unit.eid
            threshold = 0.5 if same_place else 0.6
            score = _similarity(words_old[i], words_new[j], threshold)
            if score >= threshold:
                scored.append((score + (0.05 if same_place else 0.0), j, i))
    for _score, j, i in sorted(scored, reverse=True):
        if j not in match and i not in used_old:
            match[j] = i
            used_old.add(i)

    # 4. what is left at the same address, of the same kind, opening with the same word, is
    # that provision rewritten: "Телефон: _____" filled in is amended, not removed and added
    for j, unit in enumerate(new):
        i = old_by_eid.get(unit.eid)
        if j in match or i is None or i in used_old or old[i].kind != unit.kind:
            continue
        if words_old[i][:1] and words_old[i][:1] == words_new[j][:1]:
            match[j] = i
            used_old.add(i)

    pairs = sorted(match.items())  # (new index, old index) in the new document's order
    kept = {pairs[k][0] for k in in_order([i for _, i in pairs])}  # new indexes that did not move
    changes: list[Change] = []
    removed_after: dict[int, list[int]] = {}
    for i in range(len(old)):
        if i not in used_old:
            prev_matched = max((k for k in used_old if k < i), default=-1)
            removed_after.setdefault(prev_matched, []).append(i)
    new_of_old = {i: j for j, i in match.items()}

    def flush_removed(after_old: int) -> None:
        for i in removed_after.pop(after_old, []):
            changes.append(Change("removed", old[i], None))

    flush_removed(-1)
    for j, unit in enumerate(new):
        i = match.get(j)
        if i is None:
            changes.append(Change("added", None, unit))
            continue
        before = old[i]
        renumbered = before.marker != unit.marker and bool(before.marker or unit.marker)
        if j not in kept:
            kind = "moved"
        elif before.norm == unit.norm:
            kind = "same"
        else:
            kind = "amended"
        words = word_diff(before.text, unit.text) if before.norm != unit.norm else []
        changes.append(Change(kind, before, unit, words, renumbered))
        if new_of_old.get(i) == j:
            flush_removed(i)
    for rest in sorted(removed_after):
        flush_removed(rest)
    return changes


# --- summary ----------------------------------------------------------------------------

# The words are in the ``site`` catalogs (key ``redline.<key>``); how they are put together
# (word order, "3-азат жол") is grammar and stays in the code below.
WORDS = SiteWords(
    N_p("redline.added", "added"),
    N_p("redline.amended", "amended"),
    N_p("redline.removed", "removed"),
    N_p("redline.moved", "moved"),
    N_p("redline.renumbered", "renumbered"),
    N_p("redline.none", "No changes to the text"),
    N_p("redline.section", "section"),
    N_p("redline.paragraph", "paragraph"),
    N_p("redline.bullet", "list item"),
    N_p("redline.item", "item"),
    N_p("redline.title", "title"),
    N_p("redline.intro", "introduction"),
    prefix="redline.",
)


# plural of a part's name before several numbers ("paragraphs 3, 4"): the same form for any
# count above one, so a word of its own, not a gettext plural
PLURALS = SiteWords(
    N_p("redline.plural.paragraph", "paragraphs"),
    N_p("redline.plural.bullet", "list items"),
    N_p("redline.plural.item", "items"),
    prefix="redline.plural.",
)

# Where a part is, in each language's word order: "section 2" / "раздел 2" / "2-бөлім";
# "paragraph 3" / "абзац 3" / "3-азат жол" ("3) тармақша" after an item's bracket).
SECTION = N_p("redline.section_n", "section {n}")


def _part(kind_word: str, numbers: str, lang: str) -> str:
    if lang != "kk":
        return f"{kind_word} {numbers}"
    return f"{numbers} {kind_word}" if numbers.endswith(")") else f"{numbers}-{kind_word}"


# The summary names what happened with a plural noun, so the verb agrees whatever follows:
# "Изменены положения: 1.2" (not "Изменено 1.2"), "Өзгертілген ережелер: 1.2" (Kazakh puts
# the participle before its noun, not a Russian verb first).
HEADS = SiteWords(
    N_p("redline.head.added", "added"),
    N_p("redline.head.amended", "amended"),
    N_p("redline.head.removed", "removed"),
    N_p("redline.head.moved", "moved"),
    N_p("redline.head.renumbered", "renumbered"),
    prefix="redline.head.",
)


def _parts(eid: str, lang: str) -> tuple[str, str | None, str | None]:
    """(clause or section, part kind, part number) of an address: 'sec-3-b2' -> ('section 3', 'bullet', '2')."""
    w = WORDS[lang]
    eid = eid.split("--")[0]
    m = re.match(r"^(cl|sec)-([\dx-]+?)(?:-([ipb])(\d+))?$", eid)
    if eid == "title":
        return w["title"], None, None
    if m is None:
        m2 = re.match(r"^pre-([ipb])(\d+)$", eid)
        if m2:
            return w["intro"], {"i": "item", "p": "paragraph", "b": "bullet"}[m2.group(1)], m2.group(2)
        return eid, None, None
    base = m.group(2).replace("-", ".")
    head = base if m.group(1) == "cl" else site_word(SECTION, lang).format(n=base)
    if m.group(3):
        kind = {"i": "item", "p": "paragraph", "b": "bullet"}[m.group(3)]
        return head, kind, f"{m.group(4)})" if kind == "item" else m.group(4)
    return head, None, None


def label(eid: str, lang: str) -> str:
    """A reader's name for an address: 'cl-2-3-1' -> '2.3.1', 'sec-3-b2' -> 'section 3, list item 2'."""
    head, kind, number = _parts(eid, lang)
    return f"{head}, {_part(WORDS[lang][kind], number, lang)}" if kind else head


def _labels(eids: list[str], lang: str) -> str:
    """Several addresses, parts of one clause or section said once: 'section 2, paragraphs 3, 4, 5'."""
    out: list[tuple[str, str | None, list[str]]] = []
    for eid in eids:
        head, kind, number = _parts(eid, lang)
        if kind and out and out[-1][0] == head and out[-1][1] == kind:
            out[-1][2].append(number)
        else:
            out.append((head, kind, [number] if kind else []))
    words, plurals = WORDS[lang], PLURALS[lang]
    return ", ".join(
        f"{head}, {_part(plurals.get(kind, words[kind]) if len(numbers) > 1 else words[kind], ', '.join(numbers), lang)}"
        if kind
        else head
        for head, kind, numbers in out
    )


def summary(changes: list[Change], lang: str) -> str:
    """'Added 2.5; amended 4.2, 5.1; removed 7.3' in the document's language, grammatically."""
    w = WORDS[lang]
    groups: dict[str, list[str]] = {"added": [], "amended": [], "removed": [], "moved": [], "renumbered": []}
    addresses: dict[str, list[str]] = {"added": [], "amended": [], "removed": []}
    for change in changes:
        if change.kind == "same":
            if change.renumbered:
                groups["renumbered"].append(f"{change.old.marker.rstrip('.)')} → {change.new.marker.rstrip('.)')}")
            continue
        if change.kind == "moved":
            groups["moved"].append(f"{label(change.old.eid, lang)} → {label(change.new.eid, lang)}")
            if change.words:
                addresses["amended"].append(change.new.eid)
            continue
        addresses[change.kind].append(change.eid)
    for kind, eids in addresses.items():
        if eids:
            groups[kind].append(_labels(eids, lang))
    parts = [f"{HEADS[lang][key]} {', '.join(items)}" for key, items in groups.items() if items]
    if not parts:
        return w["none"]
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


# What readers see of a header besides the text: a change there is a change of the document too.
HEADER_FIELDS = SiteWords(
    N_p("redline.header.title", "Document title changed to “{}”"),
    N_p("redline.header.product", "Product name changed to “{}”"),
    N_p("redline.header.operator", "Operator name changed to “{}”"),
    prefix="redline.header.",
)


def header_summary(old: Document, new: Document, lang: str) -> str | None:
    """The reader-visible header fields (title, product, operator) that changed, named; None if none did."""
    parts = [
        HEADER_FIELDS.word(name, lang).format(new.front.data.get(name, ""))
        for name in HEADER_FIELDS.english
        if old.front.data.get(name) != new.front.data.get(name)
    ]
    return "; ".join(parts) or None


def version_summary(old: Document, new: Document, lang: str, changes: list[Change] | None = None) -> str:
    """A version's summary in one language: header changes first, then the text's (or 'no changes')."""
    head = header_summary(old, new, lang)
    body = summary(changes if changes is not None else compare(old, new), lang)
    if head is None:
        return body
    return head if body == WORDS[lang]["none"] else f"{head}; {body[0].lower()}{body[1:]}"


# --- rendering --------------------------------------------------------------------------


# A Latin letter put for the Cyrillic one it looks like (or back) is a change no reader can see
LETTERS = N_p("redline.letters", "letters replaced: {old} → {new}")
SCRIPT = SiteWords(
    N_p("redline.script.latin", "Latin"),
    N_p("redline.script.cyrillic", "Cyrillic"),
    prefix="redline.script.",
)
# quotation marks around a letter: “k” in English, «к» in Russian and Kazakh
QUOTE = N_p("redline.quote", "“{}”")


def _script(ch: str) -> str:
    return "latin" if ch.isascii() else "cyrillic"


def letters_only(old: str, new: str) -> list[tuple[str, str]] | None:
    """The letters swapped when two words differ only by one script's letter for the other's, else None."""
    if len(old) != len(new) or old == new:
        return None
    pairs = [(a, b) for a, b in zip(old, new) if a != b]
    if all(
        a.isalpha()
        and b.isalpha()
        and _script(a) != _script(b)
        and (a.lower() == b.lower().translate(_SAME) or b.lower() == a.lower().translate(_SAME))
        for a, b in pairs
    ):
        return pairs
    return None


_SAME = str.maketrans("асеорхукмтпьи", "aceopxykmtnbu")


def letters_note(pairs: list[tuple[str, str]], lang: str) -> str:
    """'заменены буквы: латинские «k», «t» → кириллические «к», «т»'."""
    q = site_word(QUOTE, lang)
    old = ", ".join(q.format(a) for a, _ in pairs)
    new = ", ".join(q.format(b) for _, b in pairs)
    words = SCRIPT[lang]
    return site_word(LETTERS, lang).format(
        old=f"{words[_script(pairs[0][0])]} {old}", new=f"{words[_script(pairs[0][1])]} {new}"
    )


def _words_html(words: list[tuple[int, str]], lang: str = "en") -> str:
    out = []
    for k, (op, text) in enumerate(words):
        core = text.strip()
        # inline Markdown drops the spaces around a fragment; they separate words, so keep them
        rendered = (
            text[: len(text) - len(text.lstrip())] + inline(core) + text[len(text.rstrip()) :]
            if core
            else html.escape(text)
        )
        if op == EQUAL:
            out.append(rendered)
        elif op == INSERT:
            previous = words[k - 1] if k else None
            if previous and previous[0] == DELETE and not previous[1][-1:].isspace() and not text[:1].isspace():
                out.append(" ")  # the deleted and the inserted word would touch: "oldnew"
            out.append(f'<ins class="pd-ins">{rendered}</ins>')
            swapped = letters_only(previous[1].strip(), core) if previous and previous[0] == DELETE else None
            if swapped:
                out.append(f' <span class="pd-letters">({html.escape(letters_note(swapped, lang))})</span>')
        else:
            out.append(f'<del class="pd-del">{rendered}</del>')
    return "".join(out)


NOTES = SiteWords(
    N_p("redline.note.moved", "moved from {where}"),
    N_p("redline.note.renumbered", "was {old}"),
    prefix="redline.note.",
)


def render_html(changes: list[Change], lang: str, only_changes: bool = False, link=None) -> str:
    """A redline as HTML: deletions struck through, insertions underlined (not colour alone).

    With ``only_changes`` each change stands under its section's heading and its own place
    ("2.3", "section 2, paragraph 3"), as the summary cites it; ``link(eid)`` makes that
    place a link to the paragraph in the version's text.
    """
    out = ['<div class="pd-redline">']
    section = None
    for change in changes:
        if only_changes and change.kind == "same" and not change.renumbered:
            continue
        unit = change.new or change.old
        assert unit is not None
        if only_changes:
            if unit.section != section and unit.kind is not Kind.HEADING:
                section = unit.section
                if section:
                    out.append(f'<p class="pd-where">{html.escape(section)}</p>')
            if unit.kind is not Kind.HEADING:
                place = html.escape(label(unit.eid, lang))
                href = link(unit.eid) if link and change.new is not None else None
                out.append(
                    f'<p class="pd-redline-place"><a href="{html.escape(href)}">{place}</a></p>'
                    if href
                    else f'<p class="pd-redline-place">{place}</p>'
                )
        note = ""
        if change.kind == "moved":
            note = NOTES[lang]["moved"].format(where=label(change.old.eid, lang))
        elif change.renumbered:
            note = NOTES[lang]["renumbered"].format(old=change.old.marker.rstrip(".)"))
        marker = html.escape(unit.marker)
        if change.kind == "added":
            body = f'<ins class="pd-ins">{marker} {inline(unit.text)}</ins>'
        elif change.kind == "removed":
            body = f'<del class="pd-del">{marker} {inline(unit.text)}</del>'
        elif change.words:
            old_marker = change.old.marker
            num = (
                f'<del class="pd-del">{html.escape(old_marker)}</del> <ins class="pd-ins">{marker}</ins>'
                if change.renumbered
                else marker
            )
            body = f"{num} {_words_html(change.words, lang)}"
        elif change.renumbered:
            body = f'<del class="pd-del">{html.escape(change.old.marker)}</del> <ins class="pd-ins">{marker}</ins> {inline(unit.text)}'
        else:
            body = f"{marker} {inline(unit.text)}"
        tag = "h3" if unit.kind is Kind.HEADING else "p"
        note_html = f' <span class="pd-redline-note">({html.escape(note)})</span>' if note else ""
        out.append(
            f'<{tag} class="pd-redline-unit pd-{change.kind}" data-eid="{unit.eid}">{body.strip()}{note_html}</{tag}>'
        )
    out.append("</div>")
    return "\n".join(out)


ANSI = {"del": "\x1b[9;31m", "ins": "\x1b[4;32m", "dim": "\x1b[2m", "off": "\x1b[0m"}


def render_text(changes: list[Change], lang: str, colour: bool) -> str:
    """A redline for the terminal: colour and strike/underline on a terminal, [-old-]{+new+} otherwise."""

    def dele(text: str) -> str:
        return f"{ANSI['del']}{text}{ANSI['off']}" if colour else f"[-{text}-]"

    def ins(text: str) -> str:
        return f"{ANSI['ins']}{text}{ANSI['off']}" if colour else f"{{+{text}+}}"

    lines = []
    for change in changes:
        if change.kind == "same" and not change.renumbered:
            continue
        unit = change.new or change.old
        assert unit is not None
        where = label(unit.eid, lang)
        if change.kind == "added":
            lines.append(f"{where}: {ins(unit.marker + ' ' + unit.text if unit.marker else unit.text)}")
        elif change.kind == "removed":
            lines.append(f"{where}: {dele(unit.marker + ' ' + unit.text if unit.marker else unit.text)}")
        else:
            text = (
                "".join(t if op == EQUAL else ins(t) if op == INSERT else dele(t) for op, t in change.words)
                or unit.text
            )
            note = ""
            if change.kind == "moved":
                note = f" ({NOTES[lang]['moved'].format(where=label(change.old.eid, lang))})"
            elif change.renumbered:
                note = f" ({NOTES[lang]['renumbered'].format(old=change.old.marker.rstrip('.)'))})"
            lines.append(f"{where}{note}: {text}")
    return "\n".join(lines)
