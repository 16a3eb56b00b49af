"""MkDocs events in, library calls out: each event hands over to ``policydocs.build.SiteBuild``.

Build failures (bad front matter, a broken clause link, an unknown language folder, two
pages on one URL) raise ``PluginError`` with ``file:line: message``; ``mkdocs build`` then
removes ``site/`` so a half-built site never looks complete.
"""

from __future__ import annotations

import copy
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from ..build import ASSET_DIR, ASSETS, ServeState, SiteBuild, refuse_shared_urls, staged, template_globals
from ..build.outputs import check_names, option_line
from ..errors import PolicyError
from .config import PolicyDocsConfig
from .watching import use_notifications

log = logging.getLogger("mkdocs.plugins.policydocs")


def _user_errors(event):
    """A PolicyError of the library becomes MkDocs' PluginError: one line, file and line."""

    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except PolicyError as exc:
            raise PluginError(str(exc)) from None

    run.__name__, run.__doc__ = event.__name__, event.__doc__
    return run


class PolicyDocsPlugin(BasePlugin[PolicyDocsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command, self.build, self.staging = "build", None, None
        self._serve = ServeState()  # under `mkdocs serve`: what one rebuild keeps for the next
        self._site_name = self._homepage = None

    def on_startup(self, *, command, dirty):
        self.command = command

    @_user_errors
    def on_config(self, config):
        config_file = Path(config.config_file_path or "mkdocs.yml")
        self.build = SiteBuild(dict(self.config), config_file.parent, self.command == "serve", self._serve)
        if self.config.outputs is not None:  # a name the build does not know: file and line, as the CLI says it
            check_names(self.config.outputs, config_file, option_line(config_file, "outputs"))
        if self.command == "build":  # build beside site/ and swap it in only when complete: see build/staged.py
            self.staging = staged.Staging(Path(config.site_dir), count_warnings=config.strict)
            config.site_dir = str(self.staging.folder)
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in target:
                target.append(f"{ASSET_DIR}/{name}")
        config.extra["alternate"] = True  # Material shows its language menu, which our partial fills per page
        # the Content-Security-Policy's scripts (overrides/main.html): the site's own files only; the
        # preview of `mkdocs serve` also runs MkDocs' inline live-reload script
        config.extra["policydocs_script_src"] = "'self' 'unsafe-inline'" if self.command == "serve" else "'self'"
        return config

    def on_pre_build(self, *, config):
        if self.command == "serve":  # before MkDocs empties the site folder: set the last output aside
            config_file = Path(config.config_file_path or "mkdocs.yml")
            self.build.begin_serve(config_file, Path(config.site_dir), Path(config.docs_dir), config.theme.custom_dir)

    @_user_errors
    def on_files(self, files: Files, *, config):
        self.build.load(config.docs_dir, [f.abs_src_path for f in files if f.abs_src_path])
        for page in self.build.generated_pages(lambda src: files.get_file_from_path(src) is not None):
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src, content=page.content, inclusion=inclusion))
        for path, text in self.build.assets():
            files.append(File.generated(config, path, content=text))
        refuse_shared_urls((f.url, f.abs_src_path or f.src_uri) for f in files.documentation_pages())
        if self.command == "serve" and self._serve.incremental:
            # the theme's own files were put back with the last output and did not change (site/incremental.py)
            dirs = tuple(os.path.join(os.path.abspath(d), "") for d in config.theme.dirs)
            for file in list(files):
                src = file.abs_src_path
                theirs = src and file.generated_by is None and not file.is_documentation_page()
                if theirs and os.path.abspath(src).startswith(dirs):
                    files.remove(file)
        return files

    def on_env(self, env, *, config, files):
        env.globals.update(template_globals())  # the theme's words, from the site catalogs
        if self.command == "serve":
            env.bytecode_cache = self._serve.templates  # compiled templates kept between rebuilds
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        meta = self.build.page_meta(page.file.src_uri, page.meta)
        if meta is None:
            return markdown
        page.meta = meta
        return ""  # the body comes from the library in on_page_content; Markdown has nothing to do

    def on_page_content(self, html, *, page, config, files):
        made = self.build.page_body(page.file.src_uri)
        if made is None:
            return html
        body, toc = made
        if toc is not None:
            page.toc = get_toc(toc)
        return body

    def on_nav(self, nav, *, config, files):
        """Each language's part of the navigation; under serve, unchanged pages keep their last output."""
        self.build.localise_nav(nav.items)
        if self.command == "serve":
            pages = list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
            self.build.order = [f.url for f in pages]
            for file in pages:
                meta = self._serve.reusable(file.src_uri, file.url, self.build.document_of(file.src_uri))
                if meta is not None:
                    if file.page is not None:
                        file.page.markdown, file.page.meta = "", meta
                    files.remove(file)
        return nav

    def on_page_context(self, context, *, page, config, nav):
        """A page sees only its own language (navigation, site name in the header); a document's page, only its product."""
        lang = page.meta.get("pd_lang")
        items = self.build.page_nav(page.url, lang, page.file.src_uri)
        if lang:
            self._site_name, self._homepage = config.site_name, config.extra.get("homepage")
            # the header names the site in the page's language; the logo leads to this language's index
            config.site_name, config.extra["homepage"] = self.build.header(lang)
            if items is not None:
                context["nav"] = local = copy.copy(nav)
                local.items = items
        return context

    def on_post_page(self, output, *, page, config):
        if self._site_name is not None:
            config.site_name, self._site_name = self._site_name, None
            if self._homepage is None:
                config.extra.pop("homepage", None)
            else:
                config.extra["homepage"] = self._homepage
        return output

    @event_priority(-100)  # after the search plugin has written its index
    @_user_errors
    def on_post_build(self, *, config):
        self.build.post_build(Path(config.site_dir), config.site_url or "")
        if self.staging is not None:
            self.staging.complete = True

    def on_build_error(self, *, error):
        """``mkdocs build`` failed: the previous site stays as it was; what was built is discarded."""
        if self.command == "serve":
            self._serve.fail()  # the preview keeps showing the last good build; the next one is full
        if self.staging is not None:
            self.staging.failed(error)

    def on_serve(self, server, *, config, builder):
        """A save is noticed at once (watching.py), not at MkDocs' next half-second poll."""
        if self.config.serve_notifications and use_notifications(server):
            log.debug("policydocs: watching for saves with the system's file notifications")
        return server

    def on_shutdown(self):
        """After ``mkdocs build`` (and its strict-mode check): swap the complete site into place."""
        if self.staging is not None:
            self.staging, staging = None, self.staging
            staging.finish()
