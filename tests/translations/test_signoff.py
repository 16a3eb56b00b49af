"""The translators' loop on real text: one source per document, sign-offs, stale diffs, the publish gate."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import yaml

from policydocs import corpus as corpus_mod
from policydocs.publication import urls
from policydocs.publication.history import load_histories
from policydocs.site.history import history_body

from ..conftest import SUITE_NOW
from ..translation_helpers import WHO, edit, findings_json, run, seed_project

ALMATY = ZoneInfo("Asia/Almaty")
TODAY = (
    SUITE_NOW.astimezone(ALMATY).date().isoformat()
)  # publish refuses a moment more than a day ago without --backdate
RU, KK, EN = "docs/ru/yasam/privacy.md", "docs/kk/yasam/privacy.md", "docs/en/yasam/privacy.md"
USER_RU = "лицо, имеющее доступ к Сервисам платформы ДТТ посредством сети Интернет"
USER_RU_NEW = "лицо, имеющее законный доступ к Сервисам платформы ДТТ посредством сети Интернет"


# --- one source per document ---------------------------------------------------------


def test_files_imported_as_three_originals_are_an_error_naming_both_files_and_lines(tmp_path):
    root = seed_project(tmp_path)
    # the Kazakh text came first, then English, then Russian, each written as an "original"
    edit(root / KK, "source_lang: ru\norigin: translation", "source_lang: kk\norigin: original")
    edit(root / EN, "source_lang: ru", "source_lang: en")
    result = run(root, "check", "docs", "--format", "json")
    assert result.exit_code == 1
    import json

    found = [d for d in json.loads(result.output) if d["rule"] == "header-disagrees"]
    assert sorted((d["language"], d["line"]) for d in found) == [("en", 9), ("kk", 9)]
    kk = next(d for d in found if d["language"] == "kk")
    assert kk["file"] == KK and kk["other"]["file"] == RU and kk["other"]["line"] == 9
    assert (
        kk["message"] == f"kk: the header says source_lang: kk, but {RU}:9 says source_lang: ru; "
        "the files of one document must agree on it"
    )
    # meanwhile the Russian source (named by no majority but first on the tie) is the reference:
    # nothing blames Russian for a translation's gap
    assert not [d for d in json.loads(result.output) if d["language"] == "ru" and d["rule"].startswith("clause-")]


def test_a_different_notice_period_or_prevailing_language_is_an_error_too(tmp_path):
    root = seed_project(tmp_path)
    edit(root / EN, "notice_days: 0", "notice_days: 7")
    edit(root / KK, "source_lang: ru", "source_lang: ru\nprevailing_lang: kk")
    found = {(d["language"], d["excerpt"]) for d in findings_json(root) if d["rule"] == "header-disagrees"}
    assert found == {("en", "notice_days: 7"), ("kk", "prevailing_lang: kk")}


def test_files_that_agree_raise_nothing(tmp_path):
    root = seed_project(tmp_path)
    assert [d for d in findings_json(root) if d["rule"] == "header-disagrees"] == []


def test_confirm_refuses_a_document_whose_files_disagree(tmp_path):
    root = seed_project(tmp_path)
    edit(root / KK, "source_lang: ru", "source_lang: kk")
    result = run(root, "confirm", "yasam/privacy", "--lang", "en", "--by", WHO, "--yes")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert f"{KK}:9: says source_lang: kk, but {RU}:9 says source_lang: ru" in result.output
    assert not (root / "translations").exists()


def _kazakh_source(root):
    """The same policy kept with Kazakh as its source (the order kk, en, ru: Kazakh was written first)."""
    edit(root / KK, "source_lang: ru\norigin: translation", "source_lang: kk\norigin: original")
    edit(root / EN, "source_lang: ru", "source_lang: kk")
    edit(root / RU, "source_lang: ru\norigin: original", "source_lang: kk\norigin: translation")


def test_findings_are_worded_from_the_sources_side(tmp_path):
    root = seed_project(tmp_path)
    _kazakh_source(root)
    assert findings_json(root) == []
    # the Russian translation lacks clause 1.1.9; English adds a clause 1.1.10 the source does not have
    edit(
        root / RU,
        "1.1.9. **Информация Пользователя** – персональная информация, которую Пользователь "
        "самостоятельно предоставляет при использовании Сервисов платформы ДТТ.\n\n",
        "",
    )
    edit(root / EN, "1.1.9. ", "1.1.10. The Platform may update this list.\n\n1.1.9. ")
    found = {d["rule"]: d for d in findings_json(root)}
    assert found["clause-missing"]["language"] == "ru"
    assert found["clause-missing"]["message"].startswith(
        "ru: clause 1.1.9 of the kk source is missing here (it is at kk line 40)"
    )
    assert found["clause-extra"]["language"] == "en"
    assert found["clause-extra"]["message"] == "en: clause 1.1.10 is not in the kk source"
    assert all(d["language"] != "kk" for d in findings_json(root))  # the source is never blamed


# --- sign-offs and stale translations ----------------------------------------------------


def test_confirm_shows_what_it_signs_records_who_and_a_changed_source_shows_its_diff(tmp_path):
    root = seed_project(tmp_path)
    first = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, input="y\n")
    assert first.exit_code == 0, first.output
    assert "clause 1.1.8 [cl-1-1-8]: never confirmed" in first.output
    assert "    kk: **Пайдаланушы** – Интернет желісі арқылы" in first.output
    assert f"Confirm these 54 clause(s) of the kk translation as {WHO}?" in first.output
    record_path = root / "translations/yasam/privacy/kk.yml"
    data = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    entry = data["clauses"]["cl-1-1-8"]
    assert (data["document"], data["lang"], data["source_lang"]) == ("yasam/privacy", "kk", "ru")
    assert entry["by"] == WHO and USER_RU in entry["source"]
    assert len(entry["source_sha256"]) == 64 and len(entry["translation_sha256"]) == 64
    assert dt.datetime.fromisoformat(entry["at"]).tzinfo is not None
    assert "ұ" in record_path.read_text(encoding="utf-8") or "Пайдаланушы" not in entry["source"]
    assert findings_json(root) == []

    edit(root / RU, USER_RU, USER_RU_NEW)
    stale = [d for d in findings_json(root) if d["rule"] == "stale-translation"]
    assert [(d["language"], d["clause"]) for d in stale] == [("kk", "1.1.8")]  # en has no sign-offs: not tracked
    assert "{+законный+}" in stale[0]["message"] and f"after {WHO} confirmed the translation on" in stale[0]["message"]

    again = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", "Данияр Ахметов <d@example.kz>", "--yes")
    assert again.exit_code == 0, again.output
    assert "clause 1.1.8 [cl-1-1-8]: the ru source changed since" in again.output
    assert "ru: **Пользователь** – лицо, имеющее {+законный+} доступ" in again.output
    assert "confirmed 1 clause(s)" in again.output  # the other 53 keep their sign-off
    data = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    assert data["clauses"]["cl-1-1-8"]["by"] == "Данияр Ахметов <d@example.kz>"
    assert data["clauses"]["cl-1-1-7"]["by"] == WHO
    assert findings_json(root) == []


def test_an_edited_translation_needs_a_new_sign_off(tmp_path):
    root = seed_project(tmp_path)
    run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes")
    edit(root / KK, "Интернет желісі арқылы", "Интернет желісі арқылы ғана")
    found = [d for d in findings_json(root) if d["rule"] == "unconfirmed-translation"]
    assert [(d["language"], d["clause"]) for d in found] == [("kk", "1.1.8")]
    assert "the translation was edited after" in found[0]["message"]


def test_confirm_refuses_a_clause_with_checker_errors_and_unknown_clauses(tmp_path):
    root = seed_project(tmp_path)
    # a figure changed in the Kazakh translation: the checker's error on figures, amounts or periods
    text = (root / RU).read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if any(c.isdigit() for c in l.split(". ", 1)[-1]) and l[:1].isdigit())
    number = line.split(". ", 1)[0]
    kk_line = next(l for l in (root / KK).read_text(encoding="utf-8").splitlines() if l.startswith(number + ". "))
    digit = next(c for c in kk_line.split(". ", 1)[1] if c.isdigit())
    edit(root / KK, kk_line, kk_line.replace(digit, "9" if digit != "9" else "8", 1))
    result = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--clause", number, "--by", WHO, "--yes")
    assert result.exit_code == 1
    assert any(rule in result.output for rule in ("invariant-mismatch", "amount-differs", "period-differs"))
    assert f"not confirmed: the checker finds errors in {number}" in result.output
    assert not (root / "translations").exists()
    whole = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes")
    assert whole.exit_code == 1 and not (root / "translations").exists()  # all or nothing
    missing = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--clause", "9.9", "--by", WHO, "--yes")
    assert missing.exit_code == 2 and "clause 9.9 does not exist in the ru source" in missing.output


def test_who_defaults_to_git_and_a_declined_question_records_nothing(tmp_path, monkeypatch):
    root = seed_project(tmp_path)
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Әлия Сәрсенбаева\n\temail = aliya@example.kz\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    no = run(root, "confirm", "yasam/privacy", "--lang", "en", "--clause", "1.1", input="n\n")
    assert no.exit_code == 1 and "nothing was recorded" in no.output and not (root / "translations").exists()
    yes = run(root, "confirm", "yasam/privacy", "--lang", "en", "--clause", "1.1", input="y\n")
    assert yes.exit_code == 0, yes.output
    data = yaml.safe_load((root / "translations/yasam/privacy/en.yml").read_text(encoding="utf-8"))
    assert data["clauses"]["cl-1-1"]["by"] == "Әлия Сәрсенбаева <aliya@example.kz>"


def test_a_hidden_legacy_record_is_read_and_moved_into_the_visible_place(tmp_path):
    root = seed_project(tmp_path)
    from policydocs.translations.records import text_hash

    corpus = corpus_mod.load(root / "docs")
    ru = corpus.policies["yasam/privacy"].languages["ru"]
    clauses = {c.number: c for c in ru.clauses()}
    legacy = root / ".policydocs/sync/kk/yasam/privacy.yml"
    legacy.parent.mkdir(parents=True)
    legacy.write_text(
        yaml.safe_dump(
            {
                "document": "yasam/privacy",
                "lang": "kk",
                "source_lang": "ru",
                "confirmed": {
                    "n:1.1.8": {"source": text_hash(clauses["1.1.8"].text)[:16], "date": "2026-11-20"},
                    "n:1.1.7": {"source": text_hash(clauses["1.1.7"].text)[:16], "date": "2026-11-20"},
                },
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    edit(root / RU, USER_RU, USER_RU_NEW)
    stale = [d for d in findings_json(root) if d["rule"] == "stale-translation"]
    assert [(d["clause"], "2026-11-20" in d["message"]) for d in stale] == [("1.1.8", True)]
    result = run(root, "confirm", "yasam/privacy", "--lang", "kk", "--clause", "1.1.8", "--by", WHO, "--yes")
    assert result.exit_code == 0, result.output
    assert not legacy.exists()
    data = yaml.safe_load((root / "translations/yasam/privacy/kk.yml").read_text(encoding="utf-8"))
    assert set(data["clauses"]) == {"cl-1-1-8", "cl-1-1-7"} and data["clauses"]["cl-1-1-8"]["by"] == WHO


def test_status_counts_confirmed_stale_and_never_confirmed_clauses(tmp_path):
    root = seed_project(tmp_path)
    run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes")
    run(root, "confirm", "yasam/privacy", "--lang", "en", "--clause", "1.1", "--clause", "1.1.8", "--by", WHO, "--yes")
    edit(root / RU, USER_RU, USER_RU_NEW)
    result = run(root, "status")
    assert result.exit_code == 0, result.output
    rows = {
        tuple(line.split()[:2]): line.split()[2:]
        for line in result.output.splitlines()
        if line.startswith("yasam/privacy ")
    }
    assert rows[("yasam/privacy", "kk")] == ["ru", "53", "1", "0", "0"]
    assert rows[("yasam/privacy", "en")] == ["ru", "1", "1", "52", "0"]


# --- publishing ------------------------------------------------------------------------


def test_publish_refuses_unsigned_translations_then_records_the_override(tmp_path):
    root = seed_project(tmp_path)
    run(root, "confirm", "yasam/privacy", "--lang", "kk", "--by", WHO, "--yes")
    run(root, "confirm", "yasam/privacy", "--lang", "en", "--by", WHO, "--yes")
    edit(root / RU, USER_RU, USER_RU_NEW)
    refused = run(root, "publish", "yasam/privacy", "--date", TODAY)
    assert refused.exit_code == 2 and refused.output.count("\n") == 1
    assert (
        "2 translated clause(s) of 'yasam/privacy' changed since version 1 without a translator's sign-off"
        in refused.output
    )
    assert (
        "kk: clause 1.1.8 [cl-1-1-8] stale" in refused.output and "en: clause 1.1.8 [cl-1-1-8] stale" in refused.output
    )
    assert not (root / "versions/yasam/privacy/v2").exists()
    assert run(root, "publish", "yasam/privacy", "--date", TODAY, "--allow-unconfirmed", "  ").exit_code == 2

    reason = "казахский перевод на проверке у юриста оператора"
    done = run(root, "publish", "yasam/privacy", "--date", TODAY, "--allow-unconfirmed", reason)
    assert done.exit_code == 0, done.output
    changelog = yaml.safe_load((root / "versions/yasam/privacy/changelog.yml").read_text(encoding="utf-8"))
    v2 = changelog["versions"][1]
    assert v2["unconfirmed_translations"] == {"reason": reason, "clauses": {"kk": ["cl-1-1-8"], "en": ["cl-1-1-8"]}}
    assert v2["summary"]["ru"] == "Изменены положения: 1.1.8"
    # the translations did not change, their source did: never "no changes"
    assert v2["summary"]["kk"] == (
        "Аударма мәтіні өзгертілмеді, ал бастапқы мәтін (ru) өзгертілді (өзгертілген ережелер: 1.1.8)"
    )
    assert v2["summary"]["en"] == "The translation's text was not changed, although its source (ru) was (amended 1.1.8)"

    corpus = corpus_mod.load(root / "docs")
    history = load_histories(corpus, root / "versions", SUITE_NOW)["yasam/privacy"]
    page = history_body(history, "kk", "Құпиялылық саясаты", urls.relative)
    assert "Аудармашының растауынсыз жарияланды (kk: 1.1.8; en: 1.1.8). Себебі: " + reason in page


def test_publish_goes_through_once_the_translators_signed_off(tmp_path):
    root = seed_project(tmp_path)
    edit(root / RU, USER_RU, USER_RU_NEW)
    edit(root / EN, "who has access to", "who has lawful access to")
    refused = run(root, "publish", "yasam/privacy", "--date", TODAY)
    assert refused.exit_code == 2
    assert "the ru source changed since version 1 and nobody has confirmed the translation" in refused.output
    for lang in ("kk", "en"):
        assert (
            run(root, "confirm", "yasam/privacy", "--lang", lang, "--clause", "1.1.8", "--by", WHO, "--yes").exit_code
            == 0
        )
    done = run(root, "publish", "yasam/privacy", "--date", TODAY)
    assert done.exit_code == 0, done.output
    changelog = yaml.safe_load((root / "versions/yasam/privacy/changelog.yml").read_text(encoding="utf-8"))
    assert "unconfirmed_translations" not in changelog["versions"][1]
    assert changelog["versions"][1]["summary"]["en"] == "Amended 1.1.8"


def test_a_translation_added_since_the_last_version_must_be_signed_off_whole(tmp_path):
    root = seed_project(tmp_path, versions=False)
    en = (root / EN).read_text(encoding="utf-8")
    (root / EN).unlink()
    # version 1 went out in Russian and Kazakh only (a first version replaces nothing: not held back)
    from policydocs.versions.publish import publish

    policy = corpus_mod.load(root / "docs").policies["yasam/privacy"]
    publish(policy, root / "versions", dt.date.fromisoformat(TODAY), translations_root=root)
    (root / EN).write_text(en, encoding="utf-8")
    later = (
        "--time",
        max(
            SUITE_NOW.astimezone(ALMATY) - dt.timedelta(minutes=1),
            dt.datetime.combine(dt.date.fromisoformat(TODAY), dt.time(0, 1), ALMATY),
        ).strftime("%H:%M"),
    )
    refused = run(root, "publish", "yasam/privacy", "--date", TODAY, *later)
    assert refused.exit_code == 2
    assert "54 translated clause(s)" in refused.output and "en: clause 1.1 [cl-1-1] unconfirmed" in refused.output
    assert "kk:" not in refused.output  # the Kazakh text and its source did not change
    assert run(root, "confirm", "yasam/privacy", "--lang", "en", "--by", WHO, "--yes").exit_code == 0
    done = run(root, "publish", "yasam/privacy", "--date", TODAY, *later)
    assert done.exit_code == 0, done.output
    changelog = yaml.safe_load((root / "versions/yasam/privacy/changelog.yml").read_text(encoding="utf-8"))
    assert changelog["versions"][1]["summary"] == {
        "ru": "Текст не изменился",
        "kk": "Мәтін өзгерген жоқ",
        "en": "First version",
    }
