"""The header of a policy file: which document, which language, who operates it.

Front matter is YAML between two ``---`` lines at the very top. It is kept as the exact
text it was written in, so that rewriting a file never reformats the lawyer's header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from . import yamlio
from .errors import PolicyError
from .i18n import _
from .languages import LANGUAGES
from .lines import line_and_column, split_lines

DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")

REQUIRED = ("id", "title", "lang", "product", "operator", "notice_days", "status")
STATUSES = ("draft", "published")
ORIGINS = ("original", "operator", "translation")


@dataclass
class FrontMatter:
    raw: str  # the whole header including both '---' lines and their line endings
    data: dict[str, Any]
    body_line: int  # 1-based file line where the body starts

    @property
    def doc_id(self) -> str:
        return cast(str, self.data["id"])

    @property
    def lang(self) -> str:
        return cast(str, self.data["lang"])

    @property
    def title(self) -> str:
        return cast(str, self.data["title"])

    @property
    def product(self) -> str:
        return cast(str, self.data["product"])

    @property
    def operator(self) -> str:
        return cast(str, self.data["operator"])

    @property
    def notice_days(self) -> int:
        return cast(int, self.data["notice_days"])

    @property
    def status(self) -> str:
        return cast(str, self.data["status"])

    @property
    def source_lang(self) -> str:
        return cast(str, self.data.get("source_lang", "ru"))

    @property
    def prevailing_lang(self) -> str:
        return cast(str, self.data.get("prevailing_lang", self.source_lang))

    @property
    def origin(self) -> str:
        return cast(str, self.data.get("origin", "original" if self.lang == self.source_lang else "translation"))

    @property
    def reviewed(self) -> bool:
        return bool(self.data.get("reviewed", self.origin == "original"))


_FENCE = re.compile(r"^---[ \t]*\r?\n?$")


def split(text: str, path: Path | str) -> tuple[FrontMatter, str]:
    """Split a file's text into its front matter and its body; validate the header."""
    lines = split_lines(text, keepends=True)
    if not lines or not _FENCE.match(lines[0]):
        raise PolicyError(
            _("the file must start with a front matter block ('---', then id, title, lang, ..., then '---')"),
            path,
            1,
        )
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        raise PolicyError(_("front matter is not closed: add a line '---' after the header fields"), path, 1)
    raw = "".join(lines[: end + 1])
    yaml_text = "".join(lines[1:end])
    try:
        data = yamlio.safe_load(yaml_text) if yaml_text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # YAML counts U+2028, U+2029 and U+0085 as line breaks too: count from the offset instead
        line = line_and_column(yaml_text, mark.index)[0] + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise PolicyError(_("front matter is not valid YAML: {problem}").format(problem=problem), path, line) from None
    if not isinstance(data, dict):
        raise PolicyError(_("front matter must be a list of 'field: value' lines"), path, 2)
    fm = FrontMatter(raw, data, end + 2)
    validate(fm, path, yaml_text)
    return fm, "".join(lines[end + 1 :])


def _field_line(yaml_text: str, name: str) -> int:
    for i, line in enumerate(split_lines(yaml_text), start=2):
        if re.match(rf"^{re.escape(name)}\s*:", line):
            return i
    return 1


def validate(fm: FrontMatter, path: Path | str, yaml_text: str = "") -> None:
    data = fm.data
    for name in REQUIRED:
        if data.get(name) in (None, ""):
            raise PolicyError(
                _("front matter lacks the required field '{name}'").format(name=name),
                path,
                _field_line(yaml_text, name),
            )

    def bad(name: str, why: str) -> PolicyError:
        return PolicyError(
            _("front matter field '{name}' {why}").format(name=name, why=why), path, _field_line(yaml_text, name)
        )

    if not isinstance(data["id"], str) or not DOC_ID.match(data["id"]):
        raise bad(
            "id",
            _("must look like 'product/name' in lower-case Latin letters, digits and '-', not {value!r}").format(
                value=data["id"]
            ),
        )
    for name in ("lang", "source_lang", "prevailing_lang"):
        if name in data and data[name] not in LANGUAGES:
            raise bad(
                name,
                _("names an unknown language {value!r}; use one of: {choices}").format(
                    value=data[name], choices=", ".join(LANGUAGES)
                ),
            )
    for name in ("title", "product", "operator"):
        if not isinstance(data[name], str):
            raise bad(name, _("must be text"))
    days = data["notice_days"]
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise bad("notice_days", _("must be a whole number of days (0 or more), not {value!r}").format(value=days))
    if data["status"] not in STATUSES:
        raise bad(
            "status",
            _("must be one of: {choices} (not {value!r})").format(choices=", ".join(STATUSES), value=data["status"]),
        )
    if "origin" in data and data["origin"] not in ORIGINS:
        raise bad(
            "origin",
            _("must be one of: {choices} (not {value!r})").format(choices=", ".join(ORIGINS), value=data["origin"]),
        )
    if "reviewed" in data and not isinstance(data["reviewed"], bool):
        raise bad("reviewed", _("must be true or false"))
    for name in ("date", "effective"):
        if name in data and not isinstance(data[name], (dt.date, dt.datetime)):
            raise bad(name, _("must be a date written as YYYY-MM-DD, not {value!r}").format(value=data[name]))
        if name in data and not 1900 <= data[name].year <= 2999:
            raise bad(name, _("is outside the years 1900-2999 ({value})").format(value=data[name].isoformat()))
    if "timezone" in data:
        from .versions.clock import zone  # noqa: PLC0415

        try:
            zone(str(data["timezone"]))
        except PolicyError:
            raise bad(
                "timezone",
                _("names an unknown time zone '{zone}'; use a name such as Asia/Almaty").format(zone=data["timezone"]),
            ) from None


def dump(data: dict[str, Any]) -> str:
    """Write a header in the project's style (field order as given, Unicode unescaped)."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    return f"---\n{body}---\n"
