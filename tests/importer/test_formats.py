"""Importing PDFs and web pages rendered here, pasted texts, and the five seeds in every format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from policydocs.document import parse_file
from policydocs.errors import PolicyError
from policydocs.importer import import_file, import_text

from ..conftest import seed
from ..render_formats import FURNITURE_WORDS, to_docx, to_html, to_pdf

POLICY = """ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ ТОО «ТЕСТ ФИНАНС»
1. Общие положения
1.1. Настоящая Политика конфиденциальности определяет порядок обработки персональных данных Пользователей мобильного приложения «Тест Кошелёк», осуществляемой Товариществом с ограниченной ответственностью «Тест Финанс» в соответствии с Законом Республики Казахстан «О персональных данных и их защите».
1.2. **Персональные данные** – сведения, относящиеся к определенному или определяемому на их основании субъекту персональных данных, зафиксированные на электронном, бумажном и (или) ином материальном носителе.
1.3. Оператор вправе вносить изменения в настоящую Политику, уведомив Пользователя не позднее чем за 10 (десять) календарных дней до вступления изменений в силу путем размещения новой редакции в мобильном приложении.
2. Цели и сроки обработки
2.1. Оператор обрабатывает персональные данные в следующих целях:
1) заключение, исполнение и прекращение договора оказания услуг, включая идентификацию Пользователя;
2) исполнение требований законодательства Республики Казахстан о противодействии легализации (отмыванию) доходов.
2.2. Персональные данные хранятся в течение 5 (пяти) лет со дня прекращения договора, если более длительный срок не установлен законодательством Республики Казахстан.
2.3. Комиссия за перевод составляет 500 (пятьсот) тенге, но не более 10 000 (десяти тысяч) тенге за одну операцию, и удерживается из суммы перевода.
3. Права Пользователя
3.1. Пользователь вправе:
- получать информацию, касающуюся обработки его персональных данных;
- требовать изменения и дополнения своих персональных данных при наличии оснований, подтвержденных документами;
- отозвать согласие на сбор и обработку персональных данных в случаях, предусмотренных законодательством.
3.2. Обращения Пользователя рассматриваются в течение 10 (десяти) рабочих дней со дня их получения Оператором."""
CLAUSES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def structure(path) -> list[tuple[str, str]]:
    """Sections, clauses and numbered sub-items in order: what a reviewer checks first.

    Bullets are left out: a browser copy's lost bullet markers are restored in a pasted
    text, while a Word paragraph typed without a bullet stays a paragraph."""
    doc = parse_file(path)
    out = []
    for section in doc.sections:
        out.append(("section", section.number or ""))
        for block in section.content:
            if block.kind.value in ("clause", "item"):
                out.append((block.kind.value, getattr(block, "number", None) or ""))
    return out


def test_pdf_headers_page_numbers_hyphenation(tmp_path):
    src = to_pdf(POLICY * 1, tmp_path / "policy.pdf", header="ТОО «Тест Финанс» — Политика конфиденциальности")
    (tmp_path / "p.txt").write_text(POLICY, encoding="utf-8")
    text_import = import_file(tmp_path / "p.txt", "testfin/privacy", tmp_path / "t")
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    path = tmp_path / "docs/ru/testfin/privacy.md"
    doc = parse_file(path)
    assert [c.number for c in doc.clauses()] == CLAUSES
    assert doc.title_block.text == "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ ТОО «ТЕСТ ФИНАНС»"
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    assert words(body) == words(text_import.documents[0].markdown.split("---", 2)[2])  # every word, in order
    assert "Страница" not in body and "— Политика конфиденциальности" not in body
    assert "1.2. **Персональные данные** – сведения" in body
    assert {x.kind for x in result.leftovers} == {"running header", "page number"}
    hyphenated = [g for g in result.guesses if g.kind == "hyphenation"]
    assert hyphenated and all(re.match(r"page \d+, line \d+$", g.where) for g in hyphenated)
    assert structure(path) == structure(tmp_path / "t/ru/testfin/privacy.md")


def test_pdf_without_text_layer_is_recognised_and_an_empty_scan_refused(tmp_path):
    from weasyprint import HTML

    src = tmp_path / "scan.pdf"
    HTML(string='<div style="width:15cm;height:20cm;background:#888"></div>').write_pdf(src)
    with pytest.raises(PolicyError, match="no text was recognised on the scan"):
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_encrypted_and_damaged_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = to_pdf(POLICY, tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("секрет2026", algorithm="RC4-128")
    with open(tmp_path / "locked.pdf", "wb") as fh:
        writer.write(fh)
    (tmp_path / "cut.pdf").write_bytes(plain.read_bytes()[:400])
    (tmp_path / "text.pdf").write_text(POLICY, encoding="utf-8")
    for name, message in (
        ("locked.pdf", "password-protected"),
        ("cut.pdf", "damaged"),
        ("text.pdf", "is named .pdf but is not a PDF"),
    ):
        with pytest.raises(PolicyError) as err:
            import_file(tmp_path / name, "testfin/privacy", tmp_path / "docs")
        assert message in str(err.value) and str(err.value).startswith(str(tmp_path / name))
    assert not (tmp_path / "docs").exists()


OL_PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Пользовательское соглашение</title></head>
<body><div class="top-menu"><a href="/">Главная</a> | <a href="/tariffs">Тарифы</a></div>
<div class="content"><h1>Пользовательское соглашение</h1>
<ol><li>Общие положения<ol>
<li>Настоящее Соглашение регулирует отношения между ТОО «Тест Финанс» и <strong>Пользователем</strong>.</li>
<li>Оператор вправе изменить Соглашение, уведомив Пользователя за 7 (семь) календарных дней.</li></ol></li>
<li>Стоимость услуг<ol>
<li>Абонентская плата составляет 2 000 (две тысячи) тенге в месяц и включает:
<ul><li>доступ к мобильному приложению;</li><li>поддержку по телефону.</li></ul></li>
<li>Тарифы размещены на <a href="https://testfin.kz/tariffs">сайте Оператора</a>, вопросы: <a href="mailto:info@testfin.kz">info@testfin.kz</a>.</li>
</ol></li></ol>
<ol start="5"><li>Заключительные положения<ol><li>Споры разрешаются в суде по месту нахождения Оператора в городе Алматы.</li></ol></li></ol>
</div><div id="footer">© 2026 ТОО «Тест Финанс»</div></body></html>"""


