"""Versions on the site: which text a page shows, its notices, history and redline pages.

What a reader sees (and why):

* ``/<lang>/<product>/<name>/`` shows the version in force when the site was built, with
  "in force since ..." and, while a newer version is pending, "in force until ..." and a
  link to the pending version, which says "takes effect on ...". Before any version is
  published it shows the draft, marked as such; ``mkdocs serve`` always shows the draft
  (the legal team's preview).
* ``.../v<N>/`` is the permanent text of version N; ``.../v<N>/changes/`` its redline
  against version N-1; ``.../history/`` lists every version with its moments, summary and
  links, and answers "which version was in force on this date".

No MkDocs import here: the plugin asks these functions for HTML and data.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_time, get_timezone_location

from ..corpus import Corpus
from ..document import Document, parse_text
from ..languages import LANGUAGES
from ..versions.redline import compare, render_html, summary
from ..versions.store import Version, VersionStore, open_store
from .dates import long_date

STRINGS: dict[str, dict[str, str]] = {
    "version_n": {"ru": "Редакция {n}", "kk": "{n}-нұсқа", "en": "Version {n}"},
    "in_force_since": {"ru": "Действует с {moment}", "kk": "{moment} бастап күшінде", "en": "In force since {moment}"},
    "in_force_until": {"ru": "Действует до {moment}", "kk": "{moment} дейін күшінде", "en": "In force until {moment}"},
    "takes_effect": {"ru": "Вступает в силу {moment}", "kk": "{moment} күшіне енеді", "en": "Takes effect on {moment}"},
    "superseded": {"ru": "Утратила силу {moment}", "kk": "{moment} күшін жойды", "en": "No longer in force since {moment}"},
    "pending": {
        "ru": "Опубликована новая редакция {n}: она вступает в силу {moment}.",
        "kk": "Жаңа {n}-нұсқа жарияланды: ол {moment} күшіне енеді.",
        "en": "A new version {n} has been published: it takes effect on {moment}.",
    },
    "read_pending": {"ru": "Текст новой редакции", "kk": "Жаңа нұсқаның мәтіні", "en": "Read the new version"},
    "what_changes": {"ru": "Что изменится", "kk": "Не өзгереді", "en": "What changes"},
    "what_changed": {"ru": "Что изменилось", "kk": "Не өзгерді", "en": "What changed"},
    "history": {"ru": "История редакций", "kk": "Нұсқалар тарихы", "en": "Version history"},
    "published_on": {"ru": "Опубликована", "kk": "Жарияланды", "en": "Published"},
    "effective_from": {"ru": "Вступление в силу", "kk": "Күшіне енуі", "en": "Effective"},
    "until": {"ru": "Действует до", "kk": "Қолданылу мерзімі", "en": "In force until"},
    "changes": {"ru": "Изменения", "kk": "Өзгерістер", "en": "Changes"},
    "text": {"ru": "Текст", "kk": "Мәтін", "en": "Text"},
    "state.in_force": {"ru": "действует", "kk": "күшінде", "en": "in force"},
    "state.pending": {"ru": "ещё не вступила в силу", "kk": "әлі күшіне енген жоқ", "en": "pending"},
    "state.superseded": {"ru": "утратила силу", "kk": "күшін жойған", "en": "superseded"},
    "redline_title": {"ru": "Изменения в редакции {n}", "kk": "{n}-нұсқадағы өзгерістер", "en": "Changes in version {n}"},
    "legend": {
        "ru": "Удалённый текст зачёркнут, добавленный — подчёркнут.",
        "kk": "Алынып тасталған мәтіннің үсті сызылған, қосылған мәтіннің асты сызылған.",
        "en": "Deleted text is struck through; inserted text is underlined.",
    },
    "compared": {"ru": "По сравнению с редакцией {n}", "kk": "{n}-нұсқамен салыстырғанда", "en": "Compared with version {n}"},
    "first": {"ru": "Первая редакция: сравнивать не с чем.", "kk": "Алғашқы нұсқа: салыстыратын ештеңе жоқ.",
              "en": "The first version: there is nothing to compare it with."},
    "lookup": {"ru": "Какая редакция действовала на дату", "kk": "Берілген күні қай нұсқа күшінде болды",
               "en": "Which version was in force on a date"},
    "lookup_none": {"ru": "На эту дату опубликованной редакции не было.", "kk": "Бұл күні жарияланған нұсқа болған жоқ.",
                    "en": "No published version was in force on that date."},
    "rule": {
        "ru": "Как считается срок: существенные изменения вступают в силу по истечении {days} календарных дней "
              "со дня, следующего за днём публикации, — в 00:00 следующего дня по времени {zone}. "
              "Несущественные изменения вступают в силу в момент публикации.",
        "kk": "Мерзім қалай есептеледі: елеулі өзгерістер жарияланған күннен кейінгі күннен бастап {days} күнтізбелік "
              "күн өткен соң, келесі күні {zone} уақыты бойынша 00:00-де күшіне енеді. Елеусіз өзгерістер "
              "жарияланған сәтте күшіне енеді.",
        "en": "How the period is counted: material changes take effect when {days} calendar days have passed, counted "
              "from the day after publication, at 00:00 of the next day, {zone} time. Non-material changes take "
              "effect when published.",
    },
    "draft_preview": {
        "ru": "Черновик: этот текст ещё не опубликован.",
        "kk": "Жоба: бұл мәтін әлі жарияланбаған.",
        "en": "Draft: this text has not been published.",
    },
    "material": {"ru": "существенное изменение", "kk": "елеулі өзгеріс", "en": "material change"},
    "non_material": {"ru": "несущественное изменение", "kk": "елеусіз өзгеріс", "en": "non-material change"},
}


def s(key: str, lang: str, **values) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


ZONE_TIME = {"ru": "время {city}", "kk": "{city} уақыты", "en": "{city} time"}


def zone_city(zone: str, lang: str) -> str:
    """The city a time zone is named after, as ``lang`` writes it ('Asia/Almaty' -> 'Алматы')."""
    try:
        return get_timezone_location(zone, locale=lang, return_city=True)
    except LookupError:
        return zone


def long_moment(moment: dt.datetime, lang: str) -> str:
    """'30 ноября 2026 г., 00:00 (время Алматы, UTC+05:00)': date by Babel, the zone as readers say it."""
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    key = getattr(moment.tzinfo, "key", None)
    zone = ZONE_TIME[lang].format(city=zone_city(key, lang)) if key else offset
    return f"{long_date(moment, lang)}, {format_time(moment, 'HH:mm', locale=lang)} ({zone}, {offset})"


def moment_html(moment: dt.datetime, lang: str) -> str:
    return f'<time datetime="{moment.isoformat()}">{_e(long_moment(moment, lang))}</time>'


# --- paths ------------------------------------------------------------------------------

def version_path(lang: str, doc_id: str, number: int) -> str:
    return f"{lang}/{doc_id}/v{number}/"


def changes_path(lang: str, doc_id: str, number: int) -> str:
    return f"{lang}/{doc_id}/v{number}/changes/"


def history_path(lang: str, doc_id: str) -> str:
    return f"{lang}/{doc_id}/history/"


# --- the model --------------------------------------------------------------------------

@dataclass
class DocumentHistory:
    """A document's published versions seen at one moment (the build)."""

    doc_id: str
    store: VersionStore
    now: dt.datetime
    _docs: dict[tuple[int, str], Document] = field(default_factory=dict)

    @property
    def versions(self) -> list[Version]:
        return self.store.versions

    @property
    def current(self) -> Version | None:
        return self.store.in_force(self.now)

    @property
    def pending(self) -> Version | None:
        waiting = self.store.pending(self.now)
        return waiting[-1] if waiting else None

    def state(self, version: Version) -> str:
        if version.effective > self.now:
            return "pending"
        current = self.current
        return "in_force" if current is not None and current.number == version.number else "superseded"

    def until(self, version: Version) -> dt.datetime | None:
        return self.store.in_force_until(version)

    def previous(self, version: Version) -> Version | None:
        earlier = [v for v in self.versions if v.number < version.number]
        return earlier[-1] if earlier else None

    def document(self, version: Version, lang: str) -> Document | None:
        if lang not in version.sha256:
            return None
        key = (version.number, lang)
        if key not in self._docs:
            self._docs[key] = parse_text(version.text(lang), version.text_path(lang))
        return self._docs[key]


