"""The checker's messages in Russian, Kazakh and English, through the `checker` gettext catalog.

The catalog itself (complete, no fuzzy entries, the same placeholders as the English id,
compiled .mo and extracted .pot up to date with the code), then every rule on a finding the
checker really produces, in each language, and what users see: `check --lang kk`, the serve
preview of a Kazakh page and the side-by-side page.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner
from lxml import html as lxml_html

from policydocs import corpus as corpus_mod
from policydocs.check import RULES, check_policy, report
from policydocs.check.terminology import parse as parse_glossary
from policydocs.check.wording import COUNTS, PLACES, Phrase, counted
from policydocs.cli import main
from policydocs.i18n import LOCALE_DIR
from policydocs.site import pages as site_pages

from ..check_helpers import findings, make_project
from ..translation_helpers import edit, run, seed_project

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tools" / "policydocs"
KAZAKH_LETTERS = set("әғқңөұүһі")
LEFTOVER = re.compile(r"\{[a-z_0-9]+\}")
WHO = ("--by", "Айгерим Нурланова <aigerim@example.kz>", "--yes")


def catalog(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "checker.po", "rb") as f:
        return read_po(f, locale=lang)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --- the catalog ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_is_translated_with_the_same_placeholders_and_nothing_fuzzy(lang):
    cat = catalog(lang)
    assert not cat.fuzzy
    messages = [m for m in cat if m.id]
    assert len(messages) > 150
    for m in messages:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert not m.fuzzy, m.id
        assert all(strings) and len(strings) == (cat.num_plurals if isinstance(m.id, tuple) else 1), m.id
        want = set().union(*(placeholders(i) for i in ids))
        for s in strings:
            assert placeholders(s) == want, (lang, m.id, s)


def test_plural_forms_are_the_languages_own():
    assert catalog("ru").num_plurals == 3 and catalog("kk").num_plurals == 2


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_committed_mo_is_the_compiled_po(lang):
    buf = io.BytesIO()
    write_mo(buf, catalog(lang))
    assert (LOCALE_DIR / lang / "LC_MESSAGES" / "checker.mo").read_bytes() == buf.getvalue(), (
        "run `make messages` (pybabel compile) and commit the .mo"
    )


def test_the_template_holds_exactly_the_messages_of_the_code():
    method_map = [("check/**.py", "python")]  # babel-checker.cfg
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "N_plural": (1, 2)}  # the Makefile's -k
    found = {
        msg if isinstance(msg, str) else msg[0]
        for _, _, msg, *_ in extract_from_dir(str(PACKAGE), method_map, keywords=keywords)
    }
    with open(LOCALE_DIR / "checker.pot", "rb") as f:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert found == template, "run `make messages` and translate the new entries"
    # and every rule's message and reason is one of them (none left as a hand-made string)
    for rule in RULES.values():
        assert rule.reason in template and (rule.message in template or rule.message == "{detail}"), rule.id


# --- every rule, on findings the checker produces ------------------------------------

GLOSSARY = parse_glossary(
    [
        {"ru": "персональные данные", "kk": "дербес деректер", "en": "personal data"},
        {"ru": "данные", "kk": "деректер", "en": "data"},
    ]
)


def _confirmed_then(tmp_path: Path, change) -> list:
    docs = make_project(tmp_path)
    assert (
        CliRunner().invoke(main, ["confirm", "demo/privacy", "--lang", "kk", "--docs", str(docs), *WHO]).exit_code == 0
    )
    change(docs)
    policy = corpus_mod.load(docs).policies["demo/privacy"]
    return check_policy(policy, project_root=tmp_path)


def _numbers_removed(docs: Path) -> None:
    """The three texts with their section and clause numbers taken out (an app policy of headings and paragraphs)."""
    for path in docs.glob("*/demo/privacy.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^(## )?\d+(?:\.\d+)*\.\s+", r"\1", text), encoding="utf-8")


def _source_changed(docs: Path) -> None:
    ru = docs / "ru/demo/privacy.md"
    ru.write_text(
        ru.read_text(encoding="utf-8").replace("Данные хранятся в течение", "Данные хранятся оператором в течение"),
        encoding="utf-8",
    )


def _clause_added(docs: Path) -> None:
    for lang, text in (
        ("ru", "2.4. Компания уведомляет Пользователя об изменениях."),
        ("kk", "2.4. Компания Пайдаланушыға өзгерістер туралы хабарлайды."),
        ("en", "2.4. The Company notifies the User of changes."),
    ):
        path = docs / lang / "demo/privacy.md"
        head, sep, tail = path.read_text(encoding="utf-8").partition("\n## 3.")
        path.write_text(f"{head}{text}\n{sep}{tail}", encoding="utf-8")


CASES = {  # one real defect per rule, in the good fixture
    "missing-language": dict(drop=("en",)),
    "header-disagrees": dict(edits={"kk": [("notice_days: 7", "notice_days: 10")]}),
    "clause-missing": dict(
        edits={
            "kk": [
                (
                    "2.2. Ақылы жазылымның құны айына 3 500 теңге құрайды, оның 12,5% Kaspi Bank "
                    "банкінің комиссиясы болып табылады.\n\n",
                    "",
                )
            ]
        }
    ),
    "clause-extra": dict(
        edits={"en": [("## 3. Contacts", "2.4. The Company may also keep backups.\n\n## 3. Contacts")]}
    ),
    "clause-order": dict(
        edits={
            "en": [
                ("2.2. A paid subscription", "2.3. A paid subscription"),
                ("2.3. The data is kept", "2.2. The data is kept"),
            ]
        }
    ),
    # two items merged into one: the count differs, no item is missing (list-item-missing names a lone one)
    "block-count": dict(
        edits={
            "kk": [
                (
                    "1) телефон нөмірі;\n2) электрондық пошта мекенжайы;\n3) құрылғының IP-мекенжайы.",
                    "1) телефон нөмірі мен электрондық пошта мекенжайы;\n2) құрылғының IP-мекенжайы.",
                )
            ]
        }
    ),
    "numbering-gap": dict(edits={lang: [("2.3. ", "2.4. ")] for lang in ("ru", "kk", "en")}),
    "numbering-duplicate": dict(edits={"ru": [("2.3. ", "2.2. ")]}),
    "numbering-order": dict(
        edits={
            "en": [
                ("2.2. A paid subscription", "2.3. A paid subscription"),
                ("2.3. The data is kept", "2.2. The data is kept"),
            ]
        }
    ),
    "numbering-level": dict(edits={"ru": [("2.1. Компания", "2.1.1. Компания")]}),
    "numbering-mixed": dict(edits={"ru": [("3) IP-адрес", "3. IP-адрес")]}),
    "invariant-mismatch": dict(edits={"en": [("call +7 708 466 8422", "call +7 708 466 8423")]}),
    "amount-differs": dict(edits={"kk": [("айына 3 500 теңге", "айына 5 000 теңге")]}),
    "period-differs": dict(edits={"en": [("7 (seven) calendar", "10 (ten) working")]}),
    "figure-words-differ": dict(edits={"ru": [("3 (трех) лет", "3 (четырех) лет")]}),
    "sentence-missing": dict(
        edits={
            "ru": [
                (
                    "как указано в пункте 2.1.",
                    "как указано в пункте 2.1. По истечении этого срока данные обезличиваются или уничтожаются.",
                )
            ],
            "kk": [
                ("сақталады.\n", "сақталады. Бұл мерзім өткеннен кейін деректер иесіздендіріледі немесе жойылады.\n")
            ],
        }
    ),
    "sentence-added": dict(
        edits={
            "en": [
                (
                    "as stated in clause 2.1.",
                    "as stated in clause 2.1. After that the Company "
                    "sells the data to 3 (three) partners named in the annex.",
                )
            ]
        }
    ),
    "invisible-character": dict(edits={"ru": [("составляет 3 500 тенге", "составляет \u202e3 500 тенге")]}),
    "header-markup": dict(edits={"en": [("title: Privacy Policy", "title: Privacy <script>alert(1)</script> Policy")]}),
    "wrong-language": dict(
        edits={
            "kk": [
                (
                    "Деректер 2.1-тармақта көрсетілгендей 3 (үш) жыл бойы сақталады.",
                    "Данные хранятся у оператора в течение 3 (трех) лет, как указано в пункте 2.1.",
                )
            ]
        }
    ),
    "foreign-words": dict(edits={"en": [("since their publication", "since their опубликования")]}),
    "untranslated": dict(
        edits={
            "kk": [
                (
                    "2.3. Деректер 2.1-тармақта көрсетілгендей 3 (үш) жыл бойы сақталады.",
                    "2.3. Данные хранятся в течение 3 (трех) лет, как указано в пункте 2.1.",
                )
            ]
        }
    ),
    "length-ratio": dict(
        edits={
            "en": [
                (
                    "A paid subscription costs 3,500 tenge per month, of which 12.5% is the fee of Kaspi Bank.",
                    "It costs 3,500 tenge, 12.5%.",
                )
            ],
            "ru": [
                (
                    "2.2. Стоимость",
                    "2.2. Стоимость платной подписки для физических лиц и индивидуальных "
                    "предпринимателей, оформленной через приложение, а не через сайт. Стоимость",
                )
            ],
        }
    ),
    "mixed-script": dict(edits={"kk": [("Жалпы ережелер", "Жалпы Аktуалды ережелер")]}),
    "placeholder": dict(edits={"ru": [("БИН 140140030904", "БИН _____")]}),
    "doubled-word": dict(edits={"en": [("The Company processes", "The Company processes processes")]}),
    "unbalanced": dict(edits={"ru": [("(БИН 140140030904)", "(БИН 140140030904")]}),
    "broken-markdown": dict(edits={"en": [("1.1. **User** –", "1.1. **User –")]}),
    "unsafe-link": dict(
        edits={"en": [("at <https://demo.kz/privacy>", "at <https://demo.kz/privacy> [x](javascript:alert)")]}
    ),
    "xref-missing": dict(
        edits={
            "ru": [("в пункте 2.1", "в пункте 2.9")],
            "kk": [("2.1-тармақта", "2.9-тармақта")],
            "en": [("in clause 2.1", "in clause 2.9")],
        }
    ),
    "xref-differs": dict(edits={"en": [("in clause 2.1", "in clause 2.2")]}),
    "term-missing": dict(
        edits={"en": [("## 2. Processing of Personal Data", "## 2. Processing of Private Information")]},
        glossary=GLOSSARY,
    ),
    "term-unexpected": dict(
        edits={"ru": [("## 2. Обработка персональных данных", "## 2. Обработка сведений")]}, glossary=GLOSSARY
    ),
    "term-never-used": dict(glossary=parse_glossary([{"ru": "данные", "kk": "деректер", "en": "information"}])),
    "definition-missing": dict(edits={"kk": [("1.1. **Пайдаланушы** –", "1.1. Пайдаланушы –")]}),
    "definition-extra": dict(edits={"ru": [("1.1. **Пользователь** –", "1.1. Пользователь –")]}),
    "stale-translation": dict(then=_source_changed),
    "unconfirmed-translation": dict(then=_clause_added),
    # what a clause does (check/meaning.py)
    "polarity-differs": dict(
        edits={
            "en": [("The Company processes the following data:", "The Company does not process the following data:")]
        }
    ),
    "modality-differs": dict(
        edits={
            "ru": [("Компания обрабатывает следующие данные:", "Компания вправе обрабатывать следующие данные:")],
            "en": [("The Company processes the following data:", "The Company shall process the following data:")],
        }
    ),
    "actor-differs": dict(
        edits={"en": [("The Company processes the following data:", "The User processes the following data:")]}
    ),
    "condition-differs": dict(
        edits={"en": [("The Company processes the following data:", "The Company processes only the following data:")]}
    ),
    "place-differs": dict(
        edits={
            "ru": [("Данные хранятся в течение", "Данные хранятся в Республике Казахстан в течение")],
            "en": [("The data is kept for", "The data is kept in the Russian Federation for")],
        }
    ),
    "currency-differs": dict(
        edits={
            "ru": [("Данные хранятся в течение", "Расчёты ведутся в тенге. Данные хранятся в течение")],
            "en": [("The data is kept for", "Payments are made in rubles. The data is kept for")],
        }
    ),
    "law-differs": dict(
        edits={
            "ru": [
                (
                    "Данные хранятся в течение",
                    "Согласно Закону «О персональных данных и их защите» данные хранятся в течение",
                )
            ],
            "en": [("The data is kept for", 'Under the Law "On Advertising", the data is kept for')],
        }
    ),
    "list-item-missing": dict(
        edits={"en": [("- e-mail: privacy@demo.kz;\n- phone: +7 708 466 84 22.", "- e-mail: privacy@demo.kz.")]}
    ),
    "list-item-added": dict(
        edits={
            "kk": [
                (
                    "3) құрылғының IP-мекенжайы.",
                    "3) құрылғының IP-мекенжайы;\n4) банк картасының CVV коды және оның PIN-коды.",
                )
            ]
        }
    ),
    "aligned-by-order": dict(then=lambda docs: _numbers_removed(docs)),
    "silence-without-reason": dict(
        edits={"kk": [("2.2. Ақылы", "<!-- check: ignore invariant-mismatch -->\n2.2. Ақылы")]}
    ),
    "silence-unknown-rule": dict(
        edits={"kk": [("2.2. Ақылы", "<!-- check: ignore no-such-rule: typo -->\n2.2. Ақылы")]}
    ),
}


def fired(tmp_path: Path, rule: str) -> list:
    case = CASES[rule]
    if "then" in case:
        found = _confirmed_then(tmp_path, case["then"])
    else:
        found = findings(tmp_path, case.get("edits"), case.get("drop", ()), glossary=case.get("glossary"))
    return [f for f in found if f.rule == rule]


def test_there_is_a_case_for_every_rule():
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_is_worded_in_russian_kazakh_and_english(tmp_path, rule):
    own = fired(tmp_path, rule)
    assert own, f"the case for {rule} no longer fires"
    for f in own:
        en = f.text("en")
        assert en == f.message and not LEFTOVER.search(en) and not LEFTOVER.search(f.why("en")), en
        for lang in ("ru", "kk"):
            text, why = f.text(lang), f.why(lang)
            assert not LEFTOVER.search(text) and not LEFTOVER.search(why), (lang, text)
            assert text != en and why != f.why("en"), (lang, text)  # translated, not the English id
            assert re.search("[а-яё]", why, re.I)
        assert set(f.why("kk")) & KAZAKH_LETTERS, f.why("kk")
        # a finding crosses process boundaries (check_corpus's workers) without its words
        back = pickle.loads(pickle.dumps(f))
        assert all(back.text(lang) == f.text(lang) for lang in ("ru", "kk", "en"))


def test_a_missing_clause_is_named_in_each_language_without_a_case_ending_on_the_number(tmp_path):
    f = fired(tmp_path, "clause-missing")[0]
    assert f.text("en") == "kk: clause 2.2 of the ru source is missing here (it is at ru line 31)"
    assert f.text("ru") == "kk: отсутствует пункт 2.2 исходного текста ru (в ru это строка 31)"
    assert f.text("kk") == "kk: мұнда ru бастапқы мәтініндегі 2.2-тармақ жоқ (ru мәтінінде бұл 31-жол)"


def test_a_block_inside_a_clause_and_counts_are_worded_per_language(tmp_path):
    f = fired(tmp_path, "block-count")[0]
    assert f.params["count"] == 2 and f.params["src_count"] == 3  # the numbers stay numbers
    assert f.text("en") == "kk: clause 2.1 has 2 sub-items, the ru text has 3 sub-items"
    assert f.text("ru") == "kk: пункт 2.1: здесь 2 подпункта, в тексте ru — 3 подпункта"
    assert f.text("kk") == "kk: 2.1-тармақ: мұнда 2 тармақша, ал ru мәтінінде 3 тармақша"


def test_periods_are_worded_with_each_languages_kind_of_day(tmp_path):
    f = fired(tmp_path, "period-differs")[0]
    assert f.text("en") == "en: the periods differ from the ru text: ru has '7 calendar days', en has '10 working days'"
    assert f.text("ru") == "en: сроки не совпадают с текстом ru: в ru '7 календ. дн.', в en '10 раб. дн.'"
    assert f.text("kk") == (
        "en: мерзімдер ru мәтінімен сәйкес келмейді: ru мәтінінде '7 күнтізбелік күн', en мәтінінде '10 жұмыс күні'"
    )


@pytest.mark.parametrize(
    "n, ru, kk, en",
    [
        (1, "1 подпункт", "1 тармақша", "1 sub-item"),
        (2, "2 подпункта", "2 тармақша", "2 sub-items"),
        (5, "5 подпунктов", "5 тармақша", "5 sub-items"),
        (11, "11 подпунктов", "11 тармақша", "11 sub-items"),
        (21, "21 подпункт", "21 тармақша", "21 sub-items"),
        (22, "22 подпункта", "22 тармақша", "22 sub-items"),
    ],
)
def test_russian_counts_take_three_plural_forms(n, ru, kk, en):
    p = counted(COUNTS["item"], n)
    assert (p.render("ru"), p.render("kk"), p.render("en"), str(p)) == (ru, kk, en, en)


def test_places_and_the_summary_are_in_the_case_their_message_needs():
    assert [counted(PLACES, n).render("ru") for n in (1, 3, 5)] == ["1 месте", "3 местах", "5 местах"]
    assert report.summary(1, 0, 1, "en") == "1 error, 0 warnings in 1 document"
    assert report.summary(2, 5, 21, "ru") == "2 ошибки, 5 предупреждений в 21 документе"
    assert report.summary(1, 1, 3, "kk") == "3 құжатта: 1 қате, 1 ескерту"


def test_a_phrase_is_its_english_wording_and_pickles_without_words():
    p = counted(COUNTS["bullet"], 3)
    assert isinstance(p, str) and p == "3 list items" and p.render("ru") == "3 элемента перечня"
    data = pickle.dumps(p)
    assert "перечня".encode() not in data and len(data) < 200
    assert pickle.loads(data).render("kk") == "3 тізім элементі"
    assert repr(Phrase("the title")) == "Phrase('the title')"


def test_kazakh_letters_survive_the_compiled_catalog():
    from policydocs.i18n import translation

    compiled = translation("kk", "checker")
    seen = set()
    for m in catalog("kk"):
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            got = tuple(compiled.ngettext(m.id[0], m.id[1], n) for n in (1, 2))
            assert got == tuple(m.string)
        else:
            assert compiled.gettext(m.id) == m.string
        words = " ".join(m.string) if isinstance(m.string, tuple) else m.string
        seen |= set(words) & KAZAKH_LETTERS
        # a Kazakh word typed with a Latin look-alike letter would read right and search wrong
        assert not re.search(r"[a-zA-Z][а-яёәғқңөұүһі]|[а-яёәғқңөұүһі][a-zA-Z]", words, re.I), words
    assert len(seen) >= 8  # ә ғ қ ң ө ұ ү і (һ is in loanwords only)


def test_the_sentence_rules_name_the_sentence_in_each_language(tmp_path):
    f = fired(tmp_path, "sentence-missing")[0]
    assert "the second sentence of the ru text has no counterpart" in f.text("en")
    assert "у второго предложения текста ru нет соответствия" in f.text("ru")
    assert "ru мәтініндегі екінші сөйлемнің мұнда баламасы жоқ" in f.text("kk")


def test_mixed_letters_are_pointed_out_in_each_language(tmp_path):
    f = fired(tmp_path, "mixed-script")[0]
    assert "'k' (2nd letter), 't' (3rd letter) are Latin" in f.text("en")
    assert "«k» (2-я буква), «t» (3-я буква) — латиница" in f.text("ru")
    assert "«k» (2-әріп), «t» (3-әріп) — латын әріптері" in f.text("kk")


def test_list_rules_gives_the_reasons_in_the_chosen_language():
    for lang, word in (("ru", "невидимый символ"), ("kk", "көрінбейтін таңба"), ("en", "an invisible character")):
        out = CliRunner().invoke(main, ["check", "--list-rules", "--lang", lang]).output
        assert word in out and "{" not in out
        assert [line.split()[0] for line in out.splitlines()] == list(RULES)


# --- what users see ------------------------------------------------------------------


def test_check_in_kazakh_on_a_real_broken_policy_prints_kazakh_and_exits_1(tmp_path):
    root = seed_project(tmp_path, versions=False)
    kk = root / "docs/kk/yasam/privacy.md"
    edit(kk, "Интернет желісі арқылы", "Интернет желісі арқылы 5 (бес) жұмыс күні ішінде")
    result = run(root, "check", "docs", "--lang", "kk")
    assert result.exit_code == 1, result.output
    out = result.output
    assert "қате period-differs [1.1.8]" in out
    assert "kk: мерзімдер ru мәтінімен сәйкес келмейді: ru мәтінінде жоқ, kk мәтінінде '5 жұмыс күні'" in out
    assert "неге бұл маңызды:" in out and out.rstrip().endswith("1 құжатта: 1 қате, 0 ескерту")
    # the JSON keeps its English field names, the words are Kazakh
    data = json.loads(run(root, "check", "docs", "--lang", "kk", "--format", "json").output)
    assert data[0]["rule"] == "period-differs" and "мерзімдер" in data[0]["message"] and "мерзім" in data[0]["why"]


def test_the_global_language_and_the_locale_choose_the_findings_language(tmp_path, monkeypatch):
    docs = make_project(
        tmp_path,
        {
            "kk": [
                (
                    "1) телефон нөмірі;\n2) электрондық пошта мекенжайы;\n3) құрылғының IP-мекенжайы.",
                    "1) телефон нөмірі мен электрондық пошта мекенжайы;\n2) құрылғының IP-мекенжайы.",
                )
            ]
        },
    )
    out = CliRunner().invoke(main, ["--lang", "kk", "check", str(docs)]).output
    assert "kk: 2.1-тармақ: мұнда 2 тармақша, ал ru мәтінінде 3 тармақша" in out and "1 құжатта: 1 қате" in out
    monkeypatch.setenv("POLICYDOCS_LANG", "ru")
    from policydocs.i18n import set_language

    set_language(None)  # as a fresh command: the language comes from the environment
    out = CliRunner().invoke(main, ["check", str(docs)]).output
    assert "kk: пункт 2.1: здесь 2 подпункта, в тексте ru — 3 подпункта" in out and "1 ошибка, 0 предупреждений" in out


def test_the_serve_preview_shows_findings_in_the_pages_language_escaped(tmp_path):
    edits = {
        "kk": [
            ("operator: «Демо Финанс» ЖШС", "operator: '<img src=x onerror=alert(1)> «Демо Финанс» ЖШС'"),
            ("Жалпы ережелер", "Жалпы Аktуалды ережелер"),
        ]
    }
    docs = make_project(tmp_path, edits)
    found = check_policy(corpus_mod.load(docs).policies["demo/privacy"], project_root=tmp_path)
    box = site_pages.findings_box(found, "kk")
    assert "қате" in box and "«Аktуалды» сөзінде кирилл мен латын әріптері аралас" in box
    assert "өрісінде белгілеу немесе скрипт мекенжайы бар: «&lt;img src=x onerror=alert(1)&gt;" in box
    assert "<img" not in box  # the field's text comes from the policy file: escaped
    assert site_pages.findings_box(found, "ru") == ""  # both findings are about the Kazakh text only
    en_doc = make_project(tmp_path / "en", {"en": [("The Company processes", "The Company processes processes")]})
    found = check_policy(corpus_mod.load(en_doc).policies["demo/privacy"], project_root=tmp_path / "en")
    box = site_pages.findings_box(found, "en")
    assert "warning <code>doubled-word</code>" in box and "the word &#x27;processes&#x27; is written twice" in box


def test_the_side_by_side_preview_words_findings_in_the_pages_language(tmp_path):
    from policydocs.site import compare

    root = seed_project(tmp_path, versions=False)
    edit(
        root / "docs/kk/yasam/privacy.md", "Интернет желісі арқылы", "Интернет желісі арқылы 5 (бес) жұмыс күні ішінде"
    )
    corpus = corpus_mod.load(root / "docs")
    policy = corpus.policies["yasam/privacy"]
    found = check_policy(policy, project_root=root)
    html = dict(compare.site_pages(policy, None, root, True, found))
    said = {}
    for lang in ("ru", "kk", "en"):
        row = lxml_html.fromstring(html[lang].encode("utf-8")).get_element_by_id("cl-1-1-8").getparent()
        said[lang] = " ".join(li.text_content() for li in row.xpath(".//ul[@class='pdc-findings']/li"))
    assert "сроки не совпадают" in said["ru"] and "мерзімдер" in said["kk"] and "the periods differ" in said["en"]


def test_the_checkers_input_errors_speak_the_language_of_the_messages(tmp_path):
    """A broken glossary and an unknown --document are input errors: one line in kk/ru/en with the place, exit 2."""
    import subprocess
    import sys

    (tmp_path / "docs").mkdir()
    glossary = tmp_path / "glossary.yml"

    def check(lang: str) -> str:
        run = subprocess.run(
            [str(Path(sys.executable).parent / "policydocs"), "--lang", lang, "check", "docs", "--document", "no/such"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert run.returncode == 2, run.stderr
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        return run.stderr

    glossary.write_text("- ru: [оператор\n", encoding="utf-8")
    assert "glossary.yml:2: глоссарий дұрыс YAML емес" in check("kk")
    assert "glossary.yml:2: глоссарий не является правильным YAML" in check("ru")
    glossary.unlink()
    words = {
        "kk": "бұл қалтада id-і 'no/such' болатын құжат жоқ",
        "ru": "в этой папке нет документа с id 'no/such'",
        "en": "no document with id 'no/such' under this folder",
    }
    for lang, expected in words.items():
        assert expected in check(lang)
