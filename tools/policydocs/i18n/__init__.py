"""Messages in the reader's language: gettext catalogs managed with Babel (see catalogs.py)."""

from .catalogs import (
    DOMAINS,
    ENV_VAR,
    LOCALE_DIR,
    MESSAGE_LANGUAGES,
    N_,
    _,
    current_language,
    default_language,
    gettext,
    ngettext,
    set_language,
    translation,
)

__all__ = [
    "DOMAINS",
    "ENV_VAR",
    "LOCALE_DIR",
    "MESSAGE_LANGUAGES",
    "N_",
    "_",
    "current_language",
    "default_language",
    "gettext",
    "ngettext",
    "set_language",
    "translation",
]
