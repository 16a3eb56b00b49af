"""The evidence bundle: opened and its contents checked, the summary's dates in the reader's language."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from policydocs.proof.signing import check_detached

from .test_manifests import DOC, built  # noqa: F401  (the signed site, built once for this module)


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"POLICYDOCS_LANG": "en", "PATH": "/usr/bin:/bin", "TZ": "UTC"},
    )


@pytest.fixture
def records(built, tmp_path):  # noqa: F811
    api = json.loads((built / f"api/v1/documents/{DOC}.json").read_text(encoding="utf-8"))["document"]
    sha = {v["version"]: {lang: f["text_sha256"] for lang, f in v["languages"].items()} for v in api["versions"]}
    rows = [
        {
            "user": "acc-51c2",
            "document": DOC,
            "version": 1,
            "language": "kk",
            "sha256": sha[1]["kk"],
            "at": "2026-10-05T12:00:00+05:00",
            "how": "click",
        },
        {
            "user": "acc-51c2",
            "document": DOC,
            "version": 2,
            "language": "kk",
            "sha256": sha[2]["kk"],
            "at": "2026-11-20T12:00:00+05:00",
            "how": "silent",
        },  # before the notice period ended: does not hold
        {
            "user": "acc-0000",
            "document": DOC,
            "version": 2,
            "language": "ru",
            "sha256": sha[2]["ru"],
            "at": "2026-11-24T12:00:00+05:00",
            "how": "click",
        },  # another user: not in this user's bundle
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_bundle_holds_both_versions_records_and_a_one_page_summary(built, records, tmp_path):  # noqa: F811
    out = tmp_path / "evidence.zip"
    done = run(
        "evidence",
        "--doc",
        DOC,
        "--at",
        "2026-11-25T10:00",
        "--out",
        str(out),
        "--lang",
        "kk",
        "--user",
        "acc-51c2",
        "--records",
        str(records),
        "--site",
        str(built),
        "--versions",
        str(built.parent / "versions"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "version 2 in force" in done.stdout and "2 record(s) of the user (1 not holding)" in done.stdout
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {
            "summary.pdf",
            "moments.json",
            "records.jsonl",
            "v2/manifest.json",
            "v2/manifest.json.p7s",
            "v1/manifest.json",
            "v2/kk.md",
            "v2/ru.md",
            "v1/kk.md",
            "v2/pdf-kk.pdf",
            "v1/pdf-ru.pdf",
            "v2/redline_pdf-kk.pdf",
        } <= names
        assert "v2/en.md" not in names and "v1/redline_pdf-kk.pdf" not in names
        moments = json.loads(zf.read("moments.json"))
        assert moments["versions"][0] == {
            **moments["versions"][0],
            "version": 2,
            "published": "2026-11-15T10:00:00+05:00",
            "notice_period_ends": "2026-11-23T00:00:00+05:00",
            "notice_days": 7,
        }
        lines = [json.loads(line) for line in zf.read("records.jsonl").decode().splitlines()]
        assert [(r["version"], r["holds"]) for r in lines] == [(1, True), (2, False)]
        assert zf.read("v2/manifest.json") == (built / f"evidence/{DOC}/v2/manifest.json").read_bytes()
        summary = zf.read("summary.pdf")
        manifest = json.loads(zf.read("v2/manifest.json"))
        listed = {f["path"]: f["sha256"] for n in (1, 2) for f in json.loads(zf.read(f"v{n}/manifest.json"))["files"]}
        contents = json.loads(zf.read("contents.json"))
        from_site = [c for c in contents if c["manifest_path"]]
        assert len(from_site) >= 8 and all(listed[c["manifest_path"]] == c["sha256"] for c in from_site)
    assert [f["sha256"] for f in manifest["files"] if f["role"] == "text" and f["lang"] == "kk"] == [
        __import__("hashlib").sha256(zipfile.ZipFile(out).read("v2/kk.md")).hexdigest()
    ]
    text = extract_text(io.BytesIO(summary))
    assert len(PdfReader(io.BytesIO(summary)).pages) == 1
    assert "Құжаттың қабылданғанының дәлелдері" in text
    text = " ".join(text.split())
    assert "2026 ж. 15 қараша" in text and "Asia/Almaty, UTC+05:00" in text  # Babel's Kazakh date, the zone
    assert "acc-51c2" in text and "acc-0000" not in text


def test_the_summary_speaks_russian_and_english(built, tmp_path):  # noqa: F811
    for lang, date, title in (
        ("ru", "15 ноября 2026 г.", "Доказательства принятия"),
        ("en", "November 15, 2026", "Evidence of acceptance"),
    ):
        out = tmp_path / f"{lang}.zip"
        done = run(
            "evidence",
            "--doc",
            DOC,
            "--at",
            "2026-12-01",
            "--out",
            str(out),
            "--lang",
            lang,
            "--site",
            str(built),
            "--versions",
            str(built.parent / "versions"),
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        text = " ".join(extract_text(io.BytesIO(zipfile.ZipFile(out).read("summary.pdf"))).split())
        assert date in text and title in text


def test_a_moment_before_any_version_writes_nothing(built, tmp_path):  # noqa: F811
    out = tmp_path / "none.zip"
    done = run(
        "evidence",
        "--doc",
        DOC,
        "--at",
        "2026-09-01",
        "--out",
        str(out),
        "--site",
        str(built),
        "--versions",
        str(built.parent / "versions"),
        cwd=tmp_path,
    )
    assert done.returncode == 2 and "no version of demo/privacy was in force" in done.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_bundles_manifests_carry_their_signatures(built, tmp_path):  # noqa: F811
    out = tmp_path / "b.zip"
    done = run(
        "evidence",
        "--doc",
        DOC,
        "--at",
        "2026-12-01",
        "--out",
        str(out),
        "--site",
        str(built),
        "--versions",
        str(built.parent / "versions"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as zf:
        for number in (1, 2):
            data, signature = zf.read(f"v{number}/manifest.json"), zf.read(f"v{number}/manifest.json.p7s")
            assert check_detached(data, signature)[0]
            assert not check_detached(data.replace(b'"version": ', b'"version":  '), signature)[0]
