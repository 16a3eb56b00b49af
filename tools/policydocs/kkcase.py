"""Kazakh case endings, by the suffix rules: vowel harmony and the word's final sound.

A date inside a Kazakh sentence takes the case its verb or postposition governs:
"23 қарашадан бастап" (ablative), "1 желтоқсанға дейін" (dative), "1 желтоқсанда күшіне
енеді" (locative). The ending goes on the last word spoken, which in Babel's long Kazakh
date ("2026 ж. 1 желтоқсан") is the month name; the rules below cover every month and any
Kazakh word of the same shape:

* harmony: the last vowel decides between the back form (а, о, ұ, ы, у, я, ё) and the
  front form (ә, ө, ү, і, е, э, и, ю);
* final sound: after a vowel or a voiced consonant (р, л, й, у, з, ж) the ending starts
  with д/ғ-г; after a voiceless consonant (and б, в, г, д, which are voiceless at the end
  of a word) with т/қ-к; after м, н, ң the ablative starts with н (айдан, but ақпаннан)
  while the locative and dative keep д and ғ-г (ақпанда, ақпанға).
"""

from __future__ import annotations

BACK = set("аоұыуяё")
FRONT = set("әөүіеэию")
VOWELS = BACK | FRONT
SONORANT = set("рлйузж")  # voiced, non-nasal: д-/ғ- endings
NASAL = set("мнң")
CASES = ("dat", "loc", "abl")

_ENDINGS = {
    #          after a vowel/voiced   after a nasal     after a voiceless consonant
    "dat": {"back": ("ға", "ға", "қа"), "front": ("ге", "ге", "ке")},
    "loc": {"back": ("да", "да", "та"), "front": ("де", "де", "те")},
    "abl": {"back": ("дан", "нан", "тан"), "front": ("ден", "нен", "тен")},
}


def _harmony(word: str) -> str:
    for letter in reversed(word.lower()):
        if letter in BACK:
            return "back"
        if letter in FRONT:
            return "front"
    return "back"


def _final(word: str) -> int:
    last = word.lower()[-1]
    if last in VOWELS or last in SONORANT:
        return 0
    if last in NASAL:
        return 1
    return 2


def inflect(word: str, case: str) -> str:
    """``word`` with the ending of ``case`` (``dat``, ``loc`` or ``abl``)."""
    if case not in _ENDINGS:
        raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")
    if not word or not word[-1].isalpha():
        raise ValueError(f"a case ending needs a word that ends in a letter, not {word!r}")
    return word + _ENDINGS[case][_harmony(word)][_final(word)]


def inflect_last_word(phrase: str, case: str) -> str:
    """The phrase with its last word in ``case`` (the ending follows the last word spoken)."""
    head, space, last = phrase.rpartition(" ")
    return f"{head}{space}{inflect(last, case)}"
