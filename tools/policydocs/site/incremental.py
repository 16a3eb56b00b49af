"""One edit, one document rebuilt: what ``mkdocs serve`` keeps from one rebuild to the next.

Why. MkDocs 1.6 rebuilds the whole site on every save under ``mkdocs serve``: it empties
the site folder, reads and renders every page through Material's template (each page
renders the whole navigation), indexes every page for search and copies everything again.
At 100 policies x 3 languages that is over ten seconds for a lawyer who changed one word;
its ``--dirty`` mode is no answer (it re-renders every generated page anyway and MkDocs
itself warns that its navigation may be wrong). MkDocs keeps plugin instances between
rebuilds, so the plugin can keep state; this module is that state and the decisions taken
with it. It never imports MkDocs: the plugin hands it paths, page addresses and document ids.

What a rebuild does, step by step (the plugin's event in brackets):

1. ``begin`` (on_pre_build). The *project signature* is taken: ``mkdocs.yml``, the theme
   overrides, ``versions/``, the glossary, the translators' sign-offs, the pages under
   ``docs/`` that are not policies (each file's size and modification time) and the list of
   files under ``docs/``. When it equals that of the last build that
   completed, the rebuild is *incremental*: the previous output is moved aside into a hidden
   folder of the site folder (MkDocs' clean-up skips hidden entries) and moved back by
   ``restore`` (first thing in on_files) once MkDocs has cleaned. Anything else - the first
   build, a failed build, an added, deleted or renamed file, an edited ``mkdocs.yml`` or
   override, a new published version - is a *full* rebuild, exactly as MkDocs does it.
2. ``load`` (on_files). Only files whose bytes changed (sha256) are parsed again; the
   others keep their parsed document. ``compare`` then gives each document a signature
   (its files' bytes, and the states of its versions at the build moment) and finds the
   documents that changed.
3. ``reusable`` (on_nav). In an incremental rebuild where no changed document's header
   changed (so every title and product name in the navigation and on the index pages is as
   before) and no version changed state, a page of an unchanged document keeps its previous
   output: the plugin gives the page its previous metadata (its title, for the navigation of
   the pages that are rebuilt) and takes it out of this build's files, so MkDocs neither
   reads, renders, indexes nor writes it. The pages of the changed documents, and every page
   the plugin does not itself make, go through MkDocs as always. When a header changed, every
   page is rendered again (their navigation may show the new title).
4. ``findings`` (on_page_content). The checker's findings under serve are kept per
   document signature: only the changed policy is checked again.
5. On on_post_build: PDFs, Word documents and side-by-side pages are made for the changed
   documents only (``changed_model``; the others' are in the restored output). Rendering a
   PDF takes seconds, so in an incremental rebuild the changed document's PDFs and Word files
   are made just after it (``later``; the browser reloads meanwhile), their old files
   withdrawn first so that none is served stale; the API, which holds their sha256, is
   written with them, and the next rebuild waits for them (``settle``). The feeds and the
   sitemap are whole-site files and are written again from the model (cheap, and so always
   right); so is the API (the per-document files of unchanged documents stand). The search index is assembled from each page's entries
   (``search_index_text``): those of the pages rebuilt now, those of the others as last time,
   in the order of a full build, so it equals byte for byte the index a full build writes.
6. ``finish`` (end of on_post_build) records the signatures; ``fail`` (on_build_error) puts
   the previous output back if it is still aside and makes the next rebuild a full one.

The pages and files rendered by a rebuild are listed in ``rendered`` and ``outputs`` (the
plugin logs a one-line summary), so a test can check that one edit re-renders exactly that
document's pages and files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from .. import corpus as corpus_mod
from ..document import Document, parse_bytes
from ..i18n import _
from ..textfile import read_bytes

STASH = ".policydocs-previous"  # hidden: MkDocs' clean-up of the site folder leaves it alone
SITE_WIDE = ""  # the "document" of the index pages: they show every document's header


@dataclass
class _Doc:
    """What a document's pages were made from: its files' bytes, its header, its versions' states."""

    files: str
    header: tuple
    states: tuple


