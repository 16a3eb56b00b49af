"""Word's numbering rules on real .docx files, with LibreOffice's own text export of each file as the
oracle for the numbers a reader sees: orphan levels, a list restarted by a new ``w:num``, skipped
levels, ``w:suff``, and every number format a policy uses. ``lvlRestart`` and ``isLgl`` are checked
against ECMA-376 §17.9.10 / §17.9.4 instead: LibreOffice 7.4 ignores both when it reads a .docx."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from policydocs.document import parse_file
from policydocs.importer import import_file
from policydocs.importer.formats.docx import extract

from ..docx_build import W_NS, WordBuilder, _lvl
from .test_docx import numbering


def _abstract(aid: int, *levels: str) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
        f"{''.join(levels)}</w:abstractNum>"
    )


def _num(num_id: int, aid: int, starts: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (starts or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


CLAUSES = (_lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2."), _lvl(2, "decimal", "%1.%2.%3."))
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
{_abstract(1, *CLAUSES)}
{_abstract(2, *CLAUSES)}
{
    _abstract(
        3,
        _lvl(0, "decimal", "%1.", extra='<w:suff w:val="nothing"/>'),
        _lvl(1, "decimal", "%1.%2.", extra='<w:suff w:val="space"/>'),
        _lvl(2, "decimal", "%1.%2.%3.", extra='<w:suff w:val="tab"/>'),
    )
}
{
    _abstract(
        4,
        _lvl(0, "decimalZero", "%1.", start=8),
        _lvl(1, "upperLetter", "%2)", start=25),
        _lvl(2, "lowerRoman", "(%3)", start=3),
        _lvl(3, "lowerLetter", "%4)", start=25),
    )
}
{_abstract(5, _lvl(0, "russianLower", "%1)"))}
{_abstract(6, _lvl(0, "russianUpper", "%1."))}
{_abstract(7, _lvl(0, "upperRoman", "%1."), _lvl(1, "decimal", "%2."))}
{
    _abstract(
        8,
        _lvl(0, "decimal", "%1."),
        _lvl(1, "decimal", "%1.%2."),
        _lvl(2, "russianLower", "%3)", extra='<w:lvlRestart w:val="0"/>'),
        _lvl(3, "decimal", "(%4)", extra='<w:lvlRestart w:val="1"/>'),
    )
}
{
    _abstract(
        9,
        _lvl(0, "upperRoman", "Раздел %1."),
        _lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
        _lvl(2, "lowerLetter", "%1.%2.%3", extra="<w:isLgl/>"),
    )
}
{_num(1, 1)}{_num(2, 2)}{_num(3, 3)}{_num(4, 4)}{_num(5, 5)}{_num(6, 6)}{_num(7, 7)}{_num(8, 8)}{_num(9, 9)}
{_num(10, 1, {0: 1, 1: 1, 2: 1})}{_num(11, 1, {0: 1})}{_num(12, 1, {1: 1})}
</w:numbering>"""

RU = [
    "Оператор обрабатывает персональные данные Пользователя на законной и справедливой основе.",
    "Обработка ограничивается достижением конкретных, заранее определённых и законных целей.",
    "Содержание и объём обрабатываемых данных соответствуют заявленным целям обработки.",
    "Оператор хранит персональные данные не дольше, чем этого требуют цели обработки.",
    "Пользователь вправе отозвать согласие, направив Оператору письменное уведомление.",
    "Оператор прекращает обработку в течение 10 (десяти) рабочих дней с даты получения отзыва.",
    "Передача данных третьим лицам допускается только с согласия Пользователя.",
    "Оператор принимает меры по защите данных от неправомерного доступа.",
    "Сведения об Операторе размещены на сайте в разделе «Контакты».",
    "Настоящая Политика вступает в силу с 1 декабря 2026 года.",
    "Изменения Политики публикуются на сайте не позднее 5 (пяти) дней до их вступления в силу.",
]
KK = [
    "Оператор Пайдаланушының дербес деректерін заңды және әділ негізде өңдейді.",
    "Өңдеу нақты, алдын ала айқындалған және заңды мақсаттарға қол жеткізумен шектеледі.",
    "Өңделетін деректердің мазмұны мен көлемі мәлімделген мақсаттарға сәйкес келеді.",
    "Пайдаланушы Операторға жазбаша хабарлама жіберу арқылы келісімін қайтарып ала алады.",
    "Деректерді үшінші тұлғаларға беру тек Пайдаланушының келісімімен жүзеге асырылады.",
    "Оператор деректерді құқыққа сыйымсыз қолжетімділіктен қорғау шараларын қабылдайды.",
    "Ұсыныстар мен шағымдар 10 (он) жұмыс күні ішінде қаралады; һ әрпі де сақталады.",
]
EN = [
    "The Operator processes the User's personal data lawfully and fairly.",
    "Processing is limited to specific, explicit and legitimate purposes.",
    "The data processed are adequate and relevant to those purposes.",
    "The Operator keeps personal data no longer than the purposes require.",
    "The User may withdraw consent by written notice to the Operator.",
    "The Operator stops processing within 10 (ten) business days of the notice.",
    "Personal data are disclosed to third parties only with the User's consent.",
    "The Operator protects the data against unlawful access.",
    "The Operator's details are published on its website.",
]


