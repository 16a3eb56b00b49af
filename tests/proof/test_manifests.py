"""Signed manifests of a built site, and `policydocs verify` catching each kind of tampering."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from policydocs.proof.verify import verify
from tests.browser.sitebuild import CODE, DEFAULT_EPOCH, MKDOCS, make_project
from tests.site.test_versions import DOC, publish_two_versions

from ..proof_certs import PASSWORD, SIGNING_AT, make_p12

NOW = "2026-11-18T16:06:00+05:00"  # the build moment of site/test_versions.py, as the project's clock


def mkdocs_build(project: Path, password: str = PASSWORD) -> subprocess.CompletedProcess:
    env = {
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH),
        "PATH": "/usr/bin:/bin",
        "POLICYDOCS_NOW": NOW,
        "POLICYDOCS_SIGN_PASSWORD": password,
        "POLICYDOCS_LANG": "en",
        "TZ": "UTC",
        "PYTHONPATH": CODE,
    }
    return subprocess.run(
        [str(MKDOCS), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("signed")
    make_p12(tmp / "company.p12")
    project = make_project(
        tmp / "project", pdf=True, pdf_cache_dir=".cache/pdf", manifests=True, sign_certificate="../company.p12"
    )
    publish_two_versions(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def site(built, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def manifest(site: Path, number: int) -> dict:
    return json.loads((site / f"evidence/{DOC}/v{number}/manifest.json").read_text(encoding="utf-8"))


def test_each_version_has_a_chained_signed_manifest_of_its_files(built):
    first, second = manifest(built, 1), manifest(built, 2)
    assert first["previous_manifest_sha256"] is None and second["version"] == 2
    assert (
        second["previous_manifest_sha256"]
        == hashlib.sha256((built / f"evidence/{DOC}/v1/manifest.json").read_bytes()).hexdigest()
    )
    roles = {(f["role"], f["lang"]) for f in second["files"]}
    assert {("text", "kk"), ("pdf", "kk"), ("redline_pdf", "ru")} <= roles
    assert ("redline_pdf", "ru") not in {(f["role"], f["lang"]) for f in first["files"]}
    text = built / f"evidence/{DOC}/v2/kk.md"
    assert "қ" in text.read_text(encoding="utf-8") or "ә" in text.read_text(encoding="utf-8")
    assert second["changelog_entry"]["sha256"]["kk"] == next(
        f["sha256"] for f in second["files"] if f["role"] == "text" and f["lang"] == "kk"
    )
    result = verify(built)
    assert result.differences == [] and result.manifests == 2 and result.signatures == 2 and result.files > 6


def test_the_versions_pdfs_carry_a_pades_signature_with_the_publication_moment(built):
    pdf = next(f["path"] for f in manifest(built, 2)["files"] if f["role"] == "pdf" and f["lang"] == "ru")
    with open(built / pdf, "rb") as fh:
        signature = PdfFileReader(fh).embedded_signatures[0]
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[], moment=SIGNING_AT))
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
    assert status.signer_reported_dt == dt.datetime.fromisoformat(manifest(built, 2)["published"])
    api = json.loads((built / f"api/v1/documents/{DOC}.json").read_text(encoding="utf-8"))
    fixed = api["document"]["languages"]["ru"]
    assert fixed["pdf_sha256"] == hashlib.sha256((built / fixed["pdf_path"]).read_bytes()).hexdigest()


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def tamper_pdf(site):
    flip_byte(site / next(f["path"] for f in manifest(site, 1)["files"] if f["role"] == "pdf"))
    return "differs from the manifest"


def tamper_manifest(site):
    path = site / f"evidence/{DOC}/v2/manifest.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"notice_days": 7', '"notice_days": 3'), encoding="utf-8")
    return "the signature does not match the manifest"


def remove_first(site):
    shutil.rmtree(site / f"evidence/{DOC}/v1")
    return "version 1 of demo/privacy is missing"


def remove_last(site):
    shutil.rmtree(site / f"evidence/{DOC}/v2")
    return "the API lists version 2 of demo/privacy but its manifest is missing"


def reorder(site):
    folder = site / f"evidence/{DOC}"
    os.rename(folder / "v1", folder / "tmp")
    os.rename(folder / "v2", folder / "v1")
    os.rename(folder / "tmp", folder / "v2")
    return "versions were moved or reordered"


def change_text(site):
    path = site / f"evidence/{DOC}/v2/ru.md"
    path.write_text(path.read_text(encoding="utf-8").replace("трёх лет", "пяти лет"), encoding="utf-8")
    return "differs from the manifest"


@pytest.mark.parametrize("tamper", [tamper_pdf, tamper_manifest, remove_first, remove_last, reorder, change_text])
def test_verify_names_each_kind_of_tampering(site, tamper):
    assert verify(site).differences == []
    words = tamper(site)
    differences = verify(site).differences
    assert any(words in message for _path, message in differences), differences


def test_verify_command_exit_codes(site):
    def run():
        return subprocess.run(
            [sys.executable, "-c", "from policydocs.cli import run; run()", "verify", str(site)],
            capture_output=True,
            text=True,
            env={"POLICYDOCS_LANG": "en", "PATH": "/usr/bin:/bin"},
        )

    done = run()
    assert (
        done.returncode == 0
        and "differences: 0" in done.stdout
        and "signed by: Common Name: Смарт Ақкөл" in done.stdout
    )
    assert done.stderr == ""  # pyHanko's own log (a self-signed root, with its traceback) never reaches the user
    change_text(site)
    done = run()
    assert done.returncode == 1 and f"{site}/evidence/{DOC}/v2/ru.md: differs from the manifest" in done.stdout


def test_the_cache_keeps_the_unsigned_bodies(built):
    cached = [p for p in (built.parent / ".cache/pdf").rglob("*") if p.is_file() and p.read_bytes()[:5] == b"%PDF-"]
    pdf = built / next(f["path"] for f in manifest(built, 2)["files"] if f["role"] == "pdf" and f["lang"] == "ru")
    signed = pdf.read_bytes()
    assert cached and all(b"/ByteRange" not in p.read_bytes() for p in cached)
    assert any(signed.startswith(p.read_bytes()) for p in cached)  # the signed file is the cached body + signature
