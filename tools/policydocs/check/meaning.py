"""What a clause does, compared across languages: negation, modality, parties, conditions, places, laws.

A clause whose translation drops a «не», turns «вправе» into "shall", names the other party
as the one who pays, adds "only with written consent", or puts "the Russian Federation" for
«Республика Казахстан» gives a reader rights the source does not. Each text is read into a
``Profile`` (which markers of ``markers.py`` it holds, Russian words by dictionary form,
Kazakh negative verbs by ``morph.negated_kk``); two aligned texts are compared profile by
profile. Precision first: a rule speaks only where both texts could be read (no mixed
scripts, no Latin-script Kazakh, no Kazakh verb the analyser cannot tell) and the
difference is one of kind (a negation in one text and none in the other), not of count.
Profiles are cached per (text, language): a thousand policies repeat their clauses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from pathlib import Path

from ..i18n import N_
from . import markers as markers_mod
from . import morph, quantities, wording
from .markers import Markers

CONTRACTION_RE = re.compile(r"n['’]t\b")  # "don't" -> "do n't": the "not" is a word of its own
TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LATIN_RE = re.compile(r"[A-Za-z]")
CYRILLIC_RE = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
SENTENCE_END_RE = re.compile(r"[.!?;](?=\s+[^\W\d_])")
# a Kazakh word that may hold the negative suffix (morph.negated_kk decides): a cheap first look
KK_NEGATIVE_SHAPE_RE = re.compile(r"[^\W\d_]{2}[мбп][ае](?:й|ды|ді|ған|ген|са|се|у|ңыз|ңіз)")
ABBREVIATION_RE = re.compile(r"(?<![^\W\d_])[^\W\d_a-zа-яёәғқңөұүһі]{2,}(?![^\W\d_])")  # «ЦНТ», "DTT"
EN_VERB_NEXT = frozenset(
    "shall may must will is are has have does do can cannot undertakes agrees also not hereby".split()
)
EN_PREPOSITIONS = frozenset("to by of from with for on against between about upon towards toward".split())
NOTHING = N_("nothing")
KIND_NAMES = {
    "permission": N_("a right (may)"),
    "obligation": N_("a duty (shall)"),
    "prohibition": N_("a ban (shall not)"),
    "only": N_("«only»"),
    "if": N_("«if»"),
    "unless": N_("«unless»"),
    "provided": N_("«provided that»"),
    "except": N_("«except»"),
    "user": N_("the User"),
    "company": N_("the Company"),
    "third_parties": N_("third parties"),
    "state": N_("a state body"),
    "kz": N_("Kazakhstan"),
    "ru": N_("Russia"),
    "eu": N_("the European Union"),
    "us": N_("the United States"),
    "personal_data": N_("the Law on Personal Data and Their Protection"),
    "informatization": N_("the Law on Informatization"),
    "languages": N_("the Law on Languages"),
    "civil_code": N_("the Civil Code"),
    "advertising": N_("the Law on Advertising"),
    "ru_personal_data": N_("the Russian Law on Personal Data"),
    "almaty": N_("Almaty"),
    "astana": N_("Astana"),
    "uk": N_("the United Kingdom"),
    "tax_code": N_("the Tax Code"),
    "kg": N_("Kyrgyzstan"),
    "uz": N_("Uzbekistan"),
    "by": N_("Belarus"),
    "cn": N_("China"),
    "eaeu": N_("the Eurasian Economic Union"),
    "electronic_document": N_("the Law on Electronic Document and Electronic Digital Signature"),
    "communications": N_("the Law on Communications"),
    "consumer_protection": N_("the Law on Consumer Protection"),
    "trade": N_("the Law on Regulation of Trade Activities"),
    "payments": N_("the Law on Payments and Payment Systems"),
}

_ABBREVIATED: dict[str, bool] = {}  # word as written -> whether it holds an abbreviation («ТОО», "LLP's")
_KK_SHAPED: dict[str, bool] = {}  # Kazakh word form -> whether it has the shape of a negative verb
ENABLED = True  # off only to measure what the rules cost (bench/bench_meaning.py)
_UNREADABLE: set[tuple[str, str]] = set()  # (lang, excerpt) of texts the analysers could not read: verbose output


class Tokens:
    """A text's words: lower-cased in one C call; positions and original spelling only when asked."""

    __slots__ = ("text", "lang", "lows", "_words", "_starts", "forms")

    def __init__(self, text: str, lang: str) -> None:
        if lang == "en" and ("n'" in text or "n’" in text):
            text = CONTRACTION_RE.sub(" n't", text)
        self.text, self.lang = text, lang
        self._words = self._starts = None
        words = TOKEN_RE.findall(text)
        joined = "\0".join(words)
        lowered = joined.lower()
        if len(lowered) == len(joined):  # each letter lower-cased in place: the same words, one C call each
            self._words = words
            self.lows = lowered.replace("ё", "е").split("\0") if words else []
        else:  # a letter whose lower case is two characters: the words of the lower-cased text
            self.lows = TOKEN_RE.findall(text.lower().replace("ё", "е"))
        self.forms = markers_mod.FORMS_RU if lang == "ru" else {}

    def __len__(self) -> int:
        return len(self.lows)

    def norms(self, i: int) -> tuple:
        low = self.lows[i]
        return self.forms.get(low, (low,))

    def _spans(self) -> None:
        starts = [m.start() for m in TOKEN_RE.finditer(self.text)]
        if len(starts) == len(self.lows):
            self._starts = starts
            return
        found = list(TOKEN_RE.finditer(self.text.lower()))  # a letter whose lower case is two characters
        self._words = [m.group(0) for m in found]
        self._starts = [m.start() for m in found]

    def word(self, i: int) -> str:
        if self._words is None:
            words = TOKEN_RE.findall(self.text)  # one C call; positions are asked more rarely
            if len(words) == len(self.lows):
                self._words = words
            else:
                self._spans()
        return self._words[i]

    def start(self, i: int) -> int:
        if self._starts is None:
            self._spans()
        return self._starts[i]


