"""Sentences of a clause and its translation, aligned by length and anchors: which sentence has no counterpart.

Inside two clauses already aligned by number, the sentences are aligned in the manner of
Gale and Church (1993): a translation's sentence is about as long as its source sentence
times the ratio of the two texts' lengths, so a dynamic programme picks the cheapest way
to pair them in order, one with one, two with one, one with two, two with two, or one with
none. Numbers, e-mails, web addresses, Latin names (those both texts have), quotation
marks and question marks are anchors: a pair that shares them is cheaper, a pair that
disagrees on them dearer. A source sentence paired with none is "missing" from the
translation, a translation sentence paired with none is "added".

The evidence is strong (an error) when the lone sentence holds an anchor the other text
lacks altogether, or when pairing it with a neighbour instead costs much more than leaving
it alone; otherwise it is a warning. The programme runs in a band around the diagonal, so
its work grows with the clause's length, not its square; it runs only where the two
clauses have different numbers of sentences, and not at all beyond MAX_SENTENCES.
"""

from __future__ import annotations

import math
import re

# a sentence ends at . ! ? or … (closing quotes and brackets may follow) before a space and a capital,
# a digit, or an opening quote
_END_RE = re.compile(r"[.!?…][»\"”')\]]*(?=\s+[«\"“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\.?$")
ABBREVIATIONS = {
    "ru": "г гг т е д ул пр п пп ст см тыс млн млрд руб коп им др каб корп стр тел эл рис табл прим вкл искл "
    "напр мин макс ч мес нед дн тг долл",
    "kk": "ж жж б т көш үй тел бап тар мин макс млн млрд мың тг",
    "en": "e g i etc no nos mr mrs ms dr st inc ltd co art cl para vs approx min max p pp jan feb mar apr jun jul "
    "aug sep sept oct nov dec u s",
}
_ABBR = {lang: frozenset(words.split()) for lang, words in ABBREVIATIONS.items()}
# abbreviations that usually close a list, so also a sentence when a capital follows: "и т. д. Вся информация"
FINAL_ABBR_RE = re.compile(r"(?:\bт\.\s?[дпб]|\bт\.\s?с\.\s?с|\bдр|\betc)$", re.I)
ANCHOR_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\d+(?:[ \u00a0.,]\d+)*|\b[A-Z][A-Za-z]+\b")
MIN_SENTENCE = 20  # characters: a shorter lone sentence ("См. выше.") is not reported
BAND = 10  # sentences either side of the diagonal
VARIANCE = 6.8  # Gale and Church's variance of the length difference per character
# prior probabilities of each kind of pair: Gale and Church's (1993, table 5), except that a lone sentence
# is as likely as two sentences merged into one. Their corpus rarely left sentences out; here the
# programme runs only where the counts differ, so the question is exactly "merged or left out?",
# and the lengths should decide it, not a prior ten times against leaving out.
PRIORS = {(1, 1): 0.89, (1, 0): 0.089 / 2, (0, 1): 0.089 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
MAX_SENTENCES = 200  # per clause; a longer "clause" is a pasted document, not a provision to align
# extra cost (in nats) of the best alignment without lone sentences that makes the evidence strong:
# leaving the sentence out explains the lengths about 20 times better than merging it
STRONG_MARGIN = 3.0


def may_have_several(text: str) -> bool:
    """Cheap test before splitting: can the text hold two sentences at all?"""
    return ". " in text or "! " in text or "? " in text or "… " in text


def split(text: str, lang: str) -> list[str]:
    """The sentences of a clause's text; abbreviations ("г.", "т.е.", "e.g.") and initials do not end one."""
    abbr = _ABBR.get(lang, _ABBR["en"])
    out: list[str] = []
    start = 0
    for m in _END_RE.finditer(text):
        if text[m.start()] == "." and not FINAL_ABBR_RE.search(text, max(0, m.start() - 10), m.start()):
            w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
            word = w.group(1) if w else ""
            if (
                word.lower() in abbr
                or (len(word) == 1 and word.isalpha())
                or not word
                and m.start()
                and text[m.start() - 1].isdigit()
                and _numbering_dot(text, m.start())
            ):
                continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def _numbering_dot(text: str, i: int) -> bool:
    """'1. Общие положения': the dot of a number that opens the text is a marker, not an end.

    Inside a sentence, "согласно пункту 2.1. Пользователь" ends it: a reference in the middle
    of a sentence is written without a final dot in the texts we have seen.
    """
    j = i
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] == "."):
        j -= 1
    return j == 0


_QUOTES = '«»“”"'


def anchors(sentence: str) -> frozenset[str]:
    """Numbers, e-mails, addresses, capitalised Latin words, and quotation and question marks."""
    out = {"«»"} if any(q in sentence for q in _QUOTES) else set()
    if "?" in sentence:
        out.add("?")
    for m in ANCHOR_RE.finditer(sentence):
        a = m.group(0)
        if a[0].isdigit():
            a = re.sub(r"[ \u00a0.,]", "", a)
        out.add(a.lower().rstrip(".,;:"))
    return frozenset(out)


