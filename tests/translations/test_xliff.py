"""XLIFF 1.2 export and import on the seed policies: byte-identical round trip, schema-valid, read by Translate Toolkit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff as tt_xliff

from policydocs import corpus as corpus_mod

from ..translation_helpers import WHO, edit, run, seed_project

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parents[1] / "xliff" / "xliff-1.2-units.xsd")))
SEEDS = ["citygroup/privacy", "platform/privacy", "santrade/privacy", "smartaqkol/privacy", "yasam/privacy"]


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".xlf")
    }


def export(root: Path, doc_id: str, lang: str) -> Path:
    out = root / f"{doc_id.replace('/', '-')}.{lang}.xlf"
    result = run(root, "xliff", "export", doc_id, "--lang", lang, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("doc_id", SEEDS)
def test_export_then_import_without_edits_changes_no_byte_and_the_file_is_valid_xliff(tmp_path, doc_id):
    root = seed_project(tmp_path, doc_id, versions=False)
    before = tree_hashes(root)
    for lang in ("kk", "en"):
        xlf = export(root, doc_id, lang)
        data = xlf.read_bytes()
        assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
        result = run(root, "xliff", "import", xlf)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("no changes")
        assert export(root, doc_id, lang).read_bytes() == data  # and the export is repeatable
    assert tree_hashes(root) == before


def test_translate_toolkit_reads_every_unit_with_its_texts_state_and_notes(tmp_path):
    root = seed_project(tmp_path, versions=False)
    run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes")
    edit(root / "docs/ru/yasam/privacy.md", "имеющее доступ", "имеющее законный доступ")
    store = tt_xliff.xlifffile.parsestring(export(root, "yasam/privacy", "kk").read_bytes())
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ru", "kk")
    kk = corpus_mod.load(root / "docs").policies["yasam/privacy"].languages["kk"]
    ru = corpus_mod.load(root / "docs").policies["yasam/privacy"].languages["ru"]
    units = {u.xmlelement.get("id"): u for u in store.units}
    assert list(units) == [b.eid for b in ru.content_blocks()]  # one unit per provision, source order, eIds
    for block in kk.content_blocks():
        assert units[block.eid].target == block.text
    assert "ә" in units["cl-1-1-6"].target or "ғ" in units["cl-1-1-6"].target  # Kazakh letters survive
    assert (
        units["cl-1-1-7"].isapproved()
        and units["cl-1-1-7"].xmlelement.find("x:target", NS).get("state") == "signed-off"
    )
    stale = units["cl-1-1-8"]
    assert not stale.isapproved()
    assert stale.xmlelement.find("x:target", NS).get("state") == "needs-review-translation"
    assert "{+законный+}" in stale.getnotes() and WHO in stale.getnotes()
    assert stale.source.startswith("**Пользователь** – лицо, имеющее законный доступ")


def test_a_document_with_a_kazakh_source_exports_russian_as_the_translation(tmp_path):
    root = seed_project(tmp_path, versions=False)
    for lang, old, new in (
        ("kk", "source_lang: ru\norigin: translation", "source_lang: kk\norigin: original"),
        ("en", "source_lang: ru", "source_lang: kk"),
        ("ru", "source_lang: ru\norigin: original", "source_lang: kk\norigin: translation"),
    ):
        edit(root / f"docs/{lang}/yasam/privacy.md", old, new)
    data = export(root, "yasam/privacy", "ru").read_bytes()
    file_el = etree.fromstring(data).find("x:file", NS)
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("kk", "ru")
    first = etree.fromstring(data).find(".//x:trans-unit[@id='cl-1-1-8']", NS)
    assert first.find("x:source", NS).text.startswith("**Пайдаланушы**")
    assert SCHEMA.validate(etree.fromstring(data))
    assert (
        run(root, "xliff", "export", "yasam/privacy", "--lang", "kk").exit_code == 2
    )  # the source is not a translation


def _set_target(xlf: Path, uid: str, text: str) -> None:
    tree = etree.parse(str(xlf))
    target = tree.find(f".//x:trans-unit[@id='{uid}']/x:target", NS)
    target.text = text
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")


def test_an_edited_target_changes_only_its_line_and_keeps_marker_and_line_endings(tmp_path):
    root = seed_project(tmp_path, versions=False)
    kk = root / "docs/kk/yasam/privacy.md"
    kk.write_bytes(kk.read_bytes().replace(b"\n", b"\r\n"))  # a file saved on Windows
    before = kk.read_bytes().split(b"\r\n")
    xlf = export(root, "yasam/privacy", "kk")
    new = (
        "**Пайдаланушы** – Интернет желісі арқылы ДТТ платформасының Сервистеріне заңды түрде қол жеткізе "
        "алатын және ДТТ платформасының Сервистерін пайдаланатын тұлға."
    )
    _set_target(xlf, "cl-1-1-8", new)
    result = run(root, "xliff", "import", xlf)
    assert result.exit_code == 0, result.output
    assert "1 unit(s) changed (cl-1-1-8)" in result.output
    after = kk.read_bytes().split(b"\r\n")
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][1] == ("1.1.8. " + new).encode("utf-8")
    assert run(root, "check", "docs").exit_code == 0


def _bad(root: Path, xlf: Path, expected: str) -> None:
    before = tree_hashes(root)
    result = run(root, "xliff", "import", xlf)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and expected in result.output, result.output
    assert tree_hashes(root) == before


def test_bad_xliff_files_are_refused_with_file_and_line_writing_nothing(tmp_path):
    root = seed_project(tmp_path, versions=False)
    good = export(root, "yasam/privacy", "kk")
    text = good.read_text(encoding="utf-8")
    bad = root / "bad.xlf"

    bad.write_text(text.replace('original="yasam/privacy"', 'original="yasam/terms"'), encoding="utf-8")
    _bad(root, bad, "bad.xlf:3: this XLIFF file is for document 'yasam/terms', which does not exist")
    bad.write_text(text.replace('target-language="kk"', 'target-language="ru"'), encoding="utf-8")
    _bad(root, bad, "bad.xlf:3: this XLIFF file is for the 'ru' translation")
    bad.write_text(text.replace('source-language="ru"', 'source-language="en"'), encoding="utf-8")
    _bad(root, bad, "translates from 'en', but the source of yasam/privacy is 'ru'")
    bad.write_text(text.replace('id="cl-1-1-8"', 'id="cl-1-1-88"'), encoding="utf-8")
    _bad(root, bad, "unit id 'cl-1-1-88' is not a provision of the ru source of yasam/privacy")
    bad.write_text(text.replace('id="cl-1-1-8"', 'id="cl-1-1-7"'), encoding="utf-8")
    _bad(root, bad, "unit id 'cl-1-1-7' appears twice (first at line")
    bad.write_text(text.replace("</body>", "</bdy>"), encoding="utf-8")
    _bad(root, bad, "bad.xlf:")
    assert "is not well-formed XML" in run(root, "xliff", "import", bad).output
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
        + text.split("\n", 1)[1].replace("Интернет желісі арқылы", "&lol3;")
    )
    bad.write_text(bomb, encoding="utf-8")
    _bad(root, bad, "bad.xlf:2: the XLIFF file declares a DOCTYPE or entities")
    external = text.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    )
    bad.write_text(external, encoding="utf-8")
    _bad(root, bad, "declares a DOCTYPE or entities")


def test_targets_in_the_wrong_language_alphabet_or_shape_are_refused(tmp_path):
    root = seed_project(tmp_path, versions=False)
    xlf = export(root, "yasam/privacy", "kk")
    pristine = xlf.read_bytes()
    _set_target(
        xlf,
        "cl-1-1-8",
        "**Пользователь** – любое лицо, которое пользуется Сервисами платформы ДТТ через "
        "сеть Интернет, а также иными сервисами.",
    )
    _bad(root, xlf, "the target of unit 'cl-1-1-8' is written in Russian, not Kazakh")
    xlf.write_bytes(pristine)
    _set_target(
        xlf,
        "cl-1-1-8",
        "**Пайдаланушы** – Интернет желісі арқылы ДТТ платфоrмасының Сервистеріне қол жеткізе алатын тұлға.",
    )
    _bad(root, xlf, "the target of unit 'cl-1-1-8' has the word 'платфоrмасының', which mixes Cyrillic and Latin")
    xlf.write_bytes(pristine)
    kk = corpus_mod.load(root / "docs").policies["yasam/privacy"].languages["kk"]
    para = next(b for b in kk.content_blocks() if b.kind == "paragraph")
    _set_target(xlf, para.eid, "1. " + para.text)
    _bad(root, xlf, f"the target of unit '{para.eid}' would change the structure of the kk text")


def test_targets_that_bring_checker_errors_are_not_written(tmp_path):
    root = seed_project(tmp_path, versions=False)
    kk = corpus_mod.load(root / "docs").policies["yasam/privacy"].languages["kk"]
    block = next(
        b
        for b in kk.content_blocks()
        if any(ch.isdigit() for ch in b.text) and b.kind == "clause" and "1.1." not in b.marker
    )
    digit = next(ch for ch in block.text if ch.isdigit())
    xlf = export(root, "yasam/privacy", "kk")
    _set_target(xlf, block.eid, block.text.replace(digit, "7" if digit != "7" else "6", 1))
    before = tree_hashes(root)
    result = run(root, "xliff", "import", xlf)
    assert result.exit_code == 1 and "nothing was written" in result.output
    assert any(rule in result.output for rule in ("invariant-mismatch", "amount-differs", "period-differs"))
    assert tree_hashes(root) == before
