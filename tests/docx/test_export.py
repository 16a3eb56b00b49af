"""Word exports: clean documents with Word's own numbering, redlines with native tracked changes.

Every file is made here and opened again as Word would read it (``docx_helpers``: the
revisions accepted or rejected, list numbers resolved from numbering.xml).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
from lxml import html as lxml_html

from policydocs.document import parse_file, parse_text
from policydocs.docx import Edition, document_docx, version_redline
from policydocs.html import inline
from policydocs.versions.redline import units
from policydocs.versions.store import open_store

from ..docx_helpers import NS, W, body_paragraphs, list_numbers, mark, paragraph_text, part, resolved

ROOT = Path(__file__).resolve().parents[2]
ALMATY = dt.timezone(dt.timedelta(hours=5))
PUBLISHED = dt.datetime(2026, 11, 22, 15, 30, tzinfo=ALMATY)
EFFECTIVE = dt.datetime(2026, 11, 30, 0, 0, tzinfo=ALMATY)

HEADER = (
    "---\nid: aqtobe/offer\ntitle: {title}\nlang: {lang}\nproduct: Aqtobe Pay\noperator: ТОО «Ақтөбе Пэй»\n"
    "notice_days: 7\nstatus: draft\n---\n\n"
)

V1 = """# Публичная оферта

Настоящая оферта адресована физическим лицам.

## 1. Общие положения

1.1. **Исполнитель** – ТОО «Ақтөбе Пэй», БИН 140140030904.

1.2. **Пользователь** – физическое лицо, принявшее условия оферты.

1.3. Стоимость подписки составляет 5 000 (пять тысяч) тенге в месяц.

## 2. Порядок оплаты

2.1. Оплата производится в течение 10 (десяти) рабочих дней со дня выставления счёта:

1) банковской картой;
2) переводом на расчётный счёт;
3) через терминалы оплаты.

2.2. Исполнитель вправе приостановить доступ при просрочке оплаты.

2.3. Возврат денежных средств производится по заявлению Пользователя.

## 3. Ответственность

3.1. За нарушение сроков оплаты Пользователь уплачивает пеню 0,1% за каждый день просрочки.

- письменное уведомление;
- приостановление доступа.

3.2. Споры разрешаются в суде по месту нахождения Исполнителя.
"""

V2 = """# Публичная оферта

Настоящая оферта адресована физическим лицам и индивидуальным предпринимателям.

## 1. Общие положения

1.1. **Исполнитель** – ТОО «Ақтөбе Пэй», БИН 140140030904.

1.2. **Пользователь** – физическое лицо или индивидуальный предприниматель, принявшие условия оферты.

1.3. Стоимость подписки составляет 7 500 (семь тысяч пятьсот) тенге в месяц.

1.4. Возврат денежных средств производится по заявлению Пользователя.

## 2. Порядок оплаты

2.1. Оплата производится в течение 5 (пяти) рабочих дней со дня выставления счёта:

1) банковской картой;
2) через терминалы оплаты.

2.2. Исполнитель вправе приостановить доступ при просрочке оплаты более 30 (тридцати) календарных дней.

## 3. Ответственность

3.1. За нарушение сроков оплаты Пользователь уплачивает пеню 0,1% за каждый день просрочки.

- письменное уведомление;
- приостановление доступа;
- расторжение договора.

3.2. Споры разрешаются в суде по месту нахождения Исполнителя.

3.3. Претензионный порядок обязателен; срок ответа на претензию – 15 (пятнадцать) календарных дней.
"""

KK = """# Жария оферта

## 2. Төлем тәртібі

2.1. Төлем шот ұсынылған күннен бастап 10 (он) жұмыс күні ішінде жүргізіледі:

1) банк картасымен;
2) есеп шотқа аудару арқылы.

2.2. Жазылым құны айына 5 000 (бес мың) теңгені құрайды.

