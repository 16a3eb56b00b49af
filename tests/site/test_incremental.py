"""``mkdocs serve``: one edit rebuilds that document only, and the site stays right (site/incremental.py).

The project is the site fixture (demo/privacy in three languages with two published versions,
demo/terms in Russian and English); builds run in-process in serve mode as MkDocs' serve loop
runs them (a new configuration per rebuild, the plugin instance kept), at a fixed build moment.
One test drives a real ``mkdocs serve`` and its live-reload endpoint.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from tests.browser.sitebuild import make_project
from tests.site.test_versions import publish_two_versions

ROOT = Path(__file__).resolve().parents[2]
SERVE_URL = "http://127.0.0.1:8000/"
PRIVACY = {f"{lang}/demo/privacy.md" for lang in ("ru", "kk", "en")} | {
    f"{lang}/demo/privacy/{page}.md"
    for lang in ("ru", "kk", "en")
    for page in ("history", "v1", "v2", "v1/changes", "v2/changes")
}
TERMS = {f"{lang}/demo/terms.md" for lang in ("ru", "kk", "en")}  # kk: the page saying it is not translated


class Serve:
    """MkDocs' serve loop without its HTTP server: each rebuild loads the configuration anew."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        self.site.mkdir()
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def _config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self):
        config = self._config()
        build(config, serve_url=SERVE_URL)
        return config.plugins["policydocs"]._serve


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    """Every file of the site: (modification time, sha256)."""
    return {
        p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in site.rglob("*")
        if p.is_file()
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 11:06 UTC: v1 in force, v2 pending
    project = make_project(tmp_path / "project", site_url="https://example.kz/policies/")
    publish_two_versions(project)
    monkeypatch.chdir(project)
    return project


def test_one_clause_edit_rerenders_exactly_that_documents_pages_and_equals_a_full_build(project, tmp_path):
    serve = Serve(project, tmp_path / "served")
    first = serve.build()
    assert not first.incremental and first.rendered >= PRIVACY | TERMS
    before = snapshot(serve.site)

    edit(
        project / "docs/en/demo/terms.md",
        "1.1. These Terms govern the use of the application",
        "1.1. These Terms govern the use of the application and of the website; a claim is answered within "
        "10 (ten) business days",
    )
    state = serve.build()
    assert state.incremental and state.changed == {"demo/terms"}
    assert state.rendered == TERMS  # and no other page went through MkDocs
    assert state.outputs == {"demo/terms"}  # side-by-side pages (and PDFs, Word files) of that document only
    after = snapshot(serve.site)
    assert set(after) == set(before)
    rewritten = {path for path in after if after[path][0] != before[path][0]}
    pages = {path for path in rewritten if path.endswith(".html")}
    assert pages == {
        "ru/demo/terms/index.html",
        "kk/demo/terms/index.html",
        "en/demo/terms/index.html",
        "ru/demo/terms/compare/index.html",
        "kk/demo/terms/compare/index.html",
        "en/demo/terms/compare/index.html",
        "404.html",
    }
    assert not any(path.startswith(("ru/demo/privacy", "kk/demo/privacy", "en/demo/privacy")) for path in rewritten)
    assert "within 10 (ten) business days" in (serve.site / "en/demo/terms/index.html").read_text(encoding="utf-8")
    index = (serve.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "10 (ten) business days" in index
    api = (serve.site / "api/v1/documents/demo/terms.json").read_text(encoding="utf-8")
    assert hashlib.sha256((serve.site / "en/demo/terms/index.html").read_bytes()).hexdigest() in api

    # the same sources built from scratch (a new plugin, a full build) give the same site, byte for byte
    fresh = tmp_path / "fresh"
    subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        config = load_config(config_file={str(project / "mkdocs.yml")!r}, site_dir={str(fresh)!r})
        config.site_url = {SERVE_URL!r}
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url={SERVE_URL!r})
        """),
        ],
        cwd=project,
        check=True,
        capture_output=True,
        env={
            "SOURCE_DATE_EPOCH": "1795000000",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(Path(__file__).parents[2] / "tools"),
        },
    )
    full = snapshot(fresh)
    assert {p: h for p, (_, h) in full.items()} == {p: h for p, (_, h) in snapshot(serve.site).items()}


def test_pdfs_of_the_edited_document_only_are_made_again_after_the_reload(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    project = make_project(tmp_path / "project", pdf=True, pdf_cache_dir=".cache/pdf")
    monkeypatch.chdir(project)
    serve = Serve(project, tmp_path / "served")
    serve.build().settle()
    pdfs = {
        "demo/docs/privacyru.pdf",
        "demo/docs/privacykk.pdf",
        "demo/docs/privacyen.pdf",
        "demo/docs/termsru.pdf",
        "demo/docs/termsen.pdf",
    }
    before = {p: v for p, v in snapshot(serve.site).items() if p.endswith(".pdf")}
    assert set(before) == pdfs
    edit(
        project / "docs/en/demo/terms.md",
        "1.1. These Terms govern the use of the application",
        "1.1. These Terms govern the use of the application; fees of 500,000 (five hundred thousand) tenge are due",
    )
    state = serve.build()
    assert state.outputs == {"demo/terms"}
    state.settle()  # the page has reloaded; the PDFs follow
    after = {p: v for p, v in snapshot(serve.site).items() if p.endswith(".pdf")}
    assert set(after) == pdfs
    assert {p for p in pdfs if after[p][0] != before[p][0]} <= {"demo/docs/termsru.pdf", "demo/docs/termsen.pdf"}
    assert {p for p in pdfs if after[p][1] != before[p][1]} == {"demo/docs/termsen.pdf"}
    api = (serve.site / "api/v1/documents/demo/terms.json").read_text(encoding="utf-8")
    assert after["demo/docs/termsen.pdf"][1] in api and before["demo/docs/termsen.pdf"][1] not in api


def test_a_title_change_reaches_the_navigation_of_every_page(project, tmp_path):
    serve = Serve(project, tmp_path / "served")
    serve.build()
    page = serve.site / "ru/demo/privacy/index.html"
    assert "Пользовательское соглашение" in page.read_text(encoding="utf-8")
    edit(project / "docs/ru/demo/terms.md", "title: Пользовательское соглашение", "title: Условия использования")
    state = serve.build()
    assert state.changed == {"demo/terms"} and not state.prune and state.rendered >= PRIVACY | TERMS
    text = page.read_text(encoding="utf-8")
    assert "Условия использования" in text and "Пользовательское соглашение" not in text
    assert "Условия использования" in (serve.site / "ru/index.html").read_text(encoding="utf-8")


def test_a_new_or_deleted_file_makes_a_full_rebuild(project, tmp_path):
    serve = Serve(project, tmp_path / "served")
    serve.build()
    kk = project / "docs/kk/demo/terms.md"
    text = (project / "docs/ru/demo/terms.md").read_text(encoding="utf-8")
    kk.write_text(
        text.replace("lang: ru", "lang: kk").replace("Пользовательское соглашение", "Пайдаланушы келісімі"),
        encoding="utf-8",
    )
    state = serve.build()
    assert not state.incremental
    assert "Пайдаланушы келісімі" in (serve.site / "kk/demo/terms/index.html").read_text(encoding="utf-8")
    kk.unlink()
    (project / "docs/en/demo/terms.md").unlink()
    (project / "docs/ru/demo/terms.md").unlink()
    state = serve.build()
    assert not state.incremental and not (serve.site / "ru/demo/terms").exists()
    assert "demo/terms" not in (serve.site / "api/v1/documents.json").read_text(encoding="utf-8")


def test_a_page_of_the_sites_own_is_always_rendered_and_its_edit_rebuilds_everything(project, tmp_path):
    about = project / "docs/about.md"
    about.write_text(
        "# О сервисе\n\nОператор отвечает на обращения в течение 10 (десяти) рабочих дней.\n", encoding="utf-8"
    )
    serve = Serve(project, tmp_path / "served")
    serve.build()
    edit(project / "docs/en/demo/terms.md", "1.1. These Terms", "1.1. These Terms of Use")
    state = serve.build()
    assert state.prune and state.rendered == TERMS | {"about.md"}
    edit(about, "# О сервисе", "# О платформе")
    state = serve.build()
    assert not state.incremental  # its title may be in the navigation of any page
    assert "О платформе" in (serve.site / "about/index.html").read_text(encoding="utf-8")


def test_a_broken_edit_keeps_the_last_preview_and_the_fix_rebuilds_everything(project, tmp_path, caplog):
    serve = Serve(project, tmp_path / "served")
    serve.build()
    page = serve.site / "en/demo/terms/index.html"
    shown = page.read_bytes()
    privacy = project / "docs/ru/demo/privacy.md"
    good = privacy.read_text(encoding="utf-8")
    # clause 2.1, which the English terms link to, renumbered: the link would land nowhere
    edit(privacy, "2.1. **Персональные данные**", "2.9. **Персональные данные**")
    with pytest.raises((PluginError, Abort)):
        serve.build()
    assert (
        "terms.md:15: the link 'privacy.md#cl-2-1' points to '#cl-2-1'" in caplog.text
    )  # checked though terms is unchanged
    assert page.read_bytes() == shown  # the preview still shows the last good build
    privacy.write_text(good, encoding="utf-8")
    state = serve.build()
    assert not state.incremental and state.rendered >= PRIVACY | TERMS


def test_the_serve_preview_checks_only_the_changed_policy(project, tmp_path, monkeypatch):
    from policydocs.build import session as plugin_mod  # the plugin's events call the build library

    checked: list[str] = []
    real = plugin_mod.check_policy

    def counting(policy, *args, **kwargs):
        checked.append(policy.doc_id)
        return real(policy, *args, **kwargs)

    monkeypatch.setattr(plugin_mod, "check_policy", counting)
    serve = Serve(project, tmp_path / "served")
    serve.build()
    assert sorted(checked) == ["demo/privacy", "demo/terms"]
    checked.clear()
    # the notice period changed in Kazakh only: 10 days against 7 in Russian and English
    edit(project / "docs/kk/demo/privacy.md", "7 күнтізбелік күн", "10 (он) күнтізбелік күн")
    serve.build()
    assert checked == ["demo/privacy"]
    page = (serve.site / "kk/demo/privacy/index.html").read_text(encoding="utf-8")
    assert 'class="pd-findings"' in page and "kk/demo/privacy.md:22" in page
    checked.clear()
    edit(project / "docs/en/demo/terms.md", "1.1. These Terms", "1.1. These Terms of Use")
    serve.build()
    assert checked == ["demo/terms"]  # the findings on the privacy policy were kept, not made again
    assert "kk/demo/privacy.md:22" in (serve.site / "kk/demo/privacy/index.html").read_text(encoding="utf-8")


def test_check_document_opens_only_that_documents_files(tmp_path):
    shutil.copytree(ROOT / "tests/fixtures/site/docs", tmp_path / "docs")
    hook = textwrap.dedent("""
        import sys
        opened = []
        sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" and isinstance(args[0], str) else None)
        from policydocs.cli import main
        try:
            main(["check", "docs", "--document", "demo/terms", "--versions", "versions"])
            code = 0
        except SystemExit as exc:
            code = exc.code
        print("OPENED", sorted({p for p in opened if "/docs/" in p or p.startswith("docs/")}))
        print("CODE", code)
        """)

    def check_terms() -> tuple[list[str], list[str]]:
        out = subprocess.run([sys.executable, "-c", hook], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        lines = out.stdout.splitlines()
        opened = eval(next(line for line in lines if line.startswith("OPENED"))[len("OPENED ") :])  # noqa: S307
        return opened, [line for line in lines if not line.startswith("OPENED")]

    opened, report = check_terms()
    assert opened == ["docs/en/demo/terms.md", "docs/ru/demo/terms.md"]
    assert report[0] == "demo/terms" and report[-1] == "CODE 1"  # the fixture's own findings on the terms
    # another document broken beyond reading: checking demo/terms alone does not open it, and says the same
    (tmp_path / "docs/ru/demo/privacy.md").write_text("---\nid: demo/privacy\ntitle: [\n---\n", encoding="utf-8")
    assert check_terms() == (opened, report)
    full = subprocess.run(
        [str(Path(sys.executable).with_name("policydocs")), "check", "docs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert full.returncode == 2 and "privacy.md" in full.stderr  # the whole tree does not load


def test_real_mkdocs_serve_reloads_with_the_edit(project):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_reload import Server  # noqa: PLC0415

    server = Server(project, mount="/policies/")
    try:
        other = server.base + "ru/demo/privacy/"
        from urllib.request import urlopen  # noqa: PLC0415

        def fetch(url: str) -> bytes:  # without the live-reload call MkDocs injects (its epoch and request id)
            with urlopen(url) as response:
                return re.sub(rb"livereload\(\d+, \d+\)", b"", response.read())

        shown = fetch(other)
        path = project / "docs/ru/demo/terms.md"
        text = path.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("1.1. "))
        new = old.replace("1.1. ", "1.1. Претензия рассматривается в течение 10 (десяти) рабочих дней. ", 1)
        seconds = server.reload_after(
            "ru/demo/terms/",
            lambda: path.write_text(text.replace(old, new), encoding="utf-8"),
            "в течение 10 (десяти) рабочих дней",
        )
        assert seconds > 0
        assert fetch(other) == shown  # the other document's page was not touched
        log = (project / "serve.log").read_text(encoding="utf-8")
        assert "policydocs: pages rendered: 3, kept from the last build: 22; changed: demo/terms" in log
    finally:
        server.stop()
