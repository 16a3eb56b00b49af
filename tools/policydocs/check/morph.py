"""Words as an analyser reads them: Russian lemmas (pymorphy3) and Kazakh negative verb forms (Hunspell kk).

Why an analyser: Russian markers are listed by dictionary form («обязан», «обязана» and
«обязаны» are one entry), and the Kazakh negative suffix -ма/-ме/-ба/-бе/-па/-пе cannot be
found by a regex: «қамтамасыз» and «мақсат» hold a «ма» of their own. A Kazakh word is read
as negated only when it splits as stem + negative suffix + a tense, participle or person
ending, the suffix agrees with the stem (vowel harmony, the stem's last sound) and the
Hunspell kk dictionary knows the verb (stem + -у: сат -> сату, беріл -> беру). When the
shape is there but the dictionary does not know the verb, the answer is ``None``: the
rule that asked says nothing rather than guess.

Analyses are cached (lru): a thousand policies repeat the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dictionaries import hunspell_kk, known_kk, known_ru, morph_ru

__all__ = ["known_kk", "known_ru"]  # the dictionaries' own answers, handed on for the rules that ask them

BACK, FRONT = set("аоұыуя"), set("әеөүіиэю")
VOICELESS = set("бвгғдкқпстфхһцчшщ")
# endings that may follow the negative suffix: present/future (-йды, -йтын), past (-ды, -ған),
# conditional (-са, at the end), verbal noun (-у), gerund (-й), polite (-ңыз). Not -сын/-сін or -с:
# «көшірмесін» (a copy, its accusative) and «ажырамас» (integral) are nouns and adjectives
NEG_TAIL = re.compile(r"(?:й|ды|ді|ған|ген|са$|се$|у|ңыз|ңіз)")
PASSIVE = re.compile(r"(?:ыл|іл|л|ын|ін|н)$")
CAUSATIVE = re.compile(r"(?:т|тыр|тір|дыр|дір|ғыз|гіз|қыз|кіз)$")  # тоқтат (stop sth) from тоқта (stop)


@lru_cache(maxsize=200_000)
def lemma_ru(word: str) -> str:
    """The dictionary form of a Russian word («обязана» -> «обязать», «лицам» -> «лицо»)."""
    return morph_ru().parse(word)[0].normal_form


def lexeme_ru(word: str) -> list[str]:
    """Every form of every reading with the word's dictionary form («мочь»: the verb's «может» too)."""
    parses = morph_ru().parse(word)
    lemma = parses[0].normal_form
    return sorted({f.word for p in parses if p.normal_form == lemma for f in p.lexeme})


@lru_cache(maxsize=200_000)
def case_ru(word: str) -> str:
    """The most likely case of a Russian word form ('nomn', 'datv', ...), '' when it has none."""
    tag = morph_ru().parse(word)[0].tag
    return tag.case or ""


@lru_cache(maxsize=4096)
def animate_noun_ru(term: str) -> bool:
    """A single Russian word that names a person (Продавец, Курьер, Заемщик): a party, not a thing."""
    if not re.fullmatch(r"[А-Яа-яЁё-]+", term or ""):
        return False
    tag = morph_ru().parse(term)[0].tag
    return "NOUN" in tag and "anim" in tag


def has_kazakh_dictionary() -> bool:
    return hunspell_kk() is not None


def _verb_known(stem: str) -> bool:
    """Whether the dictionary knows ``stem`` as a verb (its -у form), active or passive."""
    if len(stem) < 2:
        return False
    if _infinitive_known(stem):
        return True
    for rx in (PASSIVE, CAUSATIVE):
        m = rx.search(stem)
        if m and len(stem) - len(m.group(0)) >= 2 and _infinitive_known(stem[: m.start()]):
            return True
    return False


def _infinitive_known(base: str) -> bool:
    """The -у form of a verb base: жой -> жою (й and у write ю), оқы -> оқу (ы and у write у), бер -> беру."""
    if base.endswith("й"):
        return known_kk(base[:-1] + "ю")
    if base.endswith(("ы", "і")):
        return known_kk(base[:-1] + "у") or known_kk(base + "у")
    return known_kk(base + "у")


def _harmonises(stem: str, suffix: str) -> bool:
    vowels = [c for c in stem if c in BACK or c in FRONT]
    if not vowels:
        return False
    if (vowels[-1] in BACK) != (suffix[1] == "а"):
        return False
    last = stem[-1]
    if suffix[0] == "п":
        return last in VOICELESS
    if suffix[0] == "б":
        return last in "мнңзж"
    return last in BACK or last in FRONT or last in "лрйу"


@lru_cache(maxsize=200_000)
def negated_kk(word: str) -> bool | None:
    """Whether a Kazakh word is a negative verb form: True, False, or None when it cannot be told.

    берілмейді -> True (беріл+ме+йді), сатпайды -> True, қамтамасыз -> False, мақсатта -> False.
    """
    w = word.lower()
    shaped = False
    for m in re.finditer(r"(?=([мбп][ае]))", w):
        i = m.start()
        if i < 2:
            continue
        tail = w[i + 2 :]
        if not tail or not NEG_TAIL.match(tail):
            continue
        stem, suffix = w[:i], w[i : i + 2]
        if not _harmonises(stem, suffix):
            continue
        shaped = True
        if _verb_known(stem):
            return True
    if shaped and not known_kk(w):
        return None  # looks negative, and the dictionary cannot say what the word is
    return False
