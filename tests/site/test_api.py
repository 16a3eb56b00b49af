"""The API apps act on: types, intervals, consent texts, a JSON per document, and its JSON Schema."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from policydocs.corpus import load
from policydocs.versions.publish import publish
from tests.browser.sitebuild import build, make_project

ALMATY = ZoneInfo("Asia/Almaty")
DOC = "demo/privacy"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Version 1 on 1 October; version 2 (material, "не дольше трёх лет") on 15 November at 10:00; built on 18 November."""
    project = make_project(tmp_path_factory.mktemp("api"), pdf=False)
    docs = project / "docs"
    publish(
        load(docs).policies[DOC],
        project / "versions",
        dt.date(2026, 10, 1),
        now=dt.datetime(2026, 10, 1, 9, tzinfo=ALMATY),
    )
    path = docs / "ru/demo/privacy.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("не дольше, чем требуется", "не дольше трёх лет"), encoding="utf-8"
    )
    publish(
        load(docs).policies[DOC],
        project / "versions",
        dt.date(2026, 11, 15),
        time=dt.time(10, 0),
        now=dt.datetime(2026, 11, 15, 10, 5, tzinfo=ALMATY),
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _json(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(site):
    schema = _json(site, "api/v1/schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_documents_json_and_every_document_json_follow_the_schema(site, validator):
    data = _json(site, "api/v1/documents.json")
    assert list(validator.iter_errors(data)) == []
    assert data["generated_at"] == "2026-11-18T11:06:40+00:00"  # SOURCE_DATE_EPOCH: when the states were true
    assert data["schema_url"] == "https://example.kz/policies/api/v1/schema.json"
    for doc in data["documents"]:
        one = _json(site, doc["document_url"].split("/policies/", 1)[1])
        assert list(validator.iter_errors(one)) == []
        assert one["document"] == doc and one["generated_at"] == data["generated_at"]


@pytest.mark.parametrize(
    "spoil, where",
    [
        (
            lambda d: d["documents"][0]["versions"][0].update(version="1"),
            "version",
        ),  # a string where an integer belongs
        (
            lambda d: d["documents"][0]["versions"][1].update(effective_from="2026-11-23"),
            "effective_from",
        ),  # no time, no offset
        (lambda d: d["documents"][0]["versions"][1].update(effective_until="2026-11-23T00:00:00"), "effective_until"),
        (lambda d: d["documents"][0]["languages"]["ru"].update(published="2026-11-15"), "published"),
        (lambda d: d.pop("generated_at"), "generated_at"),
        (lambda d: d["documents"][0]["versions"][1].update(state="expired"), "state"),
        (lambda d: d["documents"][0]["versions"][1]["languages"]["kk"].update(text_sha256="abc"), "text_sha256"),
    ],
)
def test_the_schema_refuses_what_apps_could_not_rely_on(site, validator, spoil, where):
    data = copy.deepcopy(_json(site, "api/v1/documents.json"))
    data["documents"].sort(key=lambda d: d["id"] != DOC)
    spoil(data)
    errors = list(validator.iter_errors(data))
    assert errors and any(where in e.json_path or where in e.message for e in errors), [e.message for e in errors]


def test_versions_carry_their_intervals_and_consent(site):
    doc = next(d for d in _json(site, "api/v1/documents.json")["documents"] if d["id"] == DOC)
    v1, v2 = doc["versions"]
    assert (v1["effective_from"], v1["effective_until"]) == ("2026-10-01T00:00:00+05:00", "2026-11-23T00:00:00+05:00")
    assert (v2["effective_from"], v2["effective_until"]) == ("2026-11-23T00:00:00+05:00", None)
    assert [v1["state"], v2["state"]] == ["in_force", "pending"]  # as of generated_at
    assert (v1["requires_consent"], v2["requires_consent"]) == (False, True)  # a first version replaces nothing
    assert doc["current_version"] == 1 and doc["pending"]["version"] == 2
    assert doc["current"] == {
        "version": 1,
        "status": "published",
        "published": "2026-10-01T00:00:00+05:00",
        "effective": "2026-10-01T00:00:00+05:00",
    }
    assert doc["languages"]["kk"]["version"] == 1 and doc["notice_days"] == 7
    assert v2["languages"]["ru"]["text_sha256"] != v1["languages"]["ru"]["text_sha256"]
    assert v1["languages"]["ru"]["notice"] is None
    kk = v2["languages"]["kk"]["notice"]
    assert "2026\u202fж. 23 қарашада күшіне енеді" in kk["subject"]
    assert "2026\u202fж. 23 қарашаға дейін қызметті пайдалануды тоқтатыңыз" in kk["body"]
    assert "https://example.kz/policies/kk/demo/privacy/v2/changes/" in kk["push"]
    ru = v2["languages"]["ru"]["notice"]["body"]
    assert (
        "Что изменилось: Изменены положения: 2.3." in ru
        and "23 ноября 2026\u202fг. в 00:00 (время Алматы, UTC+05:00)" in ru
    )


def test_an_app_can_answer_in_force_at_any_moment_from_one_document_json(site):
    """What an app does with the per-document JSON: the highest version whose effective_from has come."""
    doc = _json(site, "api/v1/documents/demo/privacy.json")["document"]

    def in_force(moment: str):
        t = dt.datetime.fromisoformat(moment)
        ready = [v for v in doc["versions"] if dt.datetime.fromisoformat(v["effective_from"]) <= t]
        return max(ready, key=lambda v: v["version"])["version"] if ready else None

    assert [
        in_force(m)
        for m in (
            "2026-09-30T23:59:59+05:00",
            "2026-11-22T23:59:59+05:00",
            "2026-11-22T19:00:00+00:00",
            "2027-01-01T00:00:00+05:00",
        )
    ] == [None, 1, 2, 2]


def test_with_word_documents_on_the_api_still_follows_the_schema(tmp_path):
    project = make_project(tmp_path, pdf=False, docx=True)
    docs = project / "docs"
    publish(
        load(docs).policies[DOC],
        project / "versions",
        dt.date(2026, 10, 1),
        now=dt.datetime(2026, 10, 1, 9, tzinfo=ALMATY),
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    schema = _json(site, "api/v1/schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    data = _json(site, "api/v1/documents.json")
    demo = next(d for d in data["documents"] if d["id"] == DOC)
    assert (
        demo["languages"]["kk"]["docx_url"].endswith(".docx")
        and "docx_sha256" in demo["versions"][0]["languages"]["kk"]
    )
    assert list(validator.iter_errors(data)) == []
    assert list(validator.iter_errors(_json(site, "api/v1/documents/demo/privacy.json"))) == []
