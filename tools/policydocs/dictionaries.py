"""Whether a language's dictionary knows a word: pymorphy3 for Russian, Debian's Hunspell kk for Kazakh.

Shared by the importer (is «интернет-ресурсында» broken at a line end one word or two?) and
the checker's analysers (``check/morph.py``). Both dictionaries are loaded on first use and
once per process: Hunspell kk takes about two seconds to read. ``known`` answers ``None``
for a language without a dictionary here (English) or where hunspell-kk is not installed, so
that a caller can tell "not a word" from "cannot tell".
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

HUNSPELL_KK = Path("/usr/share/hunspell/kk_KZ")  # Debian's hunspell-kk (tools/scripts/system-deps.sh)


@cache
def morph_ru() -> Any:  # pymorphy3.MorphAnalyzer (no type information)
    """pymorphy3's analyser with its Russian dictionary (imported when first needed)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def hunspell_kk() -> Any:  # spylls.hunspell.Dictionary, or None
    """Debian's hunspell-kk read by spylls, or None where it is not installed."""
    if not HUNSPELL_KK.with_suffix(".dic").is_file():
        return None
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(HUNSPELL_KK))


@lru_cache(maxsize=200_000)
def known_ru(word: str) -> bool:
    """Whether the Russian dictionary knows the word (not a guess from its ending)."""
    return bool(morph_ru().word_is_known(word))


@lru_cache(maxsize=200_000)
def known_kk(word: str) -> bool:
    d = hunspell_kk()
    return d is not None and bool(d.lookup(word))


def known(word: str, lang: str | None) -> bool | None:
    """True or False where ``lang`` has a dictionary here, None where it has none."""
    if lang == "ru":
        return known_ru(word.lower())
    if lang == "kk":
        return known_kk(word.lower()) if hunspell_kk() is not None else None
    return None