@dataclass(frozen=True)
class Profile:
    readable: bool
    negations: tuple[str, ...] = ()  # the words that negate
    polarity_known: bool = True
    weak: int = 0  # negations inside a word («неразглашение», «дәйексіз», "unlawful", "without")
    modality: frozenset = frozenset()
    modal_words: tuple[str, ...] = ()
    parties: frozenset = frozenset()
    subjects: tuple = ()  # per sentence, the parties named as who acts (nominative, first); None: cannot tell
    party_words: tuple[str, ...] = ()
    conditions: frozenset = frozenset()
    condition_words: tuple[str, ...] = ()
    places: frozenset = frozenset()
    place_words: tuple[str, ...] = ()
    laws: frozenset = frozenset()
    law_words: tuple[str, ...] = ()
    has_title: bool = False  # a law or code is named with a title in quotes
    currencies: frozenset = frozenset()  # currencies named without an amount ("in tenge (KZT)"): ISO codes
    currency_words: tuple[str, ...] = ()
    weak_sure: bool = True  # its weak words were read with a dictionary (ru, kk); English by prefix only


def _word_matches(pattern: str, toks: Tokens, i: int) -> bool:
    if pattern[:1] == "^":
        if not toks.word(i)[:1].isupper():
            return False
        pattern = pattern[1:]
    if pattern == "*":
        return True  # any one word: «не достигшие восемнадцати лет»
    low = toks.lows[i]
    if pattern.endswith("*"):
        return low.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return len(low) > len(pattern) and low.endswith(pattern[1:])
    return pattern in toks.norms(i)


# what each group of matches is: (group, section, kind or None for every kind of the section)
GROUPS = (
    ("bound", "negation", "not_negation"),
    ("neg", "negation", "words"),
    ("weak", "negation", "weak"),
    ("not_weak", "negation", "not_weak"),
    ("modality", "modality", None),
    ("conditions", "conditions", None),
    ("parties", "parties", None),
    ("places", "places", None),
    ("titles", "titles", None),
    ("laws", "laws", None),
    ("roles", "roles", None),
)
_INDEXES: dict[int, tuple] = {}