def test_html_ol_numbering_bullets_links_and_furniture(tmp_path):
    src = tmp_path / "terms.html"
    src.write_bytes(OL_PAGE.encode("cp1251"))
    result = import_file(src, "testfin/terms", tmp_path / "docs")
    path = tmp_path / "docs/ru/testfin/terms.md"
    doc = parse_file(path)
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "2.1", "2.2", "5.1"]
    assert [s.number for s in doc.sections if s.number] == ["1", "2", "5"]
    text = path.read_text(encoding="utf-8")
    assert "- доступ к мобильному приложению;\n- поддержку по телефону." in text
    assert "[сайте Оператора](https://testfin.kz/tariffs)" in text and "<mailto:info@testfin.kz>" in text
    assert "**Пользователем**" in text and "Главная" not in text and "©" not in text
    assert {x.kind for x in result.leftovers} == {"navigation", "site footer"}


def test_seed_web_page_leaves_the_site_out(tmp_path):
    src = to_html(seed("003").read_text(encoding="utf-8"), tmp_path / "yasam.html")
    result = import_file(src, "yasam/privacy", tmp_path / "docs")
    text = (tmp_path / "docs/ru/yasam/privacy.md").read_text(encoding="utf-8")
    assert not [w for w in FURNITURE_WORDS if w in text]
    assert sorted(x.kind for x in result.leftovers) == ["cookie banner", "site footer", "site header"]
    assert [d.lang for d in result.documents] == ["ru"]  # no fake English from <head>


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Главная</a></nav><p>Страница не найдена.</p><footer>© 2026</footer></body></html>",
        "<html><head><title>Политика</title></head><body><script>var policy = 1;</script></body></html>",
    ],
)
def test_html_without_policy_text_is_refused(tmp_path, html):
    src = tmp_path / "page.html"
    src.write_text(html, encoding="utf-8")
    with pytest.raises(PolicyError, match="no recognisable policy text"):
        import_file(src, "testfin/privacy", tmp_path / "docs")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_in_every_format_have_the_text_structure(tmp_path, prefix):
    text = seed(prefix).read_text(encoding="utf-8")
    reference = import_file(seed(prefix), "seed/privacy", tmp_path / "txt")
    expected = {d.lang: structure(d.path) for d in reference.documents}
    for kind, render in (("docx", to_docx), ("pdf", to_pdf), ("html", to_html)):
        src = render(text, tmp_path / f"seed.{kind}")
        result = import_file(src, "seed/privacy", tmp_path / kind)
        got = {d.lang: structure(d.path) for d in result.documents}
        assert got == expected, kind
        out_text = "".join(w for d in result.documents for w in words(d.markdown.split("---", 2)[2]))
        assert out_text == "".join(words(text)), kind  # every letter and digit, in order: no word lost or added


