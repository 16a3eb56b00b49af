"""The PDF build reads nothing outside the project: unsafe links and images fail with file:line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydocs import corpus
from policydocs.cli import main
from policydocs.errors import PolicyError
from policydocs.pdf import build_pdfs
from policydocs.pdf.fetcher import ProjectFetcher, UnsafeResource
from policydocs.pdf.render import RenderJob, RenderResult, render

HEADER = """---
id: demo/privacy
title: Политика конфиденциальности
lang: ru
product: Demo
operator: ТОО «Демо»
notice_days: 7
status: draft
---

# Политика конфиденциальности

## 1. Общие положения

1.1. Первый пункт.

"""
BAD_LINE = HEADER.count("\n") + 1  # the line the offending clause is written on


def _corpus(tmp_path: Path, clause: str) -> Path:
    docs = tmp_path / "docs"
    path = docs / "ru" / "demo" / "privacy.md"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + clause + "\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize(
    "markdown",
    [
        "1.2. Схема: ![схема](file:///etc/passwd)",
        "1.2. Схема: ![схема](/dev/urandom)",
        "1.2. Схема: ![схема](http://example.com/logo.png)",
        "1.2. Схема: ![схема](https://example.com/logo.png)",
        "1.2. Схема: ![схема](../../../../../etc/passwd)",
        "1.2. Схема: ![схема](../../secret.png)",
        "1.2. Смотрите [файл](file:///etc/passwd).",
        "1.2. Смотрите [файл](/dev/urandom).",
        "1.2. Смотрите <file:///etc/passwd>.",
        "1.2. Смотрите [файл](../../../outside.md).",
    ],
)
def test_unsafe_link_or_image_fails_with_file_and_line(tmp_path, markdown):
    docs = _corpus(tmp_path, markdown)
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # exists, but outside docs/
    out = tmp_path / "site"
    stale = out / "demo" / "docs" / "privacyru.pdf"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF- an old build")
    documents = list(corpus.load(docs).documents())
    with pytest.raises(PolicyError) as info:
        build_pdfs(documents, out, cache_dir=tmp_path / "cache", jobs=1)
    err = info.value
    assert err.path == str(docs / "ru" / "demo" / "privacy.md")
    assert err.line == BAD_LINE
    assert str(err).startswith(f"{err.path}:{BAD_LINE}: ")
    assert not stale.exists()  # no stale PDF at the fixed URL
    assert not (tmp_path / "cache" / "objects").exists()  # nothing was rendered


def test_cli_reports_unsafe_image_on_one_line(tmp_path):
    docs = _corpus(tmp_path, "1.2. Схема: ![схема](file:///etc/passwd)")
    result = CliRunner().invoke(
        main, ["pdf", "--docs", str(docs), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache")]
    )
    assert result.exit_code == 2
    assert f"privacy.md:{BAD_LINE}: image 'file:///etc/passwd'" in result.output
    assert "Traceback" not in result.output


def test_image_inside_the_project_is_embedded_and_http_link_is_kept(tmp_path):
    from PIL import Image
    from pypdf import PdfReader

    docs = _corpus(tmp_path, "1.2. Схема: ![схема](scheme.png) и сайт [оператора](http://example.kz).")
    Image.new("RGB", (40, 20), (200, 30, 30)).save(docs / "ru" / "demo" / "scheme.png")
    report = build_pdfs(list(corpus.load(docs).documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1)
    reader = PdfReader(tmp_path / "site" / report.entries[0].path)
    xobjects = reader.pages[0]["/Resources"].get_object().get("/XObject", {})
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    uris = [a.get_object()["/A"].get("/URI") for a in reader.pages[0].get("/Annots", []) if "/A" in a.get_object()]
    assert "http://example.kz" in uris
    # a changed image is a changed PDF: the cache key follows the image's bytes
    Image.new("RGB", (40, 20), (30, 30, 200)).save(docs / "ru" / "demo" / "scheme.png")
    again = build_pdfs(list(corpus.load(docs).documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1)
    assert again.rendered == 1


def test_fetcher_serves_only_regular_files_under_its_folders(tmp_path):
    inside = tmp_path / "docs"
    inside.mkdir()
    (inside / "ok.txt").write_text("ok", encoding="utf-8")
    (inside / "escape.txt").symlink_to("/etc/passwd")
    fetcher = ProjectFetcher((inside,))
    assert fetcher.fetch((inside / "ok.txt").as_uri()).read() == b"ok"
    for url in (
        "file:///etc/passwd",
        "file:///dev/urandom",
        (inside / "escape.txt").as_uri(),
        f"{inside.as_uri()}/../../../../../etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.png",
        "data:text/plain,hi",
        "file://host/etc/passwd",
    ):
        with pytest.raises(UnsafeResource):
            fetcher.fetch(url)


def test_raw_html_that_slips_past_the_checks_is_still_stopped(tmp_path):
    """The second line of defence: WeasyPrint itself cannot read /etc/passwd or /dev/urandom."""
    for src in ("file:///etc/passwd", "file:///dev/urandom", "http://127.0.0.1:9/x.png"):
        html = f'<!DOCTYPE html><html lang="ru"><body><p>x</p><img src="{src}"></body></html>'
        result = render(RenderJob(html, tmp_path.as_uri() + "/", (str(tmp_path),), 0, "x.md"))
        assert result.pdf is None
        assert "refused to read" in result.error and src.split("/")[-1] in result.error


def test_a_document_that_cannot_be_laid_out_names_its_file_and_leaves_no_stale_pdf(tmp_path, monkeypatch):
    docs = _corpus(tmp_path, "1.2. Второй пункт.")
    out = tmp_path / "site"
    report = build_pdfs(list(corpus.load(docs).documents()), out, cache_dir=tmp_path / "cache", jobs=1)
    published = out / report.entries[0].path
    assert published.exists()
    path = docs / "ru" / "demo" / "privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Второй", "Изменённый"), encoding="utf-8")
    monkeypatch.setattr(
        "policydocs.pdf.build.render", lambda job: RenderResult(None, 0, 0.0, "the PDF could not be laid out: boom")
    )
    with pytest.raises(PolicyError, match="could not be laid out") as info:
        build_pdfs(list(corpus.load(docs).documents()), out, cache_dir=tmp_path / "cache", jobs=1)
    assert info.value.path == str(path)
    assert not published.exists()
    assert not [p for p in out.rglob("*") if p.is_file()]  # no temporary file left behind either


def test_missing_font_file_is_a_clear_error(tmp_path, monkeypatch):
    docs = _corpus(tmp_path, "1.2. Второй пункт.")
    monkeypatch.setattr("policydocs.pdf.keys.FONT_FILES", ("NoSuchFont.ttf",))
    with pytest.raises(PolicyError, match="font file") as info:
        build_pdfs(list(corpus.load(docs).documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1)
    assert info.value.path.endswith(os.path.join("fonts", "NoSuchFont.ttf"))


def test_cli_builds_then_reuses_the_cache(tmp_path):
    docs = _corpus(tmp_path, "1.2. Второй пункт.")
    args = ["pdf", "--docs", str(docs), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"), "-j", "1"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "1 rendered, 0 from the cache" in first.output
    assert (tmp_path / "site" / "demo" / "docs" / "privacyru.pdf").read_bytes()[:5] == b"%PDF-"
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0 and "0 rendered, 1 from the cache" in second.output
