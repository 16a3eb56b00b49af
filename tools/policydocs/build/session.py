"""One build of the site as plain library calls: the model, the generated pages, each page, the outputs.

``SiteBuild`` holds what one build knows (the document model, which pages it makes and what
each shows, the pages in the order they were built) and has a method per phase. The MkDocs
plugin calls them from its events (``mkdocs_plugin/plugin.py``, a few lines each); the command
``policydocs build --outputs ...`` calls ``load`` and ``post_build`` without MkDocs. Nothing
here imports MkDocs: pages are handed over as plain data (``GeneratedPage``), navigation items
are read through the attributes every navigation item has (``is_section``, ``children``,
``file.src_uri``, ``title``).
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .. import corpus as corpus_mod
from ..api import documents as api
from ..api import schema as api_schema
from ..check import check_policy
from ..errors import PolicyError
from ..feeds import atom as feeds
from ..fsutil import atomic_write_chunks, atomic_write_text
from ..i18n import _, default_language, set_language
from ..languages import LANGUAGES
from ..now import build_moment
from ..proof import site as proof_site
from ..publication import urls
from ..publication.history import load_histories
from ..publication.model import Edition
from ..publication.titles import document_title
from ..publication.words import language_name, s, t
from ..site import compare, linkcheck, navigation, pages, search, sitemap, sources
from ..site import history as history_mod
from ..site.incremental import SITE_WIDE, ServeState, project_inputs
from ..site.shipping import shipped
from ..site.workers import default_jobs, map_documents
from ..versions.claims import check_claims
from .outputs import DEFAULTS, enabled

log = logging.getLogger("mkdocs.plugins.policydocs")

ASSETS = ("policydocs.css", "policydocs.js")  # on every page, through extra_css / extra_javascript
THEME_SCRIPTS = (
    "material-start.js",
    "material-content.js",
    "material-palette.js",
)  # Material's inline scripts as files (CSP)
PAGE_ASSETS = ("compare.css",)  # only on the pages that link them (the side-by-side pages)
ASSET_DIR = "assets/policydocs"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes (MkDocs renders it through the theme): where, its title, in the nav or not."""

    src: str
    title: str
    in_nav: bool = True

    @property
    def content(self) -> str:
        return f"---\ntitle: {json.dumps(self.title, ensure_ascii=False)}\n---\n"


