"""Every rule of `policydocs check`: one case where it must fire, one where it must stay silent.

The base is a correctly aligned three-language policy full of things that look suspicious
but are right (Latin names in Russian, "Google Play", "HTTPS", "3 500" / "3,500",
"+7 708 466 84 22" / "+77084668422", "7 (семи)" / "7 (жеті)" / "7 (seven)"); each test
changes one line of one language.
"""

from __future__ import annotations

from policydocs.check.terminology import parse as parse_glossary

from ..check_helpers import findings, repo_glossary, rules


def only(found, rule):
    return [f for f in found if f.rule == rule]


# --- the good fixture --------------------------------------------------------------


def test_good_fixture_has_no_findings_even_with_the_project_glossary(tmp_path):
    assert findings(tmp_path, glossary=repo_glossary()) == []


# --- structure ---------------------------------------------------------------------


def test_missing_language_fires_and_names_the_expected_file(tmp_path):
    found = findings(tmp_path, drop=("en",))
    assert rules(found) == ["missing-language"]
    assert found[0].lang == "en" and "docs/en/demo/privacy.md" in found[0].message


def test_missing_language_silent_when_not_required(tmp_path):
    assert findings(tmp_path, drop=("en",), required_langs=("ru", "kk")) == []


def test_missing_clause_is_named_with_the_source_line(tmp_path):
    edits = {
        "kk": [
            (
                "2.2. Ақылы жазылымның құны айына 3 500 теңге құрайды, оның 12,5% Kaspi Bank банкінің "
                "комиссиясы болып табылады.\n\n",
                "",
            )
        ]
    }
    found = findings(tmp_path, edits)
    assert rules(found) == ["clause-missing"]  # the gap 2.1 -> 2.3 is not reported a second time
    f = found[0]
    assert (f.lang, f.clause, f.other_lang) == ("kk", "2.2", "ru")
    assert f.other_line == 31 and "kk: clause 2.2 of the ru source is missing here" in f.message


def test_extra_clause_fires(tmp_path):
    edits = {"en": [("## 3. Contacts", "2.4. The Company may also keep backups.\n\n## 3. Contacts")]}
    found = findings(tmp_path, edits)
    assert rules(found) == ["clause-extra"]
    assert found[0].clause == "2.4" and found[0].lang == "en"


def test_clauses_in_another_order_fire(tmp_path):
    en = (tmp_path / "x").parent  # noqa: F841 (keeps the signature obvious)
    edits = {
        "en": [
            ("2.2. A paid subscription", "2.3. A paid subscription"),
            ("2.3. The data is kept", "2.2. The data is kept"),
        ]
    }
    found = findings(tmp_path, edits)
    assert "clause-order" in rules(found)
    assert "numbering-order" in rules(found)


def test_a_missing_sub_item_is_one_finding_for_the_clause(tmp_path):
    # two sub-items merged into one: a count, not an item that can be named (see check/test_meaning.py)
    edits = {
        "kk": [
            (
                "1) телефон нөмірі;\n2) электрондық пошта мекенжайы;\n3) құрылғының IP-мекенжайы.",
                "1) телефон нөмірі мен электрондық пошта мекенжайы;\n2) құрылғының IP-мекенжайы.",
            )
        ]
    }
    found = findings(tmp_path, edits)
    assert rules(found) == ["block-count"]
    assert found[0].params["count"] == 2 and found[0].params["src_count"] == 3


def test_bullets_in_one_language_and_plain_lines_in_another_are_not_a_defect(tmp_path):
    edits = {
        "en": [
            (
                "- e-mail: privacy@demo.kz;\n- phone: +7 708 466 84 22.",
                "E-mail: privacy@demo.kz;\n\nPhone: +7 708 466 84 22.",
            )
        ]
    }
    assert findings(tmp_path, edits) == []


def test_numbered_heading_and_numbered_clause_are_the_same_provision(tmp_path):
    edits = {"en": [("## 3. Contacts", "3. Contacts")]}
    assert only(findings(tmp_path, edits), "clause-missing") == []


# --- numbering ---------------------------------------------------------------------


def test_gap_in_numbering_fires_once_for_all_languages(tmp_path):
    edits = {lang: [("2.3. ", "2.4. ")] for lang in ("ru", "kk", "en")}
    found = findings(tmp_path, edits)
    gaps = only(found, "numbering-gap")
    assert len(gaps) == 1 and gaps[0].lang == "ru" and gaps[0].clause == "2.4"
    assert "2.3 is missing" in gaps[0].message and "the same in kk, en" in gaps[0].message