def _paras(texts: list[str], nums: list[tuple[int, int] | None]) -> list[tuple[tuple[int, int] | None, str]]:
    return [(num, f"{texts[i % len(texts)]} [{i + 1}]") for i, num in enumerate(nums)]


# name: (paragraphs as (numId, ilvl) or None for an unnumbered one, and the labels they must get)
CASES = {
    # a plain 1. / 1.1. / 1.1.1. list: exactly as it always imported
    "normal": (
        _paras(RU, [(1, 0), (1, 1), (1, 1), (1, 2), (1, 2), (1, 1), (1, 0), (1, 1), (1, 0), (1, 1)]),
        ["1.", "1.1.", "1.2.", "1.2.1.", "1.2.2.", "1.3.", "2.", "2.1.", "3.", "3.1."],
    ),
    # orphan level: the list's first paragraph is at level 2; level 1 shows its start and counts as used
    "orphan": (
        _paras(KK, [(2, 1), (2, 1), (2, 0), (2, 1), (2, 2), (2, 0), (2, 2)]),
        ["1.1.", "1.2.", "2.", "2.1.", "2.1.1.", "3.", "3.1.1."],
    ),
    # a skipped level: 1. then 1.1.1. directly; the next level-2 paragraph is 1.2.
    "skipped": (
        _paras(EN, [(1, 0), (1, 2), (1, 2), (1, 1), (1, 0), (1, 2)]),
        ["1.", "1.1.1.", "1.1.2.", "1.2.", "2.", "2.1.1."],
    ),
    # a new w:num restarting every level (Word's "Restart numbering" on a level-2 paragraph), one that
    # restarts level 1 only and is first used at level 2, one that restarts level 2; all share abstract 1
    "restart": (
        _paras(
            RU,
            [
                (1, 0),
                (1, 1),
                (1, 1),
                (1, 0),
                None,
                (10, 1),
                (10, 1),
                (10, 2),
                (10, 0),
                (1, 1),
                (11, 1),
                (11, 0),
                (11, 1),
                (1, 0),
                (12, 1),
                (12, 1),
                (1, 1),
                (12, 2),
            ],
        ),
        [
            "1.",
            "1.1.",
            "1.2.",
            "2.",
            "",
            "2.1.",
            "2.2.",
            "2.2.1.",
            "3.",
            "3.1.",
            "3.2.",
            "1.",
            "1.1.",
            "2.",
            "2.1.",
            "2.2.",
            "2.3.",
            "2.3.1.",
        ],
    ),
    # suff nothing / space / tab: one space between the number and the text in every case
    "suff": (_paras(KK, [(3, 0), (3, 1), (3, 2), (3, 0), (3, 1)]), ["1.", "1.1.", "1.1.1.", "2.", "2.1."]),
    "formats": (
        _paras(
            EN,
            [
                (4, 0),
                (4, 1),
                (4, 1),
                (4, 1),
                (4, 1),
                (4, 2),
                (4, 2),
                (4, 2),
                (4, 3),
                (4, 3),
                (4, 3),
                (4, 3),
                (4, 0),
                (4, 1),
            ],
        ),
        ["08.", "Y)", "Z)", "AA)", "BB)", "(iii)", "(iv)", "(v)", "y)", "z)", "aa)", "bb)", "09.", "Y)"],
    ),
    "russian-lower": (_paras(RU, [(5, 0)] * 29), [f"{c})" for c in "абвгдежзиклмнопрстуфхцчшщыэюя"]),
    "russian-upper": (_paras(KK, [(6, 0)] * 29), [f"{c}." for c in "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЭЮЯ"]),
    "roman": (
        _paras(EN, [(7, 0)] * 14 + [(7, 1)]),
        ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII.", "XIII.", "XIV.", "1."],
    ),
}
# not checked against LibreOffice (7.4 ignores lvlRestart and isLgl): ECMA-376 §17.9.10 and §17.9.4
SPEC_CASES = {
    # level 3 (lvlRestart 0) never restarts; level 4 (lvlRestart 1) restarts only after a level-1 paragraph
    "lvl-restart": (
        _paras(
            RU, [(8, 0), (8, 1), (8, 2), (8, 2), (8, 3), (8, 3), (8, 1), (8, 2), (8, 3), (8, 0), (8, 1), (8, 2), (8, 3)]
        ),
        ["1.", "1.1.", "а)", "б)", "(1)", "(2)", "1.2.", "в)", "(3)", "2.", "2.1.", "г)", "(1)"],
    ),
    # isLgl under an upper-roman level: "Раздел I." then "1.1", "1.1.1" (Arabic in every place)
    "legal": (
        _paras(RU, [(9, 0), (9, 1), (9, 2), (9, 2), (9, 1), (9, 0), (9, 1), (9, 2)]),
        ["Раздел I.", "1.1", "1.1.1", "1.1.2", "1.2", "Раздел II.", "2.1", "2.1.1"],
    ),
}


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.fail("these tests need LibreOffice: apt-get install libreoffice-writer-nogui (make system-deps does it)")
    return found


