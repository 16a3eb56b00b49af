"""Which items of a list a translation left out (or added): the items aligned one by one.

A clause's list ("- имя;", "- номер телефона;", ...) whose translation has an item less
says little as a count ("5 items against 6"); the reader needs to know which item is gone.
Where the counts differ by one or two, every way of explaining the difference is priced:
leaving out one or two items of the longer list, or reading two of its items as one item of
the other (a merge, "phone number and e-mail address;"), the rest paired in order. A pair
is priced by what survives translation:

- the lengths, in the manner of Gale and Church (``sentences``), at the ratio of the items
  that remain paired;
- anchors: numbers, e-mails, addresses, Latin names both texts have, brackets «(ИИН)», capital
  abbreviations in either alphabet («ИИН» / "IIN", «СМС» / "SMS");
- the agreed terms of the glossary: an item holding «персональные данные» pairs with one
  holding «дербес деректер» or "personal data", not with one that has no such term;
- the letter groups the two items share once written in Latin letters (loanwords and names:
  «телефон», "phone", «документ», «Компания», "Company");
- the item's build: how many parts it joins with «и»/«және»/"and" and commas.

The cheapest explanation is the answer only when it leaves items out (not a merge) and is
clearly cheaper (MARGIN) than every explanation that names other items; otherwise only the
count is reported (``block-count``): no guess. A split or a merge of items is thus reported
as a count, and a list reordered in translation has as many items on both sides, so it never
comes here.
"""

from __future__ import annotations

import re

from . import sentences

MARGIN = 1.0  # how much cheaper the chosen explanation must be than the next (-log of the odds)
MAX_ITEMS = 60  # a longer "list" is pasted text; its count is reported, not its items
MAX_ITEMS_TWO = 16  # two items left out are looked for in lists up to this long
MAX_GAP = 2  # a count that differs by more is reported as a count
STRONG = 1.5  # a pair this cheap apart from the lengths (shared anchors, terms or letters) is strong evidence


# Cyrillic letters in Latin: Russian, Kazakh and English items share loanwords and names
# («телефон» / «телефон» / "phone", «идентификационный» / "identification", «документ» / "document")
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхыэ", "abvgdeziiklmnoprstufhye")),
        "ц": "ts",
        "ё": "e",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "sh",
        "ю": "yu",
        "я": "ya",
        "ь": "",
        "ъ": "",
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
    }
)
# English spelling read as it sounds, so that it meets the transliteration: "company" / «компания»,
# "document" / «документ», "psychotropic" / «психотропные», "video" / «видео»
_SOUND = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"c"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
    (re.compile(r"y"), "i"),
    (re.compile(r"([a-z])\1"), r"\1"),
)
SHARED_WEIGHT = 6.0  # how much sharing all its letter groups with the other item lowers a pair's cost
TERM_SHARED, TERM_APART = 1.0, 1.5  # a glossary term in both items lowers the cost; in one only, raises it
# per conjunction one item has and the other has not: translators keep "X and Y" as «X и Y» / «X және Y»
# most of the time (say 85 %), so a difference is about -log(0.15 / 0.85) = 1.7 nats against the pair
BUILD_WEIGHT = 1.5

# words that join the parts of an item: «оружие и боеприпасы», «қару және оқ-дәрілер», "weapons and
# ammunition" (commas are not counted: Russian sets off its participles with them, the others do not)
_JOIN_RE = re.compile(r"(?<![^\W\d_])(?:и|или|а также|және|мен|бен|пен|немесе|әрі|and|or|as well as)(?![^\W\d_])", re.I)


def _latin(text: str) -> str:
    latin = text.lower().translate(_LATIN)
    for rx, to in _SOUND:
        latin = rx.sub(to, latin)
    return latin


def _grams(text: str) -> frozenset[str]:
    """The item's words in Latin letters, as groups of four letters."""
    return frozenset(w[i : i + 4] for w in re.findall(r"[a-z]{4,}", _latin(text)) for i in range(len(w) - 3))


_ACRONYM_RE = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}(?![^\W\d_])")


def _acronyms(text: str) -> frozenset[str]:
    """Capital abbreviations in Latin letters: «ИИН» and "IIN", «СМС» and "SMS", «БИН» and "BIN" meet."""
    return frozenset("acronym:" + _latin(a) for a in _ACRONYM_RE.findall(text))


