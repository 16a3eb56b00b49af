"""The JSON Schema of the API, shipped at ``api/v1/schema.json`` and checked in the tests.

One schema for both files: ``documents.json`` (``documents``: every document) and
``documents/<product>/<name>.json`` (``document``: one). It lists every field (no others are
allowed), so it is also the API's reference for app developers.
"""

from __future__ import annotations

from ..languages import LANGUAGES

MOMENT = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$",
    "description": "ISO 8601 moment with its UTC offset",
}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
URL = {"type": "string", "minLength": 1}


def _file(prefix: str) -> dict:
    """A file beside the page (e.g. the Word document, plugin option ``docx``): path, URL, sha256."""
    return {f"{prefix}_path": {"type": "string"}, f"{prefix}_url": URL, f"{prefix}_sha256": _nullable(SHA256)}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict, description: str = "", optional: dict | None = None) -> dict:
    """Every field of ``properties`` required; those of ``optional`` only when their feature is on."""
    out = {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": {**properties, **(optional or {})},
    }
    if description:
        out["description"] = description
    return out


def _by_language(schema: dict) -> dict:
    return {"type": "object", "additionalProperties": False, "properties": {lang: schema for lang in LANGUAGES}}


NOTICE = _object(
    {
        "subject": {"type": "string", "minLength": 1, "description": "e-mail subject"},
        "push": {"type": "string", "minLength": 1, "description": "one line for a push or in-app message"},
        "body": {
            "type": "string",
            "minLength": 1,
            "description": "what changed, when it takes effect, how to object, links",
        },
    },
    "ready texts telling users of a material change",
)

VERSION = _object(
    {
        "version": {"type": "integer", "minimum": 1},
        "state": {"enum": ["pending", "in_force", "superseded", "never_in_force"], "description": "as of generated_at"},
        "published": MOMENT,
        "effective": MOMENT,
        "effective_from": MOMENT,
        "effective_until": _nullable(MOMENT),
        "in_force_until": _nullable(MOMENT),
        "material": {"type": "boolean"},
        "requires_consent": {"type": "boolean", "description": "a material change to an earlier version"},
        "notice_days": {"type": "integer", "minimum": 0},
        "recorded_at": _nullable(MOMENT),
        "recorded_by": _nullable({"type": "string"}),
        "backdate_reason": _nullable({"type": "string"}),
        "languages": _by_language(
            _object(
                {
                    "text_sha256": SHA256,
                    "url": URL,
                    "changes_url": _nullable(URL),
                    "pdf_url": _nullable(URL),
                    "summary": _nullable({"type": "string"}),
                    "notice": _nullable(NOTICE),
                },
                optional={**_file("docx"), **_file("changes_docx")},
            )
        ),
    },
    "one published version; in force from effective_from until effective_until (null: still)",
)

LANGUAGE = _object(
    {
        "title": {"type": "string"},
        "product_name": {"type": "string", "description": "the product as this language's front matter names it"},
        "operator": {"type": "string"},
        "path": {"type": "string"},
        "url": URL,
        "html_sha256": _nullable(SHA256),
        "pdf_path": _nullable({"type": "string"}),
        "pdf_url": _nullable(URL),
        "pdf_sha256": _nullable(SHA256),
        "version": _nullable({"type": "integer", "minimum": 1}),
        "published": _nullable(MOMENT),
        "effective": _nullable(MOMENT),
        "status": {"enum": ["published", "draft"]},
        "reviewed": {"type": "boolean"},
        "origin": {"enum": ["original", "operator", "translation"]},
    },
    optional=_file("docx"),
)

DOCUMENT = _object(
    {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$"},
        "product": {"type": "string"},
        "product_name": {"type": "string"},
        "product_names": _by_language({"type": "string"}),
        "source_language": {"enum": list(LANGUAGES)},
        "prevailing_language": {"enum": list(LANGUAGES)},
        "current": _object(
            {
                "version": _nullable({"type": "integer", "minimum": 1}),
                "status": {"enum": ["published", "draft"]},
                "published": _nullable(MOMENT),
                "effective": _nullable(MOMENT),
            }
        ),
        "current_version": _nullable({"type": "integer", "minimum": 1}),
        "versions": {"type": "array", "items": VERSION},
        "pending": _nullable(VERSION),
        "timezone": _nullable({"type": "string"}),
        "notice_days": {"type": "integer", "minimum": 0},
        "document_url": URL,
        "missing_languages": {"type": "array", "items": {"enum": list(LANGUAGES)}},
        "languages": _by_language(LANGUAGE),
    }
)


def schema(schema_url: str | None = None) -> dict:
    head = {
        k: v
        for k, v in {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_url,
            "title": "policydocs API v1: documents.json and documents/<product>/<name>.json",
        }.items()
        if v
    }
    return {
        **head,
        "type": "object",
        "additionalProperties": False,
        "required": ["api_version", "generated_at", "schema_url"],
        "properties": {
            "api_version": {"const": 1},
            "generated_at": MOMENT,
            "schema_url": URL,
            "default_language": {"enum": list(LANGUAGES)},
            "languages": {"type": "array", "items": {"enum": list(LANGUAGES)}},
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
            "document": {"$ref": "#/$defs/document"},
        },
        "oneOf": [{"required": ["documents", "default_language", "languages"]}, {"required": ["document"]}],
        "$defs": {"document": DOCUMENT},
    }
