"""Building real .docx files in tests: python-docx for the body, our own numbering.xml and footnotes part.

Word's automatic numbering lives in ``word/numbering.xml``, which python-docx cannot
write; the package is saved by python-docx and that part is then replaced in the zip
(and a footnotes part added), as Word itself lays them out.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BULLET_CHAR = "\u2022"


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}<w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
    )


# numId 1: sections "%1.", clauses "%1.%2.", sub-clauses "%1.%2.%3." (one multi-level list)
# numId 2: bullets; numId 3: the same multi-level list, restarting level 2 at 6 (a gap 2.4 -> 2.6)
# numId 4 and 5: sub-items "%1)"; numId 5 restarts them at 1 (Word's "Restart numbering")
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>
{_lvl(0, "decimal", "%1.")}{_lvl(1, "decimal", "%1.%2.")}{_lvl(2, "decimal", "%1.%2.%3.")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>{_lvl(0, "decimal", "%1)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="hybridMultilevel"/>{_lvl(0, "bullet", BULLET_CHAR)}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="6"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""

SECTION, CLAUSE, SUBCLAUSE = (1, 0), (1, 1), (1, 2)
BULLET, GAP_CLAUSE, ITEM, ITEM_RESTART = (2, 0), (3, 1), (4, 0), (5, 0)


class WordBuilder:
    def __init__(self, numbering: str = NUMBERING):
        self.doc = docx.Document()
        self.numbering = numbering
        self.footnotes: list[str] = []

    def para(self, *runs, num: tuple[int, int] | None = None, style: str | None = None):
        """``runs``: plain strings, or ("b", text) for a bold run."""
        p = self.doc.add_paragraph(style=style)
        for run in runs:
            if isinstance(run, tuple):
                p.add_run(run[1]).bold = True
            else:
                p.add_run(run)
        if num is not None:
            num_pr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(num[1]))
            num_id = OxmlElement("w:numId")
            num_id.set(qn("w:val"), str(num[0]))
            num_pr.append(ilvl)
            num_pr.append(num_id)
            p._p.get_or_add_pPr().append(num_pr)
        return p

    def table(self, rows: list[list[str]]):
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        return table

    def header(self, text: str) -> None:
        self.doc.sections[0].header.paragraphs[0].text = text

    def footer(self, text: str) -> None:
        self.doc.sections[0].footer.paragraphs[0].text = text

    def footnote(self, paragraph, text: str) -> None:
        self.footnotes.append(text)
        run = paragraph.add_run()
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(len(self.footnotes)))
        run._r.append(ref)

    def tracked(self, paragraph, inserted: str = "", deleted: str = "") -> None:
        """A tracked insertion and/or deletion at the end of ``paragraph``."""
        for tag, text, text_tag in (("w:del", deleted, "w:delText"), ("w:ins", inserted, "w:t")):
            if not text:
                continue
            change = OxmlElement(tag)
            change.set(qn("w:id"), str(len(paragraph._p) + 100))
            change.set(qn("w:author"), "Юрист")
            r = OxmlElement("w:r")
            t = OxmlElement(text_tag)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = text
            r.append(t)
            change.append(r)
            paragraph._p.append(change)

    def save(self, path: Path) -> Path:
        raw = io.BytesIO()
        self.doc.save(raw)
        raw.seek(0)
        out = io.BytesIO()
        with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "word/numbering.xml":
                    data = self.numbering.encode("utf-8")
                elif self.footnotes and info.filename == "word/_rels/document.xml.rels":
                    data = data.replace(
                        b"</Relationships>",
                        b'<Relationship Id="rIdFn" Type="http://schemas.'
                        b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                        b'Target="footnotes.xml"/></Relationships>',
                    )
                elif self.footnotes and info.filename == "[Content_Types].xml":
                    data = data.replace(
                        b"</Types>",
                        b'<Override PartName="/word/footnotes.xml" ContentType="'
                        b"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes"
                        b'+xml"/></Types>',
                    )
                dst.writestr(info, data)
            if self.footnotes:
                notes = "".join(
                    f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}'
                    f"</w:t></w:r></w:p></w:footnote>"
                    for i, text in enumerate(self.footnotes, 1)
                )
                dst.writestr(
                    "word/footnotes.xml",
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p/>'
                    f"</w:footnote>{notes}</w:footnotes>",
                )
        path.write_bytes(out.getvalue())
        return path


def sample_policy(builder: WordBuilder | None = None) -> WordBuilder:
    """A Russian privacy policy whose clause numbers all come from Word's automatic numbering."""
    b = builder or WordBuilder()
    b.header("ТОО «Тест Финанс» — Политика конфиденциальности")
    b.footer("Страница 1 из 3")
    b.para("ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ", style="Title")
    b.para(
        "Настоящая Политика конфиденциальности ТОО «Тест Финанс» (далее — Оператор) действует в отношении "
        "всех персональных данных Пользователей мобильного приложения «Тест Кошелёк»."
    )
    b.para("Общие положения", num=SECTION)
    b.para("Настоящая Политика определяет порядок обработки персональных данных Пользователей.", num=CLAUSE)
    b.para("В настоящей Политике используются следующие термины:", num=CLAUSE)
    b.para(
        ("b", "Персональные данные"),
        " – сведения, относящиеся к определенному или определяемому на их основании субъекту персональных данных.",
        num=SUBCLAUSE,
    )
    b.para(("b", "Оператор"), " – ТОО «Тест Финанс», БИН 123456789012.", num=SUBCLAUSE)
    b.para("Цели обработки", num=SECTION)
    b.para("Оператор обрабатывает персональные данные в следующих целях:", num=CLAUSE)
    b.para("заключение и исполнение договора;", num=ITEM)
    b.para("идентификация Пользователя при входе в приложение.", num=ITEM)
    b.para("Срок хранения персональных данных составляет 10 (десять) лет со дня прекращения договора.", num=CLAUSE)
    b.para("Минимальная сумма перевода составляет 500 (пятьсот) тенге.", num=CLAUSE)
    b.para("Оператор уведомляет Пользователя об изменениях не позднее 10 (десяти) рабочих дней.", num=CLAUSE)
    b.para("Трансграничная передача персональных данных не осуществляется.", num=GAP_CLAUSE)
    b.para("Оператор вправе поручить обработку третьим лицам в следующих случаях:", num=GAP_CLAUSE)
    b.para("с согласия Пользователя;", num=ITEM_RESTART)
    b.para("в случаях, предусмотренных законодательством Республики Казахстан.", num=ITEM_RESTART)
    b.para("Права Пользователя", num=SECTION)
    b.para("Пользователь вправе:", num=CLAUSE)
    b.para("получать информацию об обработке своих персональных данных;", num=BULLET)
    b.para("требовать уточнения, блокирования или уничтожения данных.", num=BULLET)
    b.para("Стоимость услуг Оператора указана в таблице:", num=CLAUSE)
    b.table(
        [
            ["Тариф", "Стоимость"],
            ["Базовый", "500 000 (пятьсот тысяч) тенге"],
            ["Расширенный", "1 000 000 (один миллион) тенге в год"],
        ]
    )
    b.para("Заключительные положения", num=SECTION)
    b.para("4.1. Оператор рассматривает обращения Пользователя в течение 10 (десяти) рабочих дней.")
    p = b.para("4.2. Реквизиты Оператора указаны на сайте Оператора.")
    b.footnote(p, "Реквизиты действительны на дату публикации Политики.")
    return b


SAMPLE_CLAUSES = ["1.1", "1.2", "1.2.1", "1.2.2", "2.1", "2.2", "2.3", "2.4", "2.6", "2.7", "3.1", "3.2", "4.1", "4.2"]
