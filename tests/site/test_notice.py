"""Notices of a material change for apps and e-mails: `policydocs notice`, on the real content."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import ROOT


def notice(*args):
    return subprocess.run(
        [sys.executable, "-c", "from policydocs.cli import run; run()", "notice", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_kazakh_email_of_city_groups_version_2():
    result = notice("citygroup/privacy", "--version", "2", "--lang", "kk", "--format", "email")
    assert result.returncode == 0, result.stderr
    subject, body = result.stdout.split("\n\n", 1)
    assert (
        subject
        == "Subject: City Group: «Құпиялықтық саясаты» құжатының жаңа нұсқасы 2026\u202fж. 1 желтоқсанда күшіне енеді"
    )
    assert "«ДамуЖолы» ЖШС" in body  # the operator as the Kazakh text names it
    assert "Жаңа нұсқа 2026\u202fж. 1 желтоқсанда (00:00, Алматы уақыты, UTC+05:00) күшіне енеді." in body
    assert "2026\u202fж. 1 желтоқсанға дейін қызметті пайдалануды тоқтатыңыз" in body  # how to object
    assert "https://policies.example.kz/kk/citygroup/privacy/v2/changes/" in body  # site_url from mkdocs.yml
    assert "Не өзгерді: Өзгертілді бөлім 2" in body


def test_push_line_is_one_short_line_in_each_language():
    for lang, start in (
        ("ru", "1 декабря 2026\u202fг. вступает в силу новая редакция"),
        ("en", "A new version of the Privacy Policy (City Group) takes effect on December 1, 2026."),
    ):
        result = notice(
            "citygroup/privacy",
            "--version",
            "2",
            "--lang",
            lang,
            "--format",
            "push",
            "--site-url",
            "https://city.example.kz/",
        )
        line = result.stdout.rstrip("\n")
        assert result.returncode == 0 and "\n" not in line and len(line) < 200 and line.startswith(start)
        assert line.endswith(f"https://city.example.kz/{lang}/citygroup/privacy/v2/changes/")


def test_json_carries_all_three_languages():
    data = json.loads(notice("citygroup/privacy", "--version", "2", "--format", "json").stdout)
    assert data["effective_from"] == "2026-12-01T00:00:00+05:00" and sorted(data["languages"]) == ["en", "kk", "ru"]
    assert all(set(texts) == {"subject", "push", "body"} for texts in data["languages"].values())
    assert "прекратите пользоваться сервисом до 1 декабря 2026\u202fг." in data["languages"]["ru"]["body"]


@pytest.mark.parametrize(
    "doc, version, message",
    [
        ("citygroup/privacy", "1", "needs no notice: the first version replaces nothing"),
        ("smartaqkol/privacy", "2", "needs no notice: the change is not material"),
        ("citygroup/privacy", "7", "has no version 7"),
        ("nosuch/doc", "1", "has no published version"),
    ],
)
def test_refusals_are_one_line(doc, version, message):
    result = notice(doc, "--version", version)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