def _index(m: Markers) -> tuple:
    """Every phrase of a language by its first word: exact words in a dict, ``x*`` and ``*x`` by two
    letters; built once per language, so that a text is read in one pass."""
    key = id(m)
    if key not in _INDEXES:
        exact: dict[str, list] = {}
        prefix: dict[str, list] = {}
        suffix: dict[str, list] = {}
        for group, section, only in GROUPS:
            for kind, plist in m.kinds.get(section, {}).items():
                if only is not None and kind != only:
                    continue
                for phrase in plist:
                    first = phrase[0].lstrip("^")
                    entry = (group, kind, phrase)
                    if first.endswith("*"):
                        prefix.setdefault(first[:2], []).append(entry)
                    elif first.startswith("*"):
                        suffix.setdefault(first[-2:], []).append(entry)
                    else:
                        exact.setdefault(first, []).append(entry)
        # the forms a text may write a first word in: Russian markers by every form of their lemma
        surface = dict(exact)
        if m.lang == "ru":
            for form, lemmas in markers_mod.FORMS_RU.items():
                entries = [e for lemma in lemmas for e in exact.get(lemma, ())]
                if entries:
                    surface[form] = entries
        _INDEXES[key] = (m, surface, prefix, suffix, {})  # the markers are kept alive with their id
    return _INDEXES[key]


def _first_word(pattern: str, low: str, lang: str) -> bool:
    """Whether a phrase's first word pattern matches a lower-cased word, its capital aside (as ``_word_matches``)."""
    pattern = pattern.lstrip("^")
    if pattern == "*":
        return True
    if pattern.endswith("*"):
        return low.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return len(low) > len(pattern) and low.endswith(pattern[1:])
    return pattern in markers_mod.lemmas(low, lang)


MAX_WORDS = 400_000  # distinct word forms remembered per language before the memo starts again


def _starts(index: tuple, lows: list[str]) -> list[tuple]:
    """Per word, the phrases it may begin, as (group, kind, phrase, capital first), its first word
    already matched: worked out once per word form and language, then looked up in C."""
    m, surface, prefix, suffix, memo = index
    new = set(lows).difference(memo)
    if new:
        if len(memo) + len(new) > MAX_WORDS:
            memo.clear()
            new = set(lows)
        for low in new:
            # the order of the entries is the order in which matches are kept when two are as long
            entries = [*surface.get(low, ()), *prefix.get(low[:2], ()), *suffix.get(low[-2:], ())]
            memo[low] = tuple(
                (group, kind, phrase, phrase[0][:1] == "^")
                for group, kind, phrase in entries
                if _first_word(phrase[0], low, m.lang)
            )
    return list(map(memo.__getitem__, lows))


def _matches(m: Markers, toks: Tokens) -> dict[str, list[tuple[str, int, int]]]:
    """Per group, (kind, first token, end token) of every phrase found, longest first, not overlapping.

    Which words may begin a phrase is remembered per word form (``_starts``); the positions of those
    words are picked out with C iteration (``compress``): most words begin none.
    """
    index = _index(m)
    lows = toks.lows
    starts = _starts(index, lows)
    raw: dict[str, list] = {}
    n_toks = len(lows)
    for i in compress(range(n_toks), starts):
        for group, kind, phrase, capital in starts[i]:
            n = len(phrase)
            if i + n > n_toks or (capital and not toks.word(i)[:1].isupper()):
                continue
            if n == 1 or all(_word_matches(phrase[j], toks, i + j) for j in range(1, n)):
                raw.setdefault(group, []).append((kind, i, i + n))
    out: dict[str, list] = {}
    for group, found in raw.items():
        found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
        taken: set[int] = set()
        kept = []
        for kind, a, b in found:
            if taken.isdisjoint(range(a, b)):
                taken.update(range(a, b))
                kept.append((kind, a, b))
        kept.sort(key=lambda f: f[1])
        out[group] = kept
    return out


def _outside(found: list[tuple[str, int, int]], masked: set[int]) -> list[tuple[str, int, int]]:
    return [f for f in found if masked.isdisjoint(range(f[1], f[2]))] if masked else found