def _anchors(longer: list[str], shorter: list[str]) -> tuple[list[frozenset], list[frozenset]]:
    """The sentence aligner's anchors, and acronyms that both lists have (in either alphabet)."""
    a_long, a_short = sentences._shared_names(longer, shorter)
    x_long, x_short = [_acronyms(x) for x in longer], [_acronyms(x) for x in shorter]
    names = frozenset().union(*a_long) & frozenset().union(*a_short)  # "IP" in both: an anchor already
    both = frozenset(
        x for x in frozenset().union(*x_long) & frozenset().union(*x_short) if x.removeprefix("acronym:") not in names
    )
    return [a | (x & both) for a, x in zip(a_long, x_long)], [a | (x & both) for a, x in zip(a_short, x_short)]


def _shared(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _joins(text: str) -> int:
    """How many times the item joins parts with a conjunction: «оружие и боеприпасы» 1."""
    return len(_JOIN_RE.findall(text.rstrip(" ;,.")))


def term_sets(texts: list[str], lang: str, glossary, doc_id: str) -> list[frozenset] | None:
    """The glossary terms each item uses (their indices), or None without a glossary."""
    if glossary is None or not glossary.terms:
        return None
    terms = [(i, t) for i, t in enumerate(glossary.terms) if lang in t.patterns and t.applies_to(doc_id)]
    return [frozenset(i for i, t in terms if t.found(x.lower(), lang, original=x)) for x in texts]


class _Side:
    """One list's items and what is compared of them."""

    def __init__(self, texts: list[str], anchors: list[frozenset], terms: list[frozenset] | None):
        self.lens = [len(x) for x in texts]
        self.anchors = [a | {"()"} if "(" in x else a for a, x in zip(anchors, texts)]  # «(ИИН)» / "(IIN)"
        self.grams = [_grams(x) for x in texts]
        self.terms = terms or [frozenset()] * len(texts)
        self.joins = [_joins(x) for x in texts]

    def group(self, ks: tuple[int, ...]) -> tuple:
        """Items read as one (a merge): their lengths, anchors, letters and terms together."""
        if len(ks) == 1:
            k = ks[0]
            return self.lens[k], self.anchors[k], self.grams[k], self.terms[k], self.joins[k]
        return (
            sum(self.lens[k] for k in ks) + len(ks) - 1,
            frozenset().union(*(self.anchors[k] for k in ks)),
            frozenset().union(*(self.grams[k] for k in ks)),
            frozenset().union(*(self.terms[k] for k in ks)),
            sum(self.joins[k] for k in ks) + len(ks) - 1,
        )


def _fixed_cost(a: tuple, b: tuple) -> float:
    """A pair's cost apart from the lengths: anchors, terms, shared letters, build."""
    _, a_anch, a_grams, a_terms, a_joins = a
    _, b_anch, b_grams, b_terms, b_joins = b
    cost = sentences._anchor_cost(a_anch, b_anch) - SHARED_WEIGHT * _shared(a_grams, b_grams)
    if a_terms or b_terms:
        cost += TERM_APART * len(a_terms ^ b_terms) - TERM_SHARED * len(a_terms & b_terms)
    return cost + BUILD_WEIGHT * abs(a_joins - b_joins)


def _explanations(n: int, m: int, gap: int):
    """Every way the longer list (n items) meets the shorter (m = n - gap) in order: groups of its
    items, one or two (a merge) per item of the shorter, and the items left alone."""

    def walk(i: int, groups: tuple, lone: tuple, merges: int):
        if i == n:
            if len(groups) == m:
                yield groups, lone
            return
        if len(groups) < m:
            yield from walk(i + 1, groups + ((i,),), lone, merges)
        if len(lone) + merges < gap:
            yield from walk(i + 1, groups, lone + (i,), merges)
            if i + 1 < n and len(groups) < m:
                yield from walk(i + 2, groups + ((i, i + 1),), lone, merges + 1)

    yield from walk(0, (), (), 0)


def lone_items(
    src: list[str], tgt: list[str], src_terms: list[frozenset] | None = None, tgt_terms: list[frozenset] | None = None
) -> tuple[str, list[int], bool] | None:
    """('missing', indices in src, all) or ('added', indices in tgt, all) when those items clearly have no
    counterpart; ``all``: they account for the whole difference of the counts (else it is reported too)."""
    gap = abs(len(src) - len(tgt))
    if not 1 <= gap <= MAX_GAP or not src or not tgt or max(len(src), len(tgt)) > MAX_ITEMS:
        return None
    if gap == 2 and max(len(src), len(tgt)) > MAX_ITEMS_TWO:
        return None
    if len(src) > len(tgt):
        longer, shorter, side, l_terms, s_terms = src, tgt, "missing", src_terms, tgt_terms
    else:
        longer, shorter, side, l_terms, s_terms = tgt, src, "added", tgt_terms, src_terms
    if (l_terms is None) != (s_terms is None):
        l_terms = s_terms = None
    a_long, a_short = _anchors(longer, shorter)
    long_side, short_side = _Side(longer, a_long, l_terms), _Side(shorter, a_short, s_terms)
    shorts = [short_side.group((j,)) for j in range(len(shorter))]
    s_total = sum(short_side.lens)
    fixed: dict[tuple, float] = {}
    groups_of: dict[tuple, tuple] = {}

    def price(groups: tuple) -> float:
        feats = []
        for g in groups:
            if g not in groups_of:
                groups_of[g] = long_side.group(g)
            feats.append(groups_of[g])
        l_total = sum(f[0] for f in feats)
        # the lengths' ratio of the items that remain paired: a lone item is not part of it
        r = min(max(s_total / l_total, 0.25), 4.0) if l_total and s_total else 1.0
        cost = 0.0
        for j, (g, f) in enumerate(zip(groups, feats)):
            key = (g, j)
            if key not in fixed:
                fixed[key] = _fixed_cost(f, shorts[j])
            cost += fixed[key] + sentences._length_cost(f[0], short_side.lens[j], r)
        return cost

    priced = sorted(
        (
            (price(groups), lone, len(groups) + len(lone) < len(longer), groups)
            for groups, lone in _explanations(len(longer), len(shorter), gap)
        ),
        key=lambda x: x[0],
    )
    best_cost, best_lone, best_merges, best_groups = priced[0]
    sure: set[int] = set()
    holder = _alone_holds_anchor(long_side, short_side, priced) if gap == 1 else None
    if holder is not None:  # it alone holds an anchor the other list has nowhere: it is the one
        best_groups = next(p[3] for p in priced if p[1] == (holder,) and not p[2])
        sure = {holder}
    else:
        if best_merges:
            return None
        # the explanations about as likely as the best: an item is named only if they all leave it out
        near = [p for p in priced if p[0] - best_cost < MARGIN]
        if any(merges for _, _, merges, _ in near):
            return None
        sure = set(best_lone).intersection(*(lone for _, lone, _, _ in near))
        if not sure:
            return None
    if _crossed(long_side, short_side, best_groups, fixed):
        return None
    return side, sorted(sure), len(sure) == gap


def _crossed(long_side: _Side, short_side: _Side, groups: tuple, fixed: dict) -> bool:
    """Whether an item pairs far better with one the alignment gives another partner (or leaves alone)
    than with its own: the lists are reordered, and an alignment in order names the wrong item."""
    mine_long, mine_short = {}, {}
    for j, g in enumerate(groups):
        for i in g:
            mine_long[i] = fixed[(g, j)]
        mine_short[j] = fixed[(g, j)]
    shorts = [short_side.group((j,)) for j in range(len(short_side.lens))]
    for i in range(len(long_side.lens)):
        item = long_side.group((i,))
        for j, other in enumerate(shorts):
            if groups[j] == (i,):
                continue
            cost = _fixed_cost(item, other)
            if cost <= -STRONG and cost < mine_long.get(i, 0.0) - MARGIN and cost < mine_short[j] - MARGIN:
                return True
    return False


def _alone_holds_anchor(long_side: _Side, short_side: _Side, priced: list) -> int | None:
    """The one item that alone holds an anchor the other list has nowhere («(ИИН)», a number): it is
    the lone one, unless reading it as merged with a neighbour explains the lists as well."""
    others = frozenset().union(*short_side.anchors)
    holders = [k for k, a in enumerate(long_side.anchors) if a - others]
    if len(holders) != 1:
        return None
    lone_cost = min(c for c, lone, merges, _ in priced if lone == (holders[0],) and not merges)
    return holders[0] if all(c > lone_cost for c, lone, merges, _ in priced if merges) else None


def lone_item(src: list[str], tgt: list[str]) -> tuple[str, int] | None:
    """('missing', index in src) or ('added', index in tgt) when one item clearly has no counterpart."""
    found = lone_items(src, tgt)
    if found is None or len(found[1]) != 1 or not found[2]:
        return None
    return found[0], found[1][0]
