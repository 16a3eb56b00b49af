"""What the checker trusts in a file: invisible characters, line numbers, inline silences, markup in the header."""

from __future__ import annotations

from click.testing import CliRunner

from policydocs.cli import main
from policydocs.document import parse_text
from policydocs.errors import PolicyError
from policydocs.frontmatter import split
from policydocs.lines import split_lines

from ..check_helpers import findings, make_project, rules


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def only(found, rule):
    return [f for f in found if f.rule == rule]


# --- invisible characters ------------------------------------------------------------


def test_a_right_to_left_override_is_named_with_line_and_column(tmp_path):
    edits = {"ru": [("составляет 3 500 тенге", "составляет \u202e3 500 тенге")]}
    found = only(findings(tmp_path, edits), "invisible-character")
    assert len(found) == 1
    f = found[0]
    assert f.lang == "ru" and f.line == 31 and f.params["column"] == 44
    assert f.message == "RIGHT-TO-LEFT OVERRIDE (U+202E) at column 44"
    assert "RIGHT-TO-LEFT OVERRIDE" in f.text("ru") and f.severity == "error"


def test_zero_width_and_control_characters_in_the_header_and_the_body(tmp_path):
    edits = {
        "kk": [("product: Демо", "product: Де\u200bмо"), ("Жалпы ережелер", "Жалпы\u2060 ережелер")],
        "en": [("The Company processes", "The Company\x0c processes")],
    }
    found = only(findings(tmp_path, edits), "invisible-character")
    got = sorted((f.lang, f.line, f.params["char_name"]) for f in found)
    assert got == [("en", 25, "FORM FEED"), ("kk", 5, "ZERO WIDTH SPACE"), ("kk", 15, "WORD JOINER")]


def test_a_leading_bom_tabs_and_line_endings_are_not_findings(tmp_path):
    docs = make_project(tmp_path)
    path = docs / "ru" / "demo" / "privacy.md"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n").replace("1.1. ", "1.1.\t")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("check", docs)
    assert result.exit_code == 0 and result.output == ""


def test_a_bom_inside_the_text_is_a_finding(tmp_path):
    found = findings(tmp_path, {"en": [("The Company processes", "The \ufeffCompany processes")]})
    assert [f.params["char_name"] for f in only(found, "invisible-character")] == ["ZERO WIDTH NO-BREAK SPACE"]


# --- line numbers ----------------------------------------------------------------------


def test_lines_break_only_at_newline_and_carriage_return():
    text = "a\u2028b\u2029c\x85d\x0ce\x0bf\x1cg\nh\r\ni\rj"
    assert split_lines(text) == ["a\u2028b\u2029c\x85d\x0ce\x0bf\x1cg", "h", "i", "j"]
    assert "".join(split_lines(text, keepends=True)) == text


def test_a_finding_after_a_line_separator_is_reported_at_its_true_line(tmp_path):
    # U+2028 in clause 1.2 must not shift the line of the mixed-script word in clause 2.2 (line 31)
    edits = {"kk": [("сайтында жарияланған", "сайтында\u2028жарияланған"), ("Ақылы жазылымның", "Aқылы жазылымның")]}
    found = findings(tmp_path, edits)
    mixed = only(found, "mixed-script")
    assert len(mixed) == 1 and mixed[0].line == 31


def test_a_document_with_separators_renders_back_byte_for_byte():
    text = (
        "---\nid: a/b\ntitle: T\nlang: ru\nproduct: P\noperator: O\nnotice_days: 7\nstatus: draft\n---\n"
        "1.1. Первый\x0cпункт\u2029текст.\n\n1.2. Второй пункт.\n"
    )
    doc = parse_text(text)
    assert doc.render() == text
    assert [c.line for c in doc.clauses()] == [10, 12]


def test_a_yaml_error_after_a_separator_names_the_true_line():
    # YAML itself breaks the title at U+2028, so "x" starts what it reads as a new line: the
    # error is at "lang: ru", file line 4 (YAML's own count would say 5)
    text = "---\nid: a/b\ntitle: T\u2028x\nlang: ru\nproduct: P\nstatus: draft\n---\n"
    try:
        split(text, "x.md")
    except PolicyError as exc:
        assert exc.line == 4, exc.line
    else:
        raise AssertionError("the header is not valid YAML")


# --- inline silences -------------------------------------------------------------------