def _phrase_text(toks: Tokens, a: int, b: int) -> str:
    toks.word(a)  # the words as written, read once
    return " ".join(toks._words[a:b])


def readable(text: str, lang: str) -> bool:
    """Whether the analysers can read the text: one alphabet per word; Kazakh and Russian in Cyrillic."""
    if not (LATIN_RE.search(text) if lang != "en" else CYRILLIC_RE.search(text)):
        return True  # one alphabet only: most texts
    words = TOKEN_RE.findall(text)
    latin = cyr = 0
    for w in words:
        has_l, has_c = bool(LATIN_RE.search(w)), bool(CYRILLIC_RE.search(w))
        if has_l and has_c:
            return False
        latin += has_l
        cyr += has_c
    if lang in ("ru", "kk"):
        return latin <= cyr
    return cyr <= latin


def _weak(word: str, lang: str) -> bool:
    """Whether a word holds a negation of its own: «неразглашение» (разглашение is a word), "unlawful" (lawful).

    Asked of the words the ``weak`` markers found; a prefix counts only before a word of its own.
    """
    if lang == "ru" and word.startswith("не"):
        return len(word) > 5 and morph.known_ru(word[2:])
    if lang == "en" and word.startswith(("un", "non", "dis")):
        rest = word[3:] if word.startswith(("non", "dis")) else word[2:]
        return len(rest) > 3 and rest.lstrip("-").isalpha()
    return True


def _abbreviated(toks: Tokens) -> bool:
    """Whether a text may hold an abbreviation: one of its words does (a letter run is part of one word),
    told per word form and remembered; most clauses hold none, and the pattern is slow on a whole text."""
    words = toks._words
    if words is None:
        return True  # read the text itself
    new = set(words).difference(_ABBREVIATED)
    if new:
        if len(_ABBREVIATED) >= MAX_WORDS:
            _ABBREVIATED.clear()
            new = set(words)
        _ABBREVIATED.update((w, bool(ABBREVIATION_RE.search(w))) for w in new)
    return any(map(_ABBREVIATED.__getitem__, words))


