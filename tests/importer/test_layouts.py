"""Two- and three-column offers (WeasyPrint) and scans (200 dpi, noise) imported as the reader sees them."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys

import pytest

from policydocs.document import parse_file
from policydocs.errors import PolicyError
from policydocs.importer import import_file

from ..layout_texts import HEADERS, OFFERS
from ..render_layouts import columns_pdf, scan_pdf, scan_png

KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# share of the text's words OCR must give back in order (200 dpi, dust, blur, a slight tilt)
OCR_TOLERANCE = {"ru": 0.97, "kk": 0.95, "en": 0.97}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("**", ""))


def body(path) -> str:
    return path.read_text(encoding="utf-8").split("---", 2)[2]


def clauses(text: str) -> list[str]:
    return re.findall(r"(?m)^(\d+\.\d+)\.\s", text)


@pytest.mark.parametrize(
    "lang,columns,size",
    [
        ("ru", 2, "11.5pt"),
        ("kk", 2, "11.5pt"),
        ("en", 2, "11.5pt"),
        ("ru", 3, "11.5pt"),
        ("en", 3, "11.5pt"),
        ("kk", 3, "11.5pt"),
        ("ru", 2, "17pt"),
        ("en", 2, "17pt"),
        ("ru", 2, "14pt"),
        ("kk", 2, "14pt"),
    ],
)  # 14pt: the last page holds a few lines of each column
def test_columns_read_column_by_column(tmp_path, lang, columns, size):
    text = OFFERS[lang]
    src = columns_pdf(text, tmp_path / "offer.pdf", lang=lang, header=HEADERS[lang], columns=columns, size=size)
    result = import_file(src, "testtel/offer", tmp_path / "docs", lang=lang)
    out = tmp_path / f"docs/{lang}/testtel/offer.md"
    doc = parse_file(out)
    assert [c.number for c in doc.clauses()] == clauses(text)
    assert words(body(out)) == words(text)  # every word, in the order of the text
    # and every compound with its own hyphen («жай-күйі», «интернет-ресурсында»), also where a
    # line ended at that hyphen in a text that is not hyphenated (Kazakh: no patterns in WeasyPrint)
    assert re.findall(r"\w+(?:-\w+)*", body(out)) == re.findall(r"\w+(?:-\w+)*", text)
    assert body(out).lstrip().startswith("# ")  # the title across the columns comes first
    kinds = {x.kind for x in result.leftovers}
    assert {"running header", "page number"} <= kinds
    assert not any(t in body(out) for t in ("Стр.", "Бет 1", "Page 1", HEADERS[lang]))
    if lang == "kk":
        assert KAZAKH & set(body(out))


def test_one_column_page_is_not_split_into_columns(tmp_path):
    """A page of a single column of justified text (lines across the whole width) is read line by line."""
    from ..render_formats import to_pdf

    src = to_pdf(OFFERS["ru"], tmp_path / "one.pdf", lang="ru")
    import_file(src, "testtel/offer", tmp_path / "docs", lang="ru")
    out = tmp_path / "docs/ru/testtel/offer.md"
    assert words(body(out)) == words(OFFERS["ru"])


def _ratio(expected: str, got: str) -> float:
    return difflib.SequenceMatcher(None, words(expected), words(got), autojunk=False).ratio()


@pytest.mark.parametrize("lang,kind", [("kk", "png"), ("ru", "pdf"), ("en", "pdf")])  # en: a speck before "1.2."
def test_scans_are_recognised_in_the_documents_language(tmp_path, lang, kind):
    make = scan_png if kind == "png" else scan_pdf
    src = make(OFFERS[lang], tmp_path / f"scan.{kind}", lang=lang)
    lines = []
    result = import_file(src, "testtel/offer", tmp_path / "docs", lang=lang, progress=lines.append)
    out = tmp_path / f"docs/{lang}/testtel/offer.md"
    assert result.kind == "scan"
    assert lines == [f"{src}: recognising page 1 of 1"]
    assert _ratio(OFFERS[lang], body(out)) >= OCR_TOLERANCE[lang]
    got = [c.number for c in parse_file(out).clauses()]
    assert got == clauses(OFFERS[lang])  # every clause number, as printed
    if lang == "kk":
        for word in ("Қазақстан", "құқылы", "жауапкершілігі", "міндеттенеді"):
            assert word in body(out)


def test_every_unsure_line_is_a_guess_with_page_and_line(tmp_path, monkeypatch):
    from policydocs.importer.formats import ocr

    src = scan_png(OFFERS["en"], tmp_path / "scan.png", lang="en")
    sure = import_file(src, "testtel/offer", tmp_path / "a", lang="en")
    monkeypatch.setattr(ocr, "GUESS_BELOW", 101)  # every line is below: every line reported
    unsure = import_file(src, "testtel/offer", tmp_path / "b", lang="en")
    guesses = [g for g in unsure.guesses if g.kind == "OCR guess"]
    assert len(guesses) > 20 and all(re.fullmatch(r"page 1, line \d+", g.where) for g in guesses)
    assert "confidence" in guesses[0].message
    assert len([g for g in sure.guesses if g.kind == "OCR guess"]) < len(guesses) / 2


def test_a_speck_before_a_clause_number_is_left_out_and_reported(monkeypatch):
    """Dust read as "~" or "'" before "1.2." would hide the label; a lone sign before a label goes, said as a guess."""
    from PIL import Image

    from policydocs.importer.formats import ocr

    words = [
        ("~", 1.2),
        ("1.2.", 96),
        ("The", 95),
        ("Subscriber", 93),
        ("accepts", 94),  # one line
        ("-", 91),
        ("to", 90),
        ("receive", 92),
        ("information;", 93),
    ]  # a bullet line: kept as it is
    data = {
        "text": [w for w, _ in words],
        "conf": [c for _, c in words],
        "block_num": [1] * 9,
        "par_num": [1] * 9,
        "line_num": [1] * 5 + [2] * 4,
        "left": [10, 40, 90, 140, 260, 10, 40, 90, 160],
        "width": [12, 40, 40, 110, 70, 12, 30, 60, 100],
        "top": [10] * 5 + [40] * 4,
        "height": [20] * 9,
    }
    monkeypatch.setattr("pytesseract.image_to_data", lambda *a, **k: data)
    lines, _height = ocr._recognise(Image.new("L", (600, 100), 255), 1, 72, "eng", "scan.png")
    assert [ln.text for ln in lines] == ["1.2. The Subscriber accepts", "- to receive information;"]
    assert lines[0].x0 == 40 and lines[0].speck == "~" and lines[1].speck is None
    extracted = ocr._lay_out([lines], [100])
    assert [n.message for n in extracted.notes if "left out" in n.message] == [
        "left out '~' before the clause number at the start of the line (a mark on the scan)"
    ]


def _cli(args, env=None):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", "import", *args],
        capture_output=True,
        text=True,
        env=env,
    )


def test_tesseract_missing_names_the_packages(tmp_path):
    src = scan_png(OFFERS["ru"], tmp_path / "scan.png", lang="ru")
    bare = tmp_path / "bin"
    bare.mkdir()
    env = dict(os.environ, PATH=str(bare), LC_ALL="C.UTF-8", LANGUAGE="en")
    done = _cli([str(src), "--doc", "testtel/offer", "--docs", str(tmp_path / "docs")], env)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.strip().endswith(
        "install the Debian packages tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-eng and try again"
    )
    assert "Traceback" not in done.stderr and not (tmp_path / "docs").exists()


def test_language_without_tesseract_data(tmp_path):
    src = scan_png(OFFERS["kk"], tmp_path / "scan.png", lang="kk")
    data = tmp_path / "tessdata"
    data.mkdir()
    system = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    folder = re.search(r'"(.+?)"', system).group(1)
    shutil.copy(os.path.join(folder, "eng.traineddata"), data)
    env = dict(os.environ, TESSDATA_PREFIX=str(data), LANGUAGE="en")
    done = _cli([str(src), "--doc", "testtel/offer", "--docs", str(tmp_path / "docs"), "--lang", "kk"], env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"error: {src}:page 1: the scan needs Tesseract's data for kaz, rus, which is not installed; install "
        "tesseract-ocr-kaz tesseract-ocr-rus"
    )
    assert not (tmp_path / "docs").exists()


def test_a_300_page_scan_is_refused_before_recognition(tmp_path):
    from pypdf import PdfReader, PdfWriter

    one = scan_pdf(OFFERS["ru"], tmp_path / "one.pdf", lang="ru")
    writer = PdfWriter()
    page = PdfReader(one).pages[0]
    for _ in range(300):
        writer.add_page(page)
    with open(tmp_path / "long.pdf", "wb") as fh:
        writer.write(fh)
    seen = []
    with pytest.raises(PolicyError) as err:
        import_file(tmp_path / "long.pdf", "testtel/offer", tmp_path / "docs", progress=seen.append)
    assert str(err.value) == (
        f"{tmp_path / 'long.pdf'}:page 101: the scan has 300 pages; at most 100 pages are "
        "recognised in one import: split the file and import the parts"
    )
    assert seen == [] and not (tmp_path / "docs").exists()


def test_appendices_number_again_and_bank_details_stay_text(tmp_path):
    from ..layout_texts import APPENDICES_RU
    from ..render_formats import to_pdf

    src = to_pdf(APPENDICES_RU, tmp_path / "loan.pdf", header="ТОО «МФО Тест Кредит»")
    result = import_file(src, "testcredit/loan", tmp_path / "docs", lang="ru")
    out = tmp_path / "docs/ru/testcredit/loan.md"
    doc = parse_file(out)
    # three sequences, each as the reader sees it: the main text, Appendix 1 (no final dots), Appendix 2
    assert [s.number for s in doc.sections] == ["1", "2", "1", "2", "1"]
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "2.1", "2.2", "1.1", "1.2", "2.1", "1.1", "1.2"]
    text = body(out)
    assert words(text) == words(APPENDICES_RU)
    for item in ("a. документ", "e. сведения", "а) выписку", "б) справку"):  # letter items keep their letters
        assert f"\n{item}" in text
    for line in ("БИН 190340012345", "8 (727) 312-45-67", "Адрес: 050000, г. Алматы"):  # no digit became a label
        assert f"\n{line}" in text
    dots = [g for g in result.guesses if "without the final dot" in g.message]
    assert len(dots) == 4 and all(re.fullmatch(r"page \d+, line \d+", g.where) for g in dots)


def test_a_number_before_a_capital_is_not_a_section_without_its_clauses(tmp_path):
    from policydocs.importer import import_text

    text = (
        "Договор оказания услуг\n1. Предмет\n1.1. Исполнитель оказывает услуги.\n"
        "5 Заемщиков подписали согласие\n8 Алматы, ул. Толе би\n"
    )
    result = import_text(text, "x.txt", "testcredit/loan", tmp_path / "docs", lang="ru")
    md = result.documents[0].markdown
    assert "## 5" not in md and "## 8" not in md and "5 Заемщиков" in md


def test_the_dictionary_tells_hyphenation_from_a_compound():
    from policydocs.importer.formats.pdf import _LineEndHyphens

    decide = _LineEndHyphens.decide
    assert decide("дан", "ные") is False and decide("законодатель", "ством") is False  # Russian words broken
    assert decide("қызмет", "терді") is False and decide("өң", "деу") is False  # Kazakh words broken
    assert decide("жай", "күйі") is True and decide("іс", "қимылдарды") is True  # compounds
    assert decide("интер", "нет") is False and decide("Report", "ing") is None  # no English dictionary here


class _Text:
    def __init__(self, text: str):
        self.text = text


def test_a_text_that_hyphenates_nowhere_keeps_every_hyphen_the_dictionary_cannot_read():
    """Kazakh PDFs are not hyphenated (no patterns in WeasyPrint, LibreOffice or pyphen): «мән-» + «жайларынан»
    is one compound although Hunspell kk knows no «жайларынан»; in a text hyphenated elsewhere it is left to
    the text's own spelling."""
    from policydocs.importer.formats.pdf import _LineEndHyphens

    plain = [_Text("1.1. Компания деректердің мән-"), _Text("жайларынан Пайдаланушыға хабарлайды.")]
    assert _LineEndHyphens(plain).keep("мән", "жайларынан") is True
    hyphenated = [
        _Text("1.1. Компания ақпа-"),
        _Text("раттық жүйеде мәлі-"),
        _Text("меттерді сақтайды, мән-"),
        _Text("жайларынан хабарлайды."),
    ]
    reader = _LineEndHyphens(hyphenated)
    assert reader.hyphenates == {"kk"} and reader.keep("мән", "жайларынан") is None
    assert reader.keep("ақпа", "раттық") is False