2.2.1. Құн [сайтта](https://aqtobe.example.kz/tariffs) жарияланады; [2.1-тармақты](#cl-2-1) қараңыз.

2.4. Орындаушы қолжетімділікті тоқтата тұруға құқылы.

## 3. Жауапкершілік

3.1. Даулар Орындаушының орналасқан жері бойынша сотта шешіледі.
"""


def policy(body: str, lang: str = "ru", title: str = "Публичная оферта"):
    return parse_text(HEADER.format(lang=lang, title=title) + body, f"docs/{lang}/aqtobe/offer.md")


class V:  # a published version as the store gives it
    def __init__(self, number, published=PUBLISHED, effective=EFFECTIVE):
        self.number, self.published, self.effective = number, published, effective


def reader_words(doc, skip=()) -> list[str]:
    """The words a reader of the site reads in a version: number, then the rendered text."""
    out = []
    for unit in units(doc):
        if unit.eid in skip:
            continue
        text = lxml_html.fragment_fromstring(inline(unit.text) or " ", create_parent="p").text_content()
        out.extend(((unit.marker + " ") if unit.marker else "").split() + text.split())
    return out


def words(paragraphs: list[str]) -> list[str]:
    return " ".join(paragraphs).split()


# --- clean export ---------------------------------------------------------------------------


def test_clause_numbers_are_word_list_numbers_equal_to_the_source_numbers():
    doc = policy(V1)
    data = document_docx(doc, Edition(1, PUBLISHED, EFFECTIVE))
    shown = list_numbers(data)
    clauses = [(n, text) for n, style, text in shown if style == "PolicyClause"]
    assert clauses == [
        (f"{c.number}.", lxml_html.fragment_fromstring(inline(c.text), create_parent="p").text_content())
        for c in doc.clauses()
    ]
    # the numbers are Word's, not typed: no clause paragraph's text starts with its number
    assert all(not text.startswith(n) for n, text in clauses)
    headings = [(n, style, text) for n, style, text in shown if style.startswith("Heading")]
    assert headings == [
        ("1.", "Heading1", "Общие положения"),
        ("2.", "Heading1", "Порядок оплаты"),
        ("3.", "Heading1", "Ответственность"),
    ]
    items = [(n, text) for n, style, text in shown if style == "PolicyItem"]
    assert items == [
        ("1)", "банковской картой;"),
        ("2)", "переводом на расчётный счёт;"),
        ("3)", "через терминалы оплаты."),
    ]
    bullets = [(n, text) for n, style, text in shown if style == "PolicyBullet"]
    assert bullets == [("•", "письменное уведомление;"), ("•", "приостановление доступа.")]
    assert shown[0] == (None, "Title", "Публичная оферта")


def test_each_clause_carries_its_list_level_and_numbering_definitions_exist():
    data = document_docx(policy(V1), Edition(1, PUBLISHED, EFFECTIVE))
    numbering = part(data, "word/numbering.xml")
    levels = {
        lvl.get(f"{{{W}}}ilvl"): lvl.find("w:lvlText", NS).get(f"{{{W}}}val")
        for lvl in numbering.find("w:abstractNum", NS).findall("w:lvl", NS)
    }
    assert levels["0"] == "%1." and levels["1"] == "%1.%2." and levels["2"] == "%1.%2.%3."
    for p in body_paragraphs(data):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(f"{{{W}}}val") == "PolicyClause":
            ilvl = p.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{{{W}}}val")
            name = p.find("w:bookmarkStart", NS).get(f"{{{W}}}name")  # cl_1_2 -> depth 2 -> level 1
            assert int(ilvl) == name.count("_") - 1


def test_gaps_and_a_text_that_opens_mid_list_keep_the_operators_numbers():
    doc = policy(KK, "kk", "Жария оферта")  # section 2 first, 2.2.1 deeper, 2.3 skipped
    data = document_docx(doc, Edition(None, None, None))
    clauses = [n for n, style, _ in list_numbers(data) if style == "PolicyClause"]
    assert clauses == ["2.1.", "2.2.", "2.2.1.", "2.4.", "3.1."]
    heads = [n for n, style, _ in list_numbers(data) if style.startswith("Heading")]
    assert heads == ["2.", "3."]


def test_a_policy_without_headings_that_opens_at_clause_2_1():
    body = "2.1. Оператор обрабатывает данные.\n\n2.2. Срок хранения – 5 (пять) лет.\n\n2.2.1. Сроки продлеваются.\n\n3.1. Иное.\n"
    data = document_docx(policy(body), Edition(None, None, None))
    assert [n for n, style, _ in list_numbers(data) if style == "PolicyClause"] == ["2.1.", "2.2.", "2.2.1.", "3.1."]


def test_real_platform_policy_numbers_in_all_languages():
    for lang in ("ru", "kk", "en"):
        doc = parse_file(ROOT / f"docs/{lang}/platform/privacy.md")
        shown = [
            n for n, style, _ in list_numbers(document_docx(doc, Edition(None, None, None))) if style == "PolicyClause"
        ]
        assert shown == [f"{c.number}." for c in doc.clauses()]
        assert len(shown) > 20


def test_headings_language_bold_terms_links_and_kazakh_letters():
    data = document_docx(policy(KK, "kk", "Жария оферта"), Edition(None, None, None))
    styles = part(data, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "kk-KZ"
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(f"{{{W}}}ascii") == "Times New Roman" and fonts.get(f"{{{W}}}cs") == "Times New Roman"
    text = " ".join(paragraph_text(p) for p in body_paragraphs(data))
    for letter in "әғқңөұүһі":
        assert letter in text.lower() or letter in "ғһ"  # the text's own letters survive
    assert "теңгені" in text and "Жауапкершілік" in text
    document = part(data, "word/document.xml")
    links = document.findall(".//w:hyperlink", NS)
    assert [link.get(f"{{{W}}}anchor") for link in links] == [None, "cl_2_1"]
    rels = part(data, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "https://aqtobe.example.kz/tariffs" for r in rels)
    en = document_docx(policy(V1.replace("# Публичная", "# Public"), "en", "Offer"), Edition(None, None, None))
    assert part(en, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(f"{{{W}}}val") == "en-US"
    bold = [paragraph_text(r.getparent()) for r in part(en, "word/document.xml").iter(f"{{{W}}}b")]
    assert bold and all("–" not in t for t in bold)  # the defined terms, not their definitions


def test_opens_in_python_docx_with_core_properties_and_header_footer():
    doc = policy(V1)
    data = document_docx(doc, Edition(2, PUBLISHED, EFFECTIVE))
    opened = python_docx.Document(io.BytesIO(data))
    props = opened.core_properties
    assert props.title == "Публичная оферта" and props.language == "ru-RU" and props.version == "2"
    assert props.created == PUBLISHED and props.modified == PUBLISHED and props.author == "ТОО «Ақтөбе Пэй»"
    assert [p.style.name for p in opened.paragraphs if p.style.name.startswith("Heading")] == ["Heading 1"] * 3
    section = opened.sections[0]
    first = " ".join(p.text for p in section.first_page_header.paragraphs)
    assert "Оператор: ТОО «Ақтөбе Пэй»" in first and "Редакция 2" in first and "22 ноября 2026" in first
    assert "30 ноября 2026" in first
    assert "Публичная оферта" in section.header.paragraphs[0].text
    footer = (
        part(data, "word/footer1.xml") if "word/footer1.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist() else None
    )
    instr = [f.get(f"{{{W}}}instr").strip() for f in footer.iter(f"{{{W}}}fldSimple")]
    assert instr == ["PAGE", "NUMPAGES"] and "Страница" in "".join(footer.itertext())
    kk = document_docx(policy(KK, "kk", "Жария оферта"), Edition(None, None, None))
    kk_footer = "".join(part(kk, "word/footer1.xml").itertext())
    assert "беттің" in kk_footer and "-беті" in kk_footer
    assert python_docx.Document(io.BytesIO(kk)).core_properties.version == "draft"


def test_same_bytes_on_every_run_and_fixed_zip_times():
    doc = policy(V1)
    first = document_docx(doc, Edition(1, PUBLISHED, EFFECTIVE))
    assert document_docx(policy(V1), Edition(1, PUBLISHED, EFFECTIVE)) == first
    stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {(2026, 11, 22, 10, 30, 0)}
    assert document_docx(policy(V1.replace("5 000", "6 000")), Edition(1, PUBLISHED, EFFECTIVE)) != first


# --- redline ------------------------------------------------------------------------------


def redline(old_text=V1, new_text=V2, lang="ru", author="policydocs"):
    old, new = policy(old_text, lang), policy(new_text, lang)
    return old, new, version_redline(old, new, V(1), V(2), author=author)


def test_accept_all_gives_the_new_version_and_reject_all_the_old_word_for_word():
    old, new, data = redline()
    assert words(resolved(data, "accept")) == reader_words(new)
    assert words(resolved(data, "reject")) == reader_words(old)


def test_revisions_are_word_level_with_author_and_publication_moment():
    _, _, data = redline(author="Юрист Әсел")
    document = part(data, "word/document.xml")
    inserted = ["".join(e.itertext()) for e in document.iter(f"{{{W}}}ins")]
    deleted = ["".join(e.itertext()) for e in document.iter(f"{{{W}}}del")]
    assert "7 500" in inserted and "5 000" in deleted  # a word, not the whole clause
    assert "семь" in inserted and " пятьсот" in inserted and "пять" in deleted and "тысяч" not in deleted
    for el in document.iter(f"{{{W}}}ins", f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{W}}}moveTo"):
        assert el.get(f"{{{W}}}author") == "Юрист Әсел"
        assert el.get(f"{{{W}}}date") == "2026-11-22T10:30:00Z"
    ids = [
        el.get(f"{{{W}}}id")
        for el in document.iter()
        if el.get(f"{{{W}}}id") is not None and not el.tag.endswith(("End", "commentReference", "commentRangeStart"))
    ]
    assert len(ids) == len(set(ids))


def test_removed_added_moved_and_renumbered_provisions():
    _, _, data = redline()
    paragraphs = body_paragraphs(data)
    marks = [(mark(p), paragraph_text(p)) for p in paragraphs if mark(p)]
    assert ("del", "2) переводом на расчётный счёт;") in marks
    assert ("ins", "- расторжение договора.".removeprefix("- ")) in marks or ("ins", "расторжение договора.") in marks
    assert any(m == "ins" and t.startswith("3.3. Претензионный порядок") for m, t in marks)
    # 2.3 moved to 1.4: a Word move, the same name at both ends
    document = part(data, "word/document.xml")
    starts = {el.get(f"{{{W}}}name") for el in document.iter(f"{{{W}}}moveFromRangeStart")}
    ends = {el.get(f"{{{W}}}name") for el in document.iter(f"{{{W}}}moveToRangeStart")}
    assert starts == ends == {"move_cl_2_3"}
    moved_from = [paragraph_text(p) for p in paragraphs if mark(p) == "moveFrom"]
    moved_to = [paragraph_text(p) for p in paragraphs if mark(p) == "moveTo"]
    assert moved_from == ["2.3. Возврат денежных средств производится по заявлению Пользователя."]
    assert moved_to == ["1.4. Возврат денежных средств производится по заявлению Пользователя."]
    # the item renumbered 3) -> 2): the number itself is the tracked change
    item = next(p for p in paragraphs if "через терминалы" in paragraph_text(p))
    assert ["".join(e.itertext()) for e in item.findall("w:del", NS)] == ["3)"]
    assert ["".join(e.itertext()) for e in item.findall("w:ins", NS)] == ["2)"]


def test_formatting_is_not_a_change_and_keeps_its_look():
    new_text = V1.replace("1.3. Стоимость подписки", "1.3. **Стоимость подписки**")
    _, _, data = redline(V1, new_text)
    document = part(data, "word/document.xml")
    assert not list(document.iter(f"{{{W}}}ins")) and not list(document.iter(f"{{{W}}}del"))
    bold = ["".join(r.itertext()) for r in document.iter(f"{{{W}}}r") if r.find("w:rPr/w:b", NS) is not None]
    assert "Стоимость подписки" in bold


def test_kazakh_redline_of_a_published_version_and_comment_states_the_versions():
    store = open_store(ROOT / "versions", "citygroup/privacy")
    v1, v2 = store.get(1), store.get(2)
    old = parse_text(v1.text("kk"), v1.text_path("kk"))
    new = parse_text(v2.text("kk"), v2.text_path("kk"))
    data = version_redline(old, new, v1, v2)
    assert words(resolved(data, "accept")) == reader_words(new)
    assert words(resolved(data, "reject")) == reader_words(old)
    inserted = ["".join(e.itertext()) for e in part(data, "word/document.xml").iter(f"{{{W}}}ins")]
    assert "Актуалды" in inserted and "office@damuzholy.kz" in inserted
    comment = "".join(part(data, "word/comments.xml").itertext())
    assert "1-нұсқамен салыстырғанда" in comment and "Күшіне енуі" in comment and "Өзгертілген ережелер" in comment
    assert "2-нұсқадағы өзгерістер" in "".join(part(data, "word/header1.xml").itertext()) + "".join(
        part(data, "word/header2.xml").itertext()
    )


def test_redline_bytes_are_reproducible():
    assert redline()[2] == redline()[2]


def test_every_real_published_redline_accepts_to_the_new_text():
    for doc_id in ("smartaqkol/privacy", "citygroup/privacy", "santrade/privacy"):
        store = open_store(ROOT / "versions", doc_id)
        for older, newer in zip(store.versions, store.versions[1:]):
            for lang in newer.languages:
                if lang not in older.languages:
                    continue
                old = parse_text(older.text(lang), older.text_path(lang))
                new = parse_text(newer.text(lang), newer.text_path(lang))
                data = version_redline(old, new, older, newer)
                assert words(resolved(data, "accept")) == reader_words(new), (doc_id, lang)
                assert words(resolved(data, "reject")) == reader_words(old), (doc_id, lang)


# --- the commands ---------------------------------------------------------------------------


def run_cli(*args: str, cwd: Path = ROOT):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_command_writes_a_version_and_refuses_bad_input_in_one_line(tmp_path):
    out = tmp_path / "privacykk.docx"
    proc = run_cli("export", "citygroup/privacy", "--lang", "kk", "--version", "2", "--format", "docx", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    opened = python_docx.Document(str(out))
    assert opened.core_properties.version == "2" and opened.core_properties.language == "kk-KZ"
    assert "office@damuzholy.kz" in " ".join(p.text for p in opened.paragraphs)
    before = out.read_bytes()

    for args, says in (
        (["--version", "9"], "has no version 9"),
        (["--version", "v2", "-o", str(tmp_path / "missing" / "x.docx")], "does not exist"),
        (["--version", "2", "-o", str(tmp_path)], "is a folder"),
        (["--version", "2", "-o", "/proc/policydocs-test.docx"], "cannot write here"),
    ):
        if "-o" not in args:
            args = [*args, "-o", str(out)]
        proc = run_cli("export", "citygroup/privacy", "--lang", "kk", *args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and says in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_bytes() == before  # a refused run leaves the old file as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["privacykk.docx"]  # no temporary left


def test_export_refuses_a_language_the_document_lacks(tmp_path):
    docs = tmp_path / "docs" / "ru" / "aqtobe"
    docs.mkdir(parents=True)
    (docs / "offer.md").write_text(HEADER.format(lang="ru", title="Публичная оферта") + V1, encoding="utf-8")
    proc = run_cli("export", "aqtobe/offer", "--lang", "kk", "-o", "offer.docx", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 2 and "has no 'kk' text" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert not (tmp_path / "offer.docx").exists()
    proc = run_cli("export", "aqtobe/offer", "--lang", "ru", "-o", "offer.docx", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert python_docx.Document(str(tmp_path / "offer.docx")).core_properties.content_status == "draft"


def test_diff_command_writes_the_tracked_changes_docx(tmp_path):
    out = tmp_path / "changes.docx"
    proc = run_cli(
        "diff",
        "smartaqkol/privacy",
        "--from",
        "v1",
        "--to",
        "v2",
        "--lang",
        "ru",
        "--docx",
        str(out),
        "--author",
        "Юридический отдел",
    )
    assert proc.returncode == 0, proc.stderr
    document = part(out.read_bytes(), "word/document.xml")
    renumbered = [("".join(e.itertext()), e.get(f"{{{W}}}author")) for e in document.iter(f"{{{W}}}del", f"{{{W}}}ins")]
    assert renumbered == [("2.6.", "Юридический отдел"), ("2.5.", "Юридический отдел")]
    proc = run_cli(
        "diff", "smartaqkol/privacy", "--from", "v1", "--to", "v7", "--lang", "ru", "--docx", str(tmp_path / "x.docx")
    )
    assert proc.returncode == 2 and not (tmp_path / "x.docx").exists()


def test_a_write_interrupted_at_the_rename_leaves_nothing_half_written(tmp_path, monkeypatch):
    import os

    from policydocs.docx import write_output

    target = tmp_path / "offer.docx"
    target.write_bytes(b"old")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    from policydocs.errors import PolicyError

    with pytest.raises(PolicyError, match="No space left"):
        write_output(target, document_docx(policy(V1), Edition(None, None, None)))
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["offer.docx"]


# --- round trip ------------------------------------------------------------------------------
# ``to_markdown`` reads the export back from what Word keeps, byte for byte (export -> read -> export);
# test_an_exported_word_file_imports_back_with_the_real_importer does the same through `policydocs import`.


def _front(doc) -> str:
    return doc.front.raw


@pytest.mark.parametrize(
    "make",
    [
        lambda: policy(V1),
        lambda: policy(KK, "kk", "Жария оферта"),
        lambda: parse_file(ROOT / "docs/kk/platform/privacy.md"),
        lambda: parse_file(ROOT / "docs/ru/citygroup/privacy.md"),
        lambda: parse_file(ROOT / "docs/en/smartaqkol/privacy.md"),
    ],
)
def test_export_import_export_keeps_clauses_words_and_bytes(make):
    from ..docx_helpers import to_markdown

    doc = make()
    edition = Edition(1, PUBLISHED, EFFECTIVE)
    first = document_docx(doc, edition)
    back = parse_text(to_markdown(first, _front(doc)), doc.path)
    assert [(c.number, c.eid) for c in back.clauses()] == [(c.number, c.eid) for c in doc.clauses()]
    # a text without a "# title" line gets its front-matter title on the first page (as in the PDF)
    skip = {"title"} if doc.title_block is None else set()
    assert [(b.kind, b.eid) for b in back.content_blocks() if b.eid not in skip] == [
        (b.kind, b.eid) for b in doc.content_blocks()
    ]
    assert reader_words(back, skip) == reader_words(doc)
    assert document_docx(back, edition) == first  # exporting again changes nothing


def test_parts_follow_the_schema_order_word_insists_on():
    _, _, data = redline()
    settings = [el.tag.split("}")[1] for el in part(data, "word/settings.xml")]
    assert (
        settings.index("zoom")
        < settings.index("proofState")
        < settings.index("trackRevisions")
        < settings.index("defaultTabStop")
    )
    order = ["pStyle", "numPr", "ind", "rPr"]
    for doc_data in (data, document_docx(policy(V1), Edition(None, None, None))):
        for p in body_paragraphs(doc_data):
            ppr = p.find("w:pPr", NS)
            if ppr is None:
                continue
            names = [el.tag.split("}")[1] for el in ppr]
            assert names == sorted(names, key=order.index), names
        for lvl in part(doc_data, "word/numbering.xml").iter(f"{{{W}}}lvl"):
            names = [el.tag.split("}")[1] for el in lvl]
            expected = ["start", "numFmt", "suff", "lvlText", "lvlJc", "pPr", "rPr"]
            assert names == [n for n in expected if n in names]
        numbering = [el.tag.split("}")[1] for el in part(doc_data, "word/numbering.xml")]
        assert numbering == sorted(numbering, key=["abstractNum", "num"].index)


def test_a_clause_deeper_than_words_nine_list_levels_keeps_its_typed_number():
    deep = "1.1.1.1.1.1.1.1.1.1"  # ten levels: Word lists stop at nine
    body = f"1. Термины.\n\n1.1.1.1.1.1.1.1.1. Девятый уровень.\n\n{deep}. Десятый уровень, 1 000 (одна тысяча) тенге.\n\n1.2. Далее.\n"
    doc = policy(body)
    data = document_docx(doc, Edition(None, None, None))
    shown = [(n, text) for n, style, text in list_numbers(data) if style == "PolicyClause"]
    assert shown == [
        ("1.", "Термины."),
        ("1.1.1.1.1.1.1.1.1.", "Девятый уровень."),
        (None, f"{deep}. Десятый уровень, 1 000 (одна тысяча) тенге."),
        ("1.2.", "Далее."),
    ]
    from ..docx_helpers import to_markdown

    back = parse_text(to_markdown(data, doc.front.raw), doc.path)
    assert [c.number for c in back.clauses()] == [c.number for c in doc.clauses()]


def test_a_skipped_level_and_a_duplicate_number_still_show_as_written():
    body = "1. Общие.\n\n1.1.1. Пропущен уровень 1.1.\n\n1.1.2. Далее.\n\n1.2. Снова.\n\n1.2. Повтор номера.\n\n2. Раздел.\n"
    data = document_docx(policy(body), Edition(None, None, None))
    assert [n for n, style, _ in list_numbers(data) if style == "PolicyClause"] == [
        "1.",
        "1.1.1.",
        "1.1.2.",
        "1.2.",
        "1.2.",
        "2.",
    ]


@pytest.mark.parametrize(
    "lang, doc_id", [("kk", "platform/privacy"), ("ru", "citygroup/privacy"), ("en", "smartaqkol/privacy")]
)
def test_an_exported_word_file_imports_back_with_the_real_importer(tmp_path, lang, doc_id):
    """`policydocs import FILE.docx` reads policydocs' own export to the same clauses and words."""
    from policydocs.importer import import_file

    doc = parse_file(ROOT / f"docs/{lang}/{doc_id}.md")
    edition = Edition(1, PUBLISHED, EFFECTIVE)
    source = tmp_path / "policy.docx"
    source.write_bytes(document_docx(doc, edition))
    result = import_file(
        source,
        doc_id,
        tmp_path / "docs",
        lang=lang,
        product=doc.front.product,
        operators={"*": doc.front.operator},
        titles={"*": doc.title},
    )
    assert [d.lang for d in result.documents] == [lang]
    back = parse_file(tmp_path / "docs" / lang / f"{doc_id}.md")
    assert [c.number for c in back.clauses()] == [c.number for c in doc.clauses()]
    skip = {"title"}
    assert reader_words(back, skip) == reader_words(doc, skip)
