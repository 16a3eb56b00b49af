"""The side-by-side page of a document: its languages clause by clause in aligned rows, the source first.

Translators see every provision of the source beside its translations, each translation's
state on its row (confirmed, stale with the source's word diff since the sign-off, never
confirmed, missing) and, in ``mkdocs serve``, the checker's findings on that row. A missing
provision is an empty cell that says so, never another language's text. Each row's id is
the provision's address (the eId, ``cl-2-3``) as on the policy pages, so ``…/compare/#cl-2-3``
and ``…/#cl-2-3`` show the same clause in the two views.

The page is a complete, light HTML file of its own (no theme): the site's build renders one
per document and language, and a theme page costs tens of milliseconds each. It carries the
site's Content-Security-Policy (its own script and style files only) and ``noindex``: the
texts it shows are indexed on their own pages.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..check.align import align
from ..document import Block, Document, Kind
from ..html import inline
from ..languages import LANGUAGES
from ..publication import urls
from ..publication.words import language_name, t
from ..translations.states import CONFIRMED, STALE, ClauseState, clause_states, counts
from ..versions.redline import DELETE, EQUAL

ASSET_DIR = "assets/policydocs"
CSP = (
    "default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)


def compare_path(lang: str, doc_id: str) -> str:
    """Site-relative path of the side-by-side page (``ru/<product>/<name>/compare/``)."""
    return f"{urls.page_path(lang, doc_id)}compare/"


@dataclass
class Row:
    eid: str
    kind: Kind
    label: str  # the number a reader sees ("2.3", "1)"), "" for bullets and paragraphs
    cells: dict[str, Block | None] = field(default_factory=dict)
    states: dict[str, ClauseState] = field(default_factory=dict)
    head: str = ""  # the row's opening and number cell as HTML, the same on every page

    def opening(self) -> str:
        if not self.head:
            eid = _e(self.eid)
            num = (
                f'<a href="#{eid}">{_e(self.label)}</a>' if self.label else f'<a href="#{eid}" aria-label="{eid}">¶</a>'
            )
            classes = "pdc-row pdc-section" if self.kind is Kind.HEADING else "pdc-row"
            # the id is on the number cell: a row is laid out with `display: contents` and has no box to scroll to
            self.head = f'<div class="{classes}" role="row" data-eid="{eid}"><div class="pdc-num" role="rowheader" id="{eid}">{num}</div>'
        return self.head


@dataclass
class Comparison:
    """A document's languages lined up once per build; each page language renders it with its own words."""

    doc_id: str
    source_lang: str
    langs: list[str]  # the source first, then the translations, in ru, kk, en order
    docs: dict[str, Document]
    rows: list[Row]
    counts: dict[str, dict[str, int]]
    texts: dict = field(default_factory=dict)  # (block, lang) -> the cell's text as HTML, shared by the pages


def compare(doc_id: str, docs: dict[str, Document], source_lang: str, records: dict) -> Comparison:
    """Align the texts; ``records`` maps each translation to its sign-off record (or None)."""
    langs = [source_lang] + [l for l in LANGUAGES if l in docs and l != source_lang]
    alignment = align(docs, source_lang, doc_id)
    states = {
        lang: {s.source.eid: s for s in clause_states(alignment.units, source_lang, lang, records.get(lang))}
        for lang in langs[1:]
    }
    rows: list[Row] = []
    placed: dict[str, set[int]] = {lang: set() for lang in langs}
    after: dict[int, Row] = {}  # translation block -> the row it belongs to
    for unit in alignment.units:
        src = unit.blocks.get(source_lang)
        if src is None:
            continue
        row = Row(src.eid, src.kind, _label(src))
        for lang in langs:
            block = unit.blocks.get(lang)
            row.cells[lang] = block
            if block is not None:
                placed[lang].add(id(block))
                after[id(block)] = row
            if lang != source_lang:
                row.states[lang] = states[lang][src.eid]
        rows.append(row)
    # provisions only a translation has: a row of their own after the row of the block before them
    used = {r.eid for r in rows}
    for lang in langs[1:]:
        previous: Row | None = None
        for block in docs[lang].content_blocks():
            if id(block) in placed[lang]:
                previous = after[id(block)]
                continue
            eid = block.eid if block.eid not in used else f"{lang}-{block.eid}"
            used.add(eid)
            extra = Row(eid, block.kind, _label(block), {l: None for l in langs})
            extra.cells[lang] = block
            index = rows.index(previous) + 1 if previous is not None else 0
            while index < len(rows) and rows[index].cells.get(source_lang) is None:
                index += 1  # after other extras already placed there
            rows.insert(index, extra)
            previous = extra
    totals = {lang: counts(list(states[lang].values())) for lang in langs[1:]}
    return Comparison(doc_id, source_lang, langs, docs, rows, totals)


