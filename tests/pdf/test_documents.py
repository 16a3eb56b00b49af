"""PDFs of the real policies: clause numbers, Kazakh letters, fonts, outline, metadata,
byte-identical rebuilds and a cache that renders nothing the second time."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from policydocs import corpus
from policydocs.document import Kind
from policydocs.languages import KAZAKH_LETTERS
from policydocs.pdf import DEFAULT_PATTERN, build_pdfs, pdf_path
from policydocs.pdf.build import FIXED_EPOCH, epoch_for
from policydocs.pdf.template import header_for

from ..conftest import DOCS

NUMBER_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)*[.)])(?!\d)")


@pytest.fixture(scope="module")
def documents():
    return list(corpus.load(DOCS).documents())


@pytest.fixture(scope="module")
def first_build(documents, tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf1")
    lines: list[str] = []
    report = build_pdfs(documents, root / "site", cache_dir=root / "cache", progress=lines.append)
    return root, report, lines


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_document_and_language_gets_its_fixed_path(documents, first_build):
    root, report, lines = first_build
    assert {(e.doc_id, e.lang) for e in report.entries} == {(d.doc_id, d.lang) for d in documents}
    for entry in report.entries:
        assert entry.path == pdf_path(entry.doc_id, entry.lang)
        out = root / "site" / entry.path
        assert out.read_bytes()[:5] == b"%PDF-"
        assert _sha(out) == entry.sha256
        assert not entry.cached
    assert report.rendered == len(documents) and report.cached == 0
    assert any("rendered" in line for line in lines)


def test_text_has_every_clause_number_and_item_number(documents, first_build):
    root, report, _ = first_build
    by_doc = {(d.doc_id, d.lang): d for d in documents}
    checked = 0
    for entry in report.entries:
        doc = by_doc[(entry.doc_id, entry.lang)]
        found = set(NUMBER_RE.findall(_text(root / "site" / entry.path)))
        expected = {c.block.marker for c in doc.clauses()}
        checked += len(expected)
        assert expected <= found, (entry.path, sorted(expected - found)[:5])
        items = {b.marker for b in doc.blocks if b.kind is Kind.ITEM}
        assert items <= found, entry.path
    assert checked > 100


def test_kazakh_letters_survive(documents, first_build):
    root, report, _ = first_build
    by_doc = {(d.doc_id, d.lang): d for d in documents}
    kazakh = [e for e in report.entries if e.lang == "kk"]
    assert kazakh
    for entry in kazakh:
        source = by_doc[(entry.doc_id, entry.lang)].render()
        letters = {ch for ch in source if ch in KAZAKH_LETTERS}
        assert len(letters) >= 5
        text = _text(root / "site" / entry.path)
        assert letters <= set(text), sorted(letters - set(text))
        pages = len(PdfReader(root / "site" / entry.path).pages)
        assert f"{pages} беттің 1-беті" in text


def test_russian_footer_counts_pages(first_build):
    root, report, _ = first_build
    entry = next(e for e in report.entries if e.lang == "ru" and e.pages > 1)
    text = _text(root / "site" / entry.path)
    for n in range(1, entry.pages + 1):
        assert f"Страница {n} из {entry.pages}" in text


def test_only_shipped_fonts_are_used_and_embedded(first_build):
    root, report, _ = first_build
    for entry in report.entries:
        reader = PdfReader(root / "site" / entry.path)
        names = set()
        for page in reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, (entry.path, font["/BaseFont"])
                names.add(str(font["/BaseFont"]).split("+")[-1])
        assert names and names <= {
            "PD-Serif",
            "PD-Serif-Bold",
            "PD-Serif-Italic",
            "PD-Serif-BoldItalic",
            "PD-Sans",
            "PD-Sans-Bold",
        }, names


def test_outline_lists_the_sections_and_metadata_is_set(documents, first_build):
    root, report, _ = first_build
    by_doc = {(d.doc_id, d.lang): d for d in documents}
    bookmarks = 0
    for entry in report.entries:
        doc = by_doc[(entry.doc_id, entry.lang)]
        reader = PdfReader(root / "site" / entry.path)
        titles = [item.title for item in reader.outline]
        bookmarks += len(titles)
        headings = [s.heading.text for s in doc.sections if s.heading is not None and s.heading.level == 2]
        if headings:
            assert titles == headings
        else:  # a text without section headings (Platform) is bookmarked by its outermost clauses
            depth = min(c.depth for c in doc.clauses())
            assert titles == [c.number for c in doc.clauses() if c.depth == depth] and titles
        info = reader.metadata
        assert info["/Title"] == doc.title
        assert info["/Author"] == doc.front.operator
        catalog = reader.trailer["/Root"]
        assert catalog["/Lang"] == doc.lang
        assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog  # tagged (pdf/ua-1)
        assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
        assert reader.pages[0].mediabox.height == pytest.approx(841.89, abs=0.5)
    assert bookmarks > 50


def test_no_section_heading_alone_at_the_bottom_of_a_page(tmp_path):
    """Sections of 1..11 one-line clauses put headings at many heights of the page; none may
    end a page: each heading's top stays above the bottom margin by the heading and one line
    of its first clause. (With `break-after: auto` on headings the lowest top is 79 pt here.)"""
    lines = [
        "---",
        "id: demo/privacy",
        "title: Политика",
        "lang: ru",
        "product: Demo",
        "operator: ТОО «Демо»",
        "notice_days: 7",
        "status: draft",
        "---",
        "",
        "# Политика",
        "",
    ]
    for s in range(1, 81):
        lines += [f"## {s}. Раздел номер {s}", ""]
        for c in range(1, (s * s * 7 + 3 * s) % 11 + 2):
            lines += [f"{s}.{c}. Короткий пункт.", ""]
    path = tmp_path / "docs" / "ru" / "demo" / "privacy.md"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    report = build_pdfs(
        list(corpus.load(tmp_path / "docs").documents()), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1
    )
    reader = PdfReader(tmp_path / "site" / report.entries[0].path)
    assert len(reader.pages) >= 3 and len(reader.outline) == 80
    bottom_margin = 20 / 25.4 * 72
    lowest = min(float(item["/Top"]) for item in reader.outline)
    assert lowest > bottom_margin + 11.5 * 1.4 + 10.5 * 1.4, lowest


def test_second_build_renders_nothing_and_gives_same_bytes(documents, first_build, tmp_path):
    root, report, _ = first_build
    out = tmp_path / "site"
    again = build_pdfs(documents, out, cache_dir=root / "cache")
    assert again.rendered == 0 and again.cached == len(documents)
    for entry in again.entries:
        assert entry.cached
        assert (out / entry.path).read_bytes() == (root / "site" / entry.path).read_bytes()


def test_fresh_build_in_one_process_is_byte_identical(documents, first_build, tmp_path):
    """A cold build with another cache, one process and the reverse order gives the same bytes."""
    root, report, _ = first_build
    other = build_pdfs(list(reversed(documents)), tmp_path / "site", cache_dir=tmp_path / "cache", jobs=1)
    assert other.rendered == len(documents)
    first = report.by_path()
    for entry in other.entries:
        assert entry.sha256 == first[entry.path].sha256, entry.path


def test_corrupted_cache_entry_is_rebuilt(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "ru" / "smartaqkol", docs / "ru" / "smartaqkol")
    shutil.copytree(DOCS / "ru" / "santrade", docs / "ru" / "santrade")
    documents = list(corpus.load(docs).documents())
    cache = tmp_path / "cache"
    first = build_pdfs(documents, tmp_path / "site", cache_dir=cache, jobs=1)
    victim = first.entries[0]
    objects = sorted((cache / "objects").glob("*.pdf"))
    assert len(objects) == 2
    obj = next(o for o in objects if hashlib.sha256(o.read_bytes()).hexdigest() == victim.sha256)
    obj.write_bytes(obj.read_bytes()[:1000])  # truncated
    (tmp_path / "site" / victim.path).write_bytes(b"stale")
    lines: list[str] = []
    second = build_pdfs(documents, tmp_path / "site", cache_dir=cache, jobs=1, progress=lines.append)
    assert second.rendered == 1 and second.cached == 1
    assert second.by_path()[victim.path].sha256 == victim.sha256
    assert _sha(tmp_path / "site" / victim.path) == victim.sha256
    assert any("damaged" in line for line in lines)
    # a damaged manifest: everything is rendered again, nothing breaks
    (cache / "manifest.json").write_text("{not json", encoding="utf-8")
    third = build_pdfs(documents, tmp_path / "site", cache_dir=cache, jobs=1)
    assert third.rendered == 2


def test_changed_text_or_header_data_is_rendered_again(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "ru" / "smartaqkol", docs / "ru" / "smartaqkol")
    documents = list(corpus.load(docs).documents())
    cache = tmp_path / "cache"
    build_pdfs(documents, tmp_path / "site", cache_dir=cache, jobs=1)
    versioned = build_pdfs(
        documents,
        tmp_path / "site",
        cache_dir=cache,
        jobs=1,
        extra={"smartaqkol/privacy": {"version": 2, "permanent": True}},
    )
    assert versioned.rendered == 1
    entry = versioned.entries[0]
    assert entry.also == ("smartaqkol/docs/v2/privacyru.pdf",)
    assert (tmp_path / "site" / entry.also[0]).read_bytes() == (tmp_path / "site" / entry.path).read_bytes()
    assert "Редакция 2" in _text(tmp_path / "site" / entry.path)
    path = docs / "ru" / "smartaqkol" / "privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Компания", "Общество", 1), encoding="utf-8")
    changed = build_pdfs(list(corpus.load(docs).documents()), tmp_path / "site", cache_dir=cache, jobs=1)
    assert changed.rendered == 1


def test_pdf_path_follows_the_users_pattern():
    assert DEFAULT_PATTERN == "{product}/docs/{name}{lang}.pdf"
    assert pdf_path("smartaqkol/privacy", "ru") == "smartaqkol/docs/privacyru.pdf"
    assert pdf_path("yasam/privacy", "kk") == "yasam/docs/privacykk.pdf"
    assert pdf_path("smartaqkol/privacy", "ru", version=3) == "smartaqkol/docs/v3/privacyru.pdf"
    pattern = "pdf/{version_dir}{product}-{name}.{lang}.pdf"
    assert pdf_path("yasam/privacy", "en", pattern) == "pdf/yasam-privacy.en.pdf"
    assert pdf_path("yasam/privacy", "en", pattern, version=12) == "pdf/v12/yasam-privacy.en.pdf"


@pytest.mark.parametrize(
    "pattern",
    [
        "{product}/docs/{name}.pdf",  # no language: the three PDFs would overwrite each other
        "{product}/{name}{lang}.html",
        "../{product}/{name}{lang}.pdf",
        "/{product}/{name}{lang}.pdf",
        "{product}/{nmae}{lang}.pdf",
    ],
)
def test_bad_patterns_are_refused(pattern):
    from policydocs.errors import PolicyError

    with pytest.raises(PolicyError, match="pattern"):
        pdf_path("yasam/privacy", "ru", pattern)


def test_epoch_and_header_come_from_front_matter(documents):
    import datetime as dt

    doc = next(d for d in documents if d.doc_id == "smartaqkol/privacy")
    assert "date" not in doc.meta and "effective" not in doc.meta
    assert epoch_for(header_for(doc)) == FIXED_EPOCH
    header = header_for(doc, {"version": 4, "effective": dt.date(2026, 3, 8), "date": dt.date(2026, 2, 6)})
    assert epoch_for(header) == int(dt.datetime(2026, 2, 6, tzinfo=dt.UTC).timestamp())
    assert header.edition("kk") == "4-нұсқа · Күшіне енетін күні: 2026\u202fж. 8 наурыз"
    assert header.edition("kk", short=True).endswith("08.03.2026")
    assert header.edition("ru").startswith("Редакция 4 · Вступает в силу: 8 марта 2026")
    assert header_for(doc).edition("en") == "Draft"


def test_translated_pdfs_state_which_language_prevails(documents, first_build):
    root, report, _ = first_build
    by_doc = {(d.doc_id, d.lang): d for d in documents}
    for entry in report.entries:
        text = " ".join(_text(root / "site" / entry.path).split())
        front = by_doc[(entry.doc_id, entry.lang)].front
        if entry.lang == "ru":
            assert "преимущественную силу" not in text
        elif front.origin == "operator":  # City Group's own Kazakh, Santrade's own English
            assert ("Аударманы оператор ұсынған" if entry.lang == "kk" else "supplied by the operator") in text
        else:
            assert (
                "орыс тіліндегі мәтін басым күшке ие болады"
                if entry.lang == "kk"
                else "If the texts differ, the Russian text prevails."
            ) in text, entry.path
