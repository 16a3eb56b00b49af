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

The model these pages read (a document's versions, which is in force, what each changed) and
the words they print are the publication model's (``publication/``); this module only writes
HTML and the API's data. No MkDocs import here: the plugin asks these functions for HTML and data.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from ..publication.dates import long_moment, zone_city
from ..publication.history import DocumentHistory, redline_changes, redline_summary
from ..publication.urls import changes_path, history_path, version_path
from ..publication.words import KK_CASE, redline_moments, s, t
from ..versions.redline import label, render_html
from ..versions.store import Version


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def moment_html(moment: dt.datetime, lang: str, case: str | None = None) -> str:
    return f'<time datetime="{moment.isoformat()}">{_e(long_moment(moment, lang, case))}</time>'


def phrase_html(key: str, lang: str, moment: dt.datetime, **values) -> str:
    """The same sentence as escaped HTML with the moment in a ``<time>`` element."""
    return _e_html(s(key, lang, moment="{m}", **values), moment_html(moment, lang, KK_CASE.get(key)))


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
    moment = history.now.astimezone(history.zone)
    return f'<p class="pd-asof"><small>{phrase_html("as_of", lang, moment)}</small></p>'


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


def _notice_at(
    history: DocumentHistory, shown: Version, lang: str, here: str, relative, moment: dt.datetime, banner: bool
) -> tuple[str, str]:
    """The notice of ``shown`` as it reads at ``moment``: (condition, html)."""
    state = history.state(shown, moment)
    current = history.in_force_at(moment)
    pending = history.pending_at(moment)
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
        out.append(
            f'<p><a href="{_rel(relative, here, version_path(lang, history.doc_id, pending.number))}">{_e(s("read_pending", lang))}</a> · '
            f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, pending.number))}">{_e(s("what_changes", lang))}</a></p>'
        )
        out.append("</div>")
    if banner and state != "in_force":
        out.append(
            f'<div class="pd-not-in-force admonition {"warning" if state == "pending" else "danger"}">'
            f"<p>{_e(s('banner.' + state, lang))}"
        )
        if current is not None and current.number != shown.number:
            pairs.append((current.number, "in_force"))
            target = (
                version_path(lang, history.doc_id, current.number)
                if lang in current.sha256
                else history_path(lang, history.doc_id)
            )
            out.append(
                f' <a href="{_rel(relative, here, target)}">{_e(s("text_in_force", lang, n=current.number))}</a>'
            )
        out.append("</p></div>")
    return _condition(pairs), "".join(out)