def load_histories(corpus: Corpus, versions_dir: Path, now: dt.datetime) -> dict[str, DocumentHistory]:
    """Every document's history; a tampered or malformed history stops the build (PolicyError)."""
    histories = {}
    for doc_id in corpus.policies:
        store = open_store(versions_dir, doc_id)
        histories[doc_id] = DocumentHistory(doc_id, store, now)
    return histories


# --- HTML -------------------------------------------------------------------------------

def _rel(relative, here: str, there: str) -> str:
    return _e(relative(here, there))


def version_notice(history: DocumentHistory, shown: Version, lang: str, here: str, relative) -> str:
    """The lines under a page's title that say which version this is and when it applies."""
    out = [f'<div class="pd-version" data-version="{shown.number}" data-state="{history.state(shown)}">',
           f"<p><strong>{_e(s('version_n', lang, n=shown.number))}</strong> · "]
    state = history.state(shown)
    if state == "pending":
        out.append(_e_html(s("takes_effect", lang, moment="{m}"), moment_html(shown.effective, lang)))
    elif state == "in_force":
        out.append(_e_html(s("in_force_since", lang, moment="{m}"), moment_html(shown.effective, lang)))
        until = history.until(shown)
        if until is not None:
            out.append(" · " + _e_html(s("in_force_until", lang, moment="{m}"), moment_html(until, lang)))
    else:
        until = history.until(shown)
        if until is not None:
            out.append(_e_html(s("superseded", lang, moment="{m}"), moment_html(until, lang)))
    out.append("</p>")
    links = [f'<a href="{_rel(relative, here, history_path(lang, history.doc_id))}">{_e(s("history", lang))}</a>']
    if history.previous(shown) is not None:
        links.append(f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, shown.number))}">{_e(s("what_changed", lang))}</a>')
    out.append(f'<p class="pd-version-links">{" · ".join(links)}</p>')
    pending = history.pending
    if state == "in_force" and pending is not None and pending.number != shown.number:
        out.append('<div class="pd-pending admonition warning">')
        out.append("<p>" + _e_html(s("pending", lang, n=pending.number, moment="{m}"), moment_html(pending.effective, lang)) + "</p>")
        out.append(f'<p><a href="{_rel(relative, here, version_path(lang, history.doc_id, pending.number))}">{_e(s("read_pending", lang))}</a> · '
                   f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, pending.number))}">{_e(s("what_changes", lang))}</a></p>')
        out.append("</div>")
    out.append("</div>")
    return "".join(out)