def _subject(toks: Tokens, i: int, lang: str, stem: str) -> bool | None:
    """Whether a party's word stands as who acts: nominative (ru), bare form (kk), no preposition before it (en)."""
    low = toks.lows[i]
    if lang == "ru":
        if not morph.known_ru(low):
            return None  # «ЦНТ»: an abbreviation has no case to read
        return morph.case_ru(low) == "nomn"
    if lang == "kk":
        return low in (stem, stem + "лар", stem + "лер")
    lows = toks.lows
    j = i - 1
    while j >= 0 and lows[j] in ("the", "a", "an", "such", "any"):
        j -= 1
    if j >= 0 and lows[j] in EN_PREPOSITIONS:
        return False
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    # who acts is followed by its verb: "the User shall", "the Company transfers"; not "User Agreement"
    return nxt in EN_VERB_NEXT or (len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss"))


# a negative verbal noun, with or without its endings: «орындамау», «орындамауы», «етпеуге», «бермеуді»
KK_NEGATIVE_NOUN_RE = re.compile(r"(?:ма|ме|ба|бе|па|пе)(?:у|уы|уі|уға|уге|уын|уін|уды|уді|уы|уына|уіне|уда|уде)$")
# "No. 94-V", "No 12": the abbreviation of "number", before a digit, is no negation
EN_NUMBER_SIGN_RE = re.compile(r"\bno\.?\s*\d", re.I)
GENITIVE_KK = ("ның", "нің", "дың", "дің", "тың", "тің")


def _party_stem(k: dict, kind: str, toks: Tokens, a: int, b: int) -> str:
    """The stem of the marker that found a party's words («пайдаланушы*» -> «пайдаланушы»)."""
    phrase = next((p for p in k["parties"][kind] if len(p) == b - a and _word_matches(p[0], toks, a)), None)
    return phrase[-1].lstrip("^").rstrip("*") if phrase else ""


def _acts(
    said: bool, toks: Tokens, end: int, stem: str, parties: list, roles: list, sentence_end: int | None, bare: set[int]
) -> bool:
    """Whether a party named in the sentence acts in it, after the language's ``roles`` markers.

    Kazakh puts a clause's condition before the main clause: «Пайдаланушы ... бұзған кезде
    Компания ... құқылы» — the User is who acts in the «кезде» clause, the Company in the
    sentence; so a party followed by a ``subordinate`` word, with another party after that word
    that may act (``bare``: the first tokens of parties in the bare form or holding a right),
    does not act in the sentence. When no
    party follows («Пайдаланушы жөнелтілім Курьерге берілгенге дейін ... алады»), the clause
    had a subject of its own and the party still acts. And «Компанияның ... құқығы бар» (the
    Company has the right): a party in the genitive followed by a ``holder`` word («құқығы»,
    «міндеті») is who holds it.
    """
    n = len(toks.lows)
    limit = n if sentence_end is None else next((i for i in range(end, n) if toks.start(i) >= sentence_end), n)
    following = sorted(x for _, x, _ in parties if end <= x < limit)
    if said:
        upto = following[0] if following else limit
        return not any(
            kind == "subordinate" and end <= x < upto and any(p > x and p in bare for p in following)
            for kind, x, _ in roles
        )
    low = toks.lows[end - 1]
    if stem and low.startswith(stem) and low[len(stem) :].endswith(GENITIVE_KK):
        return any(kind == "holder" and end <= x < limit for kind, x, _ in roles)
    return False


@lru_cache(maxsize=50_000)
def _profile(text: str, lang: str, key: tuple) -> Profile:
    m = _MARKERS[key][lang]
    if not readable(text, lang):
        _UNREADABLE.add((lang, " ".join(text.split())[:80]))
        return Profile(False)
    toks = Tokens(text, lang)
    k = m.kinds
    found = _matches(m, toks)
    masked = {i for _, a, b in found.get("bound", ()) for i in range(a, b)}
    # a bound («не может превышать», "may not exceed") is a limit: neither a negation nor a ban
    modal = _outside(found.get("modality", []), masked)
    banned: set[int] = set()  # Kazakh negative verbal nouns that make a duty a ban: a negation, as «запрещается»
    if lang == "kk" and modal:
        # «жария етпеуге міндетті», «бермеуі тиіс»: a duty not to do is a ban («запрещается», "shall not")
        modal = list(modal)
        for n, (kind, a, b) in enumerate(modal):
            if (
                kind == "obligation"
                and a
                and KK_NEGATIVE_NOUN_RE.search(toks.lows[a - 1])
                and morph.negated_kk(toks.lows[a - 1])
            ):
                modal[n] = ("prohibition", a - 1, b)
                banned.add(a - 1)
    conds = found.get("conditions", [])
    for kind, a, b in conds:
        if kind in ("except", "only", "provided"):
            masked.update(range(a, b))  # «қоспағанда» (except) is built on a negative form, and is no negation
    if lang == "en" and "no" in toks.lows and EN_NUMBER_SIGN_RE.search(text):
        masked.update(
            i for i, low in enumerate(toks.lows) if low == "no" and EN_NUMBER_SIGN_RE.match(text, toks.start(i))
        )
    negs = [_phrase_text(toks, a, b) for _, a, b in _outside(found.get("neg", []), masked)]
    known = True
    plain = masked | {i for _, a, b in found.get("not_weak", ()) for i in range(a, b)}  # «необходимо»
    weak = sum(_weak(toks.lows[a], lang) for _, a, b in _outside(found.get("weak", []), plain))
    if lang == "kk" and KK_NEGATIVE_SHAPE_RE.search(text.lower()):
        in_modal = {i for kind, a, b in modal if kind != "prohibition" for i in range(a, b)}
        lows = toks.lows
        new = set(lows).difference(_KK_SHAPED)
        if new:
            if len(_KK_SHAPED) >= MAX_WORDS:
                _KK_SHAPED.clear()
                new = set(lows)
            _KK_SHAPED.update((w, bool(KK_NEGATIVE_SHAPE_RE.search(w))) for w in new)
        for i in compress(range(len(lows)), map(_KK_SHAPED.__getitem__, lows)):
            if i in masked or i in in_modal:
                continue
            low = lows[i]
            n = morph.negated_kk(low)
            if n is None:
                known = False
            elif n and KK_NEGATIVE_NOUN_RE.search(low) and i not in banned:
                weak += 1  # «орындамау» (non-performance), «етпеуге»: a negation inside a noun, as «неисполнение»
            elif n:
                negs.append(toks.word(i))
    parties = found.get("parties", [])
    roles = found.get("roles", []) if parties else []
    # who acts, sentence by sentence: None where a party's case cannot be told
    bounds = [x.end() for x in SENTENCE_END_RE.finditer(toks.text)] if parties else []
    per_sentence: dict[int, set | None] = {}
    abbreviations = [x.start() for x in ABBREVIATION_RE.finditer(toks.text)] if parties and _abbreviated(toks) else []
    bare: set[int] = set()  # with roles: the first tokens of the parties that may act (bare, or holding a right)
    for kind, a, b in parties if roles else ():
        stem, sentence = _party_stem(k, kind, toks, a, b), bisect_right(bounds, toks.start(a)) if bounds else 0
        if _subject(toks, b - 1, lang, stem) or _acts(
            False, toks, b, stem, parties, roles, bounds[sentence] if sentence < len(bounds) else None, bare
        ):
            bare.add(a)
    for kind, a, b in parties:
        sentence = bisect_right(bounds, toks.start(a)) if bounds else 0
        if sentence not in per_sentence and abbreviations:
            start = bounds[sentence - 1] if sentence else 0
            # «ЦНТ предоставляет ...»: an abbreviation before the first party may be the one who acts
            if any(start <= x < toks.start(a) for x in abbreviations):
                per_sentence[sentence] = None
        mine = per_sentence.setdefault(sentence, set())
        if mine is None or (lang == "en" and mine):
            continue  # English: who acts comes first; "the User reimburses the Company"
        stem = _party_stem(k, kind, toks, a, b)
        # Russian «третьи лица»: the adjective shows the case («лица» alone may be genitive)
        said = _subject(toks, a if lang == "ru" and b - a > 1 else b - 1, lang, stem)
        if roles and said is not None:
            said = _acts(
                said, toks, b, stem, parties, roles, bounds[sentence] if sentence < len(bounds) else None, bare
            )
        if said is None:
            per_sentence[sentence] = None
        elif said:
            mine.add(kind)
    subjects = tuple(
        None if per_sentence.get(i, set()) is None else frozenset(per_sentence.get(i, set()))
        for i in range(len(bounds) + 1)
    )
    places = found.get("places", [])
    titles = found.get("titles", [])
    cues = found.get("laws", [])
    has_title = bool(titles) or bool(cues and re.search(r"[«\"“][^»\"”]{3,}[»\"”]", text))
    return Profile(
        True,
        tuple(negs),
        known,
        weak,
        frozenset(kind for kind, _, _ in modal),
        tuple(_phrase_text(toks, a, b) for _, a, b in modal),
        frozenset(kind for kind, _, _ in parties),
        subjects,
        tuple(_phrase_text(toks, a, b) for _, a, b in parties),
        frozenset(kind for kind, _, _ in conds),
        tuple(_phrase_text(toks, a, b) for _, a, b in conds),
        frozenset(kind for kind, _, _ in places),
        tuple(_phrase_text(toks, a, b) for _, a, b in places),
        frozenset(kind for kind, _, _ in titles),
        tuple(_phrase_text(toks, a, b) for _, a, b in titles),
        has_title,
        *_bare_currencies(text),
        weak_sure=lang != "en",
    )


# quantities.py's currencies as whole words: "EUR" is not the start of "European", nor "RUB" of "rubric"
BARE_CURRENCY_RE = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<c_{code}>{rx})" for code, rx in quantities.CURRENCIES) + ")(?!\\w)", re.I
)