class SiteBuild:
    """One build (or, under ``mkdocs serve``, one rebuild; ``serve`` is kept from one to the next)."""

    def __init__(
        self,
        options: dict,
        root: Path,
        serving: bool = False,
        serve: ServeState | None = None,
        choose_language: bool = True,
    ) -> None:
        self.options = {**DEFAULTS, **options}
        self.outputs = enabled(self.options)
        self.root = Path(root)  # mkdocs.yml's folder: versions/ and the certificate are relative to it
        self.serving = serving
        self.serve = serve if serve is not None else ServeState()
        self.model: pages.SiteModel | None = None
        self.kinds: dict[str, tuple[str, object]] = {}  # src_uri -> (kind, data)
        self.shown: dict[str, object] = {}  # policy page path -> the document it shows (for the search index)
        self.indexed: list[str] = []  # every page's URL, in the order the pages are built
        self.order: list[str] | None = None  # serve: every page's URL, kept or not
        self.navs: dict = {}
        if choose_language:  # the option, else POLICYDOCS_LANG, else the locale, as for the CLI (once per build)
            set_language(self.options["messages_lang"] or default_language())
        # issue 28: a certificate that cannot sign stops the build here, in one line
        self.certificate = proof_site.certificate(self.options, self.root)

    def wants(self, output: str) -> bool:
        return output in self.outputs

    # --- the model ------------------------------------------------------------------
    def begin_serve(self, config_file: Path, site_dir: Path, docs_dir: Path, custom_dir: str | None) -> None:
        """Serve, before MkDocs empties the site folder: set the last output aside (site/incremental.py)."""
        inputs = project_inputs(config_file, self.options["versions_dir"], custom_dir)
        self.serve.begin(site_dir, docs_dir, inputs)

    def load(self, docs_dir: Path | str, files: Iterable[str] | None = None) -> pages.SiteModel:
        """The documents of ``docs_dir`` and their histories, checked: links, claims, files (``files``)."""
        serving = self.serving
        if serving:
            self.serve.restore()
        if files is not None:  # MkDocs copies every file of docs/, following links: refuse links and devices first
            sources.check_files(docs_dir, list(files))
        loaded = self.serve.load(docs_dir) if serving else corpus_mod.load(docs_dir)
        options = self.options
        self.model = model = pages.build_model(loaded, options["pdf_pattern"] if self.wants("pdf") else None)
        model.docx_pattern = options["pdf_pattern"] if self.wants("docx") else None
        model.compare = self.wants("compare")
        linkcheck.check_links(model, self._links_of if serving else None)
        now = build_moment()
        model.histories = load_histories(loaded, self.root / options["versions_dir"], now)
        for doc in loaded.documents():  # version, status and dates come from versions/ only
            check_claims(doc.front, doc.path, model.histories[doc.doc_id].store, now)
        if serving:
            self.serve.compare(model)
        return model

    def _links_of(self, doc):
        return self.serve.per_document(doc, "links", linkcheck.document_links)

    # --- the pages it makes -----------------------------------------------------------
    def generated_pages(self, exists: Callable[[str], bool]) -> list[GeneratedPage]:
        """The pages to add to the site's files, in order; ``exists(src)``: docs/ has that page already."""
        model, out = self.model, []
        self.kinds, self.shown, self.indexed = {}, {}, []
        for page in model.pages.values():
            src = f"{page.lang}/{page.doc_id}.md"
            if page.doc is None:
                out.append(GeneratedPage(src, page.title))
            self.kinds[src] = ("policy", page)
        out += self._version_pages()
        for lang in LANGUAGES:
            src = f"{lang}/index.md"
            if not exists(src):
                out.append(GeneratedPage(src, t("index.title", lang)))
                self.kinds[src] = ("index", lang)
        if not exists("index.md"):
            out.append(GeneratedPage("index.md", t("index.title", urls.DEFAULT_LANG)))
            self.kinds["index.md"] = ("root", None)
        return out

    @staticmethod
    def assets() -> list[tuple[str, str]]:
        """(path in the site, text) of the plugin's CSS and scripts."""
        return [
            (
                f"{ASSET_DIR}/{name}",
                shipped(name, resources.files("policydocs.site").joinpath("assets", name).read_text(encoding="utf-8")),
            )
            for name in ASSETS + THEME_SCRIPTS + PAGE_ASSETS
        ]

    def _version_pages(self) -> list[GeneratedPage]:
        """Pages of published versions: text, redline and history, per language; not in the nav."""
        out = []

        def add(src: str, title: str, kind: tuple) -> None:
            out.append(GeneratedPage(src, title, in_nav=False))
            self.kinds[src] = kind

        for doc_id, history in self.model.histories.items():
            if not history.versions:
                continue
            for lang in LANGUAGES:
                page = self.model.page(lang, doc_id)
                title = page.full_title
                add(f"{lang}/{doc_id}/history.md", f"{title} · {s('history', lang)}", ("history", page))
                for version in history.versions:
                    if lang not in version.sha256:
                        continue
                    label = s("version_n", lang, n=version.number)
                    add(f"{lang}/{doc_id}/v{version.number}.md", f"{title} · {label}", ("version", (page, version)))
                    add(
                        f"{lang}/{doc_id}/v{version.number}/changes.md",
                        f"{title} · {s('redline_title', lang, n=version.number)}",
                        ("changes", (page, version)),
                    )
        return out

    def document_of(self, src: str) -> str | None:
        """The document a page of the build shows (SITE_WIDE: an index); None for a page it does not make."""
        kind = self.kinds.get(src)
        if kind is None:
            return None
        what, data = kind
        if what in ("policy", "history"):
            return data.doc_id
        if what in ("version", "changes"):
            return data[0].doc_id
        return SITE_WIDE

    # --- each page ----------------------------------------------------------------------
    def page_meta(self, src: str, meta: dict) -> dict | None:
        """The theme's metadata of a page the build makes; None for the others (their Markdown stays)."""
        kind = self.kinds.get(src)
        if kind is None:
            if self.serving:
                self.serve.rendering(src)
            return None
        what, data = kind
        meta = pages.theme_meta(meta)
        meta["hide"] = ["navigation"]
        kazakh_search = self.wants("search")
        if kazakh_search:
            meta["pd_search"] = True  # the page's own worker: its language's pages and stemmer
        if what == "policy":
            meta["pd_lang"] = data.lang
            meta["pd_tab_title"] = (
                data.full_title
            )  # the product in the browser tab: three "Privacy Policy" tabs otherwise
            meta["pd_alternates"] = pages.alternates(self.model, data)
            meta["pd_missing"] = data.missing
            if data.missing:
                meta["search"] = {"exclude": True}  # a page that only says "not translated" answers no query
            elif kazakh_search:
                meta["search"] = {"exclude": True}  # its clause-by-clause entries replace Material's (write_search)
        elif what in ("version", "changes", "history"):
            policy_page, version = (data, None) if what == "history" else data
            meta["pd_lang"] = policy_page.lang
            # search finds the text in force at the document's own URL, not once more per old version
            meta["search"] = {"exclude": True}
            meta["pd_alternates"] = self._version_alternates(what, policy_page, version)
        else:
            current = data if what == "index" else None
            meta["pd_lang"] = data if what == "index" else urls.DEFAULT_LANG
            meta["pd_alternates"] = [
                {
                    "lang": l,
                    "name": language_name(l),
                    "path": urls.index_path(l),
                    "exists": True,
                    "current": l == current,
                }
                for l in LANGUAGES
            ]
        if self.serving:
            self.serve.rendering(src, meta)
        return meta

    def _version_alternates(self, what: str, page, version) -> list[dict]:
        """The same history, version or redline in each language that has it."""
        out = []
        for lang in LANGUAGES:
            if what == "history":
                path, exists = urls.history_path(lang, page.doc_id), True
            else:
                exists = lang in version.sha256
                path = (urls.version_path if what == "version" else urls.changes_path)(
                    lang, page.doc_id, version.number
                )
            out.append(
                {
                    "lang": lang,
                    "name": language_name(lang),
                    "path": path if exists else urls.page_path(lang, page.doc_id),
                    "exists": exists,
                    "current": lang == page.lang,
                }
            )
        return out

    def page_body(self, src: str) -> tuple[str, list | None] | None:
        """(HTML body, table of contents entries or None) of a page the build makes; None for the others."""
        kind = self.kinds.get(src)
        if kind is None:
            return None
        what, data = kind
        model = self.model
        if what == "index":
            return pages.index_body(model, data), None
        if what == "root":
            return pages.root_body(), None
        if what == "history":
            history = model.histories[data.doc_id]
            named = document_title(data.product, data.reference.title if data.doc is None else data.doc.title)
            return history_mod.history_body(
                history, data.lang, named, urls.relative, lambda v, lang: model.version_pdf(data.doc_id, v, lang)
            ), None
        if what in ("version", "changes"):
            policy_page, version = data
            history = model.histories[policy_page.doc_id]
            doc = history.document(version, policy_page.lang)
            if what == "changes":
                pdf = model.version_pdf(policy_page.doc_id, version, policy_page.lang)
                docx = model.version_docx(policy_page.doc_id, version, policy_page.lang)
                if docx:
                    docx = urls.docx_changes_path(docx)
                return history_mod.redline_body(
                    history,
                    version,
                    policy_page.lang,
                    document_title(doc.front.product, doc.title),
                    urls.relative,
                    urls.redline_path(pdf) if pdf else None,
                    docx,
                ), None
            here = urls.version_path(policy_page.lang, policy_page.doc_id, version.number)
            return pages.policy_content(
                model,
                policy_page,
                doc=doc,
                ed=Edition.of_version(version),
                here=here,
                notice=history_mod.version_notice(history, version, policy_page.lang, here, urls.relative),
                pdf=model.version_pdf(policy_page.doc_id, version, policy_page.lang),
                docx=model.version_docx(policy_page.doc_id, version, policy_page.lang),
            ), pages.toc_entries(doc)
        if data.doc is None:
            return pages.missing_body(model, data), None
        serving = self.serving
        findings = (
            self.serve.findings(data.policy, check_policy) if serving and self.options["check_on_serve"] else None
        )
        history = model.histories.get(data.doc_id)
        shown = None if (serving or history is None) else history.shown
        if shown is not None and data.lang in shown.sha256:
            # readers see the published version; the draft in docs/ is the legal team's preview (serve)
            doc = history.document(shown, data.lang)
            self.shown[data.path] = doc
            return pages.policy_content(
                model,
                data,
                findings,
                doc=doc,
                ed=Edition.of_version(shown),
                notice=history_mod.version_notice(history, shown, data.lang, data.path, urls.relative),
            ), pages.toc_entries(doc)
        self.shown[data.path] = data.doc
        notice = history_mod.draft_notice(data.lang) if history is not None and history.versions else ""
        return pages.policy_content(model, data, findings, notice=notice), pages.toc_entries(data.doc)

    # --- navigation ------------------------------------------------------------------
    def localise_nav(self, items) -> None:
        """Remember each language's part of the navigation; name product folders by product."""
        self.navs = {}
        products = set(self.model.products())
        for item in items:
            if item.is_section:
                lang = next((c.file.src_uri.split("/")[0] for c in _pages_in(item)), None)
                if lang in LANGUAGES:
                    for child in item.children:
                        if child.is_section:
                            product = _product_name(self.model, lang, child)
                            child.title = pages.theme_text(product) if product else child.title
                    self.navs[lang] = navigation.LanguageNavigation(item.children, products)

    def page_nav(self, url: str, lang: str | None, src: str):
        """A page is being built: its navigation items (its language's only), or None for the whole navigation."""
        self.indexed.append(url)  # the order of the search index's pages (write_search)
        if lang and lang in self.navs:
            return self.navs[lang].for_page(src)
        return None

    @staticmethod
    def header(lang: str) -> tuple[str, str]:
        """(site name, homepage) a page in ``lang`` shows in its header."""
        return t("index.title", lang), urls.index_path(lang)

    # --- after the pages: PDFs, API, feeds, sitemap, search -------------------------
    def post_build(self, site_dir: Path, site_url: str = "", outputs: Iterable[str] | None = None) -> None:
        """Write the outputs (default: those the options turn on) into ``site_dir``, after MkDocs' pages."""
        wanted = self.outputs if outputs is None else set(outputs)
        model = self.model
        site_dir = Path(site_dir)
        serving = self.serving
        # under serve, only the changed documents' PDFs, Word files and side-by-side pages: the rest were kept
        changed = self.serve.changed_model(model) if serving else model
        if "compare" in wanted:
            self.write_compare_pages(site_dir, changed)
        every_document = not (serving and self.serve.prune)

        def files_then_api() -> None:
            written = self.document_files(site_dir, changed, wanted)
            if "api" in wanted:
                self.write_api(site_dir, site_url, changed, every_document, written)
            if "manifests" in wanted and not serving:  # issue 28: signed manifests under evidence/
                proof_site.write_manifests(model, site_dir, self.certificate)

        if serving and self.serve.incremental and wanted & {"pdf", "docx"}:
            # the edited page reloads at once; its document's PDFs and Word files (and the API, which holds
            # their sha256) follow in a moment: until then their old files are withdrawn, never served stale
            self.serve.withdraw(
                site_dir,
                [
                    path
                    for doc_id in changed.policies
                    for lang in LANGUAGES
                    for path in (model.pdf(doc_id, lang), model.docx(doc_id, lang))
                    if path
                ],
            )
            self.serve.later(files_then_api, log.error)
        else:
            files_then_api()
        if "feeds" in wanted:
            now = build_moment()
            for lang in LANGUAGES:
                atomic_write_text(
                    site_dir / urls.feed_path(lang), feeds.atom(model, lang, site_url, t("index.title", lang), now)
                )
        if "sitemap" in wanted and site_url:
            atomic_write_text(site_dir / "sitemap.xml", sitemap.sitemap(model, site_url))
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        elif serving:
            self.serve.theme_sitemap(site_dir)
        if "search" in wanted or serving:
            self.write_search(site_dir, "search" in wanted)
        if serving:
            self.serve.finish()
            log.info(self.serve.summary())

    def document_files(self, site_dir: Path, model, wanted: set[str]) -> dict[Path, str]:
        """The PDFs and Word documents of the documents in ``model``; the sha256 of every file written."""
        written: dict[Path, str] = {}
        if "pdf" in wanted:
            report = self.build_pdfs(site_dir, model)
            written.update({site_dir / path: e.sha256 for e in report.entries for path in (e.path, *e.also)})
            if self.certificate is not None and not self.serving:  # issue 28: published versions' PDFs signed
                written.update(
                    proof_site.sign_pdfs(
                        model, site_dir, [p for e in report.entries for p in (e.path, *e.also)], self.certificate
                    )
                )
        if "docx" in wanted:
            from ..docx.site import build_site_docx  # noqa: PLC0415

            entries = build_site_docx(
                model, site_dir, Path(self.options["docx_cache_dir"]), self.serving, log.info, self.options["pdf_jobs"]
            )
            written.update({site_dir / e.path: e.sha256 for e in entries})
        return written

    def write_api(self, site_dir: Path, site_url: str, changed, every_document: bool, written: dict[Path, str]) -> None:
        """``api/v1/``: every document (with the sha256 of its files as written), per document, the schema.

        The PDFs and Word files this build wrote have their sha256 from the caches that wrote them (a warm
        build does not read them back); under serve, files kept from an earlier build are hashed as they are.
        """
        if self.serving:
            file_hash = self.serve.file_sha256
        else:

            def file_hash(path: Path) -> str | None:
                return written.get(path) or api.sha256_file(path)

        data = api.documents(self.model, site_dir, site_url, build_moment(), file_hash=file_hash)
        atomic_write_text(site_dir / urls.API_PATH, api.dumps(data))
        for path, one in api.per_document(data).items():
            if every_document or one["document"]["id"] in changed.policies:  # serve: the others' are as last written
                atomic_write_text(site_dir / path, api.dumps(one))
        atomic_write_text(site_dir / api.SCHEMA_PATH, api.dumps(api_schema.schema(data["schema_url"])))

    def write_search(self, site_dir: Path, kazakh: bool = True) -> bool:
        """Clause-by-clause index entries, a lunr module per language and the worker that uses them.

        False when there is no search index to localise (the pages were not built by MkDocs).
        """
        index_file = site_dir / "search" / "search_index.json"
        workers = sorted((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
        if not index_file.is_file():
            return False
        data = json.loads(index_file.read_text(encoding="utf-8"))
        localise = kazakh and workers
        if not self.indexed and not self.serving:  # without MkDocs: the pages in the order the index has them
            self.indexed = list(dict.fromkeys(entry["location"].partition("#")[0] for entry in data["docs"]))
            self.shown = self._shown_pages()
        entries = {path: functools.partial(search.policy_entries, path, doc) for path, doc in self.shown.items()}
        if self.serving:  # the pages kept from the last build have their entries from then
            if localise:
                data = search.localise_index(data, entries, self.order)
            atomic_write_text(index_file, self.serve.search_index_text(data, self.order))
        elif localise:
            atomic_write_chunks(index_file, search.index_json(data, entries, self.indexed))
        if not localise:
            return True
        for lang in LANGUAGES:
            atomic_write_text(
                site_dir / search.LUNR_DIR / f"lunr.{search.module_name(lang)}.min.js", search.lunr_module_js(lang)
            )
        atomic_write_text(site_dir / search.WORKER_PATH, search.search_worker_js(workers[0].name, urls.DEFAULT_LANG))
        return True

    def _shown_pages(self) -> dict[str, object]:
        """Policy page path -> the document its page shows (the published version, else the draft)."""
        shown = {}
        for page in self.model.pages.values():
            if page.doc is None:
                continue
            history = self.model.histories.get(page.doc_id)
            version = None if history is None else history.shown
            shown[page.path] = (
                history.document(version, page.lang)
                if version is not None and page.lang in version.sha256
                else page.doc
            )
        return shown

    def write_compare_pages(self, site_dir: Path, model) -> None:
        """``/<lang>/<product>/<name>/compare/``: the languages side by side (site/compare.py), on every core."""
        serving = self.serving

        def write(doc_id: str) -> None:
            findings = None
            if serving and self.options["check_on_serve"]:
                findings = self.serve.findings(model.policies[doc_id], check_policy)
            # like MkDocs' own pages: written into the staged site, which is swapped in whole (staging.py)
            compare.write_site_pages(
                site_dir, model.policies[doc_id], model.histories.get(doc_id), self.root, serving, findings
            )

        map_documents(write, sorted(model.policies), 1 if serving else (self.options["jobs"] or default_jobs()))

    def build_pdfs(self, site_dir: Path, model):
        """The fixed PDF URL carries the text readers are shown; every version keeps its own PDF (pdf/site.py)."""
        try:
            from ..pdf.site import build_site_pdfs  # noqa: PLC0415
        except ImportError:
            raise PolicyError(
                _(
                    "pdf: true needs the policydocs.pdf module, which is not installed; "
                    "set 'pdf: false' under the policydocs plugin in mkdocs.yml"
                )
            ) from None
        return build_site_pdfs(
            model,
            site_dir,
            Path(self.options["pdf_cache_dir"]),
            pattern=self.options["pdf_pattern"],
            jobs=self.options["pdf_jobs"],
            serving=self.serving,
            progress=log.info,
        )


def _pages_in(section):
    for child in section.children:
        if child.is_page:
            yield child
        elif child.is_section:
            yield from _pages_in(child)


def _product_name(model, lang: str, section) -> str | None:
    for page in _pages_in(section):
        parts = page.file.src_uri.split("/")
        if len(parts) == 3:
            policy = model.policies.get(f"{parts[1]}/{parts[2].removesuffix('.md')}")
            if policy:
                doc = policy.languages.get(lang) or next(iter(policy.languages.values()))
                return doc.front.product
    return None


def refuse_shared_urls(pages: Iterable[tuple[str, str]]) -> None:
    """Two pages (url, file) that would publish at one address: one line naming both, never one lost."""
    seen: dict[str, str] = {}
    for url, path in pages:
        other = seen.setdefault(url, path)
        if other != path:
            raise PolicyError(
                _("{path}: publishes at '/{url}', which {other} already uses; rename or move one of them").format(
                    path=path, url=url, other=other
                )
            )
