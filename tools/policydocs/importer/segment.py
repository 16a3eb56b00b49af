"""Splitting a raw text that holds several languages one after the other.

Legal teams often paste the Russian and the Kazakh (or English) text into one file. Each
line gets a language guess, and a Viterbi pass finds the few places where the language
really changes: a switch is expensive, an odd line (an e-mail, "Телефон: ...", a Russian
word in an English sentence) is cheap, and long lines weigh more than short ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..languages import LANGUAGES, count_letters, guess_language, letter_counts

SWITCH_COST = 8.0


@dataclass(frozen=True)
class Segment:
    lang: str
    start: int  # index of first line (0-based, inclusive)
    end: int  # index after the last line


_ZERO = (0.0, 0.0, 0.0)
_INDEX = {lang: i for i, lang in enumerate(LANGUAGES)}


def _costs(line: str) -> tuple[float, float, float]:
    """What it costs to say ``line`` is ru, kk, en (in ``LANGUAGES`` order): nothing for its script's language."""
    if not line or line.isspace():
        return _ZERO
    latin, cyrillic, kazakh = letter_counts(line)
    weight = min(latin + cyrillic, 60)
    if weight == 0:
        return _ZERO
    if latin > cyrillic:
        return (weight / 10, weight / 10, 0.0)
    if kazakh:
        return (weight / 10, 0.0, weight / 10)
    # Cyrillic without Kazakh letters: Russian, or a short Kazakh line ("Телефон: ...")
    return (0.0, weight / 40, weight / 10)


def segment(lines: list[str], languages: tuple[str, ...] = LANGUAGES) -> list[Segment]:
    """Cut ``lines`` into runs of one language each (at least one segment)."""
    if not lines:
        return []
    path = _viterbi(map(_costs, lines), languages)
    segments: list[Segment] = []
    start = 0
    for i in range(1, len(path) + 1):
        if i == len(path) or path[i] != path[start]:
            segments.append(Segment(path[start], start, i))
            start = i
    return _snap_to_titles(_attach_empty_runs(segments, lines), lines)


def _viterbi(emissions: Iterable[tuple[float, float, float]], languages: tuple[str, ...]) -> list[str]:
    """The cheapest language per line: each line costs its emission, each change of language SWITCH_COST.

    Plain lists of floats instead of dicts, and one pass that carries only the best way into
    each language. Ties keep the language of the line before (then the earlier language), as
    a strict ``<`` over ``languages`` in order does; the property test compares it with the
    dict-based original. The back pointers of one line are packed into one int (``bits`` per
    language), so that a long text leaves no tuples behind for the garbage collector.
    """
    inf = float("inf")
    n = len(languages)
    columns = [_INDEX.get(lang) for lang in languages]
    cost = [0.0] * n
    bits = n.bit_length()
    back: list[int] = []
    if n == 3 and None not in columns:
        a, b, c = columns
        ca = cb = cc = 0.0
        for emit in emissions:
            # best way into each language: stay (ties stay), else the first cheaper in order
            sa, sb, sc = ca + SWITCH_COST, cb + SWITCH_COST, cc + SWITCH_COST
            pa = 0
            best = ca
            if sb < best:
                pa, best = 1, sb
            if sc < best:
                pa, best = 2, sc
            na = best + emit[a]
            pb = 1
            best = cb
            if sa < best:
                pb, best = 0, sa
            if sc < best:
                pb, best = 2, sc
            nb = best + emit[b]
            pc = 2
            best = cc
            if sa < best:
                pc, best = 0, sa
            if sb < best:
                pc, best = 1, sb
            nc = best + emit[c]
            back.append(pa | pb << bits | pc << 2 * bits)
            ca, cb, cc = na, nb, nc
        cost = [ca, cb, cc]
    else:
        for emit in emissions:
            new_cost = []
            pointers = 0
            for j in range(n):
                best_prev, best = j, cost[j]
                for k in range(n):
                    if k != j and cost[k] + SWITCH_COST < best:
                        best_prev, best = k, cost[k] + SWITCH_COST
                new_cost.append(best + (emit[columns[j]] if columns[j] is not None else inf))
                pointers |= best_prev << j * bits
            back.append(pointers)
            cost = new_cost
    # first line: no switch cost before it, pointers there are irrelevant
    state = min(range(n), key=cost.__getitem__)
    path = [state]
    mask = (1 << bits) - 1
    for pointers in reversed(back[1:]):
        state = pointers >> state * bits & mask
        path.append(state)
    path.reverse()
    return [languages[i] for i in path]


def _shape(line: str) -> str | None:
    """How a title line looks: written as a bullet, or in capitals."""
    text = line.strip()
    if text.startswith("- ") or text.startswith("• "):
        return "bullet"
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 5 and all(ch.isupper() for ch in letters):
        return "caps"
    return None


def _fits(line: str, lang: str) -> bool:
    """May ``line`` belong to a ``lang`` text? Short lines fit any; Cyrillic without Kazakh letters fits Kazakh too."""
    if count_letters(line).letters <= 25:  # an e-mail, a phone, "БИН: ..." fit any text
        return True
    guess = guess_language(line)
    return guess in (None, lang) or (guess == "ru" and lang == "kk")


SNAP_WINDOW = 25


def _snap_to_titles(segments: list[Segment], lines: list[str]) -> list[Segment]:
    """Move a language boundary to the second text's title line.

    A text without Kazakh letters near the boundary (an address, "Телефон: ...") is
    ambiguous; the second text's title usually looks like the first text's title (in
    capitals, or written as a bullet), which pins the boundary down.
    """
    first = next((line for line in lines if line.strip()), "")
    shape = _shape(first)
    if shape is None or len(segments) < 2:
        return segments
    out = list(segments)
    for i in range(1, len(out)):
        prev, seg = out[i - 1], out[i]
        b = seg.start
        candidates = [
            c
            for c in range(max(prev.start + 1, b - SNAP_WINDOW), min(seg.end, b + SNAP_WINDOW))
            if _shape(lines[c]) == shape and _fits(lines[c], seg.lang)
        ]
        if not candidates:
            continue
        c = min(candidates, key=lambda c: abs(c - b))
        moved = range(b, c) if c > b else range(c, b)
        target = prev.lang if c > b else seg.lang
        if all(_fits(lines[k], target) for k in moved):
            out[i - 1] = Segment(prev.lang, prev.start, c)
            out[i] = Segment(seg.lang, c, seg.end)
    return out


def _attach_empty_runs(segments: list[Segment], lines: list[str]) -> list[Segment]:
    """Lines without letters at a boundary belong to the text that follows them."""
    fixed: list[Segment] = []
    for seg in segments:
        if fixed and all(count_letters(lines[i]).letters == 0 for i in range(seg.start, seg.end)):
            prev = fixed.pop()
            fixed.append(Segment(prev.lang, prev.start, seg.end))
        else:
            fixed.append(seg)
    # move trailing letterless lines of a segment to the next one
    out: list[Segment] = []
    for i, seg in enumerate(fixed):
        end = seg.end
        if i + 1 < len(fixed):
            while end - 1 > seg.start and count_letters(lines[end - 1]).letters == 0:
                end -= 1
        start = out[-1].end if out else seg.start
        out.append(Segment(seg.lang, start, end if i + 1 < len(fixed) else seg.end))
    return out
