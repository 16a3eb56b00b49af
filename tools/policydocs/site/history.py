"""Versions on the site: which text a page shows, its notices, history and redline pages.

What a reader sees (and why):

* ``/<lang>/<product>/<name>/`` shows the version in force when the site was built, with
  "in force since ..." and, while a newer version is pending, "in force until ..." and a
  link to the pending version, which says "takes effect on ...". What the page says about
  it stays right after the build: see "the clock in the page" below. Before any version is
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
import json
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_time, get_timezone_location

from ..corpus import Corpus
from ..document import Document, parse_text
from ..i18n import MESSAGE_LANGUAGES, N_p, SiteWords, site_word
from ..languages import LANGUAGES
from ..versions.redline import compare, label, render_html, version_summary
from ..versions import timeline
from ..versions.store import Version, VersionStore, open_store
from .dates import long_date, long_date_in

# Each sentence once, by its key and in English; Russian and Kazakh are in the ``site`` catalogs
# (key ``history.<key>``). The Kazakh case of a date (KK_CASE) is grammar, so it stays here.
STRINGS = SiteWords(
    N_p("history.version_n", "Version {n}"),
    N_p("history.col_version", "Version"),
    N_p("history.in_force_since", "In force since {moment}"),
    N_p("history.in_force_until", "In force until {moment}"),
    N_p("history.takes_effect", "Takes effect on {moment}"),
    N_p("history.superseded", "No longer in force since {moment}"),
    N_p("history.never", "Never in force: version {n} replaced it on {moment}"),
    N_p("history.pending", "A new version {n} has been published: it takes effect on {moment}."),
    N_p("history.banner.pending", "This version is not yet in force."),
    N_p("history.banner.superseded", "This version is no longer in force."),
    N_p("history.banner.never_in_force", "This version never took effect."),
    N_p("history.text_in_force", "The text in force: version {n}"),
    N_p("history.as_of", "This page was built on {moment}; which version is in force is shown as of then."),
    N_p("history.read_pending", "Read the new version"),
    N_p("history.what_changes", "What changes"),
    N_p("history.what_changed", "What changed"),
    N_p("history.history", "Version history"),
    N_p("history.published_on", "Published"),
    N_p("history.published_at", "Published {moment}"),
    N_p("history.effective_from", "Effective"),
    N_p("history.until", "In force until"),
    N_p("history.changes", "Changes"),
    N_p("history.text", "Text"),
    N_p("history.state.in_force", "in force"),
    N_p("history.state.pending", "pending"),
    N_p("history.state.superseded", "superseded"),
    N_p("history.state.never_in_force", "never in force"),
    N_p("history.redline_title", "Changes in version {n}"),
    N_p("history.legend", "Deleted text is struck through; inserted text is underlined."),
    N_p("history.compared", "Compared with version {n}"),
    N_p("history.first", "The first version: there is nothing to compare it with."),
    N_p("history.lookup", "Which version was in force on a date (at 00:00 that day, {zone} time)"),
    N_p("history.lookup_none", "No published version was in force on that date."),
    N_p("history.rule",
        "How the period is counted: material changes take effect when {days} calendar days have passed, "
        "counted from the day after publication, at 00:00 of the next day, {zone} time. Non-material "
        "changes take effect when published."),
    N_p("history.rule_none", "Changes to this document take effect when published (it has no notice period)."),
    N_p("history.backdated", "recorded after the fact: {reason}"),
    N_p("history.recorded", "recorded {moment}"),
    N_p("history.draft_preview", "Draft: this text has not been published."),
    N_p("history.unconfirmed", "Published without a translator's sign-off ({clauses}). Reason: {reason}"),
    N_p("history.material", "material change"),
    N_p("history.non_material", "non-material change"),
    prefix="history.",
)

# The case a Kazakh sentence puts its date in ("2026 ж. 23 қарашадан бастап", "... желтоқсанға дейін").
KK_CASE = {"published_at": "loc", "in_force_since": "abl", "in_force_until": "dat", "takes_effect": "loc", "superseded": "loc",
           "never": "loc", "pending": "loc", "as_of": "loc"}


def s(key: str, lang: str, **values) -> str:
    text = STRINGS.word(key, lang)
    return text.format(**values) if values else text


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


ZONE_TIME = N_p("history.zone_time", "{city} time")  # "время Алматы", "Алматы уақыты"


def zone_city(zone: str, lang: str) -> str:
    """The city a time zone is named after, as ``lang`` writes it ('Asia/Almaty' -> 'Алматы')."""
    try:
        return get_timezone_location(zone, locale=lang, return_city=True)
    except LookupError:
        return zone


def _zone_and_offset(moment: dt.datetime, lang: str | None = None) -> tuple[str, str]:
    """The zone as readers of ``lang`` say it ("время Алматы", "Алматы уақыты"), and the UTC offset."""
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    key = getattr(moment.tzinfo, "key", None)
    if key and lang in MESSAGE_LANGUAGES:
        return site_word(ZONE_TIME, lang).format(city=zone_city(key, lang)), offset
    return key or offset, offset


def long_moment(moment: dt.datetime, lang: str, case: str | None = None) -> str:
    """'30 ноября 2026 г., 00:00 (время Алматы, UTC+05:00)': date by Babel, the zone as readers say it.

    In Kazakh the date takes the case its sentence governs (``case``) and the time follows
    in brackets, so the ending stays on the last word spoken: "2026 ж. 30 қарашада (00:00, ...)".
    """
    zone, offset = _zone_and_offset(moment, lang)
    clock = format_time(moment, "HH:mm", locale=lang)
    if lang == "kk":
        return f"{long_date_in(moment, lang, case)} ({clock}, {zone}, {offset})"
    return f"{long_date(moment, lang)}, {clock} ({zone}, {offset})"


def moment_html(moment: dt.datetime, lang: str, case: str | None = None) -> str:
    return f'<time datetime="{moment.isoformat()}">{_e(long_moment(moment, lang, case))}</time>'


def phrase(key: str, lang: str, moment: dt.datetime, **values) -> str:
    """A sentence with its moment as plain text (feeds, PDFs, notices): the Kazakh date in its case."""
    return s(key, lang, moment=long_moment(moment, lang, KK_CASE.get(key)), **values)


def phrase_html(key: str, lang: str, moment: dt.datetime, **values) -> str:
    """The same sentence as escaped HTML with the moment in a ``<time>`` element."""
    return _e_html(s(key, lang, moment="{m}", **values), moment_html(moment, lang, KK_CASE.get(key)))


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
    """A document's published versions seen at one moment (the build).

    Versions whose publication is still to come (scheduled) are left out: the site shows
    them only from a build after their moment (``policydocs next-change`` says when).
    """

    doc_id: str
    store: VersionStore
    now: dt.datetime
    notice_days: int | None = None  # the document's own notice period (its front matter)
    _docs: dict[tuple[int, str], Document] = field(default_factory=dict)

    @property
    def versions(self) -> list[Version]:
        return timeline.visible(self.store.versions, self.now)

    @property
    def current(self) -> Version | None:
        return timeline.in_force(self.versions, self.now)

    @property
    def pending(self) -> Version | None:
        waiting = timeline.pending(self.versions, self.now)
        return waiting[-1] if waiting else None

    def state(self, version: Version, at: dt.datetime | None = None) -> str:
        return timeline.state(self.versions, version, at or self.now)

    def in_force_at(self, moment: dt.datetime) -> Version | None:
        return timeline.in_force(self.versions, moment)

    def until(self, version: Version) -> dt.datetime | None:
        return timeline.until(self.versions, version)

    def replaced_by(self, version: Version) -> Version | None:
        """The version whose effective moment ends ``version``'s interval."""
        end = self.until(version)
        later = [v for v in self.versions if v.number > version.number and v.effective == end]
        return later[0] if later else None

    def previous(self, version: Version) -> Version | None:
        earlier = [v for v in self.versions if v.number < version.number]
        return earlier[-1] if earlier else None

    def moments_ahead(self) -> list[dt.datetime]:
        """The build moment and every later moment at which a version's state changes."""
        ahead = sorted({v.effective for v in self.versions if v.effective > self.now})
        return [self.now, *ahead]

    def clock_data(self, key=str) -> dict:
        """Each version's interval, for the page's clock script: {key: [effective, until]}."""
        return {key(v.number): [v.effective.isoformat(), _iso(self.until(v))] for v in self.versions}

    def document(self, version: Version, lang: str) -> Document | None:
        if lang not in version.sha256:
            return None
        key = (version.number, lang)
        if key not in self._docs:
            self._docs[key] = parse_text(version.text(lang), version.text_path(lang))
        return self._docs[key]


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def load_histories(corpus: Corpus, versions_dir: Path, now: dt.datetime) -> dict[str, DocumentHistory]:
    """Every document's history; a tampered or malformed history stops the build (PolicyError)."""
    histories = {}
    for doc_id, policy in corpus.policies.items():
        store = open_store(versions_dir, doc_id)
        source = policy.source or next(iter(policy.languages.values()))
        histories[doc_id] = DocumentHistory(doc_id, store, now, int(source.front.notice_days))
    return histories


