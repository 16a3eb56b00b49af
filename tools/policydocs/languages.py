"""The languages a policy is written in, and how to tell them apart in raw text.

Kazakh and Russian share the Cyrillic alphabet; Kazakh has nine letters of its own
(ә ғ қ ң ө ұ ү һ і), which is what language detection leans on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("ru", "kk", "en")
DEFAULT_SOURCE_LANG = "ru"

LANGUAGE_NAMES = {
    # name of each language, in each language (for switchers and messages)
    "ru": {"ru": "Русский", "kk": "Орысша", "en": "Russian"},
    "kk": {"ru": "Казахский", "kk": "Қазақша", "en": "Kazakh"},
    "en": {"ru": "Английский", "kk": "Ағылшынша", "en": "English"},
}

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
RUSSIAN_ONLY_LETTERS = set("ёъэЁЪЭ")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")



class _Scripts(dict):
    """str.translate table: Latin letter -> "L", Cyrillic -> "C", Kazakh-only -> "K", anything else dropped."""

    def __missing__(self, code: int) -> None:
        return None


_SCRIPTS = _Scripts({code: None for code in range(0x2200)})
_SCRIPTS.update({ord(ch): "L" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
_SCRIPTS.update({code: "C" for code in range(0x0400, 0x0500)})
_SCRIPTS.update({ord(ch): "K" for ch in KAZAKH_LETTERS})


def is_language(code: str) -> bool:
    return code in LANGUAGES


@dataclass(frozen=True)
class LetterCounts:
    """How many letters of each script a piece of text has."""

    latin: int
    cyrillic: int
    kazakh: int  # Kazakh-only letters, a subset of cyrillic

    @property
    def letters(self) -> int:
        return self.latin + self.cyrillic


def count_letters(text: str) -> LetterCounts:
    scripts = text.translate(_SCRIPTS)  # one pass in C instead of three regex scans
    kazakh = scripts.count("K")
    return LetterCounts(scripts.count("L"), scripts.count("C") + kazakh, kazakh)


def guess_language(text: str) -> str | None:
    """Best guess of one line's language, or None when it has no letters.

    Cyrillic text without a single Kazakh letter is guessed Russian; callers that see a
    whole document (the importer) smooth these guesses over neighbouring lines.
    """
    counts = count_letters(text)
    if counts.letters == 0:
        return None
    if counts.latin > counts.cyrillic:
        return "en"
    return "kk" if counts.kazakh else "ru"