def _currency_hint():
    """The same alternatives in lower case, searched in the lower-cased text without re.I: twice as fast,
    and it finds whatever the pattern above finds; so a clause where it finds nothing names no currency
    (most clauses). None where the alternatives hold an escape that lower case would change (\\S, \\W)."""
    alternatives = "|".join(rx for _, rx in quantities.CURRENCIES)
    if re.search(r"\\[A-Z]", alternatives):
        return None
    return re.compile("(?<!\\w)(?:" + alternatives.lower() + ")")


CURRENCY_HINT_RE = _currency_hint()


def _bare_currencies(text: str) -> tuple[frozenset, tuple[str, ...]]:
    """Currencies a text names apart from any amount, by quantities.py's own patterns (one table of
    currencies): an amount's currency ("500 тенге") is amount-differs' to compare, not this rule's."""
    if CURRENCY_HINT_RE is not None and not CURRENCY_HINT_RE.search(text.lower()):
        return frozenset(), ()
    codes, words = set(), []
    amounts = None  # read only when a currency is named: most clauses name none
    for m in BARE_CURRENCY_RE.finditer(text):
        if amounts is None:
            amounts = [x.span("cur") for x in quantities.QUANTITY_RE.finditer(text) if x.group("cur")]
        if any(a <= m.start() < b for a, b in amounts):
            continue
        code = next((name[2:] for name, value in m.groupdict().items() if value and name.startswith("c_")), None)
        if code:
            codes.add(code)
            words.append(m.group(0))
    return frozenset(codes), tuple(words)


