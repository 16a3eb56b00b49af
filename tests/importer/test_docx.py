"""Importing Word files built here with real automatic numbering, tracked changes, headers and footnotes."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from policydocs.document import parse_file
from policydocs.errors import PolicyError
from policydocs.importer import import_file
from policydocs.importer.formats.numbering import Numbering

from ..docx_build import CLAUSE, SAMPLE_CLAUSES, SECTION, W_NS, WordBuilder, sample_policy


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def body_words(path) -> list[str]:
    """Every word typed in the document body and its footnotes (Word's own XML, not our reader)."""
    package = zipfile.ZipFile(path)
    xml = "".join(package.read(n).decode("utf-8") for n in ("word/document.xml", "word/footnotes.xml"))
    return words(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def test_automatic_numbering_terms_bullets_table_footnote(tmp_path):
    src = sample_policy().save(tmp_path / "policy.docx")
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    doc = parse_file(tmp_path / "docs/ru/testfin/privacy.md")
    assert [c.number for c in doc.clauses()] == SAMPLE_CLAUSES
    assert [s.number for s in doc.sections if s.number] == ["1", "2", "3", "4"]
    assert [t.eid for t in doc.defined_terms] == ["cl-1-2-1", "cl-1-2-2"]
    text = doc.render()
    assert "1.2.1. **Персональные данные** – сведения" in text
    assert "1) заключение и исполнение договора;\n2) идентификация" in text
    assert "1) с согласия Пользователя;\n2) в случаях" in text  # restarted list (startOverride)
    assert "- получать информацию об обработке своих персональных данных;\n- требовать" in text
    assert "Базовый | 500 000 (пятьсот тысяч) тенге\n\nРасширенный | 1 000 000 (один миллион) тенге в год" in text
    assert "4.2. Реквизиты Оператора указаны на сайте Оператора.[1]\n\n[1] Реквизиты действительны" in text
    # running header and footer: not in the text, listed as left out
    assert "Страница" not in text and "— Политика конфиденциальности" not in text
    assert {(x.kind, x.text) for x in result.leftovers} == {
        ("running header", "ТОО «Тест Финанс» — Политика конфиденциальности"),
        ("running footer", "Страница 1 из 3"),
    }
    assert [(g.kind, g.where) for g in result.guesses] == [("footnote", "paragraph 32")]
    # no word of the body is lost (the numbers Word adds are extra, and only digits)
    out = words(text.split("---", 2)[2])
    extra = [w for w in out if w not in body_words(src)]
    assert all(w.isdigit() for w in extra) and set(body_words(src)) <= set(out)
    assert result.summary() == "14 clauses, 1 guess, 2 pieces of page furniture left out"


def test_kazakh_letters_survive_and_typed_numbers_work(tmp_path):
    b = WordBuilder()
    b.para("ҚҰПИЯЛЫЛЫҚ САЯСАТЫ", style="Title")
    b.para("Жалпы ережелер", num=SECTION)
    b.para("Осы Саясат «Тест Финанс» ЖШС-нің дербес деректерді өңдеу тәртібін айқындайды.", num=CLAUSE)
    b.para("Қызмет құны 500 000 (бес жүз мың) теңгеден басталады.", num=CLAUSE)
    b.para("1.3. Өтініштер 10 (он) жұмыс күні ішінде қаралады.")
    src = b.save(tmp_path / "kk.docx")
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    assert [d.lang for d in result.documents] == ["kk"]
    doc = parse_file(tmp_path / "docs/kk/testfin/privacy.md")
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "1.3"]
    assert "өңдеу тәртібін айқындайды" in doc.render() and "теңгеден" in doc.render()


def test_tracked_changes_are_refused_or_accepted(tmp_path):
    def build():
        b = sample_policy()
        b.para("Хранение данных", num=SECTION)
        p = b.para("Оператор хранит данные на серверах в Республике Казахстан", num=CLAUSE)
        b.tracked(p, inserted=" не менее 5 (пяти) лет.", deleted=" бессрочно.")
        return b.save(tmp_path / "changes.docx")

    src = build()
    with pytest.raises(PolicyError) as err:
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert str(err.value).startswith(
        f"{src}:paragraph 34: the document still has 2 tracked changes; in Word accept "
        "or reject the changes (Review > Accept), save, and import again"
    )
    assert "--accept-changes" in str(err.value) and not (tmp_path / "docs").exists()
    result = import_file(src, "testfin/privacy", tmp_path / "docs", accept_changes=True)
    text = (tmp_path / "docs/ru/testfin/privacy.md").read_text(encoding="utf-8")
    assert "5.1. Оператор хранит данные на серверах в Республике Казахстан не менее 5 (пяти) лет." in text
    assert "бессрочно" not in text
    assert (
        result.guesses[0].kind == "tracked changes"
        and result.guesses[0].message == "--accept-changes: 2 tracked changes accepted"
    )


def test_comments_are_refused(tmp_path):
    b = sample_policy()
    p = b.para("Срок ответа уточнить у юриста.", num=CLAUSE)
    b.doc.add_comment(p.runs, text="Проверить срок", author="Юрист")
    src = b.save(tmp_path / "comments.docx")
    with pytest.raises(
        PolicyError, match=r"still has 1 comment; in Word delete the comments \(Review > Delete\), save"
    ):
        import_file(src, "testfin/privacy", tmp_path / "docs")


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _bad_files(tmp_path):
    good = sample_policy().save(tmp_path / "good.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    docm = dict(parts, **{"word/vbaProject.bin": b"\x00" * 64})
    bomb = dict(parts, **{"word/media/image1.png": b"\x00" * (24 * 1024 * 1024)})
    return {
        "macro.docm": (_zip(docm), "macro-enabled Word file (.docm)"),
        "bomb.docx": (_zip(bomb), "zip bomb"),
        "cut.docx": (good[: len(good) // 2], "damaged"),
        "sheet.docx": (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "Excel workbook"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "LibreOffice could not convert the file"),
        "secret.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 80 + "EncryptionInfo".encode("utf-16-le"),
            "password-protected",
        ),
        "renamed.docx": (
            "Политика конфиденциальности\n1.1. Текст.\n".encode(),
            "is named .docx but is not a Word file",
        ),
        "broken-xml.docx": (_zip(dict(parts, **{"word/document.xml": b"<w:document"})), "damaged"),
    }


def test_bad_word_files_get_one_line_and_nothing_is_written(tmp_path):
    bad = _bad_files(tmp_path)
    for name, (data, message) in bad.items():
        src = tmp_path / name
        src.write_bytes(data)
        with pytest.raises(PolicyError) as err:
            import_file(src, "testfin/privacy", tmp_path / "docs")
        assert message in str(err.value) and str(err.value).startswith(str(src)), name
        assert "\n" not in str(err.value) and not (tmp_path / "docs").exists()
    assert len(bad["bomb.docx"][0]) < 1024 * 1024  # small on disk, huge unpacked


def numbering(xml_levels: str, nums: str) -> Numbering:
    return Numbering(etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{xml_levels}{nums}</w:numbering>'))


def test_numbering_formats_overrides_and_restarts():
    levels = (
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Раздел %1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlRestart w:val="0"/>'
        '<w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>'
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/></w:lvl></w:lvlOverride></w:num>'
    )
    n = numbering(levels, nums)
    seq = [(1, 0), (1, 1), (1, 2), (1, 2), (1, 0), (1, 1), (1, 2), (2, 0), (3, 0), (1, 2)]
    labels = [n.next_label(str(num), ilvl)[0] for num, ilvl in seq]
    # isLgl: "1.1." not "I.1."; level 3 never restarts (lvlRestart 0): "в)" after section II;
    # numId 2 shares the abstract list and continues it (III); numId 3 redefines level 1's text
    assert labels == ["Раздел I.", "1.1.", "а)", "б)", "Раздел II.", "2.1.", "в)", "Раздел III.", "Статья 4.", "г)"]
    assert n.next_label("99", 0) is None and n.next_label("0", 0) is None


def test_numbering_letters_wrap_like_word():
    n = numbering(
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="25"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>',
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    )
    assert [n.next_label("1", 0)[0] for _ in range(4)] == ["y)", "z)", "aa)", "bb)"]


def test_numbering_that_comes_from_the_paragraph_style(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    b = WordBuilder()
    for name, ilvl in (("Раздел", 0), ("Пункт", 1)):
        style = b.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        num_pr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", ilvl), ("w:numId", 1)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), str(val))
            num_pr.append(child)
        style.element.get_or_add_pPr().append(num_pr)
    b.para("ПУБЛИЧНАЯ ОФЕРТА", style="Title")
    b.para("Предмет договора", style="Раздел")
    b.para("Исполнитель оказывает услуги по переводу денег в порядке, установленном Офертой.", style="Пункт")
    b.para("Стоимость услуги составляет 1 500 (одна тысяча пятьсот) тенге.", style="Пункт")
    b.para("Ответственность сторон", style="Раздел")
    b.para("Стороны несут ответственность в соответствии с законодательством Республики Казахстан.", style="Пункт")
    b.para("Текст без номера внутри раздела.")
    src = b.save(tmp_path / "offer.docx")
    import_file(src, "testfin/offer", tmp_path / "docs")
    doc = parse_file(tmp_path / "docs/ru/testfin/offer.md")
    assert [s.number for s in doc.sections if s.number] == ["1", "2"]
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "2.1"]
    assert "Текст без номера внутри раздела." in doc.render()


def test_a_text_box_is_listed_not_lost_silently(tmp_path):
    b = sample_policy()
    p = b.para("Настоящая редакция действует с 1 декабря 2026 года.")
    box = etree.fromstring(
        f'<w:r xmlns:w="{W_NS}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<w:pict><wps:txbx><w:txbxContent><w:p><w:r><w:t>Утверждено приказом директора № 15</w:t></w:r></w:p>"
        f"</w:txbxContent></wps:txbx></w:pict></w:r>"
    )
    p._p.append(box)
    src = b.save(tmp_path / "box.docx")
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    text = (tmp_path / "docs/ru/testfin/privacy.md").read_text(encoding="utf-8")
    assert "Утверждено приказом" not in text and "Настоящая редакция действует с 1 декабря 2026 года." in text
    assert ("text box", "Утверждено приказом директора № 15") in {(x.kind, x.text) for x in result.leftovers}