def test_an_inline_silence_of_a_one_text_rule_silences_it(tmp_path):
    edits = {
        "ru": [
            ("2.2. Стоимость", "<!-- check: ignore doubled-word: так в договоре -->\n2.2. Стоимость"),
            ("платной подписки", "платной платной подписки"),
        ]
    }
    assert findings(tmp_path, edits) == []
    docs = make_project(tmp_path / "cli", edits)
    result = run("check", docs)
    assert result.exit_code == 0 and result.output == "", result.output


def test_an_inline_silence_before_another_clause_silences_nothing(tmp_path):
    edits = {
        "ru": [
            ("2.3. Данные", "<!-- check: ignore doubled-word: так в договоре -->\n2.3. Данные"),
            ("платной подписки", "платной платной подписки"),
        ]
    }
    assert rules(findings(tmp_path, edits)) == ["doubled-word"]
    docs = make_project(tmp_path / "cli", edits)
    result = run("check", docs)
    assert result.exit_code == 0 and "warning doubled-word [2.2]" in result.output
    assert "internal error" not in result.output


# --- markup in the header -----------------------------------------------------------------


def test_markup_in_a_header_field_is_an_error_with_its_line(tmp_path):
    edits = {
        "en": [("title: Privacy Policy", "title: Privacy <script>alert(1)</script> Policy")],
        "kk": [("operator: «Демо Финанс» ЖШС", "operator: '<img src=x onerror=alert(1)> «Демо Финанс» ЖШС'")],
        "ru": [("product: Демо", "product: 'javascript:alert(1)'")],
    }
    found = only(findings(tmp_path, edits), "header-markup")
    got = sorted((f.lang, f.line, f.params["field"]) for f in found)
    assert got == [("en", 3, "title"), ("kk", 6, "operator"), ("ru", 5, "product")]
    assert all(f.severity == "error" for f in found)


def test_angle_quotes_and_comparisons_in_the_header_are_not_markup(tmp_path):
    edits = {"en": [("title: Privacy Policy", "title: 'Privacy Policy (users < 18 years: see 4.1)'")]}
    assert only(findings(tmp_path, edits), "header-markup") == []


def test_list_rules_says_which_rules_are_errors_warnings_or_both():
    result = run("check", "--list-rules")
    severity = {line.split()[0]: line.split()[1] for line in result.output.splitlines()}
    assert severity["invisible-character"] == "error" and severity["header-markup"] == "error"
    assert severity["amount-differs"] == severity["period-differs"] == severity["figure-words-differ"] == "error"
    assert severity["sentence-missing"] == severity["sentence-added"] == "warning/error"
    assert severity["length-ratio"] == "warning"
    ru = run("check", "--list-rules", "--lang", "ru").output
    assert "невидимый символ" in ru or "невидимый" in ru


def _operators_draft(tmp_path, comment: str):
    """SmartAqkol's text as the operator signed it (gap 2.4 -> 2.6), Russian only, with a comment before a clause."""
    import re

    from ..conftest import DOCS

    draft = tmp_path / "docs/ru/smartaqkol/privacy.md"
    draft.parent.mkdir(parents=True)
    text = (DOCS.parent / "versions/smartaqkol/privacy/v1/ru.md").read_text(encoding="utf-8")
    text = re.sub(
        r"^check:\n(?:[ \t]+.*\n)+",
        "check:\n  ignore:\n    - rule: missing-language\n      reason: this test publishes the Russian text alone\n",
        text,
        flags=re.M,
    )
    draft.write_text(text.replace("\n2.6. ", f"\n{comment}\n2.6. ", 1), encoding="utf-8")
    return tmp_path


def test_publish_with_an_inline_silence_publishes(tmp_path, monkeypatch):
    root = _operators_draft(tmp_path, "<!-- check: ignore numbering-gap: the signed text skips 2.5 -->")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(
        main,
        [
            "publish",
            "smartaqkol/privacy",
            "--date",
            "2026-11-20",
            "--backdate",
            "the operator published this text on that day",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output and (root / "versions/smartaqkol/privacy/v1/ru.md").exists()


def test_publish_with_an_inline_silence_of_another_rule_refuses(tmp_path, monkeypatch):
    root = _operators_draft(tmp_path, "<!-- check: ignore doubled-word: not this finding -->")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(
        main,
        [
            "publish",
            "smartaqkol/privacy",
            "--date",
            "2026-11-20",
            "--backdate",
            "the operator published this text on that day",
        ],
    )
    assert result.exit_code == 2 and "numbering-gap" in result.output and "internal error" not in result.output
    assert not (root / "versions").exists()