def _label(block: Block) -> str:
    if block.kind is Kind.CLAUSE:
        return block.number or ""
    if block.kind is Kind.ITEM:
        return f"{block.number})"
    if block.kind is Kind.HEADING and block.number:
        return block.number
    return ""


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _diff_html(diff) -> str:
    out = []
    for op, text in diff or ():
        if op == EQUAL:
            out.append(_e(text))
        elif op == DELETE:
            out.append(f"<del>{_e(text)}</del>")
        else:
            out.append(f"<ins>{_e(text)}</ins>")
    return "".join(out)


def _marker(block: Block) -> str:
    if block.kind in (Kind.CLAUSE, Kind.ITEM):
        return block.marker
    if block.kind is Kind.BULLET:
        return "•"
    return ""


def _text(comparison: Comparison, block: Block, lang: str, root: str) -> str:
    """A cell's text with its number linking to the clause on that language's page; the same on every page.

    Links start from the site's root (every side-by-side page is as deep), so a build renders
    each cell once for the three page languages.
    """
    key = (id(block), lang)
    cached = comparison.texts.get(key)
    if cached is None:
        href = _e(f"{root}{urls.page_path(lang, comparison.doc_id)}#{block.eid}")
        marker = _marker(block)
        number = f'<a class="pdc-marker" href="{href}">{_e(marker)}</a> ' if marker else ""
        text = inline(block.text)
        if block.kind is Kind.HEADING:
            cached = f'<p class="pdc-heading"><a class="pdc-marker" href="{href}">{text}</a></p>'
        else:
            cached = f'<p class="pdc-text">{number}{text}</p>'
        comparison.texts[key] = cached
    return cached


def _words(page_lang: str) -> dict[str, str]:
    """The page's own words, escaped once per page rather than once per cell."""
    out = {
        kind: _e(t("compare.state." + kind, page_lang))
        for kind in ("confirmed", "stale", "unconfirmed", "missing", "extra")
    }
    out.update(
        {
            f"missing:{lang}": _e(t("compare.missing", page_lang, language=language_name(lang, page_lang)))
            for lang in LANGUAGES
        }
    )
    return out


def _cell(comparison: Comparison, row: Row, lang: str, page_lang: str, root: str, findings: list, words: dict) -> str:
    block = row.cells.get(lang)
    state = row.states.get(lang)
    if lang == comparison.source_lang:
        kind, badge = "source", ""
    else:
        kind = state.state if state is not None else ("missing" if block is None else "extra")
        who = ""
        if kind == CONFIRMED and state.confirmation is not None:
            c = state.confirmation  # who and when, on hover: every confirmed row saying it would bury the rest
            who = f' title="{_e(t("compare.confirmed_by", page_lang, by=c.by, date=c.at[:10]))}"'
        badge = f'<span class="pdc-state"{who}>{words[kind]}</span>'
    text = (
        _text(comparison, block, lang, root)
        if block is not None
        else f'<p class="pdc-empty">{words["missing:" + lang]}</p>'
    )
    extra = ""
    if kind == STALE:
        c = state.confirmation
        since = t("compare.stale_since", page_lang, by=c.by, date=c.at[:10], source=comparison.source_lang.upper())
        body = _diff_html(state.diff) if state.diff else _e(t("compare.no_diff", page_lang))
        extra = f'<div class="pdc-diff"><p class="pdc-since">{_e(since)}</p><p>{body}</p></div>'
    if findings and block is not None:
        own = [f for f in findings if f.lang == lang and f.eid == block.eid]
        if own:
            extra += (
                '<ul class="pdc-findings">'
                + "".join(f"<li><code>{_e(f.rule)}</code> {_e(f.text(page_lang))}</li>" for f in own)
                + "</ul>"
            )
    return f'<div class="pdc-cell" role="cell" lang="{lang}" data-state="{kind}">{badge}{text}{extra}</div>'


