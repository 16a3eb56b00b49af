"""Words that mix Cyrillic and Latin letters, such as seed 004's "Аktуалды" (Latin k and t).

Latin and Cyrillic a, e, o, p, c, x, k, t, y look alike; a word typed with a mixed keyboard
looks right on screen but is not found by search, is hyphenated wrongly and, in a name, is a
different name. Each suspect letter is pointed out by position.
"""

from __future__ import annotations

import re

from . import wording
from .wording import N_plural

WORD_RE = re.compile(r"[^\W\d_]+")
CYR_LETTER = re.compile(r"[\u0400-\u04FF]")
LAT_LETTER = re.compile(r"[A-Za-z]")

BOUNDARY = re.compile(r"[\u0400-\u04FF][A-Za-z]|[A-Za-z][\u0400-\u04FF]")

LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYR_RUN = re.compile(r"[\u0400-\u04FF]+")


def latin_runs(text: str) -> list[re.Match]:
    """The runs of Latin letters: found once per Russian or Kazakh file, used by two rules."""
    return list(LATIN_RUN.finditer(text))


def boundaries(text: str, lang: str, runs: list[re.Match] | None = None) -> list[int]:
    """Offsets where a Cyrillic letter touches a Latin one, found through the rarer alphabet's runs
    (Latin words in Russian and Kazakh text, Cyrillic ones in English): much faster than testing every place.
    ``runs``: the Latin runs of ``text`` when already found."""
    rx, other = (_CYR_RUN, LAT_LETTER) if lang == "en" else (LATIN_RUN, CYR_LETTER)
    out = []
    n = len(text)
    for m in runs if runs is not None and lang != "en" else rx.finditer(text):
        a, b = m.start(), m.end()
        if (a and other.match(text, a - 1)) or (b < n and other.match(text, b)):
            out.append(a)
    return out


LETTER = wording.N_("'{letter}' ({position})")
ODD_LETTERS = {
    True: N_plural("{letters} is Latin", "{letters} are Latin"),
    False: N_plural("{letters} is Cyrillic", "{letters} are Cyrillic"),
}


def mixed_words(text: str) -> list[tuple[str, int, dict]]:
    """(word, offset, message params) for every word that mixes the two alphabets."""
    out = []
    if not BOUNDARY.search(text):  # a mixed word has a Cyrillic letter right next to a Latin one
        return out
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        cyr = len(CYR_LETTER.findall(word))
        lat = len(LAT_LETTER.findall(word))
        if not cyr or not lat:
            continue
        minority_latin = lat <= cyr
        rx = LAT_LETTER if minority_latin else CYR_LETTER
        odd = [(i + 1, ch) for i, ch in enumerate(word) if rx.match(ch)]
        letters = wording.listed([wording.phrase(LETTER, letter=ch, position=wording.letter(i)) for i, ch in odd])
        out.append(
            (
                word,
                m.start(),
                dict(word=word, letters=wording.counted(ODD_LETTERS[minority_latin], len(odd), letters=letters)),
            )
        )
    return out