def _e_html(template: str, html_value: str) -> str:
    """Escape a sentence and put an HTML fragment at its ``{m}`` place."""
    before, _, after = template.partition("{m}")
    return f"{_e(before)}{html_value}{_e(after)}"


def draft_notice(lang: str) -> str:
    return f'<div class="pd-version pd-draft-notice admonition note"><p>{_e(s("draft_preview", lang))}</p></div>'


def history_body(history: DocumentHistory, lang: str, title: str, relative, pdf_of=None) -> str:
    """The history page: every version, its moments and summary, and a date look-up."""
    here = history_path(lang, history.doc_id)
    days = history.versions[-1].notice_days if history.versions else 0
    zone = history.store.timezone
    out = [f'<h1 id="title">{_e(title)} · {_e(s("history", lang))}</h1>',
           f'<p class="pd-rule">{_e(s("rule", lang, days=max(days, 0), zone=zone_city(zone, lang)))}</p>',
           '<table class="pd-history" data-pd-reflow><thead><tr>'
           f"<th>{_e(s('version_n', lang, n='').strip())}</th><th>{_e(s('published_on', lang))}</th>"
           f"<th>{_e(s('effective_from', lang))}</th><th>{_e(s('until', lang))}</th><th>{_e(s('changes', lang))}</th>"
           f"<th>{_e(s('text', lang))}</th></tr></thead><tbody>"]
    # each cell names its column: on a phone the table reflows into one card per version
    col = [f' data-label="{_e(label)}"' for label in (
        s("version_n", lang, n="").strip(), s("published_on", lang), s("effective_from", lang), s("until", lang),
        s("changes", lang), s("text", lang))]
    for version in reversed(history.versions):
        until = history.until(version)
        state = history.state(version)
        links = []
        if lang in version.sha256:
            links.append(f'<a href="{_rel(relative, here, version_path(lang, history.doc_id, version.number))}">HTML</a>')
            pdf = pdf_of(version, lang) if pdf_of else None
            if pdf:
                links.append(f'<a href="{_rel(relative, here, pdf)}">PDF</a>')
        summary_text = version.summary.get(lang) or next(iter(version.summary.values()), "")
        changes = redline_changes(history, version, lang)
        if changes is not None:  # said as the redline says it (grammatical in each language), not as first recorded
            summary_text = summary(changes, lang)
        redline = ""
        if history.previous(version) is not None and lang in version.sha256:
            redline = f' <a href="{_rel(relative, here, changes_path(lang, history.doc_id, version.number))}">{_e(s("what_changed", lang))}</a>'
        kind = "" if history.previous(version) is None else s("material", lang) if version.material else s("non_material", lang)
        out.append(
            f'<tr data-version="{version.number}" data-effective="{version.effective.isoformat()}" '
            f'data-until="{until.isoformat() if until else ""}" data-state="{state}">'
            f"<td{col[0]}>{version.number} <small>({_e(s('state.' + state, lang))})</small></td>"
            f"<td{col[1]}>{moment_html(version.published, lang)}</td><td{col[2]}>{moment_html(version.effective, lang)}</td>"
            f"<td{col[3]}>{moment_html(until, lang) if until else '—'}</td>"
            f"<td{col[4]}>{_e(summary_text)}{f' <small>({_e(kind)})</small>' if kind else ''}{redline}</td>"
            f"<td{col[5]}>{' · '.join(links)}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(
        f'<form class="pd-lookup" data-none="{_e(s("lookup_none", lang))}" data-label="{_e(s("version_n", lang, n="{n}"))}">'
        f'<label>{_e(s("lookup", lang))}: <input type="date" name="date"></label> <output></output></form>'
    )
    return "\n".join(out)