def test_duplicate_number_fires(tmp_path):
    found = findings(tmp_path, {"ru": [("2.3. ", "2.2. ")]})
    assert "numbering-duplicate" in rules(found)


def test_skipped_level_fires(tmp_path):
    found = findings(tmp_path, {"ru": [("2.1. Компания", "2.1.1. Компания")]})
    assert any(f.rule == "numbering-level" and f.clause == "2.1.1" for f in found)


def test_mixed_list_markers_fire(tmp_path):
    found = findings(tmp_path, {"ru": [("3) IP-адрес", "3. IP-адрес")]})
    assert "numbering-mixed" in rules(found)


def test_sub_items_that_restart_after_a_paragraph_are_not_a_gap(tmp_path):
    edits = {lang: [("2.2. ", "Текст.\n\n1) один;\n2) два.\n\n2.2. ")] for lang in ("ru",)}
    found = findings(tmp_path, edits)
    assert only(found, "numbering-gap") == [] and only(found, "numbering-order") == []


# --- invariants --------------------------------------------------------------------


def test_an_amount_that_differs_fires(tmp_path):
    found = findings(tmp_path, {"kk": [("айына 3 500 теңге", "айына 5 000 теңге")]})
    f = only(found, "amount-differs")
    assert len(f) == 1 and only(found, "invariant-mismatch") == []
    assert "'3500 KZT'" in f[0].message and "'5000 KZT'" in f[0].message


def test_a_spelled_out_number_that_differs_fires(tmp_path):
    found = findings(tmp_path, {"en": [("7 (seven) calendar", "10 (ten) calendar")]})
    assert rules(found) == ["period-differs"]
    assert "'7 calendar days'" in found[0].message and "'10 calendar days'" in found[0].message


def test_a_spelled_out_number_without_a_unit_that_differs_fires(tmp_path):
    found = findings(tmp_path, {"en": [("BIN 140140030904", "BIN 140140030904, 7 (seven) copies")]})
    assert [f.params["category"] for f in only(found, "invariant-mismatch")] == ["numbers"]


def test_a_phone_that_differs_fires_and_spacing_does_not(tmp_path):
    found = findings(tmp_path, {"en": [("call +7 708 466 8422", "call +7 708 466 8423")]})
    assert [f.params["category"] for f in only(found, "invariant-mismatch")] == ["phone numbers"]


def test_email_bin_date_version_percent_each_fire(tmp_path):
    edits = {
        "en": [
            ("privacy@demo.kz or", "info@demo.kz or"),
            ("BIN 140140030904", "BIN 140140030905"),
            ("March 1, 2024", "March 2, 2024"),
            ("TLS v1.2", "TLS v1.3"),
            ("12.5%", "15%"),
        ]
    }
    cats = {f.params["category"] for f in only(findings(tmp_path, edits), "invariant-mismatch")}
    assert cats == {"e-mail addresses", "BIN/IIN numbers", "dates", "version numbers", "percentages"}


# --- language ----------------------------------------------------------------------


def test_russian_text_in_the_kazakh_file_fires(tmp_path):
    edits = {
        "kk": [
            (
                "Деректер 2.1-тармақта көрсетілгендей 3 (үш) жыл бойы сақталады.",
                "Данные хранятся у оператора в течение 3 (трех) лет, как указано в пункте 2.1.",
            )
        ]
    }
    found = findings(tmp_path, edits)
    assert [(f.lang, f.params["found"]) for f in only(found, "wrong-language")] == [("kk", "Russian")]


def test_cyrillic_word_in_english_fires_and_quoted_product_name_does_not(tmp_path):
    edits = {"en": [("since their publication", "since their опубликования")]}
    found = findings(tmp_path, edits)
    assert [f.params["words"] for f in only(found, "foreign-words")] == ["'опубликования'"]


def test_untranslated_clause_fires(tmp_path):
    ru = "2.3. Данные хранятся в течение 3 (трех) лет, как указано в пункте 2.1."
    found = findings(tmp_path, {"kk": [("2.3. Деректер 2.1-тармақта көрсетілгендей 3 (үш) жыл бойы сақталады.", ru)]})
    assert only(found, "untranslated") and not only(found, "wrong-language")


def test_much_shorter_translation_fires(tmp_path):
    edits = {
        "en": [
            (
                "A paid subscription costs 3,500 tenge per month, of which 12.5% is the fee of Kaspi Bank.",
                "It costs 3,500 tenge, 12.5%.",
            )
        ]
    }
    edits["ru"] = [
        (
            "2.2. Стоимость",
            "2.2. Стоимость платной подписки для физических лиц и индивидуальных "
            "предпринимателей, оформленной через приложение, а не через сайт. Стоимость",
        )
    ]
    found = findings(tmp_path, edits)
    assert only(found, "length-ratio") and only(found, "length-ratio")[0].lang == "en"


