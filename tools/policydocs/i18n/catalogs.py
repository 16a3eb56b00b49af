"""Which language the tool speaks, and the gettext catalogs that hold its words.

Message ids are the English wording; Russian and Kazakh live in ``locale/<lang>/LC_MESSAGES/
<domain>.po``, compiled to ``.mo`` beside them. The catalogs are managed with Babel's own
tooling, never by hand-made tables (``make messages``: extract, update, compile; see
``babel.cfg`` and README "Messages"). Two domains keep two audiences' texts apart:

- ``policydocs``: the command line and every error about input (``PolicyError``);
- ``checker``: the checker's findings and the reasons behind its rules;
- ``site``: every word a reader sees (the site, PDFs, Word files, notices, feeds, evidence
  bundles), in the language of the page, not of the tool. Its ids carry a context, the key
  the code asks for (``N_p("status.draft", "draft, not published")``, extracted with
  ``-k N_p:1c,2``), so one English word can have two translations.

A command picks the language once (``policydocs --lang kk …``, else ``POLICYDOCS_LANG``, else the
locale: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); library code asks for the
current one when it words a message, so an error raised deep inside is already in the
user's language when the CLI prints it.
"""

from __future__ import annotations

import gettext as _gettext
import os
import struct
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from ..errors import PolicyError

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAINS = ("policydocs", "checker", "site")
SITE_DOMAIN = "site"
MESSAGE_LANGUAGES = ("ru", "kk", "en")
SOURCE_LANGUAGE = "en"  # message ids are English: an English user reads them as they are
ENV_VAR = "POLICYDOCS_LANG"

_current: str | None = None


def default_language(environ: dict[str, str] | None = None) -> str:
    """The language the user's environment asks for: POLICYDOCS_LANG, then the POSIX locale.

    ``ru_KZ.UTF-8`` gives ``ru``, ``kk_KZ`` gives ``kk``; a locale in none of our languages
    (or ``C``/``POSIX``) gives English, the language of the message ids.
    """
    env = os.environ if environ is None else environ
    own = env.get(ENV_VAR, "").strip().lower()
    if own in MESSAGE_LANGUAGES:
        return own
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        # LANGUAGE may be a priority list ("kk:ru:en"); the others are one locale name
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in MESSAGE_LANGUAGES:
                return code
        return SOURCE_LANGUAGE  # the first variable set decides, as in gettext itself
    return SOURCE_LANGUAGE


def set_language(lang: str | None) -> str:
    """Make ``lang`` the language of every message from now on (None: back to the default)."""
    global _current
    if lang is not None and lang not in MESSAGE_LANGUAGES:
        raise ValueError(f"no messages in {lang!r}; use one of {', '.join(MESSAGE_LANGUAGES)}")
    _current = lang
    return current_language()


def current_language() -> str:
    return _current or default_language()


def translation(lang: str, domain: str = "policydocs") -> _gettext.NullTranslations:
    """The compiled catalog of ``domain`` in ``lang``; English (the ids) needs none.

    Read again when its ``.mo`` changes (``make messages`` under ``mkdocs serve``: the next
    rebuild shows the translator's fix), else once per process.
    """
    if domain not in DOMAINS:
        raise ValueError(f"unknown message domain {domain!r}")
    if lang == SOURCE_LANGUAGE:
        return _NULL
    path = Path(LOCALE_DIR) / lang / "LC_MESSAGES" / f"{domain}.mo"
    try:
        stat = path.stat()
    except OSError:
        return _NULL  # no catalog: the English ids, as gettext's own fallback gives
    return _load(path, stat.st_mtime_ns, stat.st_size)


_NULL = _gettext.NullTranslations()


@cache
def _load(path: Path, mtime_ns: int, size: int) -> _gettext.GNUTranslations:
    try:
        with open(path, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    except (OSError, ValueError, LookupError, IndexError, UnicodeError, struct.error) as exc:
        # a damaged .mo: one line naming it (PolicyError), never a traceback in the build
        message = N_("damaged message catalog ({error}); run make messages")
        if path.stem != "policydocs":  # the tool's own words cannot say that their catalog is broken
            message = _(message)
        raise PolicyError(message.format(error=getattr(exc, "strerror", None) or exc), path) from None


def load_catalogs(domain: str) -> None:
    """Read ``domain``'s catalog in every language now: PolicyError (file, one line) if one is damaged."""
    for lang in MESSAGE_LANGUAGES:
        translation(lang, domain)


def gettext(message: str, lang: str | None = None, domain: str = "policydocs") -> str:
    return translation(lang or current_language(), domain).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None, domain: str = "policydocs") -> str:
    """A message with a count: Russian has three plural forms, Kazakh one; the catalog knows."""
    return translation(lang or current_language(), domain).ngettext(singular, plural, n)


def _(message: str) -> str:
    """The ``policydocs`` message in the current language (extracted by ``pybabel extract``)."""
    return translation(current_language(), "policydocs").gettext(message)


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


# --- the site's words (domain ``site``) ---------------------------------------------------


def N_p(context: str, message: str) -> tuple[str, str]:
    """Marks a site word with its key (the context) for extraction; looked up where it is shown."""
    return context, message


def N_np(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    """Marks a site word with a count (``-k N_np:1c,2,3``); said with ``npgettext(*marker, n, lang)``."""
    return context, singular, plural


def pgettext(context: str, message: str, lang: str, domain: str = SITE_DOMAIN) -> str:
    """The word ``message`` with key ``context`` in the reader's language ``lang`` (English: itself)."""
    return translation(lang, domain).pgettext(context, message)


def site_word(marker: tuple[str, str], lang: str) -> str:
    """The site word of an ``N_p(key, english)`` marker in ``lang``."""
    context, message = marker
    return pgettext(context, message, lang)


def npgettext(context: str, singular: str, plural: str, n: int, lang: str, domain: str = SITE_DOMAIN) -> str:
    """A site word with a count: Russian has three forms, Kazakh two; the catalog knows which."""
    return translation(lang, domain).npgettext(context, singular, plural, n)


class SiteWords(Mapping):
    """A table of site words, ``words[lang][key]``, read from the ``site`` catalogs at each look-up.

    Built from ``N_p(prefix + key, english)`` markers, so Babel extracts every word and a
    translator changes it in the ``.po`` file; the code keeps only the keys and the English.
    """

    def __init__(self, *entries: tuple[str, str], prefix: str = ""):
        self.prefix = prefix
        self.english = {context[len(prefix) :]: message for context, message in entries}
        if any(not context.startswith(prefix) for context, _m in entries):
            raise ValueError(f"every key of this table starts with {prefix!r}")

    def word(self, key: str, lang: str) -> str:
        return pgettext(self.prefix + key, self.english[key], lang)

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        if lang not in MESSAGE_LANGUAGES:
            raise KeyError(lang)
        return _LanguageWords(self, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(MESSAGE_LANGUAGES)

    def __len__(self) -> int:
        return len(MESSAGE_LANGUAGES)


class _LanguageWords(Mapping):
    def __init__(self, table: SiteWords, lang: str):
        self.table, self.lang = table, lang

    def __getitem__(self, key: str) -> str:
        if key not in self.table.english:
            raise KeyError(key)
        return self.table.word(key, self.lang)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.english)

    def __len__(self) -> int:
        return len(self.table.english)