_MARKERS: dict[tuple, dict[str, Markers]] = {}


PARTY_TERMS = {
    "the company": "company",
    "company": "company",
    "the user": "user",
    "user": "user",
    "the operator": "company",
    "operator": "company",
}


def is_party(term) -> bool:
    """Whether a glossary term names a party: the User or the Company, ``party: true``, or a person («Продавец»)."""
    if PARTY_TERMS.get(term.words.get("en", "").lower()):
        return True
    return bool(term.party or (term.party is None and morph.animate_noun_ru(term.words.get("ru", ""))))


def profiles(root: Path | None, glossary=None, doc_id: str = "") -> tuple:
    """A key for the markers of a project (built-in plus its own ``markers/``), loading them once.

    A document's own names for the parties come from the glossary: an entry whose English is
    "the Company" («ЦНТ», «ЦСТ») makes that name the Company in this document, and the
    document's other parties (Продавец / Сатушы / Seller, Курьер / Courier) are parties of
    their own: an entry that says ``party: true``, or whose Russian term is one animate noun.
    """
    loaded = markers_mod.load(root)
    extra = []
    for term in getattr(glossary, "terms", ()):
        if not term.applies_to(doc_id):
            continue
        party = PARTY_TERMS.get(term.words.get("en", "").lower())
        if party:
            extra += [(lang, party, word) for lang, word in term.words.items() if lang != "en"]
        elif is_party(term):
            party = term.words.get("en") or term.words.get("ru") or next(iter(term.words.values()))
            # Kazakh and English add endings to the word as written («Курьерге», "Seller's"); Russian
            # phrases are matched in every form of their dictionary form already
            extra += [
                (lang, party, word if lang == "ru" or word.endswith("*") else word + "*")
                for lang, word in term.words.items()
            ]
    key = (id(loaded), tuple(sorted(extra)))
    if key not in _MARKERS:
        out = dict(loaded)
        for lang, party, word in extra:
            out[lang] = out[lang].extended("parties", party, [markers_mod.phrase(word, lang)])
        _MARKERS[key] = out
    return key


def warm_up(root: Path | None = None) -> None:
    """Load the dictionaries and markers once, before worker processes are forked (each would load its own)."""
    morph.lemma_ru("данные")
    morph.negated_kk("бермейді")
    markers_mod.load(root)


def profile(text: str, lang: str, key: tuple) -> Profile:
    return _profile(text, lang, key)


def unreadable() -> list[tuple[str, str]]:
    """The texts the analysers could not read in this process, for verbose output."""
    return sorted(_UNREADABLE)