# --- the clock in the page ----------------------------------------------------------------
#
# A page is built once but read at any moment. Every fragment that depends on which version
# is in force is rendered once per state it can be in from the build on (a handful: the
# state changes only at effective moments), each marked with the condition under which it
# is true (``data-pd-at="2=pending 1=in_force"``). The fragment true at the build is shown;
# the others carry ``hidden``. policydocs.js reads the versions' intervals from the page's
# ``<script type="application/json" class="pd-clock">`` block and shows the fragment true at
# the reader's moment. Without JavaScript the page keeps the build-time state and says
# "as of <moment>".

def clock_block(now: dt.datetime, intervals: dict) -> str:
    """The page's data for the clock script (JSON; never executed, so CSP allows it)."""
    data = json.dumps({"built": now.isoformat(), "v": intervals}, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c")  # a "</script>" inside a string cannot end the block
    return f'<script type="application/json" class="pd-clock">{data}</script>'


def as_of(history: DocumentHistory, lang: str) -> str:
    """What a reader without JavaScript is told: the states shown are those of the build."""
    moment = history.now.astimezone(timeline_zone(history))
    return f'<p class="pd-asof"><small>{phrase_html("as_of", lang, moment)}</small></p>'


def timeline_zone(history: DocumentHistory):
    from ..versions.clock import zone  # noqa: PLC0415

    return zone(history.store.timezone)


def live(variants: list[tuple[str, str]], at_build: str, tag: str = "span") -> str:
    """Each (condition, html) once, the one true at the build shown, the others hidden."""
    seen: dict[str, str] = {}
    for condition, fragment in variants:
        seen.setdefault(condition, fragment)
    if len(seen) == 1:
        return next(iter(seen.values()))
    return "".join(
        f'<{tag} data-pd-at="{_e(condition)}"{"" if condition == at_build else " hidden"}>{fragment}</{tag}>'
        for condition, fragment in seen.items()
    )


def _condition(pairs: list[tuple[object, str]]) -> str:
    return " ".join(f"{key}={state}" for key, state in pairs)


def _rel(relative, here: str, there: str) -> str:
    return _e(relative(here, there))


def _notice_at(history: DocumentHistory, shown: Version, lang: str, here: str, relative, moment: dt.datetime,
               banner: bool) -> tuple[str, str]:
    """The notice of ``shown`` as it reads at ``moment``: (condition, html)."""
    state = history.state(shown, moment)
    current = history.in_force_at(moment)
    waiting = timeline.pending(history.versions, moment)
    pending = waiting[-1] if waiting else None
    pairs: list[tuple[object, str]] = [(shown.number, state)]
    out = [f"<p><strong>{_e(s('version_n', lang, n=shown.number))}</strong> · "]
    if state == "pending":
        out.append(phrase_html("takes_effect", lang, shown.effective))
    elif state == "in_force":
        out.append(phrase_html("in_force_since", lang, shown.effective))
        until = history.until(shown)
        if until is not None:
            out.append(" · " + phrase_html("in_force_until", lang, until))
    elif state == "superseded":
        out.append(phrase_html("superseded", lang, history.until(shown)))
    else:
        replacement = history.replaced_by(shown)
        out.append(phrase_html("never", lang, history.until(shown), n=replacement.number if replacement else "?"))
    out.append("</p>")
    if state == "in_force" and pending is not None and pending.number != shown.number:
        pairs.append((pending.number, "pending"))
        out.append('<div class="pd-pending admonition warning">')
        out.append("<p>" + phrase_html("pending", lang, pending.effective, n=pending.number) + "</p>")
        out.append(f'<p><a href="{_rel(relative, here, version_path(lang, history.doc_id, pending.number))}">{_e(s("read_pending", lang))}</a> · '
                   f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, pending.number))}">{_e(s("what_changes", lang))}</a></p>')
        out.append("</div>")
    if banner and state != "in_force":
        out.append(f'<div class="pd-not-in-force admonition {"warning" if state == "pending" else "danger"}">'
                   f'<p>{_e(s("banner." + state, lang))}')
        if current is not None and current.number != shown.number:
            pairs.append((current.number, "in_force"))
            target = version_path(lang, history.doc_id, current.number) if lang in current.sha256 else history_path(lang, history.doc_id)
            out.append(f' <a href="{_rel(relative, here, target)}">{_e(s("text_in_force", lang, n=current.number))}</a>')
        out.append("</p></div>")
    return _condition(pairs), "".join(out)