def page(
    comparison: Comparison, page_lang: str, title: str, shown: str, findings: list | None = None, serving: bool = False
) -> str:
    """The whole HTML file of ``/<page_lang>/<product>/<name>/compare/``."""
    doc_id = comparison.doc_id
    here = compare_path(page_lang, doc_id)
    root = urls.relative(here, "")
    findings = findings or []
    script_src = "'self' 'unsafe-inline'" if serving else "'self'"
    langs = comparison.langs
    out = [
        "<!doctype html>",
        f'<html lang="{page_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(script=script_src)}">',
        '<meta name="robots" content="noindex">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)} — {_e(t('compare.title', page_lang))}</title>",
        f'<link rel="stylesheet" href="{_e(root + ASSET_DIR)}/compare.css">',
        f'<script src="{_e(root + ASSET_DIR)}/policydocs.js" defer></script>',
        "</head>",
        f'<body class="pdc" data-doc-id="{_e(doc_id)}">',
        '<header class="pdc-header">',
        '<nav class="pdc-switch">',
    ]
    for lang in LANGUAGES:
        href = urls.relative(here, compare_path(lang, doc_id))
        current = ' aria-current="page"' if lang == page_lang else ""
        out.append(
            f'<a class="pd-lang" href="{_e(href)}" hreflang="{lang}" lang="{lang}"{current}>{_e(language_name(lang))}</a>'
        )
    out.append("</nav>")
    out.append(f'<h1>{_e(title)}</h1><p class="pdc-sub">{_e(t("compare.title", page_lang))} · {_e(shown)}</p>')
    out.append(f'<p class="pdc-back"><a class="pd-compare" href="../">{_e(t("compare.back", page_lang))}</a></p>')
    totals = []
    for lang in langs[1:]:
        n = comparison.counts[lang]
        totals.append(
            f'<li data-lang="{lang}"><strong>{_e(lang.upper())}</strong>: '
            + ", ".join(
                f"{_e(t('compare.state.' + k, page_lang))} {n[k]}"
                for k in ("confirmed", "stale", "unconfirmed", "missing")
            )
            + "</li>"
        )
    out.append(
        f'<p class="pdc-note">{_e(t("compare.intro", page_lang, source=language_name(comparison.source_lang, page_lang)))}</p>'
    )
    out.append(f'<ul class="pdc-totals">{"".join(totals)}</ul>')
    out.append("</header>")
    columns = len(langs)
    words = _words(page_lang)
    out.append(
        f'<main><div class="pdc-table pdc-cols-{columns}" role="table" aria-label="{_e(t("compare.title", page_lang))}">'
    )
    head = ['<div class="pdc-row pdc-headrow" role="row"><div class="pdc-num" role="columnheader">№</div>']
    for lang in langs:
        name = language_name(lang, page_lang)
        if lang == comparison.source_lang:
            name += f" ({t('compare.source', page_lang)})"
        head.append(f'<div class="pdc-cell" role="columnheader" lang="{page_lang}">{_e(name)}</div>')
    head.append("</div>")
    out.append("".join(head))
    for row in comparison.rows:
        cells = "".join([_cell(comparison, row, lang, page_lang, root, findings, words) for lang in langs])
        out.append(f"{row.opening()}{cells}</div>")
    out.append("</div></main></body></html>")
    return "\n".join(out)


def site_pages(policy, history, root, serving: bool, findings: list | None = None):
    """(page language, HTML) of a document's side-by-side pages.

    The texts are those its policy pages show: the published version in force (or pending)
    on the built site, the drafts in docs/ under ``mkdocs serve`` (with the checker's findings).
    """
    from ..translations import records  # noqa: PLC0415

    shown = None if serving or history is None else history.shown
    docs = {
        lang: history.document(shown, lang) if shown is not None and lang in shown.sha256 else draft
        for lang, draft in policy.languages.items()
    }
    source_lang = policy.source_lang
    if source_lang not in docs:
        return
    recs = {lang: records.load(root, policy.doc_id, lang, source_lang) for lang in docs if lang != source_lang}
    comparison = compare(policy.doc_id, docs, source_lang, recs)
    for lang in LANGUAGES:
        title = (docs.get(lang) or docs[source_lang]).title
        label = t("compare.version", lang, n=shown.number) if shown is not None else t("compare.draft", lang)
        yield lang, page(comparison, lang, title, label, findings, serving)


def write_site_pages(site_dir: Path, policy, history, root, serving: bool, findings: list | None = None) -> None:
    """Write a document's side-by-side pages into the (staged) site, as MkDocs writes its own pages."""
    for lang, body in site_pages(policy, history, root, serving, findings):
        target = Path(site_dir) / compare_path(lang, policy.doc_id) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
