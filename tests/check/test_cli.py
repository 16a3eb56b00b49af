"""The `check` and `confirm` commands: output formats, exit codes, stale translations."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policydocs.cli import main

from ..check_helpers import make_project

WHO = ("--by", "Айгерим Нурланова <aigerim@example.kz>", "--yes")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_good_documents_print_nothing_and_exit_0(tmp_path):
    docs = make_project(tmp_path)
    result = run("check", docs)
    assert result.exit_code == 0 and result.output == ""


def test_errors_exit_1_with_file_and_line(tmp_path):
    docs = make_project(tmp_path, {"kk": [("Жалпы ережелер", "Жалпы Аktуалды ережелер")]})
    result = run("check", docs)
    assert result.exit_code == 1
    assert f"{docs}/kk/demo/privacy.md:15: error mixed-script [1]" in result.output
    assert "1 error, 0 warnings in 1 document" in result.output


def test_warnings_alone_exit_0(tmp_path):
    docs = make_project(tmp_path, {"en": [("The Company processes", "The Company processes processes")]})
    result = run("check", docs)
    assert result.exit_code == 0 and "warning doubled-word" in result.output


def test_json_lists_findings_with_both_languages(tmp_path):
    docs = make_project(tmp_path, {"kk": [("айына 3 500 теңге", "айына 5 000 теңге")]})
    result = run("check", docs, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [d["rule"] for d in data] == ["amount-differs"]
    d = data[0]
    assert {k: d[k] for k in ("severity", "document", "language", "clause", "line")} == {
        "severity": "error",
        "document": "demo/privacy",
        "language": "kk",
        "clause": "2.2",
        "line": 31,
    }
    assert d["file"].endswith("kk/demo/privacy.md") and d["other"]["language"] == "ru" and d["other"]["line"] == 31
    assert "5 000 теңге" in d["excerpt"] and "3 500 тенге" in d["other"]["excerpt"]


def test_github_annotations(tmp_path):
    docs = make_project(tmp_path, {"en": [("since their publication", "since their опубликования")]})
    result = run("check", docs, "--format", "github")
    assert result.output.startswith(
        f"::error file={docs}/en/demo/privacy.md,line=19,title=policydocs foreign-words [1.2]::"
    )


def test_messages_in_russian(tmp_path):
    docs = make_project(tmp_path, {"ru": [("2.3. ", "2.4. ")], "kk": [("2.3. ", "2.4. ")], "en": [("2.3. ", "2.4. ")]})
    result = run("check", docs, "--lang", "ru")
    assert "пункт 2.4 идёт после 2.2: в нумерации пропущен 2.3 (также в kk, en)" in result.output
    assert "ошибка" in result.output


def test_bad_input_exits_2_with_one_line(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "does not exist" in result.output
    bad = make_project(tmp_path / "p", {"kk": [("lang: kk", "lang: xx")]})
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 2 and "kk/demo/privacy.md:4" in result.output


def test_required_languages_option(tmp_path):
    docs = make_project(tmp_path, drop=("en",))
    assert run("check", docs).exit_code == 1
    assert run("check", docs, "--require", "ru,kk").exit_code == 0
    assert CliRunner().invoke(main, ["check", str(docs), "--require", "ru,xx"]).exit_code == 2


def test_confirm_then_a_change_of_the_source_makes_the_translation_stale(tmp_path):
    docs = make_project(tmp_path)
    result = run("confirm", "demo/privacy", "--lang", "kk", "--docs", docs, *WHO)
    assert result.exit_code == 0, result.output
    record = tmp_path / "translations" / "demo" / "privacy" / "kk.yml"
    assert record.exists()
    assert run("check", docs).output == ""  # just confirmed: nothing to review
    ru = docs / "ru/demo/privacy.md"
    ru.write_text(ru.read_text().replace("Данные хранятся в течение", "Данные хранятся оператором в течение"))
    result = run("check", docs, "--format", "json")
    stale = [d for d in json.loads(result.output) if d["rule"] == "stale-translation"]
    assert [(d["language"], d["clause"]) for d in stale] == [("kk", "2.3")]  # en has no record: not tracked
    assert result.exit_code == 0  # a warning: the translator must review, publishing is not blocked
    run("confirm", "demo/privacy", "--lang", "kk", "--clause", "2.3", "--docs", docs, *WHO)
    assert run("check", docs).output == ""


def test_rewrapping_a_line_is_not_a_change(tmp_path):
    docs = make_project(tmp_path)
    run("confirm", "demo/privacy", "--lang", "en", "--docs", docs, *WHO)
    ru = docs / "ru/demo/privacy.md"
    ru.write_text(ru.read_text().replace("Данные хранятся в течение", "Данные хранятся\nв течение"))
    assert run("check", docs).output == ""


def test_confirm_refuses_unknown_clause_and_source_language(tmp_path):
    docs = make_project(tmp_path)
    assert (
        CliRunner()
        .invoke(main, ["confirm", "demo/privacy", "--lang", "kk", "--clause", "9.9", "--docs", str(docs)])
        .exit_code
        == 2
    )
    assert CliRunner().invoke(main, ["confirm", "demo/privacy", "--lang", "ru", "--docs", str(docs)]).exit_code == 2
    assert not (tmp_path / "translations").exists()


def test_list_rules_names_every_rule_once():
    from policydocs.check import RULES

    result = run("check", "--list-rules")
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == list(RULES) and "{" not in result.output


def test_a_clause_added_after_the_confirmation_needs_review(tmp_path):
    docs = make_project(tmp_path)
    run("confirm", "demo/privacy", "--lang", "kk", "--docs", docs, *WHO)
    for lang, text in (
        ("ru", "2.4. Компания уведомляет Пользователя об изменениях."),
        ("kk", "2.4. Компания Пайдаланушыға өзгерістер туралы хабарлайды."),
        ("en", "2.4. The Company notifies the User of changes."),
    ):
        path = docs / lang / "demo/privacy.md"
        head, sep, tail = path.read_text().partition("\n## 3.")
        path.write_text(f"{head}{text}\n{sep}{tail}")  # a new last clause of section 2
    data = json.loads(run("check", docs, "--format", "json").output)
    assert [(d["rule"], d["language"], d["clause"]) for d in data] == [("unconfirmed-translation", "kk", "2.4")]