def version_notice(history: DocumentHistory, shown: Version, lang: str, here: str, relative, banner: bool = True) -> str:
    """The lines under a page's title that say which version this is and whether it applies now.

    Right at every moment from the build on (see "the clock in the page"); a version that is
    not in force says so in a banner that links to the text in force.
    """
    variants = [_notice_at(history, shown, lang, here, relative, m, banner) for m in history.moments_ahead()]
    out = [f'<div class="pd-version" data-version="{shown.number}" data-state="{history.state(shown)}">',
           live(variants, variants[0][0], "div")]
    links = [f'<a href="{_rel(relative, here, history_path(lang, history.doc_id))}">{_e(s("history", lang))}</a>']
    if history.previous(shown) is not None:
        links.append(f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, shown.number))}">{_e(s("what_changed", lang))}</a>')
    out.append(f'<p class="pd-version-links">{" · ".join(links)}</p>')
    if len(variants) > 1:
        out.append(as_of(history, lang))
        out.append(clock_block(history.now, history.clock_data()))
    out.append("</div>")
    return "".join(out)


def _e_html(template: str, html_value: str) -> str:
    """Escape a sentence and put an HTML fragment at its ``{m}`` place."""
    before, _, after = template.partition("{m}")
    return f"{_e(before)}{html_value}{_e(after)}"