# --- script, leftovers -------------------------------------------------------------


def test_mixed_script_word_points_out_the_latin_letters(tmp_path):
    found = findings(tmp_path, {"kk": [("Жалпы ережелер", "Жалпы Аktуалды ережелер")]})
    f = only(found, "mixed-script")
    assert len(f) == 1 and f[0].params["word"] == "Аktуалды"
    assert "'k' (2nd letter), 't' (3rd letter) are Latin" in f[0].message


def test_placeholders_fire(tmp_path):
    found = findings(tmp_path, {"ru": [("БИН 140140030904", "БИН _____"), ("в месяц", "в месяц [...] TODO")]})
    assert sorted(f.params["text"] for f in only(found, "placeholder")) == ["TODO", "[...]", "_____"]


def test_doubled_word_fires(tmp_path):
    found = findings(tmp_path, {"en": [("The Company processes", "The Company processes processes")]})
    assert [f.params["word"] for f in only(found, "doubled-word")] == ["processes"]


def test_unbalanced_brackets_and_quotes_fire_inline_list_markers_do_not(tmp_path):
    found = findings(
        tmp_path,
        {
            "ru": [
                ("(БИН 140140030904)", "(БИН 140140030904"),
                ("Компания обрабатывает", "Компания по договору: а) с согласия, б) по закону обрабатывает"),
                ("приложения «Демо»", "приложения «Демо"),
            ]
        },
    )
    assert sorted(f.params["what"] for f in only(found, "unbalanced")) == ["brackets ( )", "quotation marks « »"]


def test_broken_markdown_fires(tmp_path):
    found = findings(
        tmp_path,
        {
            "en": [
                ("1.1. **User** –", "1.1. **User –"),
                ("write to privacy@demo.kz", "write to [our office]() privacy@demo.kz"),
            ]
        },
    )
    details = [f.params["detail"] for f in only(found, "broken-markdown")]
    assert any("odd number of '**'" in d for d in details) and any("no target" in d for d in details)


def test_unsafe_link_fires(tmp_path):
    found = findings(
        tmp_path, {"en": [("at <https://demo.kz/privacy>", "at <https://demo.kz/privacy> [x](javascript:alert)")]}
    )
    assert only(found, "unsafe-link")


# --- cross-references --------------------------------------------------------------


def test_reference_to_a_missing_clause_fires_in_every_language_form(tmp_path):
    edits = {
        "ru": [("в пункте 2.1", "в пункте 2.9")],
        "kk": [("2.1-тармақта", "2.9-тармақта")],
        "en": [("in clause 2.1", "in clause 2.9")],
    }
    found = only(findings(tmp_path, edits), "xref-missing")
    assert sorted(f.lang for f in found) == ["en", "kk", "ru"] and {f.params["number"] for f in found} == {"2.9"}


def test_reference_to_another_act_is_not_ours(tmp_path):
    edits = {
        "ru": [("в пункте 2.1.", "в пункте 2.1 и в пункте 9 статьи 7 Закона.")],
        "kk": [("2.1-тармақта", "2.1-тармақта және Заңның 7-бабының 9-тармағында")],
        "en": [("in clause 2.1.", "in clause 2.1 and in clause 9 of Article 7 of the Law.")],
    }
    found = findings(tmp_path, edits)
    assert only(found, "xref-missing") == [] and only(found, "xref-differs") == []


def test_reference_that_differs_between_languages_fires(tmp_path):
    found = findings(tmp_path, {"en": [("in clause 2.1", "in clause 2.2")]})
    f = only(found, "xref-differs")
    assert len(f) == 1 and f[0].params["values"] == "2.2" and f[0].params["src_values"] == "2.1"


# --- terminology -------------------------------------------------------------------

GLOSSARY = parse_glossary(
    [
        {"ru": "персональные данные", "kk": "дербес деректер", "en": "personal data"},
        {"ru": "данные", "kk": "деректер", "en": "data"},
    ]
)


def test_term_with_another_ending_is_recognised(tmp_path):
    # "персональных данных" / "дербес деректерін" / "personal data" in the preamble
    assert only(findings(tmp_path, glossary=GLOSSARY), "term-missing") == []


