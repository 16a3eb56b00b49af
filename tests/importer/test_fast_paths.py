"""The import's fast algorithms give exactly what the plain ones they replaced gave.

Each reference below is the earlier, obviously-correct implementation, kept here verbatim
in substance; hypothesis feeds both the same random input and the results must be equal.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from policydocs.importer import pipeline, repair
from policydocs.importer import segment as seg
from policydocs.importer.formats import docx as docx_reader
from policydocs.importer.formats import numbering
from policydocs.languages import KAZAKH_LETTERS, LANGUAGES, count_letters, letter_counts

# --- references: the implementations before the speed work ---------------------------------


class _Scripts(dict):
    def __missing__(self, code: int) -> None:
        return None


_SCRIPTS = _Scripts({code: None for code in range(0x2200)})
_SCRIPTS.update({ord(ch): "L" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
_SCRIPTS.update({code: "C" for code in range(0x0400, 0x0500)})
_SCRIPTS.update({ord(ch): "K" for ch in KAZAKH_LETTERS})


def reference_counts(text: str) -> tuple[int, int, int]:
    scripts = text.translate(_SCRIPTS)
    kazakh = scripts.count("K")
    return scripts.count("L"), scripts.count("C") + kazakh, kazakh


def reference_costs(line: str) -> dict[str, float]:
    if not line or line.isspace():
        return dict.fromkeys(LANGUAGES, 0.0)
    latin, cyrillic, kazakh = reference_counts(line)
    weight = min(latin + cyrillic, 60)
    if weight == 0:
        return dict.fromkeys(LANGUAGES, 0.0)
    if latin > cyrillic:
        return {"en": 0.0, "ru": weight / 10, "kk": weight / 10}
    if kazakh:
        return {"kk": 0.0, "ru": weight / 10, "en": weight / 10}
    return {"ru": 0.0, "kk": weight / 40, "en": weight / 10}


def reference_path(emissions: list[dict[str, float]], languages: tuple[str, ...]) -> list[str]:
    inf = float("inf")
    cost = {lang: 0.0 for lang in languages}
    back: list[dict[str, str]] = []
    for emit in emissions:
        new_cost: dict[str, float] = {}
        pointers: dict[str, str] = {}
        for lang in languages:
            best_prev, best = lang, cost[lang]
            for prev in languages:
                c = cost[prev] + (seg.SWITCH_COST if prev != lang else 0.0)
                if c < best:
                    best_prev, best = prev, c
            new_cost[lang] = best + emit.get(lang, inf)
            pointers[lang] = best_prev
        back.append(pointers)
        cost = new_cost
    lang = min(languages, key=lambda lang_: cost[lang_])
    path = [lang]
    for pointers in reversed(back[1:]):
        lang = pointers[lang]
        path.append(lang)
    path.reverse()
    return path


# --- random input: pieces of real policy lines in the three languages, and odd characters -----

CHARS = st.characters(codec=None, exclude_categories=())  # any code point, surrogates included
LETTERS = st.sampled_from(list("аяёЁъэЭәғқңөұүһіӘҒҚҢӨҰҮҺІazAZЀӿѢ҂҃ \t.,:;—«»0123456789") + ["İ", "ß", "ﬁ", "😀"])
text = st.one_of(st.text(CHARS, max_size=40), st.text(LETTERS, max_size=80))

WORDS = {
    "ru": "Оператор обрабатывает персональные данные пользователя в течение 10 (десяти) рабочих дней".split(),
    "kk": "Оператор дербес деректерді 10 (он) жұмыс күні ішінде өңдейді, 500 000 (бес жүз мың) теңгеден".split(),
    "en": "The operator processes personal data of the user within 10 (ten) business days".split(),
    "other": "Телефон: +7 (727) 123-45-67 e-mail: info@example.kz БИН 123456789012 —".split(),
}
line = st.one_of(
    st.just(""),
    st.just("   "),
    st.builds(" ".join, st.lists(st.sampled_from(sum(WORDS.values(), [])), min_size=1, max_size=20)),
    st.sampled_from(sorted(WORDS)).flatmap(
        lambda lang: st.builds(" ".join, st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=25))
    ),
    st.text(LETTERS, max_size=70),
)
languages = st.one_of(
    st.just(LANGUAGES),
    st.permutations(LANGUAGES).map(tuple),
    st.lists(st.sampled_from(LANGUAGES + ("de",)), min_size=1, max_size=4, unique=True).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(text)
def test_letter_counts_equal_the_translate_table(value):
    assert letter_counts(value) == reference_counts(value)
    counts = count_letters(value)
    assert (counts.latin, counts.cyrillic, counts.kazakh) == reference_counts(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(line, min_size=1, max_size=60), languages)
def test_viterbi_equals_the_dict_based_pass(lines, langs):
    emissions = [seg._costs(x) for x in lines]
    for x, emit in zip(lines, emissions):
        assert dict(zip(LANGUAGES, emit)) == reference_costs(x)
    assert seg._viterbi(emissions, langs) == reference_path([reference_costs(x) for x in lines], langs)


# costs that often tie (a switch costs 8.0 = 6.0 + 2.0 = 4 * 2.0 ...), to pin down the tie rules
cost = st.sampled_from([0.0, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(cost, cost, cost), min_size=1, max_size=30), languages)
def test_viterbi_breaks_ties_as_the_dict_based_pass(emissions, langs):
    as_dicts = [dict(zip(LANGUAGES, emit)) for emit in emissions]
    assert seg._viterbi(emissions, langs) == reference_path(as_dicts, langs)


def test_letter_counts_on_a_kazakh_and_a_russian_line():
    assert letter_counts("Оператор дербес деректерді өңдейді (info@example.kz)") == (13, 31, 4)
    assert letter_counts("Оператор обрабатывает данные") == (
        0,
        26,
        0,
    )  # no Kazakh letter: the prefilter skips the count


# --- Word lists: a level's lvlText with its counters written in ---------------------------------


def reference_label_text(level, levels, counters) -> str:
    def number(m):
        k = int(m.group(1)) - 1
        other = levels.get(k, numbering.DEFAULT_LEVEL)
        fmt = other.fmt
        if fmt in ("bullet", "none"):  # a level without a number prints nothing in the label
            fmt = "none"
        elif level.legal and fmt != "decimalZero":
            fmt = "decimal"
        return numbering.format_number(counters.get(k, other.start), fmt)

    return numbering.PLACEHOLDER.sub(number, level.text).strip()


FORMATS = ["decimal", "lowerLetter", "upperRoman", "russianLower", "decimalZero", "bullet", "none"]
level_st = st.builds(
    numbering.Level,
    start=st.integers(0, 30),
    fmt=st.sampled_from(FORMATS),
    text=st.text(st.sampled_from(list("%%%1234590.)( -§а")), max_size=12),
    legal=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    level_st,
    st.dictionaries(st.integers(0, 8), level_st, max_size=5),
    st.dictionaries(st.integers(0, 8), st.integers(0, 40), max_size=6),
)
def test_label_text_equals_the_regex_substitution(level, levels, counters):
    assert numbering.label_text(level, levels, counters) == reference_label_text(level, levels, counters)


# --- Word paragraphs: runs of (text, bold) joined into one line --------------------------------


def reference_render(pieces) -> str:
    merged: list[list] = []
    for i, (value, bold) in enumerate(pieces):
        if not value.strip():
            nxt = next((b for t, b in pieces[i + 1 :] if t.strip()), False)
            bold = bold and nxt and bool(merged) and merged[-1][1]
        if merged and merged[-1][1] == bold:
            merged[-1][0] += value
        else:
            merged.append([value, bold])
    out = []
    for value, bold in merged:
        if bold and re.search(r"\w", value):
            core = value.strip()
            lead = value[: len(value) - len(value.lstrip())]
            trail = value[len(value.rstrip()) :]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(value)
    return re.sub(r"[ \t\u00a0]+", " ", "".join(out)).strip()


run_text = st.lists(
    st.sampled_from(list("Пункт өңдеу ab1 ,.;:-") + ["  ", "\t", "\u00a0", "\n", "\u2009", "**"]), max_size=12
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(run_text, st.one_of(st.just(False), st.booleans())), max_size=8))
def test_word_runs_join_as_before(pieces):
    assert docx_reader._Reader._render(pieces) == reference_render(pieces)


# --- verification: the letters of a text without list and heading markers ----------------------


def reference_letters(value: str) -> str:
    value = value.replace("**", "")  # bold markup (a bold line may become a heading)
    value = re.sub(r"^[ \t]*#[# \t]*", "", value, flags=re.M)
    value = re.sub(r":[ \t]*-(?=\S)", ":", value)
    value = re.sub(r"[-•*](?<![^\s:][-•*])(?!\S)", "", value)
    return "".join(value.split())


marked = st.lists(
    st.sampled_from(["#", "##", " ", "\t", "\n", "\r\n", ":", "-", "•", "*", "Пункт", "1.2.", "ә", "a"]), max_size=30
).map("".join)


@settings(max_examples=400, deadline=None)
@given(marked)
def test_verification_letters_equal_the_line_anchored_regexes(value):
    assert pipeline._letters(value) == reference_letters(value)


# --- repairs: labels learnt from line starts, and lines split where extraction glued them ------

REFERENCE_GLUED = re.compile(r"(?<=[.;:!?»)])\s+(\d+(?:\.\d+)+)\.\s")


def reference_learn_labels(lines) -> set[str]:
    counts: dict[str, int] = {}
    for line in lines:
        value = line.text.strip()
        if repair.CLAUSE_START.match(value) or value.startswith("-"):
            continue
        head = " ".join(value.split()[:8])
        cut = min((i for i in (head.find(":"), head.find(" —")) if i > 0), default=-1)
        if cut <= 0:
            continue
        m = repair.LABEL_HEAD.match(head[:cut])
        if m and len(m.group(1)) >= 4:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return {label for label, n in counts.items() if n >= 2}


def reference_split_line(line, labels, last_clause, repairs):
    """split_line as it was, with the look-behind pattern."""
    pieces = [line.text]
    out: list[str] = []
    for piece in pieces:
        start = 0
        for m in REFERENCE_GLUED.finditer(piece):
            number = repair._number(m.group(1))
            current = last_clause[0]
            head_num = repair.CLAUSE_START.match(piece[start:].strip())
            if head_num:
                current = repair._number(head_num.group(1))
            if repair.plausible_next(current, number):
                out.append(piece[start : m.start()])
                start = m.start(1)
                last_clause[0] = number
                repairs.note(
                    line.source_line, f"clause {m.group(1)} was glued to the previous text; moved to its own line"
                )
        out.append(piece[start:])
    pieces = out
    for piece in pieces:
        if m := repair.CLAUSE_START.match(piece.strip()):
            last_clause[0] = repair._number(m.group(1))
    if labels:
        label_re = repair._label_pattern(frozenset(labels))
        out = []
        for piece in pieces:
            start = 0
            for m in label_re.finditer(piece):
                pos = m.end()
                if pos <= start or not piece[start : m.start()].strip():
                    continue
                rest = piece[pos:]
                words = rest.split()
                if not (len(words) <= 2 and not re.search(r"[:—]", rest) or re.search(r"[:—]", " ".join(words[:9]))):
                    continue
                out.append(piece[start : m.start()])
                start = pos
                repairs.note(
                    line.source_line,
                    f"'{rest.split(':')[0].split(' —')[0].strip()[:40]}' was glued to the previous sentence; started a new paragraph",
                )
            out.append(piece[start:])
        pieces = out
    out = []
    for piece in pieces:
        parts = repair._split_keep(piece, repair.COLON_GLUE)
        if len(parts) > 1:
            repairs.note(line.source_line, "text after a colon was glued without a space; started a new paragraph")
        for part in parts:
            sub = repair._split_keep(part, repair.RUN_IN_BULLET, keep_marker="- ")
            if len(sub) > 1:
                repairs.note(
                    line.source_line, "a list item was run into the text ('...:- item'); moved it to its own line"
                )
            out.extend(sub)
    return [repair.Line(p.strip(), line.source_line) for p in out if p.strip()]


# fragments of lines PDF extraction glues together: sentence ends, clause numbers, labels, run-in bullets
glued = st.lists(
    st.sampled_from(
        [
            "Оператор обрабатывает данные",
            "данные.",
            "сроки;",
            "«Тест»",
            "(далее — Оператор)",
            ":",
            ".",
            ";",
            "!",
            "?",
            "»",
            ")",
            " ",
            "  ",
            "\t",
            " 2.4. ",
            " 2.3.1. ",
            " 3. ",
            "1.2.3. ",
            " 2.4.",
            " 1.1. ",
            "٣.٤. ",
            " 10 (десяти) ",
            "2.3.1.",
            "Срок хранения ПДн",
            "Срок хранения ПДн: 5 лет",
            " — ",
            "Цель:",
            "Цель обработки —",
            ":Цель",
            ":- Имя",
            ": - Имя;",
            "Оператор:",
            "ПДн:- Имя;",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    glued,
    st.sampled_from([None, (1,), (2, 3), (2, 3, 7), (1, 1)]),
    st.sampled_from([set(), {"Срок хранения ПДн"}, {"Цель", "Оператор"}]),
)
def test_lines_split_as_before(value, last, labels):
    state, repairs = [last], repair.Repairs()
    expected_state, expected_repairs = [last], repair.Repairs()
    got = repair.split_line(repair.Line(value, 7), labels, state, repairs)
    assert got == reference_split_line(repair.Line(value, 7), labels, expected_state, expected_repairs)
    assert state == expected_state and repairs == expected_repairs


@settings(max_examples=300, deadline=None)
@given(st.lists(glued, max_size=12))
def test_labels_are_learnt_as_before(values):
    lines = [repair.Line(v, i) for i, v in enumerate(values)]
    assert repair.learn_labels(lines) == reference_learn_labels(lines)


# --- Word XML: the first child with a tag, as lxml's find gives it ------------------------------

CHILD_TAGS = [docx_reader.PPR, docx_reader.NUMPR, docx_reader.ILVL, docx_reader.RPR, docx_reader.B, "{urn:other}pPr"]
child_kind = st.sampled_from(CHILD_TAGS + ["comment", "pi"])


@settings(max_examples=300, deadline=None)
@given(st.lists(child_kind, max_size=9))
def test_first_child_lookup_is_lxml_find(kinds):
    parent = etree.Element(docx_reader.P)
    for kind in kinds:
        if kind == "comment":
            parent.append(etree.Comment("w:pPr"))
        elif kind == "pi":
            parent.append(etree.ProcessingInstruction("pPr", "x"))
        else:
            etree.SubElement(parent, kind)
    for tag in CHILD_TAGS:
        assert docx_reader._child(parent, tag) is parent.find(tag)
