"""The languages a policy is written in, and how to tell them apart in raw text.

Kazakh and Russian share the Cyrillic alphabet; Kazakh has nine letters of its own
(ә ғ қ ң ө ұ ү һ і), which is what language detection leans on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .i18n import N_p, SiteWords

LANGUAGES: tuple[str, ...] = ("ru", "kk", "en")
DEFAULT_SOURCE_LANG = "ru"

# name of each language, in each language (for switchers and messages): LANGUAGE_NAMES[code][in_lang],
# the words in the ``site`` catalogs (key ``language.<code>``; "Қазақша" is Kazakh's own name)
NAMES = SiteWords(
    N_p("language.ru", "Russian"),
    N_p("language.kk", "Kazakh"),
    N_p("language.en", "English"),
    prefix="language.",
)


class _Names(Mapping[str, str]):
    """One language's name in each language, read from the catalogs at each look-up."""

    def __init__(self, code: str):
        self.code = code

    def __getitem__(self, in_lang: str) -> str:
        if in_lang not in LANGUAGES:
            raise KeyError(in_lang)
        return NAMES.word(self.code, in_lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


LANGUAGE_NAMES = {code: _Names(code) for code in LANGUAGES}

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
RUSSIAN_ONLY_LETTERS = set("ёъэЁЪЭ")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")


# count_letters works on the UTF-8 bytes, where each test is one pass in C: an ASCII letter is
# one byte of ``_ASCII_LETTERS``; every character U+0400-U+04FF (the Cyrillic block, Kazakh
# letters included) starts with one of the lead bytes D0-D3, which never occur elsewhere in UTF-8.
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_CYRILLIC_LEADS = b"\xd0\xd1\xd2\xd3"
_KAZAKH_ORDERED = tuple(sorted(KAZAKH_LETTERS))


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


def letter_counts(text: str) -> tuple[int, int, int]:
    """(latin, cyrillic, kazakh) letters of ``text``, as ``count_letters`` but without the object (hot loops)."""
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)
    latin = size - len(data.translate(None, _ASCII_LETTERS))
    cyrillic = size - len(data.translate(None, _CYRILLIC_LEADS))
    kazakh = 0
    # Kazakh-only letters are U+0492-U+04E9 (lead bytes D2, D3) and і/І (U+0456, U+0406): most Russian lines have none
    if cyrillic and (b"\xd2" in data or b"\xd3" in data or "і" in text or "І" in text):
        kazakh = sum(map(text.count, _KAZAKH_ORDERED))
    return latin, cyrillic, kazakh


def count_letters(text: str) -> LetterCounts:
    return LetterCounts(*letter_counts(text))


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
