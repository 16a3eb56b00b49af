"""Warm caches cost nothing (issue 18): a PDF's cache key comes from its inputs, and a cached PDF
or Word document is recognised without rendering anything.

The key must change when an input of the output changes (the text, a header field the PDF
shows, the template code, the stylesheet, a font file, a library's version) and must not
change otherwise (a re-parse, a touched file, another document, the output path). A whole
site (policies, their published versions and redlines) built in one pool of two processes
gives the same bytes as one process, and the same bytes again from a warm cache; ``mkdocs
serve`` (drafts) and ``mkdocs build`` (published texts) do not evict each other's entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from policydocs import corpus as corpus_mod
from policydocs.docx.site import build_site_docx
from policydocs.pdf import DEFAULT_PATTERN, build_pdfs, keys
from policydocs.pdf import cache as cache_mod
from policydocs.pdf.build import plan
from policydocs.pdf.site import build_site_pdfs
from policydocs.publication import history as history_mod
from policydocs.site import pages
from tests.browser.sitebuild import FIXTURE_DOCS
from tests.site.test_versions import publish_two_versions

BUILD_MOMENT = dt.datetime.fromtimestamp(1795000000, tz=dt.UTC)  # 18 November 2026: v1 in force, v2 pending
KK_CLAUSE = "\n3.4. Айыппұл 500 000 (бес жүз мың) теңгеден аспайды және 10 (он) жұмыс күні ішінде төленеді.\n"


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


def _keys(docs: Path, extra: dict | None = None, pattern: str = DEFAULT_PATTERN) -> dict[tuple[str, str], str]:
    documents = list(corpus_mod.load(docs).documents())
    return {(t.doc_id, t.lang): t.key for t in plan(documents, pattern, extra)}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the key: what changes it and what does not ----------------------------------------------


def test_key_stays_for_a_reparse_a_touched_file_another_path_and_the_permanent_copy(tmp_path):
    docs = _docs(tmp_path)
    first = _keys(docs)
    assert len(set(first.values())) == len(first) == 5  # privacy in ru/kk/en, terms in ru/en
    path = docs / "kk/demo/privacy.md"
    path.write_bytes(path.read_bytes())  # the same text written again: a new modification time
    assert _keys(docs) == first
    assert _keys(docs, pattern="pdf/{lang}/{product}-{name}.pdf") == first  # where it goes is not what it is
    version = {"version": 2, "effective": dt.date(2026, 11, 23), "date": dt.date(2026, 11, 15)}
    assert _keys(docs, {"demo/privacy": version}) == _keys(docs, {"demo/privacy": {**version, "permanent": True}})


def test_key_changes_with_the_text_of_that_document_only(tmp_path):
    docs = _docs(tmp_path)
    first = _keys(docs)
    path = docs / "kk/demo/privacy.md"
    path.write_text(path.read_text(encoding="utf-8") + KK_CLAUSE, encoding="utf-8")
    second = _keys(docs)
    assert second[("demo/privacy", "kk")] != first[("demo/privacy", "kk")]
    assert {k: v for k, v in second.items() if k != ("demo/privacy", "kk")} == {
        k: v for k, v in first.items() if k != ("demo/privacy", "kk")
    }
    # a header field in the front matter: the operator's name is printed in the footer
    _edit(docs / "ru/demo/privacy.md", "operator: ТОО «Демо»", "operator: ТОО «Демо Плюс»")
    assert _keys(docs)[("demo/privacy", "ru")] != second[("demo/privacy", "ru")]


@pytest.mark.parametrize(
    "field, value", [("version", 3), ("effective", dt.date(2026, 11, 24)), ("date", dt.date(2026, 11, 16))]
)
def test_key_changes_with_each_header_field_the_pdf_shows(tmp_path, field, value):
    docs = _docs(tmp_path)
    version = {"version": 2, "effective": dt.date(2026, 11, 23), "date": dt.date(2026, 11, 15)}
    before = _keys(docs, {"demo/privacy": version})
    after = _keys(docs, {"demo/privacy": {**version, field: value}})
    for lang in ("ru", "kk", "en"):
        assert after[("demo/privacy", lang)] != before[("demo/privacy", lang)]
    assert after[("demo/terms", "ru")] == before[("demo/terms", "ru")]


def _copy_and_point(monkeypatch, tmp_path: Path, attr: str, source: Path) -> Path:
    copy = tmp_path / "package" / source.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(source, copy)
    monkeypatch.setattr(keys, attr, copy)
    return copy


def test_key_changes_with_the_stylesheet(tmp_path, monkeypatch):
    docs = _docs(tmp_path)
    css = _copy_and_point(monkeypatch, tmp_path, "STYLESHEET", keys.STYLESHEET)
    before = _keys(docs)
    css.write_text(css.read_text(encoding="utf-8") + "\n.pd-title { letter-spacing: 0.01em; }\n", encoding="utf-8")
    after = _keys(docs)
    assert all(after[k] != before[k] for k in before)


def test_key_changes_with_the_template_code(tmp_path, monkeypatch):
    docs = _docs(tmp_path)
    template = tmp_path / "package" / "template.py"
    template.parent.mkdir()
    shutil.copy(keys.TEMPLATE_FILES[0], template)
    monkeypatch.setattr(keys, "_PACKAGE", tmp_path)
    monkeypatch.setattr(keys, "TEMPLATE_FILES", (template,))
    before = _keys(docs)
    _edit(template, '"<!DOCTYPE html>",', '"<!DOCTYPE html>", "<!-- policydocs -->",')
    after = _keys(docs)
    assert all(after[k] != before[k] for k in before)
    template.write_text(template.read_text(encoding="utf-8"), encoding="utf-8")  # touched, unchanged
    assert _keys(docs) == after


def test_key_changes_with_a_font_file(tmp_path, monkeypatch):
    docs = _docs(tmp_path)
    fonts = tmp_path / "fonts"
    shutil.copytree(keys.FONTS_DIR, fonts)
    monkeypatch.setattr(keys, "FONTS_DIR", fonts)
    before = _keys(docs)
    bold = fonts / "NotoSans-Bold.ttf"
    bold.write_bytes(bold.read_bytes() + b"\0\0\0\0")
    after = _keys(docs)
    assert all(after[k] != before[k] for k in before)


@pytest.mark.parametrize("package", ["weasyprint", "policydocs", "markdown"])
def test_key_changes_with_a_package_version(tmp_path, monkeypatch, package):
    docs = _docs(tmp_path)
    before = _keys(docs)
    real = cache_mod._version
    monkeypatch.setattr(cache_mod, "_version", lambda name: "99.0" if name == package else real(name))
    cache_mod.toolchain.cache_clear()
    try:
        after = _keys(docs)
    finally:
        monkeypatch.undo()
        cache_mod.toolchain.cache_clear()
    assert all(after[k] != before[k] for k in before)
    assert _keys(docs) == before


# --- a warm build renders nothing -------------------------------------------------------------


def _refuse(*_args, **_kwargs):
    raise AssertionError("a cached output was rendered")


def _no_renderer(monkeypatch) -> None:
    """Every way to an output's bytes or page raises: whatever a build then does, it did from the cache."""
    from policydocs import html as html_mod
    from policydocs.pdf import build as build_mod

    for target, name in (
        (build_mod, "render"),
        (build_mod, "page_html"),
        (html_mod, "render_body"),
        (history_mod, "redline_changes"),
        (history_mod, "redline_summary"),
    ):
        monkeypatch.setattr(target, name, _refuse)
    from policydocs.docx import site as docx_site

    monkeypatch.setattr(docx_site, "_document", _refuse)
    monkeypatch.setattr(docx_site, "_redline", _refuse)


