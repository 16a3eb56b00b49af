"""Ready notices of a material change, for apps and e-mails, in ru, kk and en.

What users asked GitHub for (github/site-policy#75): tell me, before it applies, that a
policy changes, what changes, when, and what I can do about it. For every material version
that replaces another, three texts per language: an e-mail ``subject``, a short ``push``
line for a push or in-app message, and a ``body`` with the redline summary, the effective
moment, how to object (stop using the service before that moment: in these policies
continued use after the notice period is acceptance) and the links. ``policydocs notice``
prints them; the API carries them for each version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..errors import PolicyError
from ..i18n import N_p, SiteWords, _, site_word
from ..versions.store import Version
from .dates import long_date, long_date_in, long_moment, zone_and_offset
from .urls import changes_path, history_path, version_path

# The texts are in the ``site`` catalogs (key ``notice.<part>``); English is the id. A Kazakh
# text puts each date in the case its sentence governs: it uses ``{date_loc}``, ``{date_dat}``,
# ``{published_loc}`` and ``{effective_loc}`` (the same value with its ending, kkcase.py) where
# the others use ``{date}``, ``{published}`` and ``{effective}``.
TEXTS = SiteWords(
    N_p("notice.subject", "{product}: a new version of the {title} takes effect on {date}"),
    N_p("notice.push", "A new version of the {title} ({product}) takes effect on {date}. Details: {changes_url}"),
    N_p(
        "notice.body",
        "Hello,\n"
        "\n"
        "{operator} has published version {n} of the {title} ({product}) on {published}.\n"
        "\n"
        "What changed: {summary}.\n"
        "\n"
        "The new version takes effect on {effective}. Until then the previous version applies.\n"
        "\n"
        "If you do not agree with the changes, stop using the service before {date}: if you keep using it "
        "after that moment, you accept the new version.\n"
        "\n"
        "The new version: {url}\n"
        "What changed (compared with the previous version): {changes_url}\n"
        "Version history: {history_url}\n",
    ),
    prefix="notice.",
)
# a moment inside a sentence: "1 декабря 2026 г. в 00:00 (время Алматы, UTC+05:00)"; Kazakh puts
# the time in brackets after the date, so the case ending stays on the last word spoken
MOMENT = N_p("notice.moment", "{date} at {time} ({zone}, {offset})")

FORMATS = ("email", "push", "json")


def notice_texts(
    version: Version, lang: str, *, title: str, product: str, operator: str, doc_id: str, url: Callable[[str], str]
) -> dict[str, str]:
    """Subject, push line and body of the notice of ``version`` in ``lang``."""
    if lang not in version.sha256:
        raise PolicyError(
            _("version {number} of '{doc_id}' has no '{lang}' text").format(
                number=version.number, doc_id=doc_id, lang=lang
            )
        )
    values = {
        "product": product,
        "title": title,
        "operator": operator,
        "n": version.number,
        "summary": (version.summary.get(lang) or "").rstrip("."),
        "date": long_date(version.effective, lang),
        "date_loc": long_date_in(version.effective, lang, "loc"),
        "date_dat": long_date_in(version.effective, lang, "dat"),
        "published": long_date(version.published, lang),
        "published_loc": long_date_in(version.published, lang, "loc"),
        "effective": _moment_words(version.effective, lang),
        "effective_loc": long_moment(version.effective, lang, "loc"),
        "url": url(version_path(lang, doc_id, version.number)),
        "changes_url": url(changes_path(lang, doc_id, version.number)),
        "history_url": url(history_path(lang, doc_id)),
    }
    # "23 ноября 2026 г." ends a sentence with its own full stop
    return {part: re.sub(r"\.\.(?=\s|$)", ".", text.format(**values)) for part, text in TEXTS[lang].items()}


def _moment_words(moment: dt.datetime, lang: str) -> str:
    """'1 декабря 2026 г. в 00:00 (время Алматы, UTC+05:00)': the moment as a sentence says it."""
    zone, offset = zone_and_offset(moment, lang)
    date = long_date_in(moment, lang, "loc")  # Kazakh: in the case its sentence governs ("... желтоқсанда")
    return site_word(MOMENT, lang).format(date=date, time=f"{moment:%H:%M}", zone=zone, offset=offset)