def draft_notice(lang: str) -> str:
    return f'<div class="pd-version pd-draft-notice admonition note"><p>{_e(s("draft_preview", lang))}</p></div>'


def state_label(history: DocumentHistory, version: Version, lang: str, key=None) -> str:
    """'(действует)' as it reads at each moment from the build on."""
    variants = []
    for moment in history.moments_ahead():
        state = history.state(version, moment)
        variants.append((_condition([(key or version.number, state)]), f"({_e(s('state.' + state, lang))})"))
    return live(variants, variants[0][0])


def history_body(history: DocumentHistory, lang: str, title: str, relative, pdf_of=None) -> str:
    """The history page: every version, its moments and summary, and a date look-up."""
    here = history_path(lang, history.doc_id)
    days = history.notice_days if history.notice_days is not None else max((v.notice_days for v in history.versions), default=0)
    zone = history.store.timezone
    rule = s("rule", lang, days=days, zone=zone_city(zone, lang)) if days > 0 else s("rule_none", lang)
    out = [f'<h1 id="title">{_e(title)} · {_e(s("history", lang))}</h1>',
           f'<p class="pd-rule" data-notice-days="{days}">{_e(rule)}</p>',
           '<table class="pd-history" data-pd-reflow><thead><tr>'
           f"<th>{_e(s('col_version', lang))}</th><th>{_e(s('published_on', lang))}</th>"
           f"<th>{_e(s('effective_from', lang))}</th><th>{_e(s('until', lang))}</th><th>{_e(s('changes', lang))}</th>"
           f"<th>{_e(s('text', lang))}</th></tr></thead><tbody>"]
    # each cell names its column: on a phone the table reflows into one card per version
    col = [f' data-label="{_e(label)}"' for label in (
        s("col_version", lang), s("published_on", lang), s("effective_from", lang), s("until", lang),
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
        # said as the redline says it (grammatical in each language), not as first recorded
        summary_text = redline_summary(history, version, lang) or version.summary.get(lang) \
            or next(iter(version.summary.values()), "")
        redline = ""
        if history.previous(version) is not None and lang in version.sha256:
            redline = f' <a href="{_rel(relative, here, changes_path(lang, history.doc_id, version.number))}">{_e(s("what_changed", lang))}</a>'
        kind = "" if history.previous(version) is None else s("material", lang) if version.material else s("non_material", lang)
        redline += unconfirmed_note(version, lang)
        out.append(
            f'<tr data-version="{version.number}" data-effective="{version.effective.isoformat()}" '
            f'data-until="{until.isoformat() if until else ""}" data-state="{state}">'
            f"<td{col[0]}>{version.number} <small>{state_label(history, version, lang)}</small></td>"
            f"<td{col[1]}>{moment_html(version.published, lang)}{_record_html(version, lang)}</td>"
            f"<td{col[2]}>{moment_html(version.effective, lang)}</td>"
            f"<td{col[3]}>{moment_html(until, lang) if until else '—'}</td>"
            f"<td{col[4]}>{_e(summary_text)}{f' <small>({_e(kind)})</small>' if kind else ''}{redline}</td>"
            f"<td{col[5]}>{' · '.join(links)}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(
        f'<form class="pd-lookup" data-none="{_e(s("lookup_none", lang))}" data-label="{_e(s("version_n", lang, n="{n}"))}" '
        f'data-zone="{_e(zone)}">'
        f'<label>{_e(s("lookup", lang, zone=zone_city(zone, lang)))}: <input type="date" name="date"></label> <output></output></form>'
    )
    out.append(as_of(history, lang))
    out.append(clock_block(history.now, history.clock_data()))
    return "\n".join(out)


def _record_html(version: Version, lang: str) -> str:
    """When ``publish`` really ran and by whom, and why a publication was recorded after the fact."""
    parts = []
    recorded = getattr(version, "recorded_at", None)
    if recorded is not None:
        who = getattr(version, "recorded_by", None)
        stamp = recorded.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        parts.append(_e(s("recorded", lang, moment=stamp) + (f", {who}" if who else "")))
    reason = getattr(version, "backdate_reason", None)
    if reason:
        parts.append(f'<span class="pd-backdated">{_e(s("backdated", lang, reason=reason))}</span>')
    return f'<br><small class="pd-record">{"; ".join(parts)}</small>' if parts else ""


def unconfirmed_note(version: Version, lang: str) -> str:
    """A version published over open translations says so, with the legal team's reason."""
    if not version.unconfirmed:
        return ""
    clauses = "; ".join(f"{l}: {', '.join(label(eid, lang) for eid in c)}" for l, c in version.unconfirmed["clauses"].items())
    text = s("unconfirmed", lang, clauses=clauses, reason=version.unconfirmed["reason"])
    return f'<br><small class="pd-unconfirmed">{_e(text)}</small>'


def redline_moments(version: Version, lang: str) -> str:
    """'Published …; takes effect …; compared with version 1': the redline PDF's dateline."""
    return "; ".join([
        phrase("published_at", lang, version.published),
        phrase("takes_effect", lang, version.effective),
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


def redline_summary(history: DocumentHistory, version: Version, lang: str, changes=None) -> str | None:
    """What ``version`` changed in ``lang``, header (title, product, operator) included; None for a first version."""
    changes = changes if changes is not None else redline_changes(history, version, lang)
    if changes is None:
        return None
    previous = history.previous(version)
    return version_summary(history.document(previous, lang), history.document(version, lang), lang, changes)


def redline_body(history: DocumentHistory, version: Version, lang: str, title: str, relative, pdf: str | None = None,
                 docx: str | None = None) -> str:
    """The redline page of ``version`` against the one before it, in one language."""
    here = changes_path(lang, history.doc_id, version.number)
    out = [f'<h1 id="title">{_e(title)} · {_e(s("redline_title", lang, n=version.number))}</h1>',
           version_notice(history, version, lang, here, relative, banner=False)]
    changes = redline_changes(history, version, lang)
    if changes is None:
        out.append(f"<p>{_e(s('first', lang))}</p>")
        return "\n".join(out)
    out.append(f'<p class="pd-redline-summary"><strong>{_e(redline_summary(history, version, lang, changes))}</strong></p>')
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

def api_versions(history: DocumentHistory, url, pdf_of=None, texts_of=None) -> dict:
    """Every version's interval, state and texts for the JSON API (moments with their offsets).

    ``state`` is the state at the build (``generated_at``); ``effective_from`` and
    ``effective_until`` let an app answer "which version is in force at moment T" itself.
    ``texts_of(version, lang)`` gives the notice texts of a version that requires consent.
    """
    from .notice import requires_consent  # noqa: PLC0415

    def entry(version: Version) -> dict:
        until = history.until(version)
        consent = requires_consent(version, history.previous(version))
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
                "notice": texts_of(version, lang) if consent and texts_of else None,
            }
        record = {
            "recorded_at": _iso(getattr(version, "recorded_at", None)),
            "recorded_by": getattr(version, "recorded_by", None),
            "backdate_reason": getattr(version, "backdate_reason", None),
        }
        return {
            "version": version.number,
            "state": history.state(version),
            "published": version.published.isoformat(),
            "effective": version.effective.isoformat(),
            "effective_from": version.effective.isoformat(),
            "effective_until": _iso(until),
            "in_force_until": _iso(until),
            "material": version.material,
            "requires_consent": consent,
            "notice_days": version.notice_days,
            **record,
            "languages": langs,
        }

    current, pending = history.current, history.pending
    return {
        "versions": [entry(v) for v in history.versions],
        "current_version": current.number if current else None,
        "pending": entry(pending) if pending else None,
        "timezone": history.store.timezone,
        "notice_days": history.notice_days,
    }