def test_term_missing_in_one_clause_fires(tmp_path):
    edits = {"en": [("## 2. Processing of Personal Data", "## 2. Processing of Private Information")]}
    found = [
        f
        for f in findings(tmp_path, edits, glossary=GLOSSARY)
        if f.rule == "term-missing" and f.params["expected"] == "personal data"
    ]
    assert len(found) == 1 and found[0].lang == "en" and found[0].clause == "2"


def test_term_checked_the_other_way_too(tmp_path):
    edits = {"ru": [("## 2. Обработка персональных данных", "## 2. Обработка сведений")]}
    found = [f for f in findings(tmp_path, edits, glossary=GLOSSARY) if f.params.get("found") == "personal data"]
    assert [(f.rule, f.lang, f.clause) for f in found] == [("term-unexpected", "en", "2")]


def test_defined_term_counts_only_when_capitalised(tmp_path):
    glossary = parse_glossary([{"ru": "Аккаунт", "en": "Account"}])
    edits = {"en": [("The Company processes", "The Company, which also keeps accounts, processes")]}
    assert only(findings(tmp_path, edits, glossary=glossary), "term-unexpected") == []
    edits = {"en": [("The Company processes", "The Company, which also keeps the Account, processes")]}
    assert only(findings(tmp_path / "b", edits, glossary=glossary), "term-unexpected")


def test_a_term_translated_by_another_form_of_its_words_is_accepted(tmp_path):
    glossary = parse_glossary([{"ru": "уничтожение", "en": "destruction"}])
    edits = {
        "ru": [("2.3. Данные хранятся", "2.3. До уничтожения данные хранятся")],
        "en": [("2.3. The data is kept", "2.3. Until destroyed, the data is kept")],
    }
    assert only(findings(tmp_path, edits, glossary=glossary), "term-missing") == []


def test_definition_missing_in_one_language_fires(tmp_path):
    found = findings(tmp_path, {"kk": [("1.1. **Пайдаланушы** –", "1.1. Пайдаланушы –")]})
    f = only(found, "definition-missing")
    assert len(f) == 1 and f[0].lang == "kk" and f[0].params["term"] == "Пользователь"


# --- silences ----------------------------------------------------------------------


def test_a_comment_with_a_reason_silences_the_rule_on_that_clause(tmp_path):
    edits = {
        "kk": [
            (
                "2.2. Ақылы",
                "<!-- check: ignore invariant-mismatch: the tariff is higher in Kazakh by contract -->\n2.2. Ақылы",
            ),
            ("айына 3 500 теңге", "айына 5 000 теңге"),
        ]
    }
    assert findings(tmp_path, edits) == []


def test_a_silence_in_the_source_file_covers_the_translations(tmp_path):
    edits = {
        "ru": [
            ("2.2. Стоимость", "<!-- check: ignore invariant-mismatch: tariffs differ by market -->\n2.2. Стоимость")
        ],
        "kk": [("айына 3 500 теңге", "айына 5 000 теңге")],
    }
    assert findings(tmp_path, edits) == []


def test_a_silence_without_reason_is_an_error_and_silences_nothing(tmp_path):
    edits = {
        "kk": [
            ("2.2. Ақылы", "<!-- check: ignore invariant-mismatch -->\n2.2. Ақылы"),
            ("айына 3 500 теңге", "айына 5 000 теңге"),
        ]
    }
    assert rules(findings(tmp_path, edits)) == ["amount-differs", "silence-without-reason"]


def test_a_silence_of_an_unknown_rule_is_an_error(tmp_path):
    edits = {"kk": [("2.2. Ақылы", "<!-- check: ignore no-such-rule: typo -->\n2.2. Ақылы")]}
    assert rules(findings(tmp_path, edits)) == ["silence-unknown-rule"]


def test_front_matter_silence_for_one_clause(tmp_path):
    edits = {
        "kk": [
            (
                "status: draft\n",
                "status: draft\ncheck:\n  ignore:\n    - rule: invariant-mismatch\n"
                "      clause: '2.2'\n      reason: agreed with the operator\n",
            ),
            ("айына 3 500 теңге", "айына 5 000 теңге"),
        ]
    }
    assert findings(tmp_path, edits) == []


def test_a_kazakh_reference_with_a_softened_ending_is_read(tmp_path):
    """«2.1-тармағында» (қ softens to ғ before a vowel): the same reference as «2.1-тармақта»."""
    same = only(findings(tmp_path / "same", {"kk": [("2.1-тармақта", "2.1-тармағында")]}), "xref-differs")
    assert same == []
    other = only(findings(tmp_path / "other", {"kk": [("2.1-тармақта", "2.2-тармағында")]}), "xref-differs")
    assert [f.lang for f in other] == ["kk"]