def test_pasted_from_a_pdf_viewer_and_a_browser(tmp_path):
    viewer = (
        "Главная | О компании | Тарифы | Войти\n"
        "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n"
        "2. Цели обработки\n"
        "персональных данных\n"
        "2.1. Оператор обрабатывает персональные данные Пользователя исключительно\n"
        "в целях заключения и исполнения договора, заключенного между Оператором и\n"
        "Пользователем, а также в целях исполнения требований Закона Республики\n"
        "Казахстан «О персональных данных и их защите» и иных нормативных правовых\n"
        "(подзаконных) актов, регулирующих деятельность Оператора в сфере оказания\n"
        "платежных услуг на территории Республики Казахстан в соответствии с лицензией.\n"
        "2.2. Срок хранения персональных данных составляет 5 (пять) лет с момента\n"
        "прекращения договора, если иной срок не установлен законодательством Республики\n"
        "Казахстан или договором, заключенным между Оператором и Пользователем.\n"
        "2.3. Оператор вправе передавать персональные данные третьим лицам только в\n"
        "случаях, предусмотренных законодательством, и при условии обеспечения защиты.\n"
        "2.4. Пользователь предоставляет Оператору следующие данные:\n"
        "фамилию, имя и отчество;\n"
        "индивидуальный идентификационный номер (ИИН);\n"
        "номер мобильного телефона.\n"
        "2.5. Оператор рассматривает обращения в течение 10 (десяти) рабочих дней.\n"
        "© 2026 ТОО «Тест Финанс». Все права защищены.\n"
    )
    result = import_text(viewer, "pasted.txt", "testfin/privacy", tmp_path)
    md = result.documents[0].markdown
    assert "## 2. Цели обработки персональных данных" in md
    assert (
        "2.1. Оператор обрабатывает персональные данные Пользователя исключительно в целях заключения и "
        "исполнения договора, заключенного между Оператором и Пользователем, а также в целях исполнения требований "
        "Закона Республики Казахстан «О персональных данных и их защите» и иных нормативных правовых (подзаконных)"
    ) in md
    assert (
        "- фамилию, имя и отчество;\n- индивидуальный идентификационный номер (ИИН);\n- номер мобильного телефона."
        in md
    )
    assert "Главная" not in md and "©" not in md and md.rstrip().endswith("рабочих дней.")
    kinds = sorted({g.kind for g in result.guesses})
    assert {"bullets", "heading", "joined line"} <= set(kinds)
    joined = [g.where for g in result.guesses if g.kind == "joined line"]
    assert set(joined) == {"7", "8", "9", "13"}  # the lines that start with a capital or "("
    assert [x.where for x in result.leftovers] == ["1", "21"]
    assert result.summary() == f"5 clauses, {len(result.guesses)} guesses, 2 pieces of page furniture left out"