def test_a_warm_build_of_policy_pdfs_calls_no_renderer(tmp_path, monkeypatch):
    docs = _docs(tmp_path)
    first = build_pdfs(list(corpus_mod.load(docs).documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1)
    assert first.rendered == 5
    _no_renderer(monkeypatch)
    again = build_pdfs(
        list(corpus_mod.load(docs).documents()), tmp_path / "again", cache_dir=tmp_path / "cache", jobs=1
    )
    assert again.rendered == 0 and again.cached == 5
    for entry in again.entries:
        assert (tmp_path / "again" / entry.path).read_bytes() == (tmp_path / "site" / entry.path).read_bytes()


# --- the whole site: versions, redlines, Word files; one pool; serve and build -----------------


def _model(project: Path):
    """The site model as the MkDocs plugin makes it (on_files)."""
    loaded = corpus_mod.load(project / "docs")
    model = pages.build_model(loaded, DEFAULT_PATTERN)
    model.docx_pattern = DEFAULT_PATTERN
    model.histories = history_mod.load_histories(loaded, project / "versions", BUILD_MOMENT)
    return model


def _files(site: Path, suffix: str) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob(f"*{suffix}"))
    }


@pytest.fixture(scope="module")
def versioned(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("warm")
    shutil.copytree(FIXTURE_DOCS, project / "docs")
    publish_two_versions(project)
    return project


@pytest.fixture(scope="module")
def cold(versioned):
    """A cold site build with two processes: every PDF of the site in one pool."""
    site, cache = versioned / "site2", versioned / "cache2"
    report = build_site_pdfs(_model(versioned), site, cache, pattern=DEFAULT_PATTERN, jobs=2)
    return site, cache, report


def test_site_pdfs_cover_shown_texts_versions_and_redlines(cold):
    site, _, report = cold
    paths = set(report.by_path())
    assert {
        "demo/docs/privacyru.pdf",
        "demo/docs/v2/privacyru.pdf",
        "demo/docs/v2/privacykk-changes.pdf",
        "demo/docs/termsen.pdf",
    } <= paths
    assert "demo/docs/v1/privacyru-changes.pdf" not in paths  # a first version has nothing to compare
    assert report.by_path()["demo/docs/privacyru.pdf"].also == ("demo/docs/v1/privacyru.pdf",)
    assert report.rendered == len(report.entries) == 11  # 5 shown, 3 of version 2, 3 redlines
    assert (site / "demo/docs/v1/privacyru.pdf").read_bytes() == (site / "demo/docs/privacyru.pdf").read_bytes()


def test_site_pdfs_in_two_processes_are_byte_identical_to_one(versioned, cold):
    site, _, _ = cold
    one = build_site_pdfs(_model(versioned), versioned / "site1", versioned / "cache1", pattern=DEFAULT_PATTERN, jobs=1)
    assert one.rendered == 11
    assert _files(versioned / "site1", ".pdf") == _files(site, ".pdf")


def test_warm_site_build_renders_nothing_and_gives_the_same_bytes(versioned, cold, monkeypatch):
    site, cache, _ = cold
    build_site_docx(_model(versioned), site, versioned / "docx-cache")
    _no_renderer(monkeypatch)
    warm = versioned / "warm-site"
    report = build_site_pdfs(_model(versioned), warm, cache, pattern=DEFAULT_PATTERN, jobs=2)
    assert report.rendered == 0 and report.cached == 11
    words = build_site_docx(_model(versioned), warm, versioned / "docx-cache")
    assert words and not [e.path for e in words if not e.cached]
    # the sha256 the API states for each file (taken from these reports, not read back) are the files'
    assert _files(warm, ".pdf") == {rel: e.sha256 for e in report.entries for rel in (e.path, *e.also)}
    assert _files(warm, ".docx") == {e.path: e.sha256 for e in words}
    assert _files(warm, ".pdf") == _files(site, ".pdf")
    assert _files(warm, ".docx") == _files(site, ".docx")


def test_serve_then_build_renders_none_of_the_builds_files(versioned, cold, monkeypatch):
    site, _, _ = cold
    cache, words = versioned / "cache-serve", versioned / "docx-serve"
    build = build_site_pdfs(_model(versioned), versioned / "b", cache, pattern=DEFAULT_PATTERN, jobs=2)
    build_site_docx(_model(versioned), versioned / "b", words)
    # the preview shows the drafts: other texts at the same URLs, cached apart
    served = build_site_pdfs(_model(versioned), versioned / "s", cache, pattern=DEFAULT_PATTERN, jobs=2, serving=True)
    assert served.rendered > 0
    assert served.by_path()["demo/docs/privacyru.pdf"].sha256 != build.by_path()["demo/docs/privacyru.pdf"].sha256
    served_words = build_site_docx(_model(versioned), versioned / "s", words, serving=True)
    assert any(not e.cached for e in served_words)
    _no_renderer(monkeypatch)
    again = build_site_pdfs(_model(versioned), versioned / "b2", cache, pattern=DEFAULT_PATTERN, jobs=2)
    assert again.rendered == 0
    assert not [e.path for e in build_site_docx(_model(versioned), versioned / "b2", words) if not e.cached]
    assert _files(versioned / "b2", ".pdf") == _files(site, ".pdf")
    # and the preview's own files are still there for the next `mkdocs serve`
    served_again = build_site_pdfs(
        _model(versioned), versioned / "s2", cache, pattern=DEFAULT_PATTERN, jobs=2, serving=True
    )
    assert served_again.rendered == 0


def test_word_documents_in_two_processes_are_byte_identical_to_one(versioned):
    two = build_site_docx(_model(versioned), versioned / "w2", versioned / "docx2", jobs=2)
    one = build_site_docx(_model(versioned), versioned / "w1", versioned / "docx1", jobs=1)
    # 5 shown, versions 1 and 2 in 3 languages each, 3 tracked-changes redlines of version 2
    assert len(two) == len(one) == 14 and not any(e.cached for e in two + one)
    assert [(e.path, e.sha256) for e in two] == [(e.path, e.sha256) for e in one]
    assert _files(versioned / "w2", ".docx") == _files(versioned / "w1", ".docx")


def test_a_rebuild_into_the_same_folder_leaves_only_the_pdfs(tmp_path):
    """Cached PDFs enter the site as hard links to the cache; linking one over itself leaves no temporary."""
    docs = _docs(tmp_path)
    for _ in range(2):
        report = build_pdfs(
            list(corpus_mod.load(docs).documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1
        )
    assert report.cached == 5
    assert sorted(p.name for p in (tmp_path / "site").rglob("*") if p.is_file()) == sorted(
        Path(e.path).name for e in report.entries
    )


def test_placing_a_cached_file_where_it_cannot_go_is_a_message_with_the_path(tmp_path):
    """A file where the site needs a folder, or a stored file gone since it was looked up: one line, no traceback."""
    from policydocs.errors import PolicyError
    from policydocs.outputcache import OutputCache as PdfCache

    cache = PdfCache(tmp_path / "cache")
    cache.put("shop/docs/privacykk.pdf", "k1", b"%PDF-1.7 \xd2\x9b\xd3\x99", 1)
    site = tmp_path / "site"
    site.mkdir()
    (site / "shop").write_text("not a folder", encoding="utf-8")
    with pytest.raises(PolicyError) as blocked:
        cache.place("k1", site / "shop" / "docs" / "privacykk.pdf", None)
    assert "shop" in str(blocked.value) and not list(site.rglob("*.pdf")) and not list(site.rglob(".*"))
    cache.object("k1").unlink()
    with pytest.raises(PolicyError) as gone:
        PdfCache(tmp_path / "cache").place("k1", site / "other" / "privacykk.pdf", None)
    assert "privacykk.pdf" in str(gone.value) and not (site / "other" / "privacykk.pdf").exists()
    # linked straight at a new place, and over a file already there, leaving no temporary
    fresh = PdfCache(tmp_path / "cache")
    fresh.put("shop/docs/privacykk.pdf", "k2", b"%PDF-1.7 new", 1)
    for _ in range(2):
        fresh.place("k2", site / "new" / "privacykk.pdf", None)
    assert (site / "new" / "privacykk.pdf").read_bytes() == b"%PDF-1.7 new"
    assert (site / "new" / "privacykk.pdf").stat().st_ino == fresh.object("k2").stat().st_ino
    assert [p.name for p in (site / "new").iterdir()] == ["privacykk.pdf"]


def test_a_verified_cached_file_is_trusted_by_its_stamp_and_rechecked_when_it_changes(tmp_path, monkeypatch):
    """A warm build links cached files without reading them; a file changed since (new stamp) is verified again."""
    import os
    from pathlib import Path

    from policydocs.outputcache import OutputCache as PdfCache

    cache = PdfCache(tmp_path / "cache")
    body = b"%PDF-1.7 \xd2\x9b\xd3\x99\xd2\xa3 500 (\xd0\xbf\xd1\x8f\xd1\x82\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82) \xd1\x82\xd0\xb5\xd2\xa3\xd0\xb3\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbd"
    cache.put("shop/docs/privacykk.pdf", "k1", body, 3)
    cache.save()
    obj = cache.object("k1")
    reads: list[Path] = []
    real_read = Path.read_bytes

    def counting(self):
        reads.append(self)
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    again = PdfCache(tmp_path / "cache")
    data, entry = again.get("shop/docs/privacykk.pdf", "k1")
    assert data is None and entry.pages == 3 and obj not in reads  # trusted: not read
    site = tmp_path / "site" / "shop" / "docs" / "privacykk.pdf"
    again.place("k1", site, data)
    assert real_read(site) == body and obj not in reads
    # the stored file edited in place (same size, another time): read and found damaged
    os.unlink(site)
    obj.write_bytes(body[:-1] + b"X")
    st = obj.stat()
    os.utime(obj, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert PdfCache(tmp_path / "cache").get("shop/docs/privacykk.pdf", "k1") is None
    assert obj in reads
