"""Old Word (.doc), RTF and OpenDocument (.odt): made here by LibreOffice from a Word file with automatic
numbering, imported through LibreOffice and the Word reader: the same clause numbers and words as the .docx."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import pytest

from policydocs.document import parse_file
from policydocs.errors import PolicyError
from policydocs.importer import import_file
from policydocs.importer.formats import office
from policydocs.importer.formats.kinds import detect

from ..docx_build import SAMPLE_CLAUSES, sample_policy
from .test_docx import words


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.fail("these tests need LibreOffice: apt-get install libreoffice-writer-nogui (make system-deps does it)")
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The sample policy as .docx, and LibreOffice's .doc, .rtf and .odt of it."""
    tmp = tmp_path_factory.mktemp("office")
    docx = sample_policy().save(tmp / "policy.docx")
    files = {"docx": docx}
    for kind, target in (("doc", "doc:MS Word 97"), ("rtf", "rtf"), ("odt", "odt")):
        out = tmp / kind
        subprocess.run(
            [
                _soffice(),
                f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
            env=dict(os.environ, HOME=str(tmp)),
        )
        files[kind] = out / f"policy.{kind}"
    return files


def _shown_by_libreoffice(src, tmp) -> list[str]:
    """The clause numbers LibreOffice itself shows for ``src`` (its plain-text export): the oracle."""
    out = tmp / "shown"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HOME=str(tmp)),
    )
    text = (out / f"{src.stem}.txt").read_text(encoding="utf-8-sig")
    return [m.rstrip(".") for m in re.findall(r"^\s*(\d+(?:\.\d+)+)\.", text, re.M)]


@pytest.mark.parametrize("kind", ["doc", "rtf", "odt"])
def test_an_old_office_file_keeps_its_automatic_numbering_and_every_word(converted, tmp_path, kind):
    src = converted[kind]
    assert detect(src.read_bytes(), src) == kind
    result = import_file(src, "testfin/privacy", tmp_path / "docs")
    doc = parse_file(tmp_path / "docs/ru/testfin/privacy.md")
    numbers = [c.number for c in doc.clauses()]
    # the numbers a reader of this very file sees (LibreOffice's .doc/.rtf export renumbers the
    # sample's deliberate gap 2.4 -> 2.6 and its restarted list itself; the .odt keeps them)
    assert numbers == _shown_by_libreoffice(src, tmp_path)
    assert numbers[:8] == SAMPLE_CLAUSES[:8] and numbers[-4:] == SAMPLE_CLAUSES[-4:]
    if kind == "odt":
        assert numbers == SAMPLE_CLAUSES
    text = doc.render()
    assert "1.2.1. **Персональные данные** – сведения" in text
    assert "- получать информацию об обработке своих персональных данных;" in text
    import_file(converted["docx"], "testfin/privacy", tmp_path / "ref")
    ref = parse_file(tmp_path / "ref/ru/testfin/privacy.md").render()

    def body(t):
        return [w for w in words(t.split("---", 2)[2]) if not w.isdigit()]

    assert body(text) == body(ref)  # no word lost or added, Kazakh-proof \w words in order
    assert result.guesses[0].kind == "converted" and f".{kind}" in result.guesses[0].message


def test_a_file_named_doc_that_is_not_one_is_refused(tmp_path):
    src = tmp_path / "policy.doc"
    src.write_text("Политика\n1.1. Текст.\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="is named .doc but is not an old Word file"):
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_a_damaged_odt_is_one_line_and_nothing_is_written(tmp_path, converted):
    src = tmp_path / "cut.odt"
    with zipfile.ZipFile(converted["odt"]) as z, zipfile.ZipFile(src, "w") as out:
        out.writestr(zipfile.ZipInfo("mimetype"), z.read("mimetype"))  # stored first, as ODF requires
        out.writestr("content.xml", z.read("content.xml")[:200])  # the text cut off mid-element
    assert detect(src.read_bytes(), src) == "odt"
    with pytest.raises(PolicyError) as err:
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert str(err.value).startswith(str(src)) and "\n" not in str(err.value)
    assert not (tmp_path / "docs").exists()


def _fake_soffice(tmp_path, monkeypatch, body: str):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return script


def test_a_hanging_libreoffice_is_stopped_with_a_message(tmp_path, monkeypatch, converted):
    _fake_soffice(tmp_path, monkeypatch, "sleep 60 & wait")  # a child too: the whole group must go
    with pytest.raises(PolicyError, match="did not finish converting the file in 1 seconds"):
        office.to_docx(converted["rtf"].read_bytes(), converted["rtf"], "rtf", timeout=1)


def test_without_libreoffice_one_line_names_the_package(tmp_path, monkeypatch, converted):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    with pytest.raises(PolicyError, match="libreoffice-writer-nogui"):
        import_file(converted["odt"], "testfin/privacy", tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_a_password_protected_doc_is_named_so_and_nothing_is_written(tmp_path, converted):
    """A .doc whose header says it is encrypted ([MS-DOC] FIB fEncrypted), as Word writes one with a password."""
    import olefile

    src = tmp_path / "locked.doc"
    shutil.copy(converted["doc"], src)
    with olefile.OleFileIO(str(src), write_mode=True) as ole:
        fib = bytearray(ole.openstream("WordDocument").read())
        fib[11] |= 0x01  # the flags word at offset 10: bit 8, fEncrypted
        ole.write_stream("WordDocument", bytes(fib))
    refused = subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path / "lo"),
            str(src),
        ],
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HOME=str(tmp_path)),
    )
    assert not (tmp_path / "lo" / "locked.docx").exists(), refused  # LibreOffice cannot open it either
    with pytest.raises(PolicyError) as err:
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert str(err.value) == (
        f"{src}: the old Word file (.doc) is password-protected; open it in Word or "
        "LibreOffice, remove the password and save it again (as .docx if you can)"
    )
    assert not (tmp_path / "docs").exists()
    import_file(converted["doc"], "testfin/privacy", tmp_path / "docs")  # the same file without the flag imports
