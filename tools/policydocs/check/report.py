"""Printing findings: for people (grouped by document, coloured on a terminal), for programs (JSON)
and for GitHub Actions (workflow annotations shown on the lines of a pull request)."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Callable

from .findings import ERROR, Finding

LABELS = {
    "en": {"error": "error", "warning": "warning", "why": "why", "summary": "{e} error(s), {w} warning(s) in {d} document(s)"},
    "ru": {"error": "ошибка", "warning": "предупреждение", "why": "почему это важно",
           "summary": "ошибок: {e}, предупреждений: {w}, документов: {d}"},
}


def human(findings: list[Finding], lang: str = "en", style: Callable[..., str] | None = None) -> str:
    """Nothing at all when there is nothing to say."""
    if not findings:
        return ""
    style = style or (lambda text, **_: text)
    labels = LABELS.get(lang, LABELS["en"])
    lines: list[str] = []
    docs = 0
    for doc_id, group in groupby(sorted(findings, key=Finding.sort_key), key=lambda f: f.doc_id):
        docs += 1
        lines.append(style(doc_id, bold=True))
        for f in group:
            colour = "red" if f.severity == ERROR else "yellow"
            where = f"{f.path}:{f.line}"
            clause = f" [{f.clause}]" if f.clause and f.clause not in ("pre", "title") else ""
            lines.append(f"  {where}: {style(labels[f.severity], fg=colour, bold=True)} {f.rule}{clause}")
            lines.append(f"      {f.text(lang)}")
            if f.excerpt:
                lines.append(f"      {f.lang}: {f.excerpt}")
            if f.other_lang:
                where_other = f"{f.other_path}:{f.other_line}" if f.other_line else f.other_path
                text = f": {f.other_excerpt}" if f.other_excerpt else ""
                lines.append(f"      {f.other_lang} ({where_other}){text}")
            lines.append(style(f"      {labels['why']}: {f.why(lang)}", dim=True))
    errors = sum(1 for f in findings if f.severity == ERROR)
    lines.append(labels["summary"].format(e=errors, w=len(findings) - errors, d=docs))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], lang: str = "en") -> str:
    return json.dumps([f.to_json(lang) for f in findings], ensure_ascii=False, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], lang: str = "en") -> str:
    out = []
    for f in findings:
        level = "error" if f.severity == ERROR else "warning"
        title = f"policydocs {f.rule}" + (f" [{f.clause}]" if f.clause else "")
        body = f"{f.text(lang)} — {f.why(lang)}"
        out.append(f"::{level} file={_escape_prop(f.path)},line={f.line},title={_escape_prop(title)}::{_escape_data(body)}")
    return "\n".join(out) + ("\n" if out else "")
