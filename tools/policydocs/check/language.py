"""Is each passage written in the language of its file?

Kazakh and Russian share Cyrillic; a Kazakh passage of some length without a single one
of the nine Kazakh letters (ә ғ қ ң ө ұ ү һ і) is Russian left in place. In English text,
Latin proper names are normal in every language but a Cyrillic word is not, unless it is a
quoted name (the product «Я!Сам») or the product or operator named in the header.
"""

from __future__ import annotations

import re

from ..languages import KAZAKH_LETTERS, RUSSIAN_ONLY_LETTERS
from .script import CYR_LETTER, LAT_LETTER, LATIN_RUN, WORD_RE

CYR_WORD_RE = re.compile(r"[\u0400-\u04FF]+(?:-[\u0400-\u04FF]+)*")
QUOTED_RE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")
LINK_TARGET_RE = re.compile(r"\]\([^)]*\)|<[a-z]+:[^>]*>")

NAMES = {"ru": ("Russian", "русский"), "kk": ("Kazakh", "казахский"), "en": ("English", "английский")}

# frequent Russian words that Kazakh never uses
RUSSIAN_FUNCTION_WORDS = frozenset(
    "во на не что для по от до при или как это его ее её их также если из за со об "
    "без под над через после между всех все только лет течение "
    "которые который которая быть может могут является".split()
)
KAZAKH_FUNCTION_WORDS = frozenset(
    "және мен бен пен үшін туралы бойынша немесе осы бұл сондай-ақ арқылы кезде болып болады".split()
)


_KK = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")
_RU_PREPOSITION = re.compile(r"(?<![\w.])[вискоу]\s+[а-яё]{3,}")
_NON_LETTER = re.compile(r"[\W\d_]+")


_SEPARATOR = re.compile(r"[^\w\u0400-\u04FF]+")
_LATIN_PASSAGE = re.compile(r"(?:[A-Za-z]{2,}[^\w\u0400-\u04FF]+){5}[A-Za-z]{2,}")  # six Latin words in a row


def has_latin_passage(text: str, runs: list[re.Match] | None = None) -> bool:
    """Six Latin words in a row anywhere: searched once per file, most files have none.

    A passage inside one block is a passage in the whole file too (lines are joined by
    white space either way), so a file without one needs no search per block."""
    # the same as _LATIN_PASSAGE.search(text), walking only the Latin words (few in Russian and Kazakh)
    in_row, last_end = 0, -1
    for m in runs if runs is not None else LATIN_RUN.finditer(text):
        if m.end() - m.start() < 2:
            in_row, last_end = 0, -1
            continue
        joined = last_end >= 0 and _SEPARATOR.fullmatch(text, last_end, m.start()) is not None
        in_row = in_row + 1 if joined else 1
        if in_row >= 6:
            return True
        last_end = m.end()
    return False


def has_cyrillic(text: str) -> bool:
    return CYR_LETTER.search(text) is not None


def has_kazakh_letter(text: str) -> bool:
    return _KK.search(text) is not None


def wrong_language(text: str, lang: str, latin_passage_in_file: bool = True) -> str | None:
    """The language a passage is written in when it is not ``lang``; cheap tests first."""
    if lang == "en":
        if not CYR_LETTER.search(text):
            return None
    elif not (latin_passage_in_file and _LATIN_PASSAGE.search(text)):
        has_kk = _KK.search(text) is not None
        if (lang == "kk") == has_kk:
            return None
    found = detect(text)
    return found if found and found != lang else None


def detect(text: str) -> str | None:
    """The language a passage is written in, or None when it is too short to tell."""
    words = WORD_RE.findall(LINK_TARGET_RE.sub(" ", text))
    if len(words) < 6:
        return None
    cyr = sum(1 for w in words if CYR_LETTER.search(w))
    lat = sum(1 for w in words if LAT_LETTER.search(w) and not CYR_LETTER.search(w))
    if lat > cyr * 2 and lat >= 6:
        return "en"
    if cyr < 6 or cyr < lat:
        return None
    lower = [w.lower() for w in words]
    kk_letters = sum(1 for w in words if any(ch in KAZAKH_LETTERS for ch in w))
    kk_words = sum(1 for w in lower if w in KAZAKH_FUNCTION_WORDS)
    ru_words = sum(1 for w in lower if w in RUSSIAN_FUNCTION_WORDS)
    ru_letters = sum(1 for w in words if any(ch in RUSSIAN_ONLY_LETTERS for ch in w))
    ru_words += len(_RU_PREPOSITION.findall(text))  # "в течение", "и оператор": not "к.В" in an address
    if kk_letters == 0 and kk_words == 0 and ru_words + ru_letters >= 2:
        return "ru"
    if kk_letters >= max(2, cyr // 4) and ru_words <= kk_words + 1:
        return "kk"
    return None


def cyrillic_words_in_english(text: str, allowed: frozenset[str]) -> list[tuple[str, int]]:
    bare = QUOTED_RE.sub(lambda m: " " * len(m.group(0)), text)
    bare = LINK_TARGET_RE.sub(lambda m: " " * len(m.group(0)), bare)
    out = []
    for m in CYR_WORD_RE.finditer(bare):
        word = m.group(0)
        if word in allowed or word.lower() in allowed:
            continue
        # a Cyrillic letter inside a Latin word is a mixed-script word, reported by its own rule
        before = bare[m.start() - 1] if m.start() else " "
        after = bare[m.end()] if m.end() < len(bare) else " "
        if LAT_LETTER.match(before) or LAT_LETTER.match(after):
            continue
        out.append((word, m.start()))
    return out


STRIP_FOR_COPY_RE = re.compile(r"https?://\S+|[\w.+-]+@[\w.-]+|\d+|[^\w\s]")


def meaningful_words(text: str) -> int:
    """Words left once addresses, numbers and punctuation are gone: is there anything to translate?"""
    return len(WORD_RE.findall(STRIP_FOR_COPY_RE.sub(" ", text)))


def letters(text: str) -> int:
    return len(_NON_LETTER.sub("", text))
