"""Printing findings: for people (grouped by document, coloured on a terminal), for programs (JSON)
and for GitHub Actions (workflow annotations shown on the lines of a pull request)."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby

from ..i18n import N_, gettext, ngettext
from .findings import ERROR, NOTE, WARNING, Finding
from .wording import DOMAIN, N_plural

SEVERITY = {"error": N_("error"), "warning": N_("warning"), "note": N_("note")}
WHY = N_("why")
SUMMARY = N_("{errors}, {warnings} in {documents}")
ERRORS = N_plural("{n} error", "{n} errors")
WARNINGS = N_plural("{n} warning", "{n} warnings")
DOCUMENTS = N_plural("{n} document", "{n} documents")


def severity(name: str, lang: str = "en") -> str:
    """'error' / 'ошибка' / 'қате' (and the same for a warning)."""
    return gettext(SEVERITY[name], lang, DOMAIN)


def summary(errors: int, warnings: int, documents: int, lang: str = "en") -> str:
    """'2 errors, 1 warning in 1 document', with each language's plural forms."""

    def count(forms: tuple[str, str], n: int) -> str:
        return ngettext(forms[0], forms[1], n, lang, DOMAIN).format(n=n)

    return gettext(SUMMARY, lang, DOMAIN).format(
        errors=count(ERRORS, errors), warnings=count(WARNINGS, warnings), documents=count(DOCUMENTS, documents)
    )


def human(findings: list[Finding], lang: str = "en", style: Callable[..., str] | None = None) -> str:
    """Nothing at all when there is nothing to say."""
    if not findings:
        return ""
    style = style or (lambda text, **_: text)
    lines: list[str] = []
    docs = 0
    for doc_id, group in groupby(sorted(findings, key=Finding.sort_key), key=lambda f: f.doc_id):
        docs += 1
        lines.append(style(doc_id, bold=True))
        for f in group:
            colour = {ERROR: "red", WARNING: "yellow"}.get(f.severity, "blue")
            where = f"{f.path}:{f.line}"
            clause = f" [{f.clause}]" if f.clause and f.clause not in ("pre", "title") else ""
            lines.append(f"  {where}: {style(severity(f.severity, lang), fg=colour, bold=True)} {f.rule}{clause}")
            lines.append(f"      {f.text(lang)}")
            if f.excerpt:
                lines.append(f"      {f.lang}: {f.excerpt}")
            if f.other_lang:
                where_other = f"{f.other_path}:{f.other_line}" if f.other_line else f.other_path
                text = f": {f.other_excerpt}" if f.other_excerpt else ""
                lines.append(f"      {f.other_lang} ({where_other}){text}")
            lines.append(style(f"      {gettext(WHY, lang, DOMAIN)}: {f.why(lang)}", dim=True))
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    lines.append(summary(errors, warnings, docs, lang))
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
        level = {ERROR: "error", NOTE: "notice"}.get(f.severity, "warning")
        title = f"policydocs {f.rule}" + (f" [{f.clause}]" if f.clause else "")
        body = f"{f.text(lang)} — {f.why(lang)}"
        out.append(
            f"::{level} file={_escape_prop(f.path)},line={f.line},title={_escape_prop(title)}::{_escape_data(body)}"
        )
    return "\n".join(out) + ("\n" if out else "")
