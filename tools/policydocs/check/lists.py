"""Which item of a list a translation left out (or added): the items aligned one by one.

A clause's list ("- имя;", "- номер телефона;", ...) whose translation has one item less
says little as a count ("5 items against 6"); the reader needs to know which item is gone.
With one item more or less, each way of leaving one out is priced as the sentence aligner
prices a pair (``sentences``: lengths in the manner of Gale and Church, numbers, addresses
and shared Latin names as anchors), less the letter groups the two items share once written in
Latin letters (loanwords and names: «телефон», "phone", «документ»); the cheapest is the answer only when it is clearly
cheaper than the next (or the lone item holds an anchor nobody else has). Otherwise the
count alone is reported: no guess.
"""

from __future__ import annotations

import re

from . import sentences

MARGIN = 1.0  # how much cheaper the chosen item must be than the next candidate (-log of the odds)
MAX_ITEMS = 60  # a longer "list" is pasted text; its count is reported, not its items


# Cyrillic letters in Latin: Russian, Kazakh and English items share loanwords and names
# («телефон» / «телефон» / "phone", «идентификационный» / "identification", «документ» / "document")
_LATIN = str.maketrans({**dict(zip("абвгдезийклмнопрстуфхцыэ", "abvgdeziiklmnoprstufhcye")),
                        "ё": "e", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "sh", "ю": "yu", "я": "ya", "ь": "", "ъ": "",
                        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"})
SHARED_WEIGHT = 6.0  # how much sharing all its letter groups with the other item lowers a pair's cost


def _grams(text: str) -> frozenset[str]:
    """The item's words in Latin letters, as groups of four letters (ph and f read alike)."""
    latin = text.lower().translate(_LATIN).replace("ph", "f")
    return frozenset(w[i:i + 4] for w in re.findall(r"[a-z]{4,}", latin) for i in range(len(w) - 3))


def _shared(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _pairs_cost(src: list[str], tgt: list[str], a_src, a_tgt, ratio: float, g_src=None, g_tgt=None) -> float:
    cost = 0.0
    for k, (s, t, a, b) in enumerate(zip(src, tgt, a_src, a_tgt)):
        cost += sentences._length_cost(len(s), len(t), ratio) + sentences._anchor_cost(a, b)
        if g_src is not None:
            cost -= SHARED_WEIGHT * _shared(g_src[k], g_tgt[k])
    return cost


def lone_item(src: list[str], tgt: list[str]) -> tuple[str, int] | None:
    """('missing', index in src) or ('added', index in tgt) when one item clearly has no counterpart."""
    if abs(len(src) - len(tgt)) != 1 or not src or not tgt or max(len(src), len(tgt)) > MAX_ITEMS:
        return None
    longer, shorter, side = (src, tgt, "missing") if len(src) > len(tgt) else (tgt, src, "added")
    a_long, a_short = sentences._shared_names(longer, shorter)
    # brackets are an anchor of their own in a list: «(ИИН)» / «(ЖСН)» / "(IIN)"
    a_long = [a | {"()"} if "(" in x else a for a, x in zip(a_long, longer)]
    a_short = [a | {"()"} if "(" in x else a for a, x in zip(a_short, shorter)]
    g_long, g_short = [_grams(x) for x in longer], [_grams(x) for x in shorter]
    costs = []
    for k in range(len(longer)):
        rest = longer[:k] + longer[k + 1:]
        rest_a = a_long[:k] + a_long[k + 1:]
        rest_g = g_long[:k] + g_long[k + 1:]
        # the lengths' ratio of the items that remain: the lone item is not part of it
        a, b = sum(map(len, rest)), sum(map(len, shorter))
        r = min(max(b / a, 0.25), 4.0) if a and b else 1.0
        costs.append(_pairs_cost(rest, shorter, rest_a, a_short, r, rest_g, g_short))
    order = sorted(range(len(costs)), key=costs.__getitem__)
    best = order[0]
    others = frozenset().union(*a_short)
    # an item that alone holds an anchor nobody else has («(ИИН)», a number): it is the one
    if bool(a_long[best] - others) and all(not (a_long[k] - others) for k in order[1:]):
        return side, best
    # "phone number and e-mail address;" for two items: a merge, when it pairs better than a lone item
    for j in (best - 1, best):
        if 0 <= j and j + 1 < len(longer):
            merged = longer[:j] + [longer[j] + " " + longer[j + 1]] + longer[j + 2:]
            merged_a = a_long[:j] + [a_long[j] | a_long[j + 1]] + a_long[j + 2:]
            merged_g = g_long[:j] + [g_long[j] | g_long[j + 1]] + g_long[j + 2:]
            a, b = sum(map(len, merged)), sum(map(len, shorter))
            if _pairs_cost(merged, shorter, merged_a, a_short, min(max(b / a, 0.25), 4.0), merged_g,
                           g_short) <= costs[best]:
                return None
    if len(order) == 1 or costs[order[1]] - costs[best] >= MARGIN:
        return side, best
    return None
