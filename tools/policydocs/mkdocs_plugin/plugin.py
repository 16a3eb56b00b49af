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
from ..languages import LANGUAGES
from ..site import api, api_schema, compare, feeds, linkcheck, navigation, pages, search, sitemap, sources, staging, urls
from ..site import history as history_mod
from ..site.shipping import shipped
from ..site.workers import default_jobs, map_documents
from ..site.strings import t
from ..pdf.redline import redline_path
from ..versions.claims import check_claims
from .config import PolicyDocsConfig

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

    # --- setup ----------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        # the option, else POLICYDOCS_LANG, else the locale, as for the CLI (resolved once per build)
        set_language(self.config.messages_lang or default_language())
        self._site_dir = Path(config.site_dir)
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

    def on_files(self, files: Files, *, config):
        try:
            # MkDocs copies every file of docs/ into the site, following links: refuse links and devices first
            sources.check_files(config.docs_dir, [f.abs_src_path for f in files if f.abs_src_path])
            loaded = corpus_mod.load(config.docs_dir)
            self.model = pages.build_model(loaded, self.config.pdf_pattern if self.config.pdf else None)
            self.model.docx_pattern = self.config.pdf_pattern if self.config.docx else None
            self.model.compare = self.config.compare
            linkcheck.check_links(self.model)
            versions_dir = Path(config.config_file_path or ".").parent / self.config.versions_dir
            now = _build_moment()
            self.model.histories = history_mod.load_histories(loaded, versions_dir, now)
            for doc in loaded.documents():  # version, status and dates come from versions/ only
                check_claims(doc.front, doc.path, self.model.histories[doc.doc_id].store, now)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None
        model = self.model
        self.kinds = {}
        self._shown: dict[str, object] = {}  # policy page path -> the document it shows (for the search index)
        self._findings: dict[str, list] = {}  # per build: a policy is checked once for its three pages
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
        return files

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
        findings = None
        if serving and self.config.check_on_serve:
            if data.doc_id not in self._findings:
                self._findings[data.doc_id] = check_policy(data.policy)
            findings = self._findings[data.doc_id]
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
        return nav

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
        if self.config.pdf:
            self._build_pdfs(site_dir)
        if self.config.compare:
            self._write_compare_pages(site_dir, config)
        if self.config.docx:
            from ..docx.site import build_site_docx  # noqa: PLC0415

            try:
                build_site_docx(model, site_dir, Path(self.config.docx_cache_dir), self.command == "serve", log.info)
            except PolicyError as exc:
                raise PluginError(str(exc)) from None
        site_url = config.site_url or ""
        if self.config.api:
            data = api.documents(model, site_dir, site_url, _build_moment())
            atomic_write_text(site_dir / urls.API_PATH, api.dumps(data))
            for path, one in api.per_document(data).items():
                atomic_write_text(site_dir / path, api.dumps(one))
            atomic_write_text(site_dir / api.SCHEMA_PATH, api.dumps(api_schema.schema(data["schema_url"])))
        if self.config.feeds:
            now = _build_moment()
            for lang in LANGUAGES:
                atomic_write_text(site_dir / urls.feed_path(lang), feeds.atom(model, lang, site_url, t("index.title", lang), now))
        if self.config.sitemap and site_url:
            atomic_write_text(site_dir / "sitemap.xml", sitemap.sitemap(model, site_url))
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        if self.config.kazakh_search:
            self._write_search(site_dir)

    def _write_search(self, site_dir: Path) -> None:
        """Clause-by-clause index entries, a lunr module per language and the worker that uses them."""
        index_file = site_dir / "search" / "search_index.json"
        workers = sorted((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
        if not index_file.is_file() or not workers:
            return
        data = json.loads(index_file.read_text(encoding="utf-8"))
        entries = {path: functools.partial(search.policy_entries, path, doc) for path, doc in self._shown.items()}
        atomic_write_chunks(index_file, search.index_json(data, entries, self._indexed))
        for lang in LANGUAGES:
            atomic_write_text(site_dir / search.LUNR_DIR / f"lunr.{search.module_name(lang)}.min.js", search.lunr_module_js(lang))
        atomic_write_text(site_dir / search.WORKER_PATH, search.search_worker_js(workers[0].name, urls.DEFAULT_LANG))

    def _write_compare_pages(self, site_dir: Path, config) -> None:
        """``/<lang>/<product>/<name>/compare/``: the languages side by side (site/compare.py), on every core."""
        root = Path(config.config_file_path or ".").parent
        serving = self.command == "serve"

        def write(doc_id: str) -> None:
            findings = None
            if serving and self.config.check_on_serve:
                findings = self._findings.get(doc_id) or check_policy(self.model.policies[doc_id])
            # like MkDocs' own pages: written into the staged site, which is swapped in whole (staging.py)
            compare.write_site_pages(site_dir, self.model.policies[doc_id], self.model.histories.get(doc_id),
                                     root, serving, findings)

        map_documents(write, sorted(self.model.policies), 1 if serving else self._jobs())

    def _jobs(self) -> int:
        return self.config.jobs or default_jobs()

    def _build_pdfs(self, site_dir: Path) -> None:
        """The fixed PDF URL carries the text readers are shown; every version keeps its own PDF."""
        try:
            from ..pdf import build_pdfs  # noqa: PLC0415
            from ..pdf.paths import version_pattern  # noqa: PLC0415
            from ..pdf.redline import build_redline_pdfs  # noqa: PLC0415
        except ImportError:
            raise PluginError(_("pdf: true needs the policydocs.pdf module, which is not installed; "
                                "set 'pdf: false' under the policydocs plugin in mkdocs.yml")) from None
        model = self.model
        shown_docs, shown_extra = [], {}
        by_version: dict[int, list] = {}
        for doc_id, policy in sorted(model.policies.items()):
            history = model.histories.get(doc_id)
            shown = (history.current or history.pending) if history is not None and self.command != "serve" else None
            for lang, draft in policy.languages.items():
                if shown is not None and lang in shown.sha256:
                    shown_docs.append(history.document(shown, lang))
                    shown_extra[(doc_id, lang)] = {**_pdf_header(shown), "permanent": True}
                else:
                    shown_docs.append(draft)
            for version in history.versions if shown is not None else ():
                if version.number != shown.number:
                    by_version.setdefault(version.number, []).extend(
                        (history.document(version, lang), version) for lang in version.languages)
        options = dict(cache_dir=Path(self.config.pdf_cache_dir), jobs=self.config.pdf_jobs, progress=log.info)
        try:
            build_pdfs(shown_docs, out_dir=site_dir, pattern=self.config.pdf_pattern, extra=shown_extra, **options)
            for number, items in sorted(by_version.items()):
                build_pdfs([doc for doc, _ in items], out_dir=site_dir,
                           pattern=version_pattern(self.config.pdf_pattern, number),
                           extra={(doc.doc_id, doc.lang): _pdf_header(v) for doc, v in items}, **options)
            build_redline_pdfs(self._redline_items(), site_dir, Path(self.config.pdf_cache_dir) / "redlines")
        except PolicyError as exc:
            raise PluginError(str(exc)) from None

    def _redline_items(self) -> list:
        from ..pdf.redline import RedlineItem  # noqa: PLC0415
        from ..versions.redline import render_html  # noqa: PLC0415

        items = []
        for doc_id, history in sorted(self.model.histories.items()):
            for version in history.versions:
                for lang in version.languages:
                    changes = history_mod.redline_changes(history, version, lang)
                    if changes is None:
                        continue
                    doc = history.document(version, lang)
                    items.append(RedlineItem(
                        path=redline_path(self.model.version_pdf(doc_id, version, lang)), lang=lang,
                        title=f"{pages.document_title(doc.front.product, doc.title)} · "
                              f"{history_mod.s('redline_title', lang, n=version.number)}",
                        operator=doc.front.operator, summary=history_mod.redline_summary(history, version, lang, changes),
                        body_html=render_html(changes, lang, only_changes=True), date=version.published.date(),
                        moments=history_mod.redline_moments(version, lang), legend=history_mod.s("legend", lang)))
        return items

    def on_build_error(self, *, error):
        """``mkdocs build`` failed: the previous site stays as it was; what was built is discarded."""
        self._complete = False
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


def _pdf_header(version) -> dict:
    """What a version's PDF header says: its number, the day it takes effect, the day it was published."""
    return {"version": version.number, "effective": version.effective.date(), "date": version.published.date()}


def _edition_of(version) -> pages.Edition:
    return pages.Edition.of_version(version)


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
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)