def redline_moments(version: Version, lang: str) -> str:
    """'Published …; takes effect …; compared with version 1': the redline PDF's dateline."""
    return "; ".join([
        f"{s('published_on', lang)} {long_moment(version.published, lang)}",
        s("takes_effect", lang, moment=long_moment(version.effective, lang)),
        s("compared", lang, n=version.number - 1),
    ])


def redline_changes(history: DocumentHistory, version: Version, lang: str):
    """The changes of ``version`` against the one before it in ``lang`` (None for a first version)."""
    previous = history.previous(version)
    new_doc = history.document(version, lang)
    old_doc = history.document(previous, lang) if previous else None
    if previous is None or new_doc is None or old_doc is None:
        return None
    return _changes(history.doc_id, previous.sha256.get(lang), version.sha256.get(lang), old_doc, new_doc)


def redline_body(history: DocumentHistory, version: Version, lang: str, title: str, relative, pdf: str | None = None,
                 docx: str | None = None) -> str:
    """The redline page of ``version`` against the one before it, in one language."""
    here = changes_path(lang, history.doc_id, version.number)
    out = [f'<h1 id="title">{_e(title)} · {_e(s("redline_title", lang, n=version.number))}</h1>']
    changes = redline_changes(history, version, lang)
    if changes is None:
        out.append(f"<p>{_e(s('first', lang))}</p>")
        return "\n".join(out)
    out.append(f'<p class="pd-redline-summary"><strong>{_e(summary(changes, lang))}</strong></p>')
    out.append(f'<p class="pd-dateline">{_e(redline_moments(version, lang))}</p>')
    if pdf or docx:
        from .strings import t

        links = [f'<a href="{_rel(relative, here, pdf)}" download>PDF</a>'] if pdf else []
        if docx:
            links.append(f'<a href="{_rel(relative, here, docx)}" download>{_e(t("docx_changes", lang))}</a>')
        out.append(f'<p class="pd-pdf">{" · ".join(links)}</p>')
    out.append(f"<p>{_e(s('legend', lang))} "
               f'<a href="{_rel(relative, here, history_path(lang, history.doc_id))}">{_e(s("history", lang))}</a></p>')
    text = relative(here, version_path(lang, history.doc_id, version.number))
    out.append(render_html(changes, lang, only_changes=True, link=lambda eid: f"{text}#{eid}"))
    return "\n".join(out)


_CHANGES: dict[tuple, list] = {}


def _changes(doc_id, old_sha, new_sha, old_doc, new_doc):
    """Redlines depend only on the two frozen texts: computed once per build and pair."""
    key = (doc_id, old_sha, new_sha)
    if key not in _CHANGES:
        _CHANGES[key] = compare(old_doc, new_doc)
    return _CHANGES[key]


# --- data for apps ------------------------------------------------------------------------

def api_versions(history: DocumentHistory, url, pdf_of=None) -> dict:
    """History, current and pending version for the JSON API (moments with their offsets)."""

    def entry(version: Version) -> dict:
        until = history.until(version)
        langs = {}
        for lang in LANGUAGES:
            if lang not in version.sha256:
                continue
            pdf = pdf_of(version, lang) if pdf_of else None
            langs[lang] = {
                "text_sha256": version.sha256[lang],
                "url": url(version_path(lang, history.doc_id, version.number)),
                "changes_url": url(changes_path(lang, history.doc_id, version.number)) if history.previous(version) else None,
                "pdf_url": url(pdf) if pdf else None,
                "summary": version.summary.get(lang),
            }
        return {
            "version": version.number,
            "state": history.state(version),
            "published": version.published.isoformat(),
            "effective": version.effective.isoformat(),
            "in_force_until": until.isoformat() if until else None,
            "material": version.material,
            "notice_days": version.notice_days,
            "languages": langs,
        }

    current, pending = history.current, history.pending
    return {
        "versions": [entry(v) for v in history.versions],
        "current_version": current.number if current else None,
        "pending": entry(pending) if pending else None,
        "timezone": history.store.timezone,
    }

