"""MkDocs events in, library calls out. No policy logic lives here.

Build failures (bad front matter, a broken clause link, an unknown language folder, two
pages on one URL) raise ``PluginError`` with ``file:line: message``; ``mkdocs build`` then
removes ``site/`` so a half-built site never looks complete.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import logging
import os
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from .. import corpus as corpus_mod
from ..check import check_policy
from ..errors import PolicyError
from ..fsutil import atomic_write_chunks, atomic_write_text
from ..i18n import _, default_language, set_language
from ..now import build_moment
from ..languages import LANGUAGES
from ..site import api, api_schema, compare, feeds, linkcheck, navigation, pages, search, sitemap, sources, staging, urls
from ..site import history as history_mod
from ..site.incremental import SITE_WIDE, ServeState, project_inputs
from ..site.shipping import shipped
from ..site.workers import default_jobs, map_documents
from ..site.strings import t
from ..pdf.redline import redline_path
from ..proof import site as proof_site
from ..versions.claims import check_claims
from .config import PolicyDocsConfig
from .watching import use_notifications

log = logging.getLogger("mkdocs.plugins.policydocs")

ASSETS = ("policydocs.css", "policydocs.js")  # on every page, through extra_css / extra_javascript
THEME_SCRIPTS = ("material-start.js", "material-content.js", "material-palette.js")  # Material's inline scripts as files (CSP)
PAGE_ASSETS = ("compare.css",)  # only on the pages that link them (the side-by-side pages)
ASSET_DIR = "assets/policydocs"


class PolicyDocsPlugin(BasePlugin[PolicyDocsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.model: pages.SiteModel | None = None
        self.kinds: dict[str, tuple[str, object]] = {}  # src_uri -> (kind, data)
        self._serve = ServeState()  # under `mkdocs serve`: what one rebuild keeps for the next

    # --- setup ----------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        # the option, else POLICYDOCS_LANG, else the locale, as for the CLI (resolved once per build)
        set_language(self.config.messages_lang or default_language())
        self._site_dir = Path(config.site_dir)
        try:  # issue 28: a certificate that cannot sign stops the build here, in one line
            self._certificate = proof_site.certificate(dict(self.config), Path(config.config_file_path or "mkdocs.yml").parent)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None
        self._staged, self._complete = None, False
        if self.command == "build":
            # build beside site/ and swap it in only when complete (on_shutdown): see site/staging.py
            try:
                self._staged = staging.stage(self._site_dir)
            except PolicyError as exc:
                raise PluginError(str(exc)) from None
            config.site_dir = str(self._staged)
            self._warnings = _WarningCount()
            if config.strict:  # MkDocs refuses a strict build with warnings after on_post_build: count them too
                logging.getLogger("mkdocs").addHandler(self._warnings)
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in target:
                target.append(f"{ASSET_DIR}/{name}")
        # True (not a list): Material shows its language menu, which our partial fills per page
        config.extra["alternate"] = True
        # the Content-Security-Policy's scripts (overrides/main.html): the site's own files only; the
        # preview of `mkdocs serve` also runs MkDocs' inline live-reload script
        config.extra["policydocs_script_src"] = "'self' 'unsafe-inline'" if self.command == "serve" else "'self'"
        return config

    def on_pre_build(self, *, config):
        if self.command == "serve":  # before MkDocs empties the site folder: set the last output aside
            config_file = Path(config.config_file_path or "mkdocs.yml")
            inputs = project_inputs(config_file, self.config.versions_dir, config.theme.custom_dir)
            self._serve.begin(Path(config.site_dir), Path(config.docs_dir), inputs)

    def on_files(self, files: Files, *, config):
        serving = self.command == "serve"
        if serving:
            self._serve.restore()
        try:
            # MkDocs copies every file of docs/ into the site, following links: refuse links and devices first
            sources.check_files(config.docs_dir, [f.abs_src_path for f in files if f.abs_src_path])
            loaded = self._serve.load(config.docs_dir) if serving else corpus_mod.load(config.docs_dir)
            self.model = pages.build_model(loaded, self.config.pdf_pattern if self.config.pdf else None)
            self.model.docx_pattern = self.config.pdf_pattern if self.config.docx else None
            self.model.compare = self.config.compare
            linkcheck.check_links(self.model, self._links_of if serving else None)
            versions_dir = Path(config.config_file_path or ".").parent / self.config.versions_dir
            now = _build_moment()
            self.model.histories = history_mod.load_histories(loaded, versions_dir, now)
            for doc in loaded.documents():  # version, status and dates come from versions/ only
                check_claims(doc.front, doc.path, self.model.histories[doc.doc_id].store, now)
            if serving:
                self._serve.compare(self.model)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None
        model = self.model
        self.kinds = {}
        self._shown: dict[str, object] = {}  # policy page path -> the document it shows (for the search index)
        self._indexed: list[str] = []  # every page's URL, in the order the pages are built
        for page in model.pages.values():
            src = f"{page.lang}/{page.doc_id}.md"
            if page.doc is None:
                files.append(File.generated(config, src, content=f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n"))
            self.kinds[src] = ("policy", page)
        self._add_version_pages(files, config)
        for lang in LANGUAGES:
            src = f"{lang}/index.md"
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=f"---\ntitle: {json.dumps(t('index.title', lang), ensure_ascii=False)}\n---\n"))
                self.kinds[src] = ("index", lang)
        if files.get_file_from_path("index.md") is None:
            title = json.dumps(t("index.title", urls.DEFAULT_LANG), ensure_ascii=False)
            files.append(File.generated(config, "index.md", content=f"---\ntitle: {title}\n---\n"))
            self.kinds["index.md"] = ("root", None)
        for name in ASSETS + THEME_SCRIPTS + PAGE_ASSETS:
            text = shipped(name, resources.files("policydocs.site").joinpath("assets", name).read_text(encoding="utf-8"))
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=text))
        self._refuse_shared_urls(files)
        if serving and self._serve.incremental:
            self._keep_theme_files(files, config)
        return files

    @staticmethod
    def _keep_theme_files(files: Files, config) -> None:
        """Serve, incremental: the theme's own files were put back with the last output (site/incremental.py).

        The theme did not change (its overrides are part of the project's signature), so
        MkDocs need not copy its hundreds of files again.
        """
        dirs = tuple(os.path.join(os.path.abspath(d), "") for d in config.theme.dirs)
        for file in list(files):
            src = file.abs_src_path
            if src and file.generated_by is None and not file.is_documentation_page() and os.path.abspath(src).startswith(dirs):
                files.remove(file)

    def on_env(self, env, *, config, files):
        if self.command == "serve":
            env.bytecode_cache = self._serve.templates  # compiled templates kept between rebuilds
        return env

    def _add_version_pages(self, files: Files, config) -> None:
        """Pages of published versions: text, redline and history, per language; not in the nav."""

        def add(src: str, title: str, kind: tuple) -> None:
            content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
            files.append(File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            self.kinds[src] = kind

        for doc_id, history in self.model.histories.items():
            if not history.versions:
                continue
            for lang in LANGUAGES:
                page = self.model.page(lang, doc_id)
                title = page.full_title
                add(f"{lang}/{doc_id}/history.md", f"{title} · {history_mod.s('history', lang)}", ("history", page))
                for version in history.versions:
                    if lang not in version.sha256:
                        continue
                    label = history_mod.s("version_n", lang, n=version.number)
                    add(f"{lang}/{doc_id}/v{version.number}.md", f"{title} · {label}", ("version", (page, version)))
                    add(f"{lang}/{doc_id}/v{version.number}/changes.md",
                        f"{title} · {history_mod.s('redline_title', lang, n=version.number)}", ("changes", (page, version)))

    def _version_alternates(self, what: str, page, version) -> list[dict]:
        """The same history, version or redline in each language that has it."""
        out = []
        for lang in LANGUAGES:
            if what == "history":
                path, exists = history_mod.history_path(lang, page.doc_id), True
            else:
                exists = lang in version.sha256
                path = (history_mod.version_path if what == "version" else history_mod.changes_path)(lang, page.doc_id, version.number)
            out.append({"lang": lang, "name": pages.language_name(lang), "path": path if exists else urls.page_path(lang, page.doc_id),
                        "exists": exists, "current": lang == page.lang})
        return out

    @staticmethod
    def _refuse_shared_urls(files: Files) -> None:
        seen: dict[str, File] = {}
        for file in files.documentation_pages():
            other = seen.setdefault(file.url, file)
            if other is not file:
                raise PluginError(_("{path}: publishes at '/{url}', which {other} already uses; rename or move one of "
                                    "them").format(path=file.abs_src_path or file.src_uri, url=file.url,
                                                   other=other.abs_src_path or other.src_uri))

    # --- pages ----------------------------------------------------------------------
    def on_page_markdown(self, markdown, *, page, config, files):
        kind = self.kinds.get(page.file.src_uri)
        if kind is None:
            if self.command == "serve":
                self._serve.rendering(page.file.src_uri)
            return markdown
        what, data = kind
        page.meta = meta = pages.theme_meta(page.meta)
        meta["hide"] = ["navigation"]
        if self.config.kazakh_search:
            meta["pd_search"] = True  # the page's own worker: its language's pages and stemmer
        if what == "policy":
            meta["pd_lang"] = data.lang
            meta["pd_tab_title"] = data.full_title  # the product in the browser tab: three "Privacy Policy" tabs otherwise
            meta["pd_alternates"] = pages.alternates(self.model, data)
            meta["pd_missing"] = data.missing
            if data.missing:
                meta["search"] = {"exclude": True}  # a page that only says "not translated" answers no query
            elif self.config.kazakh_search:
                meta["search"] = {"exclude": True}  # its clause-by-clause entries replace Material's (_write_search)
        elif what in ("version", "changes", "history"):
            policy_page, version = (data, None) if what == "history" else data
            meta["pd_lang"] = policy_page.lang
            # search finds the text in force at the document's own URL, not once more per old version
            meta["search"] = {"exclude": True}
            meta["pd_alternates"] = self._version_alternates(what, policy_page, version)
        elif what == "index":
            meta["pd_lang"] = data
            meta["pd_alternates"] = [
                {"lang": l, "name": pages.language_name(l), "path": urls.index_path(l), "exists": True, "current": l == data}
                for l in LANGUAGES
            ]
        else:
            meta["pd_lang"] = urls.DEFAULT_LANG
            meta["pd_alternates"] = [
                {"lang": l, "name": pages.language_name(l), "path": urls.index_path(l), "exists": True, "current": False}
                for l in LANGUAGES
            ]
        if self.command == "serve":
            self._serve.rendering(page.file.src_uri, meta)
        return ""  # the body comes from the library in on_page_content; Markdown has nothing to do

    def on_page_content(self, html, *, page, config, files):
        kind = self.kinds.get(page.file.src_uri)
        if kind is None:
            return html
        what, data = kind
        model = self.model
        if what == "index":
            return pages.index_body(model, data)
        if what == "root":
            return pages.root_body()
        if what == "history":
            history = model.histories[data.doc_id]
            named = pages.document_title(data.product, data.reference.title if data.doc is None else data.doc.title)
            return history_mod.history_body(history, data.lang, named,
                                            urls.relative, lambda v, lang: model.version_pdf(data.doc_id, v, lang))
        if what in ("version", "changes"):
            policy_page, version = data
            history = model.histories[policy_page.doc_id]
            doc = history.document(version, policy_page.lang)
            if what == "changes":
                pdf = model.version_pdf(policy_page.doc_id, version, policy_page.lang)
                docx = model.version_docx(policy_page.doc_id, version, policy_page.lang)
                if docx:
                    from ..docx.paths import changes_path as docx_changes_path  # noqa: PLC0415

                    docx = docx_changes_path(docx)
                return history_mod.redline_body(history, version, policy_page.lang,
                                                pages.document_title(doc.front.product, doc.title), urls.relative,
                                                redline_path(pdf) if pdf else None, docx)
            page.toc = get_toc(pages.toc_entries(doc))
            here = history_mod.version_path(policy_page.lang, policy_page.doc_id, version.number)
            return pages.policy_content(
                model, policy_page, doc=doc, ed=_edition_of(version), here=here,
                notice=history_mod.version_notice(history, version, policy_page.lang, here, urls.relative),
                pdf=model.version_pdf(policy_page.doc_id, version, policy_page.lang),
                docx=model.version_docx(policy_page.doc_id, version, policy_page.lang))
        if data.doc is None:
            return pages.missing_body(model, data)
        serving = self.command == "serve"
        findings = self._serve.findings(data.policy, check_policy) if serving and self.config.check_on_serve else None
        history = model.histories.get(data.doc_id)
        shown = None if (serving or history is None) else (history.current or history.pending)
        if shown is not None and data.lang in shown.sha256:
            # readers see the published version; the draft in docs/ is the legal team's preview (serve)
            doc = history.document(shown, data.lang)
            self._shown[data.path] = doc
            page.toc = get_toc(pages.toc_entries(doc))
            return pages.policy_content(
                model, data, findings, doc=doc, ed=_edition_of(shown),
                notice=history_mod.version_notice(history, shown, data.lang, data.path, urls.relative))
        self._shown[data.path] = data.doc
        page.toc = get_toc(pages.toc_entries(data.doc))
        notice = history_mod.draft_notice(data.lang) if history is not None and history.versions else ""
        return pages.policy_content(model, data, findings, notice=notice)

    def on_nav(self, nav, *, config, files):
        """Remember each language's part of the navigation; name product folders by product."""
        self._navs = {}
        products = set(self.model.products())
        for item in nav.items:
            if item.is_section:
                lang = next((c.file.src_uri.split("/")[0] for c in _pages_in(item)), None)
                if lang in LANGUAGES:
                    for child in item.children:
                        if child.is_section:
                            product = _product_name(self.model, lang, child)
                            child.title = pages.theme_text(product) if product else child.title
                    self._navs[lang] = navigation.LanguageNavigation(item.children, products)
        if self.command == "serve":
            self._keep_unchanged_pages(files)
        return nav

    def _links_of(self, doc):
        return self._serve.per_document(doc, "links", linkcheck.document_links)

    def _keep_unchanged_pages(self, files: Files) -> None:
        """Serve: a page of an unchanged document keeps its last output (site/incremental.py).

        It keeps its title for the others' navigation and leaves this build's files, so that
        MkDocs does not read, render, index or write it again.
        """
        self._order = [f.url for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]
        for file in list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve)):
            meta = self._serve.reusable(file.src_uri, file.url, _document_of(self.kinds.get(file.src_uri)))
            if meta is None:
                continue
            if file.page is not None:
                file.page.markdown, file.page.meta = "", meta
            files.remove(file)

    _order: list[str] | None = None

    def on_page_context(self, context, *, page, config, nav):
        """A page sees only its own language (navigation, site name in the header); a document's page, only its product."""
        self._indexed.append(page.url)  # the order of the search index's pages (_write_search)
        lang = page.meta.get("pd_lang")
        if lang:
            self._site_name = config.site_name
            config.site_name = t("index.title", lang)
            self._homepage = config.extra.get("homepage")
            config.extra["homepage"] = urls.index_path(lang)  # the logo leads to this language's index
            if lang in self._navs:
                local = copy.copy(nav)
                local.items = self._navs[lang].for_page(page.file.src_uri)
                context["nav"] = local
        return context

    _navs: dict = {}

    def on_post_page(self, output, *, page, config):
        if self._site_name is not None:
            config.site_name, self._site_name = self._site_name, None
            if self._homepage is None:
                config.extra.pop("homepage", None)
            else:
                config.extra["homepage"] = self._homepage
        return output

    _homepage: str | None = None

    _site_name: str | None = None

    # --- after the pages: PDFs, API, feeds, sitemap, search -------------------------
    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        try:
            self._post_build(config)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None
        self._complete = True

    def _post_build(self, config) -> None:
        model = self.model
        site_dir = Path(config.site_dir)
        serving = self.command == "serve"
        # under serve, only the changed documents' PDFs, Word files and side-by-side pages: the rest were kept
        outputs = self._serve.changed_model(model) if serving else model
        if self.config.compare:
            self._write_compare_pages(site_dir, config, outputs)
        site_url = config.site_url or ""
        every_document = not (serving and self._serve.prune)

        def files_then_api() -> None:
            written = self._document_files(site_dir, outputs)
            if self.config.api:
                self._write_api(site_dir, site_url, model, outputs, every_document, written)
            if self.config.manifests and not serving:  # issue 28: signed manifests under evidence/
                proof_site.write_manifests(model, site_dir, self._certificate)

        if serving and self._serve.incremental and (self.config.pdf or self.config.docx):
            # the edited page reloads at once; its document's PDFs and Word files (and the API, which holds
            # their sha256) follow in a moment: until then their old files are withdrawn, never served stale
            self._serve.withdraw(site_dir, [path for doc_id in outputs.policies for lang in LANGUAGES
                                            for path in (model.pdf(doc_id, lang), model.docx(doc_id, lang)) if path])
            self._serve.later(files_then_api, log.error)
        else:
            files_then_api()
        if self.config.feeds:
            now = _build_moment()
            for lang in LANGUAGES:
                atomic_write_text(site_dir / urls.feed_path(lang), feeds.atom(model, lang, site_url, t("index.title", lang), now))
        if self.config.sitemap and site_url:
            atomic_write_text(site_dir / "sitemap.xml", sitemap.sitemap(model, site_url))
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        elif serving:
            self._serve.theme_sitemap(site_dir)
        if self.config.kazakh_search or serving:
            self._write_search(site_dir)
        if serving:
            self._serve.finish()
            log.info(self._serve.summary())

    def _document_files(self, site_dir: Path, model) -> dict[Path, str]:
        """The PDFs and Word documents of the documents in ``model``; the sha256 of every file written."""
        written: dict[Path, str] = {}
        if self.config.pdf:
            report = self._build_pdfs(site_dir, model)
            written.update({site_dir / path: e.sha256 for e in report.entries for path in (e.path, *e.also)})
            if self._certificate is not None and self.command != "serve":  # issue 28: published versions' PDFs signed
                written.update(proof_site.sign_pdfs(model, site_dir, [p for e in report.entries for p in (e.path, *e.also)],
                                                    self._certificate))
        if self.config.docx:
            from ..docx.site import build_site_docx  # noqa: PLC0415

            try:
                entries = build_site_docx(model, site_dir, Path(self.config.docx_cache_dir), self.command == "serve",
                                          log.info, self.config.pdf_jobs)
            except PolicyError as exc:
                raise PluginError(str(exc)) from None
            written.update({site_dir / e.path: e.sha256 for e in entries})
        return written

    def _write_api(self, site_dir: Path, site_url: str, model, outputs, every_document: bool,
                   written: dict[Path, str]) -> None:
        """``api/v1/``: every document (with the sha256 of its files as written), per document, the schema.

        The PDFs and Word files this build wrote have their sha256 from the caches that wrote them (a warm
        build does not read them back); under serve, files kept from an earlier build are hashed as they are.
        """
        if self.command == "serve":
            file_hash = self._serve.file_sha256
        else:
            def file_hash(path: Path) -> str | None:
                return written.get(path) or api.sha256_file(path)
        data = api.documents(model, site_dir, site_url, _build_moment(), file_hash=file_hash)
        atomic_write_text(site_dir / urls.API_PATH, api.dumps(data))
        for path, one in api.per_document(data).items():
            if every_document or one["document"]["id"] in outputs.policies:  # serve: the others' are as last written
                atomic_write_text(site_dir / path, api.dumps(one))
        atomic_write_text(site_dir / api.SCHEMA_PATH, api.dumps(api_schema.schema(data["schema_url"])))

    def _write_search(self, site_dir: Path) -> None:
        """Clause-by-clause index entries, a lunr module per language and the worker that uses them."""
        index_file = site_dir / "search" / "search_index.json"
        workers = sorted((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
        if not index_file.is_file():
            return
        data = json.loads(index_file.read_text(encoding="utf-8"))
        localise = self.config.kazakh_search and workers
        entries = {path: functools.partial(search.policy_entries, path, doc) for path, doc in self._shown.items()}
        if self.command == "serve":  # the pages kept from the last build have their entries from then
            if localise:
                data = search.localise_index(data, entries, self._order)
            atomic_write_text(index_file, self._serve.search_index_text(data, self._order))
        elif localise:
            atomic_write_chunks(index_file, search.index_json(data, entries, self._indexed))
        if not localise:
            return
        for lang in LANGUAGES:
            atomic_write_text(site_dir / search.LUNR_DIR / f"lunr.{search.module_name(lang)}.min.js", search.lunr_module_js(lang))
        atomic_write_text(site_dir / search.WORKER_PATH, search.search_worker_js(workers[0].name, urls.DEFAULT_LANG))

    def _write_compare_pages(self, site_dir: Path, config, model) -> None:
        """``/<lang>/<product>/<name>/compare/``: the languages side by side (site/compare.py), on every core."""
        root = Path(config.config_file_path or ".").parent
        serving = self.command == "serve"

        def write(doc_id: str) -> None:
            findings = None
            if serving and self.config.check_on_serve:
                findings = self._serve.findings(model.policies[doc_id], check_policy)
            # like MkDocs' own pages: written into the staged site, which is swapped in whole (staging.py)
            compare.write_site_pages(site_dir, model.policies[doc_id], model.histories.get(doc_id),
                                     root, serving, findings)

        map_documents(write, sorted(model.policies), 1 if serving else self._jobs())

    def _jobs(self) -> int:
        return self.config.jobs or default_jobs()

    def _build_pdfs(self, site_dir: Path, model):
        """The fixed PDF URL carries the text readers are shown; every version keeps its own PDF (pdf/site.py)."""
        try:
            from ..pdf.site import build_site_pdfs  # noqa: PLC0415
        except ImportError:
            raise PluginError(_("pdf: true needs the policydocs.pdf module, which is not installed; "
                                "set 'pdf: false' under the policydocs plugin in mkdocs.yml")) from None
        try:
            return build_site_pdfs(model, site_dir, Path(self.config.pdf_cache_dir), pattern=self.config.pdf_pattern,
                                   jobs=self.config.pdf_jobs, serving=self.command == "serve", progress=log.info)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None

    def on_build_error(self, *, error):
        """``mkdocs build`` failed: the previous site stays as it was; what was built is discarded."""
        self._complete = False
        if self.command == "serve":
            self._serve.fail()  # the preview keeps showing the last good build; the next one is full
        if self.command != "build":
            return
        staged, self._staged = self._staged, None
        staging.discard(staged)
        log.error(_("policydocs: the build failed; {site} was left as it was before this build").format(
            site=self._site_dir))
        if isinstance(error, OSError):
            # MkDocs prints a traceback for a failed write (disk full, read-only folder): one line instead,
            # naming the file as it would be in site/
            where = str(getattr(error, "filename", None) or self._site_dir)
            if staged is not None:
                where = where.replace(str(staged), str(self._site_dir))
            log.error("%s: %s", where, error.strerror or error)
            raise SystemExit(2)

    def on_serve(self, server, *, config, builder):
        """A save is noticed at once (watching.py), not at MkDocs' next half-second poll."""
        if self.config.serve_notifications and use_notifications(server):
            log.debug("policydocs: watching for saves with the system's file notifications")
        return server

    def on_shutdown(self):
        """After ``mkdocs build`` (and its strict-mode check): swap the complete site into place."""
        staged, self._staged = self._staged, None
        if staged is None:
            return
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if not self._complete or self._warnings.count:
            staging.discard(staged)
            return
        try:
            staging.swap_in(staged, self._site_dir)
        except PolicyError as exc:
            staging.discard(staged)
            log.error(str(exc))
            raise SystemExit(2) from None

    _site_dir: Path | None = None
    _staged: Path | None = None
    _complete = False


class _WarningCount(logging.Handler):
    """Counts MkDocs' warnings, as its strict mode does, to know whether the build will be kept."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


def _edition_of(version) -> pages.Edition:
    return pages.Edition.of_version(version)


def _document_of(kind) -> str | None:
    """The document a page of the plugin shows (SITE_WIDE: an index); None for a page it does not make."""
    if kind is None:
        return None
    what, data = kind
    if what in ("policy", "history"):
        return data.doc_id
    if what in ("version", "changes"):
        return data[0].doc_id
    return SITE_WIDE


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


def _build_moment() -> dt.datetime:
    return build_moment()
