"""Acceptance records checked against the version store: each kind of failure, bad input, personal data."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import jsonschema
import pytest

from policydocs.errors import PolicyError
from policydocs.proof import acceptance
from policydocs.versions.store import sha256_bytes

from ..proof_helpers import DOC, TEXTS, make_store


def sha(number, lang):
    return sha256_bytes(TEXTS[number][lang].encode("utf-8"))


def rec(
    user="acc-7f3a", document=DOC, version=2, language="kk", digest=None, at="2026-12-01T09:00:00+05:00", how="click"
):
    return {
        "user": user,
        "document": document,
        "version": version,
        "language": language,
        "sha256": digest
        or sha(version if version in TEXTS else 1, language if language != "en" or version == 1 else "ru"),
        "at": at,
        "how": how,
    }


@pytest.fixture
def versions(tmp_path):
    make_store(tmp_path / "versions")
    return tmp_path / "versions"


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def kinds(path, versions):
    found = {}
    report = acceptance.check(
        path, acceptance.StoreIndex(versions), lambda r, p: found.setdefault(r.line, [k for k, _ in p])
    )
    return report, found


VALID = [
    rec(),  # click on v2 in force
    rec(how="silent", at="2026-11-30T00:00:00+05:00"),  # silent exactly when the notice period ended
    rec(how="esign", at="2026-11-23T10:00:00+05:00"),  # active acceptance of a published, pending version
    rec(version=1, language="en", at="2026-03-02T10:00:00+05:00", how="checkbox"),  # the moment of publication
    rec(version=1, language="ru", at="2026-11-29T23:59:59+05:00"),  # last second before v2 took effect
    rec(version=1, language="ru", at="2026-11-29T18:59:59Z"),  # the same instant in UTC
]


def test_valid_records_hold_and_match_the_schema(versions, tmp_path):
    validator = jsonschema.Draft202012Validator(acceptance.schema())
    for record in VALID:
        validator.validate(record)
    report, found = kinds(write_jsonl(tmp_path / "r.jsonl", VALID), versions)
    assert found == {} and report.total == len(VALID) and report.ok == len(VALID)


INVALID = [
    (rec(document="smartaqkol/terms"), "unknown-document"),
    (rec(version=3), "not-published"),
    (rec(language="en"), "language"),  # version 2 has no English text
    (rec(digest=sha(1, "kk")), "sha256"),  # the hash of version 1 given for version 2
    (rec(at="2026-11-22T14:59:00+05:00"), "before-publication"),
    (rec(how="silent", at="2026-11-29T23:59:00+05:00"), "silent-early"),
    (rec(version=1, language="ru", at="2026-11-30T00:00:00+05:00"), "not-in-force"),
]


@pytest.mark.parametrize("record, kind", INVALID, ids=[k for _, k in INVALID])
def test_each_failure_kind_is_named(versions, tmp_path, record, kind):
    report, found = kinds(write_jsonl(tmp_path / "r.jsonl", [VALID[0], record]), versions)
    assert found == {2: [kind]} and report.failed == 1 and report.kinds == {kind: 1}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])  # Excel writes CSV with a byte-order mark
def test_csv_has_the_same_columns(versions, tmp_path, encoding):
    path = tmp_path / "r.csv"
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, acceptance.FIELDS)
        writer.writeheader()
        writer.writerows([VALID[0], INVALID[3][0]])
    report, found = kinds(path, versions)
    assert report.total == 2 and found == {3: ["sha256"]}


@pytest.mark.parametrize(
    "content, suffix, line, words",
    [
        ("user,document,version,lang,sha256,at,how\n", ".csv", 1, "wrong column"),
        (
            "user,document,version,language,sha256,at,how\nacc-1,smartaqkol/privacy,2,kk\n",
            ".csv",
            2,
            "broken line: 4 values",
        ),
        (
            "user,document,version,language,sha256,at,how\nacc-1,smartaqkol/privacy,2,kk,"
            + "a" * 64
            + ",2026-12-01 09:00,click\n",
            ".csv",
            2,
            "has no zone",
        ),
        (json.dumps(VALID[0]) + '\n{"user": "x",\n', ".jsonl", 2, "broken line"),
        (json.dumps({**VALID[0], "at": "2026-12-01T09:00:00"}) + "\n", ".jsonl", 1, "has no zone"),
        (json.dumps({**VALID[0], "how": "scroll"}) + "\n", ".jsonl", 1, "'how' must be one of"),
        (json.dumps({k: v for k, v in VALID[0].items() if k != "sha256"}) + "\n", ".jsonl", 1, "lacks the field"),
    ],
)
def test_bad_input_names_file_and_line(versions, tmp_path, content, suffix, line, words):
    path = tmp_path / f"r{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        kinds(path, versions)
    assert err.value.line == line and words in err.value.message and err.value.path == str(path)


@pytest.mark.parametrize(
    "user, personal",
    [("870412300415", True), ("aigerim@mail.kz", True), ("acc-870412300415", False), ("7f3a9c", False)],
)
def test_personal_data_in_the_user_field(user, personal):
    assert acceptance.looks_personal(user) is personal


def run(*args):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"POLICYDOCS_LANG": "en", "PATH": "/usr/bin:/bin", "TZ": "UTC"},
    )


def test_command_exit_codes_summary_and_warning(versions, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", VALID)
    done = run("acceptance", "check", str(good), "--versions", str(versions))
    assert done.returncode == 0, done.stderr
    assert "records checked: 6; hold: 6; fail: 0" in done.stdout and done.stderr == ""
    bad = write_jsonl(tmp_path / "bad.jsonl", [VALID[0], rec(user="870412300415", at="2026-11-22T14:59:00+05:00")])
    done = run("acceptance", "check", str(bad), "--versions", str(versions))
    assert done.returncode == 1
    assert f"{bad}:2: 870412300415: at 2026-11-22T14:59:00+05:00, before version 2 was published" in done.stdout
    assert f"{bad}:2: warning: 1 record(s)" in done.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n", encoding="utf-8")
    done = run("acceptance", "check", str(broken), "--versions", str(versions))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and f"{broken}:1:" in done.stderr
