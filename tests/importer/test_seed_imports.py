"""``policydocs import`` on the real seeds and on the bad input legal teams send."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydocs.document import Kind, parse_file, parse_text
from policydocs.errors import PolicyError
from policydocs.importer import import_file, import_text

from ..conftest import seed


def imported(tmp_path, prefix, doc_id="x/privacy", **options):
    result = import_file(seed(prefix), doc_id, tmp_path, **options)
    return result, {d.lang: parse_file(d.path) for d in result.documents}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_seed_002_clauses_each_once_in_order(tmp_path):
    _, docs = imported(tmp_path, "002")
    numbers = [c.number for c in docs["ru"].clauses()]
    expected = (
        ["2.1", "2.2"]
        + [f"2.2.{i}" for i in range(1, 5)]
        + ["2.3"]
        + [f"2.3.{i}" for i in range(1, 14)]
        + ["2.4", "2.5", "2.6", "2.7"]
    )
    assert numbers == expected


def test_seed_002_repairs_are_reported_with_lines(tmp_path):
    result, docs = imported(tmp_path, "002")
    by_line = {(g.line, g.message.split(" ")[0] + " " + g.message.split(" ")[1]) for g in result.guesses}
    assert (111, "clause 2.3.8") in by_line  # "...сохранение. 2.3.8. Цель обработки — р"
    assert (234, "clause 2.4") in by_line
    ru = docs["ru"]
    c238 = ru.by_eid()["cl-2-3-8"]
    assert c238.text.startswith("Цель обработки — рассмотрение обращений")  # "р" + "ассмотрение" mended
    bullets = [b.text for b in ru.by_eid().values() if b.parent == "cl-2-3-7" and b.kind is Kind.BULLET]
    assert bullets[0] == "Имя;"  # "Обрабатываемые ПДн:- Имя;" split
    labels = [b.text for b in ru.by_eid().values() if b.parent == "cl-2-3-7" and b.kind is Kind.PARAGRAPH]
    assert "Обрабатываемые ПДн:" in labels
    assert any(t.startswith("Прекращение обработки —") for t in labels)
    item7 = ru.by_eid()["cl-2-2-1-i7"].text
    assert item7.endswith("(регулируется Поручением на обработку персональных данных);")


def test_seed_000_russian_then_english(tmp_path):
    result, docs = imported(tmp_path, "000")
    assert sorted(docs) == ["en", "ru"]
    assert docs["ru"].title_block.text == "Политика конфиденциальности"
    assert docs["en"].title_block.text == "Privacy Policy"
    assert [s.number for s in docs["ru"].sections if s.number] == [str(i) for i in range(1, 12)]
    assert [s.number for s in docs["en"].sections if s.number] == [str(i) for i in range(1, 12)]
    # the operator's defect is kept: a Russian word inside the English text
    assert "предусмотренных" in docs["en"].render()
    assert any("empty '-' bullet" in g.message for g in result.guesses)


def test_seed_004_kazakh_then_russian(tmp_path):
    result, docs = imported(tmp_path, "004")
    assert sorted(docs) == ["kk", "ru"]
    kk, ru = docs["kk"], docs["ru"]
    assert kk.title_block.text == "ҚҰПИЯЛЫҚТЫҚ САЯСАТЫ" and ru.title_block.text == "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ"
    assert "Телефон: +7 708 466 84 22" in kk.render() and "+7 708 466 84 22" in ru.render()
    assert "Аktуалды" in kk.render()  # mixed-script word kept for the checker
    assert kk.render().count("_____") == 4 and ru.render().count("_____") == 4
    # indented bullets normalised, empty bullets dropped
    assert not re.search(r"^[ \t]+-", kk.render(), re.M) and not re.search(r"^-\s*$", ru.render(), re.M)
    sec4 = next(s for s in kk.sections if s.number == "4")
    assert len([b for b in sec4.content if b.kind is Kind.BULLET]) == 9


def test_seed_001_keeps_the_numbering_gap(tmp_path):
    _, docs = imported(tmp_path, "001")
    numbers = [c.number for c in docs["ru"].clauses()]
    assert "2.4" in numbers and "2.6" in numbers and "2.5" not in numbers


def test_seed_003_defined_terms_and_bold_paragraph(tmp_path):
    _, docs = imported(tmp_path, "003")
    ru = docs["ru"]
    assert [t.eid for t in ru.defined_terms] == [f"cl-1-1-{i}" for i in range(1, 10)]
    last = list(ru.content_blocks())[-1]
    assert last.text.startswith("**ИСПОЛЬЗУЯ") and last.text.endswith("КОНФИДЕНЦИАЛЬНОСТИ.**")
    assert "<https://digitaltaxtech.kz/docs/privacyru.pdf>" in ru.render()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_word_of_any_seed_is_lost(tmp_path, prefix):
    result, docs = imported(tmp_path, prefix)
    source = seed(prefix).read_text(encoding="utf-8")
    body = "".join("".join(b.lines) for d in docs.values() for b in d.blocks)
    # the letters and digits of every word, in order: only line breaks may move
    # ("р" + "ассмотрение" mended, "нихОбрабатываемые" split are reported guesses)
    assert "".join(words(source)) == "".join(words(body))
    kept = set(words(body))
    lost = [w for w in words(source) if w not in kept]
    assert len(lost) <= 2 * len(result.guesses)


def test_windows_1251_crlf_and_bom(tmp_path):
    text = seed("001").read_text(encoding="utf-8").replace("\n", "\r\n")
    cp = tmp_path / "cp1251.txt"
    cp.write_bytes(text.encode("cp1251"))
    result = import_file(cp, "a/privacy", tmp_path / "docs1")
    assert result.encoding == "cp1251"
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result2 = import_file(bom, "a/privacy", tmp_path / "docs2")
    a = (tmp_path / "docs1/ru/a/privacy.md").read_text(encoding="utf-8")
    b = (tmp_path / "docs2/ru/a/privacy.md").read_text(encoding="utf-8")
    assert a == b and "\r" not in a and "\ufeff" not in a
    assert [c.number for c in parse_file(tmp_path / "docs2/ru/a/privacy.md").clauses()][:2] == ["1.1", "1.2"]
    assert result2.encoding == "utf-8"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the image is damaged"),  # a PNG is read as a scan, whatever its name
        ("Политика\n1.1. Текст\n".encode() + b"\xff\xfe\x00\x00abc", "binary file"),
        ("Политика\n1.1. Текст\n".encode() + b"\x98\x98\x98\n", "not valid UTF-8"),
    ],
)
def test_bad_input_is_one_clear_error_and_writes_nothing(tmp_path, content, message):
    src = tmp_path / "in.txt"
    src.write_bytes(content)
    out = tmp_path / "docs"
    with pytest.raises(PolicyError) as err:
        import_file(src, "a/privacy", out)
    assert message in str(err.value) and str(src) in str(err.value)
    assert not out.exists()


def test_undecodable_bytes_name_the_line(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes("Политика\nвторая строка\n".encode() + b"\x98 broken\n")
    with pytest.raises(PolicyError) as err:
        import_file(src, "a/privacy", tmp_path / "docs")
    assert f"{src}:3:" in str(err.value)


def test_huge_file_is_refused(tmp_path):
    src = tmp_path / "big.txt"
    src.write_bytes(("1.1. Текст политики.\n" * 400_000).encode("utf-8"))  # ~12 MB
    with pytest.raises(PolicyError) as err:
        import_file(src, "a/privacy", tmp_path / "docs")
    assert "too large" in str(err.value)


def test_unknown_language_and_bad_id(tmp_path):
    with pytest.raises(PolicyError, match="unknown language 'kz'"):
        import_text("1.1. Текст.", "s.txt", "a/privacy", tmp_path, lang="kz")
    with pytest.raises(PolicyError, match="--doc must look like 'product/name'"):
        import_text("1.1. Текст.", "s.txt", "Privacy", tmp_path)


def test_language_switching_back_is_refused(tmp_path):
    ru = "Настоящая политика определяет порядок обработки персональных данных пользователей платформы.\n"
    en = "This policy defines how the personal data of the users of the platform are processed by us.\n"
    with pytest.raises(PolicyError) as err:
        import_text(ru * 6 + en * 6 + ru * 6, "s.txt", "a/privacy", tmp_path)
    assert str(err.value).startswith("s.txt:13: the text switches back to 'ru'")


def test_existing_files_are_not_overwritten(tmp_path):
    import_file(seed("001"), "a/privacy", tmp_path)
    target = tmp_path / "ru/a/privacy.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nПравка юриста.\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="already exists"):
        import_file(seed("001"), "a/privacy", tmp_path)
    assert target.read_text(encoding="utf-8").endswith("Правка юриста.\n")


sentence = st.lists(
    st.sampled_from("Оператор өңдейді персональные данные 2.3.1. — : - ; . 1) ** «Я!Сам» p0 users".split()),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(sentence, st.just("")), min_size=1, max_size=30))
def test_import_never_loses_words(tmp_path_factory, lines):
    text = "\n".join(lines)
    if not re.search(r"\w", text):
        return
    out = tmp_path_factory.mktemp("imp")
    try:
        result = import_text(text, "s.txt", "a/privacy", out)
    except PolicyError as exc:  # a refused language switch-back, or a text of numbers only
        assert "switches back" in str(exc) or ("has no letters" in str(exc) and not re.search(r"[^\W\d_]", text))
        return
    body = "".join(d.markdown.split("---\n", 2)[2] for d in result.documents)
    assert "".join(words(text)) == "".join(words(body))
    for d in result.documents:
        parse_text(d.markdown, d.path)
