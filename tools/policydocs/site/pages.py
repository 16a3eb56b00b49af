"""What the site shows: one page per document and language (present or missing), and indexes.

The model is built from a corpus once per build; the HTML fragments it renders are the
page bodies the MkDocs plugin hands to the theme. Links are relative to the page so the
site works from any base URL and from ``file://``.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..check import report as check_report
from ..corpus import Corpus, Policy
from ..document import Document
from ..i18n import N_, SITE_DOMAIN, gettext, load_catalogs
from ..languages import LANGUAGES
from ..publication import urls
from ..publication.dates import long_date
from ..publication.model import Edition, Publication, edition
from ..publication.titles import document_title, product_name
from ..publication.words import language_name, t
from ..standing import standing
from ..versions import timeline
from .history import as_of, clock_block
from .linkcheck import rewrite_md_links


@dataclass
class PolicyPage:
    """A document in one language; ``doc`` is None where the translation is missing."""

    policy: Policy
    lang: str
    doc: Document | None

    @property
    def doc_id(self) -> str:
        return self.policy.doc_id

    @property
    def path(self) -> str:
        return urls.page_path(self.lang, self.doc_id)

    @property
    def missing(self) -> bool:
        return self.doc is None

    @property
    def reference(self) -> Document:
        """The text whose title a missing page names: the source language, else any."""
        return self.policy.source or next(iter(self.policy.languages.values()))

    @property
    def title(self) -> str:
        if self.doc is not None:
            return self.doc.title
        return f"{t('missing.title', self.lang)}: {self.reference.title}"

    @property
    def product(self) -> str:
        return product_name(self.policy, self.lang)

    @property
    def full_title(self) -> str:
        """The title with the product, for the browser tab and anything listed with other documents."""
        return document_title(self.product, self.title)


@dataclass
class SiteModel(Publication):
    """What is published (documents, histories, their files' paths) and the site's pages of it."""

    pages: dict[tuple[str, str], PolicyPage] = field(default_factory=dict)  # (lang, doc_id)
    compare: bool = True  # side-by-side pages are built (site/compare.py): policy pages link them

    _places: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def page(self, lang: str, doc_id: str) -> PolicyPage:
        return self.pages[(lang, doc_id)]

    def place(self, doc_id: str) -> int:
        """A document's place in the sorted list of documents; sorted once, not once per index row."""
        if self._places is None or len(self._places) != len(self.policies):
            self._places = {d: n for n, d in enumerate(sorted(self.policies))}
        return self._places[doc_id]

    def by_path(self) -> dict[str, PolicyPage]:
        return {p.path: p for p in self.pages.values()}

    def products(self) -> dict[str, list[Policy]]:
        grouped: dict[str, list[Policy]] = {}
        for doc_id in sorted(self.policies):
            grouped.setdefault(urls.split_id(doc_id)[0], []).append(self.policies[doc_id])
        return grouped


def build_model(corpus: Corpus, pdf_pattern: str | None = None) -> SiteModel:
    load_catalogs(SITE_DOMAIN)  # the site's words: a damaged catalog stops the build here, in one line
    model = SiteModel(dict(corpus.policies), pdf_pattern=pdf_pattern)
    for doc_id, policy in sorted(corpus.policies.items()):
        for lang in LANGUAGES:
            model.pages[(lang, doc_id)] = PolicyPage(policy, lang, policy.languages.get(lang))
    return model


# --- HTML fragments -------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def theme_text(text: str) -> Markup:
    """A text of a policy's header as the theme's templates may print it: escaped, and marked so.

    Material's templates print titles raw (navigation, <title>, header); Markup makes them
    safe there, and templates that escape again (``| e``) leave it as it is.
    """
    return Markup.escape(str(text))


def theme_meta(meta: dict) -> dict:
    """What the theme may read of a policy page's header: its title, escaped; nothing else.

    Material acts on many header fields (``description`` and ``author`` written raw into
    <head>, ``template``, ``icon``, ``status``, ``hide``, ...); a policy's header is for
    policydocs, so none of them reaches the theme.
    """
    return {"title": theme_text(meta.get("title", ""))}


def alternates(model: SiteModel, page: PolicyPage) -> list[dict]:
    """The same document in each language, for the switcher and hreflang links."""
    return [
        {
            "lang": lang,
            "name": language_name(lang),
            "path": urls.page_path(lang, page.doc_id),
            "exists": lang in page.policy.languages,
            "current": lang == page.lang,
        }
        for lang in LANGUAGES
    ]


def _date_or_draft(value: dt.date | None, lang: str) -> str:
    if value is None:
        return f'<span class="pd-draft">{_e(t("draft", lang))}</span>'
    return f'<time datetime="{value.isoformat()}">{_e(long_date(value, lang))}</time>'


def _version_or_draft(ed: Edition, lang: str) -> str:
    return str(ed.version) if ed.version is not None else f'<span class="pd-draft">{_e(t("draft", lang))}</span>'


def _edition_cells(ed: Edition, lang: str) -> str:
    # each cell names its column: on a phone the table reflows into one card per document
    col = [f' data-label="{_e(t(key, lang))}"' for key in ("version", "published", "effective")]
    return (
        f"<td{col[0]}>{_version_or_draft(ed, lang)}</td><td{col[1]}>{_date_or_draft(ed.date, lang)}</td>"
        f"<td{col[2]}>{_date_or_draft(ed.effective, lang)}</td>"
    )


def _live_edition_cells(model: SiteModel, doc: Document, lang: str, clock: dict) -> str:
    """The index row's version and dates as they read at each moment from the build on."""
    history = model.histories.get(doc.doc_id)
    if history is None or not any(lang in v.sha256 for v in history.versions):
        return _edition_cells(edition(model, doc), lang)
    variants = []
    for moment in history.moments_ahead():
        shown = history.in_force_at(moment) or next(iter(timeline.pending(history.versions, moment)), None)
        if shown is None or lang not in shown.sha256:
            continue
        key = f"{_index_key(model, doc)}.{shown.number}"
        cells = _edition_cells(Edition.of_version(shown), lang)
        variants.append((f"{key}={history.state(shown, moment)}", cells))
    if not variants:
        return _edition_cells(edition(model, doc), lang)
    if len({c for c, _ in variants}) == 1:
        return variants[0][1]
    index_key = _index_key(model, doc)
    clock.update(history.clock_data(lambda n: f"{index_key}.{n}"))
    out = []  # a row cannot wrap its cells: each cell carries its variant's condition
    for condition, cells in dict(variants).items():
        hidden = "" if condition == variants[0][0] else " hidden"
        out.append(cells.replace("<td ", f'<td data-pd-at="{_e(condition)}"{hidden} '))
    return "".join(out)


def _index_key(model: SiteModel, doc: Document) -> str:
    """A short key for a document on an index page (its place in the sorted list): the page carries
    every document's intervals, so "12.2" keeps them small where "smartaqkol/privacy#2" would not."""
    return str(model.place(doc.doc_id))


def policy_header(
    model: SiteModel,
    page: PolicyPage,
    doc: Document | None = None,
    ed: Edition | None = None,
    notice: str = "",
    pdf: str | None = None,
    here: str | None = None,
    docx: str | None = None,
) -> str:
    """Title, operator, version, dates, version notice and the PDF link of a present page.

    ``doc``/``ed``/``pdf``/``here`` show a published version instead of the draft.
    """
    doc = doc or page.doc
    assert doc is not None
    lang = page.lang
    ed = ed or edition(model, doc)
    here = here or page.path
    rows = [
        (t("operator", lang), _e(doc.front.operator)),
        (t("version", lang), _version_or_draft(ed, lang)),
        (t("published", lang), _date_or_draft(ed.date, lang)),
        (t("effective", lang), _date_or_draft(ed.effective, lang)),
        (t("status", lang), _e(t(f"status.{ed.status}", lang))),
    ]
    out = [
        f'<header class="pd-header" data-doc-id="{_e(page.doc_id)}" data-lang="{lang}">',
        f'<p class="pd-product">{_e(doc.front.product)}</p>',
        f'<h1 id="title">{_e(doc.title)}</h1>',
        '<dl class="pd-meta">',
    ]
    for label, value in rows:
        out.append(f"<div><dt>{_e(label)}</dt><dd>{value}</dd></div>")
    out.append("</dl>")
    out.append(notice)
    pdf = pdf or model.pdf(page.doc_id, lang)
    docx = docx or model.docx(page.doc_id, lang)
    if pdf or docx:
        links = [(pdf, t("pdf", lang)), (docx, t("docx", lang))]
        out.append(
            '<p class="pd-pdf">'
            + " · ".join(
                f'<a href="{_e(urls.relative(here, path))}" download>{_e(label)}</a>' for path, label in links if path
            )
            + "</p>"
        )
    if (
        here == page.path and model.compare
    ):  # the document's own page (not a published version's) links its side-by-side view
        out.append(
            f'<p class="pd-compare-link"><a class="pd-compare" href="compare/">{_e(t("compare.link", lang))}</a></p>'
        )
    notice_of_standing = standing(doc.front)
    if notice_of_standing:
        kind, sentence = notice_of_standing
        out.append(f'<p class="pd-standing pd-{kind}">{_e(sentence)}</p>')
    out.append("</header>")
    return "\n".join(out)


def missing_body(model: SiteModel, page: PolicyPage) -> str:
    """A page in the missing language that says so and links to the languages that exist."""
    lang = page.lang
    out = [
        f'<div class="pd-missing" data-doc-id="{_e(page.doc_id)}" data-lang="{lang}">',
        f'<h1 id="title">{_e(t("missing.title", lang))}</h1>',
        f"<p>{_e(t('missing.text', lang, title=page.reference.title))}</p>",
        f"<p>{_e(t('missing.available', lang))}</p>",
        '<ul class="pd-available">',
    ]
    for other in LANGUAGES:
        doc = page.policy.languages.get(other)
        if doc is None:
            continue
        href = urls.relative(page.path, urls.page_path(other, page.doc_id))
        out.append(
            f'<li><a href="{_e(href)}" hreflang="{other}" lang="{other}">{_e(language_name(other))}: {_e(doc.title)}</a></li>'
        )
    out.append("</ul></div>")
    return "\n".join(out)


def index_body(model: SiteModel, lang: str) -> str:
    """Products and their documents in one language, with version and dates."""
    here = urls.index_path(lang)
    clock: dict = {}
    out = [f'<h1 id="title">{_e(t("index.title", lang))}</h1>', f"<p>{_e(t('index.intro', lang))}</p>"]
    for product, policies in model.products().items():
        shown = product_name(policies[0], lang)
        out.append(f'<h2 id="product-{_e(product)}">{_e(shown)}</h2>')
        out.append(
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table data-pd-reflow><thead><tr>'
            f"<th>{_e(t('document', lang))}</th><th>{_e(t('version', lang))}</th>"
            f"<th>{_e(t('published', lang))}</th><th>{_e(t('effective', lang))}</th></tr></thead><tbody>"
        )
        for policy in policies:
            page = model.page(lang, policy.doc_id)
            href = _e(urls.relative(here, page.path))
            if page.doc is None:
                out.append(
                    f'<tr class="pd-missing-row"><td><a href="{href}">{_e(page.reference.title)}</a> '
                    f'<span class="pd-draft">({_e(t("not_translated", lang))})</span></td><td></td><td></td><td></td></tr>'
                )
                continue
            out.append(
                f'<tr><td><a href="{href}">{_e(page.doc.title)}</a></td>'
                f"{_live_edition_cells(model, page.doc, lang, clock)}</tr>"
            )
        out.append("</tbody></table></div></div>")
    if clock:  # some row reads differently later: the intervals for the script, the build moment for readers without it
        first = next(iter(model.histories.values()))
        out.append(as_of(first, lang))
        out.append(clock_block(first.now, clock))
    return "\n".join(out)


def root_body() -> str:
    """The site's root: one link per language, Russian first (the default)."""
    out = [f'<h1 id="title">{_e(t("index.title", urls.DEFAULT_LANG))}</h1>', '<div class="pd-root">']
    for lang in LANGUAGES:
        out.append(
            f'<p lang="{lang}"><a href="{urls.index_path(lang)}" hreflang="{lang}">'
            f"{_e(language_name(lang))} — {_e(t('index.title', lang))}</a></p>"
        )
    out.append("</div>")
    return "\n".join(out)


def toc_entries(doc: Document) -> list[dict]:
    """Sections of a document as (id, title, level) for the table of contents."""
    entries = []
    for section in doc.sections:
        if section.heading is None:
            continue
        entries.append({"id": section.eid, "name": _e(section.heading.text), "level": 2, "children": []})
    if not entries and any(True for _ in doc.clauses()):
        # a text without section headings (Platform starts at "2.1."): its outermost clauses, by their first words
        depth = min(c.depth for c in doc.clauses())
        for clause in doc.clauses():
            if clause.depth == depth:
                words = clause.text.replace("**", "").split()
                name = f"{clause.block.marker} {' '.join(words[:6])}{' …' if len(words) > 6 else ''}"
                entries.append({"id": clause.eid, "name": _e(name), "level": 2, "children": []})
    return entries


def _shown_path(path: str) -> str:
    """docs/kk/... as the legal team knows it, not the machine's absolute path."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


#: the heading of the preview's findings: a message of the tool (its catalog), not a word of the site
FINDINGS_HEADING = N_("Translation check (shown only in mkdocs serve)")


def findings_box(findings: list, lang: str) -> str:
    """The checker's findings on this language's text, for the legal team's preview.

    Each as the CLI says it (file:line, severity, rule, clause, message), in the page's language.
    """
    own = [f for f in findings if lang in (f.lang, f.other_lang)]
    if not own:
        return ""
    items = "".join(
        f"<li><code>{_e(_shown_path(f.path))}:{f.line}</code> {_e(check_report.severity(f.severity, lang))} "
        f"<code>{_e(f.rule)}</code>{' [' + _e(f.clause) + ']' if f.clause else ''}: {_e(f.text(lang))}</li>"
        for f in own
    )
    return f'<div class="pd-findings"><p>{_e(gettext(FINDINGS_HEADING, lang))}</p><ul>{items}</ul></div>'


def policy_content(
    model: SiteModel,
    page: PolicyPage,
    findings: list | None = None,
    *,
    doc: Document | None = None,
    ed: Edition | None = None,
    notice: str = "",
    pdf: str | None = None,
    here: str | None = None,
    docx: str | None = None,
) -> str:
    """The whole body of a policy page: header, checker findings (preview only), text.

    By default the draft in docs/; the plugin passes a published version's ``doc`` instead.
    """
    from ..html import render_body

    doc = doc or page.doc
    assert doc is not None
    lang = page.lang
    parts = [
        f'<div class="pd-body" data-pd-copy="{_e(t("copy_link", lang))}" data-pd-copied="{_e(t("copied", lang))}" '
        f'data-pd-cite="{_e(t("cite", lang))}" data-pd-nolink="{_e(t("no_clause", lang))}">',
        policy_header(model, page, doc, ed, notice, pdf, here, docx),
    ]
    if findings:
        parts.append(findings_box(findings, lang))
    parts.append(rewrite_md_links(render_body(doc), model, doc))
    parts.append("</div>")
    return "\n".join(parts)