def _words(words) -> str:
    return ", ".join(f"«{w}»" for w in dict.fromkeys(words)) if words else wording.phrase(NOTHING)


def _kinds(kinds) -> wording.Phrase | str:
    if not kinds:
        return wording.phrase(NOTHING)
    return wording.listed([wording.phrase(KIND_NAMES[k]) if k in KIND_NAMES else k for k in sorted(kinds)])


def _conditions(p: Profile) -> frozenset:
    """The conditions a text states; «при наличии», "where", «кезде» count as «if» only against an «if»."""
    # «если ... не заявит» is "unless": one condition said two ways, the negation is compared apart;
    # «при условии» (provided that) is said «... жағдайда» (in the case) in Kazakh: one condition too
    return frozenset("if" if k in ("unless", "provided") else k for k in p.conditions if k not in ("maybe_if", "none"))


def _differs(rule: str, src_kinds, kinds, src_words, words) -> tuple[str, dict]:
    """A finding of a rule that names what each text has: its kinds, and the words that said them."""
    return rule, dict(
        src_kinds=_kinds(src_kinds), kinds=_kinds(kinds), src_words=_words(src_words), words=_words(words)
    )


def compare(a: Profile, b: Profile) -> list[tuple[str, dict]]:
    """(rule, parameters) for each way the translation ``b`` does something else than the source ``a``."""
    if not (a.readable and b.readable):
        return []
    out: list[tuple[str, dict]] = []
    # one text negates, the other does not; a negation inside a word («неразглашение», "unless") in the
    # text without one may say the same: no verdict then (counting instead cried wolf on «ни ... не»),
    # unless the other text has as many of its own («недостоверных» / «дәйексіз»): they answer each other
    # (counted only where a dictionary read them: an English "disciplinary" is no negation)
    neg, plain = (b, a) if not a.negations else (a, b)
    if (
        a.polarity_known
        and b.polarity_known
        and bool(a.negations) != bool(b.negations)
        and not (plain.weak > neg.weak if neg.weak_sure else plain.weak)
    ):
        out.append(("polarity-differs", dict(src_words=_words(a.negations), words=_words(b.negations))))
    if a.modality - b.modality and b.modality - a.modality:  # a swap; a modal word merely left out is no verdict
        out.append(_differs("modality-differs", a.modality, b.modality, a.modal_words, b.modal_words))
    if len(a.subjects) == len(b.subjects):  # sentence by sentence, where both have one party acting
        for x, y in zip(a.subjects, b.subjects):
            if x is not None and y is not None and len(x) == 1 and len(y) == 1 and x != y:
                out.append(_differs("actor-differs", x, y, a.party_words, b.party_words))
                break
    if not any(rule == "actor-differs" for rule, _ in out) and a.parties - b.parties and b.parties - a.parties:
        # a party the source names is gone and another stands in its place ("paid by the Lessee" -> "paid by
        # the Lessor"), wherever it stands; a party merely not repeated ("its", "we") is no verdict
        out.append(_differs("actor-differs", a.parties, b.parties, a.party_words, b.party_words))
    ca, cb = _conditions(a), _conditions(b)
    # «при наличии», "where", «болса»: an «if» said another way, against an «if» of the other text only
    if "if" in ca and "if" not in cb and "maybe_if" in b.conditions:
        cb = cb | {"if"}
    if "if" in cb and "if" not in ca and "maybe_if" in a.conditions:
        ca = ca | {"if"}
    if ca != cb:
        out.append(_differs("condition-differs", ca, cb, a.condition_words, b.condition_words))
    if a.places != b.places and (a.places and b.places):
        out.append(_differs("place-differs", a.places, b.places, a.place_words, b.place_words))
    if a.currencies != b.currencies and a.currencies and b.currencies:  # both name a currency, not the same
        out.append(_differs("currency-differs", a.currencies, b.currencies, a.currency_words, b.currency_words))
    if a.laws != b.laws and a.has_title and b.has_title:
        out.append(_differs("law-differs", a.laws, b.laws, a.law_words, b.law_words))
    return out