@dataclass
class ServeState:
    """Kept by the plugin for the whole of one ``mkdocs serve``; see the module docstring."""

    parsed: dict[Path, tuple[str, Document]] = field(default_factory=dict)
    project: str | None = None  # signature of the last build that completed
    docs: dict[str, _Doc] = field(default_factory=dict)  # as of the last build that completed
    meta: dict[str, dict] = field(default_factory=dict)  # page source -> its metadata, last build
    search: dict[str, str] = field(default_factory=dict)  # page address -> its search entries (JSON)
    checked: dict[str, tuple[str, list]] = field(default_factory=dict)  # doc id -> (files, findings)
    sitemap: dict[str, bytes] = field(default_factory=dict)  # MkDocs' own sitemap files, last full set
    hashes: dict[str, tuple] = field(default_factory=dict)  # site file -> (its stat, its sha256)
    derived: dict[tuple, tuple] = field(default_factory=dict)  # (what, path) -> (document, value)
    templates: TemplateCache = field(default_factory=lambda: TemplateCache())
    pending: threading.Thread | None = None  # the last rebuild's PDFs and Word files, being made
    # this build
    incremental: bool = False
    stashed: Path | None = None
    current: str | None = None
    now_docs: dict[str, _Doc] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    prune: bool = False
    rendered: set[str] = field(default_factory=set)
    reused: set[str] = field(default_factory=set)
    kept_pages: set[str] = field(default_factory=set)  # addresses of the pages kept
    outputs: set[str] = field(default_factory=set)  # doc ids whose PDFs, Word files, side-by-side pages were made

    # --- 1. before MkDocs cleans the site folder ---------------------------------------
    def begin(self, site_dir: Path, docs_dir: Path, inputs: Iterable[Path]) -> bool:
        """Start a rebuild; True when it is incremental (the previous output was set aside)."""
        self.settle()
        self.current = project_signature(docs_dir, inputs)
        self.now_docs, self.changed, self.prune = {}, set(), False
        self.rendered, self.reused, self.outputs, self.kept_pages = set(), set(), set(), set()
        site_dir = Path(site_dir)
        leftover = site_dir / STASH
        if leftover.exists():  # a build killed half-way: what it set aside cannot be trusted
            shutil.rmtree(leftover, ignore_errors=True)
            self.project = None
        self.incremental = self.project is not None and self.current == self.project
        self.project = None  # until this build completes
        if not self.incremental:
            self.meta, self.search, self.checked, self.sitemap = {}, {}, {}, {}
            return False
        leftover.mkdir()
        for entry in os.scandir(site_dir):
            if not entry.name.startswith("."):
                os.rename(entry.path, leftover / entry.name)
        self.stashed = leftover
        return True

    def restore(self) -> None:
        """Put the previous output back once MkDocs has emptied the site folder (a few renames)."""
        held, self.stashed = self.stashed, None
        if held is None:
            return
        for entry in os.scandir(held):
            target = held.parent / entry.name
            if not os.path.lexists(target):
                os.rename(entry.path, target)
        shutil.rmtree(held, ignore_errors=True)

    # --- 2. parsing and what changed ------------------------------------------------------
    def parse(self, path: Path) -> Document:
        """The document in ``path``, parsed again only when its bytes changed."""
        data = read_bytes(Path(path))
        digest = hashlib.sha256(data).hexdigest()
        seen = self.parsed.get(Path(path))
        if seen is not None and seen[0] == digest:
            return seen[1]
        doc = parse_bytes(data, path)
        self.parsed[Path(path)] = (digest, doc)
        return doc

    def load(self, docs_dir: Path) -> corpus_mod.Corpus:
        """``corpus.load`` with unchanged files not parsed again."""
        files = corpus_mod.policy_files(Path(docs_dir))
        loaded = corpus_mod.load_files(Path(docs_dir), files, parse=self.parse)
        keep = set(files)
        self.parsed = {p: v for p, v in self.parsed.items() if p in keep}
        self.derived = {k: v for k, v in self.derived.items() if k[1] in keep and self.parsed[k[1]][1] is v[0]}
        return loaded

    def compare(self, model) -> set[str]:
        """Each document's signature; the ids of those that changed since the last build."""
        for doc_id, policy in model.policies.items():
            docs = sorted(policy.languages.items())
            digest = hashlib.sha256(
                "\n".join(
                    f"{lang}:{self.parsed[Path(doc.path)][0] if Path(doc.path) in self.parsed else doc.render()}"
                    for lang, doc in docs
                ).encode("utf-8")
            ).hexdigest()
            history = model.histories.get(doc_id)
            states = tuple((v.number, history.state(v)) for v in history.versions) if history is not None else ()
            self.now_docs[doc_id] = _Doc(digest, tuple((lang, doc.front.raw) for lang, doc in docs), states)
        before = self.docs if self.incremental else {}
        self.changed = {d for d, now in self.now_docs.items() if d not in before or before[d].files != now.files}
        self.prune = (
            self.incremental
            and set(before) == set(self.now_docs)
            and all(before[d].header == self.now_docs[d].header for d in self.changed)
            and all(before[d].states == now.states for d, now in self.now_docs.items())
        )
        return self.changed

    # --- 3. pages --------------------------------------------------------------------------
    def reusable(self, src_uri: str, url: str, doc_id: str | None) -> dict | None:
        """The page's previous metadata when its previous output stands; else None (render it).

        ``doc_id`` is the document the page shows, ``SITE_WIDE`` for the index pages, None for
        a page the plugin does not make (always rendered).
        """
        if not self.prune or doc_id is None or doc_id in self.changed or src_uri not in self.meta:
            return None
        self.reused.add(src_uri)
        self.kept_pages.add(_address(url))
        return dict(self.meta[src_uri])

    def rendering(self, src_uri: str, meta: dict | None = None) -> None:
        """A page goes through MkDocs in this build; ``meta`` is what the next build may reuse."""
        self.rendered.add(src_uri)
        if meta is not None:
            self.meta[src_uri] = dict(meta)
        else:
            self.meta.pop(src_uri, None)

    # --- 4. the checker ----------------------------------------------------------------------
    def findings(self, policy, check: Callable) -> list:
        """The checker's findings on ``policy``, checked again only when its files changed."""
        now = self.now_docs.get(policy.doc_id)
        kept = self.checked.get(policy.doc_id)
        if now is not None and kept is not None and kept[0] == now.files:
            return kept[1]
        found = check(policy)
        if now is not None:
            self.checked[policy.doc_id] = (now.files, found)
        return found

    # --- 5. files made after the pages ------------------------------------------------------------
    def changed_model(self, model):
        """The model limited to the documents whose per-document files must be made now."""
        if not self.incremental:
            self.outputs = set(model.policies)
            return model
        keep = self.changed
        self.outputs = set(keep)
        return replace(
            model,
            policies={k: v for k, v in model.policies.items() if k in keep},
            pages={k: v for k, v in model.pages.items() if k[1] in keep},
            histories={k: v for k, v in model.histories.items() if k in keep},
        )

    def search_index_text(self, data: dict, order: list[str] | None) -> str:
        """The search index as JSON: this build's entries, and last build's for the pages kept.

        ``order`` is every page's address in the order MkDocs builds them (that of the entries
        in a full build). Entries are grouped by the page they point into.
        """
        grouped: dict[str, list[dict]] = {}
        for entry in data.get("docs", []):
            grouped.setdefault(entry.get("location", "").split("#", 1)[0], []).append(entry)
        fresh = {
            page: [json.dumps(entries, ensure_ascii=False, separators=(",", ":"))[1:-1]]
            for page, entries in grouped.items()
        }
        order = [_address(url) for url in order or ()]
        listed = set(order)
        pages = order + [p for p in fresh if p not in listed]
        parts = []
        for page in pages:
            if page not in self.kept_pages:
                if page in fresh:
                    self.search[page] = ",".join(fresh[page])
                else:
                    self.search.pop(page, None)
            if self.search.get(page):
                parts.append(self.search[page])
        every = set(pages)
        for page in [p for p in self.search if p not in every]:
            del self.search[page]
        out = []
        for key, value in data.items():
            text = (
                f"[{','.join(parts)}]"
                if key == "docs"
                else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            )
            out.append(f"{json.dumps(key)}:{text}")
        return "{" + ",".join(out) + "}"

    def withdraw(self, site_dir: Path, paths: Iterable[str]) -> None:
        """Remove files about to be made again in the background, so that none is served stale."""
        for path in paths:
            (Path(site_dir) / path).unlink(missing_ok=True)

    def later(self, job: Callable[[], None], report: Callable[[str], None]) -> None:
        """Run ``job`` after this rebuild (the browser reloads meanwhile); its failure is reported, not raised."""

        def run() -> None:
            try:
                job()
            except Exception as exc:  # noqa: BLE001 - a PDF that cannot be made is a message under serve
                report(str(exc))

        self.pending = threading.Thread(target=run, name="policydocs-document-files", daemon=True)
        self.pending.start()

    def settle(self) -> None:
        """Wait for the files the last rebuild left to make (before anything moves in the site folder)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.join()

    def file_sha256(self, path: Path) -> str | None:
        """sha256 of a file of the site, read again only when the file was replaced or rewritten."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        kept = self.hashes.get(str(path))
        if kept is not None and kept[0] == stamp:
            return kept[1]
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        self.hashes[str(path)] = (stamp, digest)
        return digest

    def per_document(self, doc: Document, name: str, compute: Callable):
        """``compute(doc)``, kept while the file of ``doc`` is unchanged (e.g. the links it holds)."""
        key = (name, Path(doc.path))
        kept = self.derived.get(key)
        if kept is not None and kept[0] is doc:
            return kept[1]
        value = compute(doc)
        self.derived[key] = (doc, value)
        return value

    def theme_sitemap(self, site_dir: Path, names=("sitemap.xml", "sitemap.xml.gz")) -> None:
        """MkDocs' own sitemap lists the pages it built: after a pruned build, the last full one."""
        for name in names:
            path = Path(site_dir) / name
            if self.prune and name in self.sitemap:
                path.write_bytes(self.sitemap[name])
            elif path.is_file():
                self.sitemap[name] = path.read_bytes()

    # --- 6. the end ------------------------------------------------------------------------------
    def finish(self) -> None:
        self.project, self.docs = self.current, self.now_docs
        for doc_id in [d for d in self.checked if d not in self.now_docs]:
            del self.checked[doc_id]

    def fail(self) -> None:
        self.restore()
        self.project = None

    def summary(self) -> str:
        """One line for the serve log: what this rebuild rendered and kept."""
        changed = ", ".join(sorted(self.changed)) if self.incremental else _("every document")
        line = _("policydocs: pages rendered: {rendered}, kept from the last build: {kept}; changed: {changed}").format(
            rendered=len(self.rendered), kept=len(self.reused), changed=changed or _("none")
        )
        if self.pending is not None:
            line += "; " + _("their PDFs and Word files follow in a moment")
        return line


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory between rebuilds (Jinja's own bytecode cache).

    MkDocs makes a new Jinja environment for each rebuild, which compiles Material's
    templates again (about a tenth of a second each on this machine). Jinja keys each entry
    by the template's name and file and checks the source's checksum, so an edited override
    is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _address(url: str) -> str:
    """A page's address as its search entries give it (MkDocs: the home page's "./" is "")."""
    return "" if url in (".", "./") else url


def project_inputs(config_file: Path, versions_dir: str, custom_dir: str | None) -> list[Path]:
    """Files outside docs/ that pages depend on: the configuration, theme overrides, published versions,
    the glossary and the translators' sign-offs (checker findings, side-by-side pages)."""
    from ..check import GLOSSARY_FILE  # noqa: PLC0415
    from ..translations.records import FOLDER, LEGACY_FOLDER  # noqa: PLC0415

    root = Path(config_file).parent
    inputs = [Path(config_file), root / versions_dir, root / GLOSSARY_FILE, root / FOLDER, root / LEGACY_FOLDER]
    if custom_dir:
        inputs.append(Path(custom_dir))
    return inputs


def project_signature(docs_dir: Path, inputs: Iterable[Path]) -> str:
    """What, if changed, makes the next rebuild a full one: the inputs' files, and docs/'s file list."""
    h = hashlib.sha256()
    docs_dir = Path(docs_dir)
    for path in sorted(_walk(docs_dir)):
        rel = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts):  # an editor's swap file is not published
            continue
        h.update(f"D {rel.as_posix()}\n".encode("utf-8", "surrogateescape"))
        if path.suffix == ".md" and not _policy_file(rel):  # a page of the site's own: its title is in the navigation
            st = path.stat()
            h.update(f"  {st.st_size} {st.st_mtime_ns}\n".encode())
    for root in inputs:
        for path in sorted(_walk(Path(root))):
            try:
                st = path.stat()
            except OSError:
                continue
            h.update(f"F {path} {st.st_size} {st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _policy_file(rel: Path) -> bool:
    """A policy's file (``<lang>/<product>/<name>.md``), as ``corpus.policy_files`` finds them."""
    from ..languages import LANGUAGES  # noqa: PLC0415

    return len(rel.parts) > 1 and rel.parts[0] in LANGUAGES and rel.name != "index.md"


def _walk(root: Path):
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            yield Path(folder) / name