def test_paragraph_text_is_not_mistaken_for_wrapped_lines(tmp_path):
    text = seed("003").read_text(encoding="utf-8")
    result = import_text(text, "s.txt", "yasam/privacy", tmp_path)
    assert not [g for g in result.guesses if g.kind in ("joined line", "bullets", "heading")]
    assert not result.leftovers


def test_utf16_text_file(tmp_path):
    src = tmp_path / "notepad.txt"
    src.write_bytes(b"\xff\xfe" + POLICY.encode("utf-16-le"))
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    assert result.encoding == "utf-16" and [c.number for c in parse_file(result.documents[0].path).clauses()] == CLAUSES


KK = """ҚҰПИЯЛЫЛЫҚ САЯСАТЫ
1. Жалпы ережелер
1.1. Осы Саясат «Тест Финанс» ЖШС-нің Пайдаланушылардың дербес деректерін өңдеу тәртібін айқындайды.
1.2. Өтініштер 10 (он) жұмыс күні ішінде қаралады."""
EN = """PRIVACY POLICY
1. General provisions
1.1. This Policy sets out how Test Finance LLP processes the personal data of the Users of its application.
1.2. Requests are considered within 10 (ten) business days."""
RU = """ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ
1. Общие положения
1.1. Настоящая Политика определяет порядок обработки ТОО «Тест Финанс» персональных данных Пользователей.
1.2. Обращения рассматриваются в течение 10 (десяти) рабочих дней."""


def _front(path):
    return dict(re.findall(r"^(\w+): (.*)$", path.read_text(encoding="utf-8").split("---")[1], re.M))


def test_languages_imported_one_by_one_agree_on_the_source(tmp_path):
    docs = tmp_path / "docs"
    for lang, text in (("kk", KK), ("en", EN), ("ru", RU)):
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
        import_file(tmp_path / f"{lang}.txt", "testfin/privacy", docs)
    fronts = {lang: _front(docs / lang / "testfin/privacy.md") for lang in ("kk", "en", "ru")}
    assert {f["source_lang"] for f in fronts.values()} == {"kk"}
    assert [fronts[x]["origin"] for x in ("kk", "en", "ru")] == ["original", "translation", "translation"]
    # told that Russian is the source: the Kazakh file imported first says so, and Russian is the original
    other = tmp_path / "docs2"
    import_file(tmp_path / "kk.txt", "testfin/privacy", other, source_lang="ru")
    import_file(tmp_path / "en.txt", "testfin/privacy", other, origin="operator")
    import_file(tmp_path / "ru.txt", "testfin/privacy", other)
    fronts = {lang: _front(other / lang / "testfin/privacy.md") for lang in ("kk", "en", "ru")}
    assert {f["source_lang"] for f in fronts.values()} == {"ru"}
    assert [fronts[x]["origin"] for x in ("kk", "en", "ru")] == ["translation", "operator", "original"]
    with pytest.raises(PolicyError, match="existing files say source_lang: ru, not kk"):
        import_file(tmp_path / "kk.txt", "testfin/privacy", other, source_lang="kk", force=True)
    # the checker takes the agreed source and has nothing to blame on it
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policydocs.cli import run; run()",
            "check",
            "docs",
            "--document",
            "testfin/privacy",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "kk/testfin/privacy.md" not in proc.stdout, proc.stdout
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr


def test_force_writes_every_language_or_none(tmp_path, monkeypatch):
    from policydocs import fsutil

    import_file(seed("004"), "citygroup/privacy", tmp_path)
    before = {lang: (tmp_path / lang / "citygroup/privacy.md").read_bytes() for lang in ("kk", "ru")}
    real, calls = fsutil._write_temp, []

    def second_fails(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(fsutil, "_write_temp", second_fails)
    with pytest.raises(PolicyError, match="no file was changed"):
        import_file(seed("004"), "citygroup/privacy", tmp_path, force=True, operators={"*": "ТОО «ДамуЖолы»"})
    assert {lang: (tmp_path / lang / "citygroup/privacy.md").read_bytes() for lang in ("kk", "ru")} == before
    assert not [p for p in tmp_path.rglob("*.tmp")]
    # a rename that fails half-way: the language already replaced gets its old text back
    (tmp_path / "ru/citygroup/privacy.md").unlink()
    (tmp_path / "ru/citygroup/privacy.md").mkdir()
    monkeypatch.setattr(fsutil, "_write_temp", real)
    with pytest.raises(PolicyError, match="no file was changed"):
        import_file(seed("004"), "citygroup/privacy", tmp_path, force=True, operators={"*": "ТОО «ДамуЖолы»"})
    assert (tmp_path / "kk/citygroup/privacy.md").read_bytes() == before["kk"]
    assert not [p for p in tmp_path.rglob("*.tmp*")]


def test_links_devices_fifos_and_numbers_only_are_refused(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(RU, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("1\n\n2.3.\n 15 000 \n", encoding="utf-8")
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    for src, message in (
        (link, "symbolic link"),
        (fifo, "not a regular file"),
        ("/dev/zero", "not a regular file"),
        (numbers, "has no letters"),
        (big, "too large (50 MB)"),
        (tmp_path, "is a folder"),
    ):
        with pytest.raises(PolicyError) as err:
            import_file(src, "testfin/privacy", tmp_path / "docs")
        assert message in str(err.value) and str(err.value).startswith(str(src)) and "\n" not in str(err.value)
    assert not (tmp_path / "docs").exists()


def test_cli_report_json_and_bad_pdf_exit_2(tmp_path):
    to_pdf(POLICY, tmp_path / "policy.pdf")

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-c", "from policydocs.cli import run; run()", "import", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    proc = cli("policy.pdf", "--doc", "testfin/privacy", "--report", "report.json", "--verbose")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["kind"] == "pdf" and report["summary"] == proc.stdout.splitlines()[-1].split(": ", 1)[1]
    assert {x["kind"] for x in report["left_out"]} == {"running header", "page number"}
    assert re.search(r"^policy\.pdf:page \d+, line \d+: guessed: joined", proc.stdout, re.M)
    assert "wrote docs/ru/testfin/privacy.md (ru, original, source from page 1, line" in proc.stdout
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    bad = cli("scan.pdf", "--doc", "testfin/other")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


def test_markdown_policy_reimports_to_the_same_text(tmp_path):
    from ..conftest import DOCS

    original = (DOCS / "ru/yasam/privacy.md").read_text(encoding="utf-8")
    src = tmp_path / "yasam.md"
    src.write_text(original, encoding="utf-8")
    result = import_file(src, "yasam/privacy", tmp_path / "docs")
    body = (tmp_path / "docs/ru/yasam/privacy.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == original.split("---\n", 2)[2]  # "# Title" and "## 1. ..." are not doubled
    assert [x.kind for x in result.leftovers] == ["front matter"]


def test_pdf_table_rows_stay_rows(tmp_path):
    from weasyprint import HTML

    from ..render_formats import PDF_CSS, paragraphs_html

    rows = [
        ("БИН", "140140030904"),
        (
            "Юридический адрес",
            "Республика Казахстан, город Алматы, Бостандыкский район, "
            "проспект Аль-Фараби, дом 77/7, нежилое помещение 3",
        ),
        ("Банк", "АО «Народный Банк Казахстана», БИК HSBKKZKX"),
    ]
    table = "".join(f"<tr><td style='width:35%'>{a}</td><td>{b}</td></tr>" for a, b in rows)
    html = (
        f"<html><head><style>{PDF_CSS % {'header': 'Оферта'}} td {{ vertical-align: top; padding: 2pt 6pt }}"
        f"</style></head><body>{paragraphs_html(POLICY)}<p>4. Реквизиты Оператора</p>"
        f"<table style='width:100%'>{table}</table></body></html>"
    )
    HTML(string=html).write_pdf(tmp_path / "offer.pdf")
    import_file(tmp_path / "offer.pdf", "testfin/offer", tmp_path / "docs")
    text = (tmp_path / "docs/ru/testfin/offer.md").read_text(encoding="utf-8")
    assert "\n\nБИН | 140140030904\n\n" in text
    assert (
        "\n\nЮридический адрес | Республика Казахстан, город Алматы, Бостандыкский район, проспект Аль-Фараби, "
        "дом 77/7, нежилое помещение 3\n\n"
    ) in text
    assert text.rstrip().endswith("Банк | АО «Народный Банк Казахстана», БИК HSBKKZKX")


def test_html_without_main_takes_the_block_with_the_numbered_text(tmp_path):
    clauses = "".join(
        f"<p>1.{i}. Оператор обязан обеспечить сохранность персональных данных Пользователя в течение "
        f"{i} (срока) лет.</p>"
        for i in range(1, 6)
    )
    page = (
        f"<html><body><div class='wrap'><div class='promo'><p>Скачайте приложение и получите кешбэк 5% на все "
        f"покупки! Акция действует до конца месяца, подробности на сайте. Участвуют все пользователи.</p></div>"
        f"<div class='text'><h1>Политика конфиденциальности</h1><p>1. Общие положения</p>{clauses}</div></div></body></html>"
    )
    src = tmp_path / "page.htm"
    src.write_text(page, encoding="utf-8")
    import_file(src, "testfin/privacy", tmp_path / "docs")
    text = (tmp_path / "docs/ru/testfin/privacy.md").read_text(encoding="utf-8")
    assert [c.number for c in parse_file(tmp_path / "docs/ru/testfin/privacy.md").clauses()] == [
        f"1.{i}" for i in range(1, 6)
    ]
    assert "кешбэк" not in text and "# Политика конфиденциальности" in text


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_text_copied_out_of_a_pdf_viewer(tmp_path, prefix):
    """poppler's pdftotext gives what a PDF viewer's "copy all" does: page headers, page numbers, hard wraps."""
    text = seed(prefix).read_text(encoding="utf-8")
    pdf = to_pdf(text, tmp_path / "policy.pdf", header="Политика конфиденциальности")
    copied = tmp_path / "copied.txt"
    subprocess.run(["pdftotext", str(pdf), str(copied)], check=True, timeout=60)
    assert "Страница 2 из" in copied.read_text(encoding="utf-8")
    reference = import_file(seed(prefix), "seed/privacy", tmp_path / "txt")
    result = import_file(copied, "seed/privacy", tmp_path / "copy")
    assert {d.lang: structure(d.path) for d in result.documents} == {
        d.lang: structure(d.path) for d in reference.documents
    }
    assert {d.lang: parse_file(d.path).title_block.text for d in result.documents} == {
        d.lang: parse_file(d.path).title_block.text for d in reference.documents
    }
    assert sorted(x.kind for x in result.leftovers) == ["page number", "running header or footer"]
    out = "".join(w for d in result.documents for w in words(d.markdown.split("---", 2)[2]))
    assert out == "".join(words(text))  # every word kept: only the header and page numbers are left out
    mended = [re.search(r"into '(\w+)'$", g.message).group(1) for g in result.guesses if g.kind == "hyphenation"]
    body = set(w for d in result.documents for w in words(d.markdown))
    assert set(mended) <= body  # "при‐" + "ложения" became "приложения"
    assert bool(mended) == ("\u2010\n" in copied.read_text(encoding="utf-8"))