def _build(name: str, paras, folder: Path) -> Path:
    b = WordBuilder(NUMBERING)
    for num, text in paras:
        b.para(text, num=num)
    return b.save(folder / f"{name}.docx")


def _labels(lines: list[str], paras) -> list[str]:
    """What stands before each paragraph's text (its number), in order; "" for an unnumbered one."""
    out, rest = [], [line.strip() for line in lines if line.strip()]
    assert len(rest) == len(paras), rest
    for line, (_, text) in zip(rest, paras):
        assert line.endswith(text), (line, text)  # the text itself, every letter, right after the number
        out.append(line[: len(line) - len(text)].rstrip())
    return out


def _ours(src: Path) -> list[str]:
    return [line.text for line in extract(src.read_bytes(), src, SimpleNamespace(accept_changes=False)).lines]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Every case as a .docx, and LibreOffice's plain-text export of each (one conversion run)."""
    tmp = tmp_path_factory.mktemp("numbering")
    built = {name: _build(name, paras, tmp) for name, (paras, _) in {**CASES, **SPEC_CASES}.items()}
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp / "shown"),
            *[str(built[name]) for name in CASES],
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HOME=str(tmp)),
    )
    shown = {name: (tmp / "shown" / f"{name}.txt").read_text(encoding="utf-8-sig").splitlines() for name in CASES}
    return built, shown


@pytest.mark.parametrize("name", list(CASES))
def test_numbers_are_those_libreoffice_shows(files, name):
    built, shown = files
    paras, expected = CASES[name]
    ours = _ours(built[name])
    assert _labels(ours, paras) == _labels(shown[name], paras) == expected
    for line, (num, text) in zip([line for line in ours if line], paras):
        assert line == (f"{expected[paras.index((num, text))]} {text}" if num else text)  # one space, never glued


@pytest.mark.parametrize("name", list(SPEC_CASES))
def test_lvl_restart_and_is_lgl_follow_the_standard(files, name):
    built, _ = files
    paras, expected = SPEC_CASES[name]
    assert _labels(_ours(built[name]), paras) == expected


def test_kazakh_letters_and_the_clause_numbers_survive_the_whole_import(files, tmp_path):
    built, _ = files
    import_file(built["orphan"], "testfin/privacy", tmp_path / "docs")
    doc = parse_file(tmp_path / "docs/kk/testfin/privacy.md")
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "2.1", "2.1.1", "3.1.1"]
    text = doc.render()
    for letter in "әғқңөұүһі":
        assert letter in text
    assert "1.2. Өңдеу нақты, алдын ала айқындалған" in text


def test_a_list_restarted_at_level_two_imports_as_shown(files, tmp_path):
    built, _ = files
    import_file(built["restart"], "testfin/privacy", tmp_path / "docs")
    doc = parse_file(tmp_path / "docs/ru/testfin/privacy.md")
    # before: the new w:num's first paragraph read "0.1." (its restarted level 1 under a level 0 set to 0)
    assert [c.number for c in doc.clauses()] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "2.2.1",
        "3.1",
        "3.2",
        "1.1",
        "2.1",
        "2.2",
        "2.3",
        "2.3.1",
    ]
    assert "\n2.1. Оператор прекращает обработку в течение 10 (десяти) рабочих дней" in doc.render()


def test_a_placeholder_of_a_level_without_a_number_prints_nothing():
    # the level list of docxjs PR #217 ("%1.%2.%3%4." with a bullet level 3): Word shows 1.1.1.
    n = numbering(
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3%4."/>'
        "</w:lvl></w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    )
    labels = [n.next_label("1", ilvl)[0] for ilvl in (0, 1, 3, 3, 1, 3, 0, 1, 3)]
    assert labels == ["1.", "1.1.", "1.1.1.", "1.1.2.", "1.2.", "1.2.1.", "2.", "2.1.", "2.1.1."]


def test_is_lgl_keeps_decimal_zero():
    n = numbering(
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="8"/><w:numFmt w:val="decimalZero"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>',
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    )
    assert [n.next_label("1", ilvl)[0] for ilvl in (0, 1, 1)] == ["08.", "08.1", "08.2"]