def _length_cost(ls: int, lt: int, ratio: float) -> float:
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / ratio) / 2 if ratio > 0 else ls
    delta = (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE)
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(max(p, 1e-12))


def _anchor_cost(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return 1.5 * len(a ^ b) - 1.0 * len(a & b)


def _shared_names(src: list[str], tgt: list[str]) -> tuple[list[frozenset], list[frozenset]]:
    """Anchors per sentence; a Latin word counts only if both texts have it (English capitals are not names)."""
    a_src = [anchors(s) for s in src]
    a_tgt = [anchors(t) for t in tgt]
    both = frozenset().union(*a_src) & frozenset().union(*a_tgt)

    def keep(a: frozenset) -> frozenset:  # numbers, addresses and marks always; words only if shared
        return frozenset(x for x in a if x in both or not x[0].isalpha())

    return [keep(a) for a in a_src], [keep(a) for a in a_tgt]


def align(
    src: list[str], tgt: list[str], ratio: float, lone: bool = True
) -> tuple[float, list[tuple[int, int, int, int]]]:
    """The cheapest pairing: (cost, beads (i, di, j, dj) meaning src[i:i+di] with tgt[j:j+dj])."""
    ns, nt = len(src), len(tgt)
    ls = [len(s) for s in src]
    lt = [len(t) for t in tgt]
    a_src, a_tgt = _shared_names(src, tgt)
    moves = [m for m in PRIORS if lone or 0 not in m]
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}

    def in_band(i: int, j: int) -> bool:
        centre = i * nt / ns if ns else 0
        return abs(j - centre) <= BAND + 1

    for i in range(ns + 1):
        centre = i * nt / ns if ns else 0  # the band follows the proportional diagonal: O((ns + nt) * BAND) cells
        lo, hi = max(0, int(centre) - BAND), min(nt, int(centre) + BAND + 1)
        for j in range(lo, hi + 1):
            if (i, j) == (0, 0):
                continue
            best, arg = inf, None
            for di, dj in moves:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or (pi, pj) not in cost:
                    continue
                c = cost[(pi, pj)] - math.log(PRIORS[(di, dj)])
                if di and dj:  # a lone sentence costs its prior only: its length says nothing about a pair
                    c += _length_cost(sum(ls[pi:i]), sum(lt[pj:j]), ratio)
                    c += _anchor_cost(frozenset().union(*a_src[pi:i]), frozenset().union(*a_tgt[pj:j]))
                if c < best:
                    best, arg = c, (di, dj)
            if arg is not None and in_band(i, j):
                cost[(i, j)] = best
                back[(i, j)] = arg
    if (ns, nt) not in cost:
        return inf, []
    beads = []
    i, j = ns, nt
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        i, j = i - di, j - dj
        beads.append((i, di, j, dj))
    beads.reverse()
    return cost[(ns, nt)], beads


def unpaired(src_text: str, tgt_text: str, src_lang: str, lang: str, ratio) -> list[tuple[str, int, str, bool]]:
    """('missing' | 'added', index of the sentence, the sentence, strong evidence?) for each lone sentence.

    ``ratio``: the translation's length per character of the source (a number, or a function
    giving it, called only when the sentences must be aligned).
    """
    if not (may_have_several(src_text) or may_have_several(tgt_text)):
        return []
    # the same number of places where a sentence may end (before abbreviations are told apart): the
    # same number of sentences, unless one language has an abbreviation before a capital just where
    # the other lost a sentence; splitting is skipped, which is most of the rule's time
    if len(_END_RE.findall(src_text)) == len(_END_RE.findall(tgt_text)):
        return []
    src, tgt = split(src_text, src_lang), split(tgt_text, lang)
    if len(src) == len(tgt) or max(len(src), len(tgt)) < 2 or len(src) + len(tgt) > MAX_SENTENCES:
        return []
    ratio = ratio() if callable(ratio) else ratio
    total, beads = align(src, tgt, ratio)
    lone = [(i, di, j, dj) for i, di, j, dj in beads if not (di and dj)]
    lone = [b for b in lone if len(src[b[0]] if b[1] else tgt[b[2]]) >= MIN_SENTENCE]
    if not lone:
        return []
    without, _ = align(src, tgt, ratio, lone=False)
    margin_strong = without - total >= STRONG_MARGIN
    a_src, a_tgt = _shared_names(src, tgt)
    other_anchors = {"missing": frozenset().union(*a_tgt), "added": frozenset().union(*a_src)}
    out = []
    for i, di, j, _dj in lone:
        side, index, sentence = ("missing", i, src[i]) if di else ("added", j, tgt[j])
        own = a_src[i] if di else a_tgt[j]
        strong = margin_strong or bool(own - other_anchors[side])
        out.append((side, index, sentence, strong))
    return out