def version_notice(
    history: DocumentHistory, shown: Version, lang: str, here: str, relative, banner: bool = True
) -> str:
    """The lines under a page's title that say which version this is and whether it applies now.

    Right at every moment from the build on (see "the clock in the page"); a version that is
    not in force says so in a banner that links to the text in force.
    """
    variants = [_notice_at(history, shown, lang, here, relative, m, banner) for m in history.moments_ahead()]
    out = [
        f'<div class="pd-version" data-version="{shown.number}" data-state="{history.state(shown)}">',
        live(variants, variants[0][0], "div"),
    ]
    links = [f'<a href="{_rel(relative, here, history_path(lang, history.doc_id))}">{_e(s("history", lang))}</a>']
    if history.previous(shown) is not None:
        links.append(
            f'<a href="{_rel(relative, here, changes_path(lang, history.doc_id, shown.number))}">{_e(s("what_changed", lang))}</a>'
        )
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
    days = (
        history.notice_days
        if history.notice_days is not None
        else max((v.notice_days for v in history.versions), default=0)
    )
    zone = history.store.timezone
    rule = s("rule", lang, days=days, zone=zone_city(zone, lang)) if days > 0 else s("rule_none", lang)
    out = [
        f'<h1 id="title">{_e(title)} · {_e(s("history", lang))}</h1>',
        f'<p class="pd-rule" data-notice-days="{days}">{_e(rule)}</p>',
        '<table class="pd-history" data-pd-reflow><thead><tr>'
        f"<th>{_e(s('col_version', lang))}</th><th>{_e(s('published_on', lang))}</th>"
        f"<th>{_e(s('effective_from', lang))}</th><th>{_e(s('until', lang))}</th><th>{_e(s('changes', lang))}</th>"
        f"<th>{_e(s('text', lang))}</th></tr></thead><tbody>",
    ]
    # each cell names its column: on a phone the table reflows into one card per version
    col = [
        f' data-label="{_e(label)}"'
        for label in (
            s("col_version", lang),
            s("published_on", lang),
            s("effective_from", lang),
            s("until", lang),
            s("changes", lang),
            s("text", lang),
        )
    ]
    for version in reversed(history.versions):
        until = history.until(version)
        state = history.state(version)
        links = []
        if lang in version.sha256:
            links.append(
                f'<a href="{_rel(relative, here, version_path(lang, history.doc_id, version.number))}">HTML</a>'
            )
            pdf = pdf_of(version, lang) if pdf_of else None
            if pdf:
                links.append(f'<a href="{_rel(relative, here, pdf)}">PDF</a>')
        # said as the redline says it (grammatical in each language), not as first recorded
        summary_text = (
            redline_summary(history, version, lang)
            or version.summary.get(lang)
            or next(iter(version.summary.values()), "")
        )
        redline = ""
        if history.previous(version) is not None and lang in version.sha256:
            redline = f' <a href="{_rel(relative, here, changes_path(lang, history.doc_id, version.number))}">{_e(s("what_changed", lang))}</a>'
        kind = (
            ""
            if history.previous(version) is None
            else s("material", lang)
            if version.material
            else s("non_material", lang)
        )
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
        stamp = recorded.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        parts.append(_e(s("recorded", lang, moment=stamp) + (f", {who}" if who else "")))
    reason = getattr(version, "backdate_reason", None)
    if reason:
        parts.append(f'<span class="pd-backdated">{_e(s("backdated", lang, reason=reason))}</span>')
    return f'<br><small class="pd-record">{"; ".join(parts)}</small>' if parts else ""


def unconfirmed_note(version: Version, lang: str) -> str:
    """A version published over open translations says so, with the legal team's reason."""
    if not version.unconfirmed:
        return ""
    clauses = "; ".join(
        f"{l}: {', '.join(label(eid, lang) for eid in c)}" for l, c in version.unconfirmed["clauses"].items()
    )
    text = s("unconfirmed", lang, clauses=clauses, reason=version.unconfirmed["reason"])
    return f'<br><small class="pd-unconfirmed">{_e(text)}</small>'


def redline_body(
    history: DocumentHistory,
    version: Version,
    lang: str,
    title: str,
    relative,
    pdf: str | None = None,
    docx: str | None = None,
) -> str:
    """The redline page of ``version`` against the one before it, in one language."""
    here = changes_path(lang, history.doc_id, version.number)
    out = [
        f'<h1 id="title">{_e(title)} · {_e(s("redline_title", lang, n=version.number))}</h1>',
        version_notice(history, version, lang, here, relative, banner=False),
    ]
    changes = redline_changes(history, version, lang)
    if changes is None:
        out.append(f"<p>{_e(s('first', lang))}</p>")
        return "\n".join(out)
    out.append(
        f'<p class="pd-redline-summary"><strong>{_e(redline_summary(history, version, lang, changes))}</strong></p>'
    )
    out.append(f'<p class="pd-dateline">{_e(redline_moments(version, lang))}</p>')
    if pdf or docx:
        links = [f'<a href="{_rel(relative, here, pdf)}" download>PDF</a>'] if pdf else []
        if docx:
            links.append(f'<a href="{_rel(relative, here, docx)}" download>{_e(t("docx_changes", lang))}</a>')
        out.append(f'<p class="pd-pdf">{" · ".join(links)}</p>')
    out.append(
        f"<p>{_e(s('legend', lang))} "
        f'<a href="{_rel(relative, here, history_path(lang, history.doc_id))}">{_e(s("history", lang))}</a></p>'
    )
    text = relative(here, version_path(lang, history.doc_id, version.number))
    out.append(render_html(changes, lang, only_changes=True, link=lambda eid: f"{text}#{eid}"))
    return "\n".join(out)
