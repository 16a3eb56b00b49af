"""What a clause does, compared across languages: each rule fires on a real mistranslation and stays
silent on the correct translation, in every language pair (ru-kk, ru-en, and kk-en with a Kazakh source).

Texts are written the way Kazakhstan user agreements and privacy policies word them; each case is a
three-language document made here, checked by the engine as `policydocs check` does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydocs import corpus as corpus_mod
from policydocs.check import check_policy, markers, meaning, morph
from policydocs.check.terminology import Glossary, parse as parse_glossary
from policydocs.cli import main as cli
from policydocs.errors import PolicyError

HEAD = {"ru": ("Пользовательское соглашение", "ТОО «Касса Онлайн»", "Условия"),
        "kk": ("Пайдаланушы келісімі", "«Касса Онлайн» ЖШС", "Шарттар"),
        "en": ("User Agreement", "Kassa Online LLP", "Terms")}


def write(root: Path, texts: dict[str, list[str]], source: str = "ru", name: str = "terms",
          translated: bool = False) -> Path:
    """docs/<lang>/kassa/<name>.md with the clauses 1.1, 1.2, ... (a clause may hold '- ' items)."""
    docs = root / "docs"
    for lang, clauses in texts.items():
        title, operator, section = HEAD[lang]
        body = "\n\n".join(f"1.{i}. {c}" for i, c in enumerate(clauses, 1))
        front = (f"---\nid: kassa/{name}\ntitle: {title}\nlang: {lang}\nproduct: Касса\noperator: {operator}\n"
                 f"notice_days: 7\nstatus: draft\nsource_lang: {source}\n"
                 + ("origin: translation\n" if translated and lang != source else "")
                 + f"---\n\n# {title}\n\n## 1. {section}\n\n")
        path = docs / lang / "kassa" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + body + "\n", encoding="utf-8")
    return docs


def check(tmp_path: Path, texts: dict[str, list[str]], source: str = "ru", glossary: Glossary | None = None):
    docs = write(tmp_path, texts, source)
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    return check_policy(policy, glossary=glossary or Glossary([]), project_root=tmp_path)


def pair(tmp_path: Path, src_lang: str, src: str, lang: str, text: str, third: tuple[str, str]):
    """The rules that fire on ``lang`` against ``src_lang``; ``third`` is a correct third language."""
    texts = {src_lang: [src], lang: [text], third[0]: [third[1]]}
    return sorted(f.rule for f in check(tmp_path, texts, source=src_lang) if f.lang == lang)


RU_EN, RU_KK, KK_EN = ("ru", "en"), ("ru", "kk"), ("kk", "en")

# (rule, source language, source, translation language, wrong translation, right translation, third language)
CASES = [
    # polarity
    ("polarity-differs", "ru", "Компания не передаёт персональные данные Пользователя третьим лицам.",
     "en", "The Company transfers the User's personal data to third parties.",
     "The Company does not transfer the User's personal data to third parties.",
     ("kk", "Компания Пайдаланушының дербес деректерін үшінші тұлғаларға бермейді.")),
    ("polarity-differs", "ru", "Персональные данные Пользователя не передаются третьим лицам.",
     "kk", "Пайдаланушының дербес деректері үшінші тұлғаларға беріледі.",
     "Пайдаланушының дербес деректері үшінші тұлғаларға берілмейді.",
     ("en", "The User's personal data are not transferred to third parties.")),
    ("polarity-differs", "kk", "Компания Пайдаланушының дербес деректерін сатпайды.",
     "en", "The Company sells the User's personal data.", "The Company does not sell the User's personal data.",
     ("ru", "Компания не продаёт персональные данные Пользователя.")),
    ("polarity-differs", "ru", "Компания хранит данные на серверах в Республике Казахстан.",
     "en", "The Company does not store data on servers in the Republic of Kazakhstan.",
     "The Company stores data on servers in the Republic of Kazakhstan.",
     ("kk", "Компания деректерді Қазақстан Республикасындағы серверлерде сақтайды.")),
    # modality
    ("modality-differs", "ru", "Пользователь вправе удалить аккаунт в любое время.",
     "en", "The User shall delete the account at any time.", "The User may delete the account at any time.",
     ("kk", "Пайдаланушы аккаунтты кез келген уақытта жоюға құқылы.")),
    ("modality-differs", "ru", "Пользователь обязан предоставлять достоверные сведения о себе.",
     "kk", "Пайдаланушы өзі туралы дұрыс мәліметтерді ұсынуға құқылы.",
     "Пайдаланушы өзі туралы дұрыс мәліметтерді ұсынуға міндетті.",
     ("en", "The User shall provide accurate information about themselves.")),
    ("modality-differs", "kk", "Пайдаланушы аккаунтты кез келген уақытта жоюға құқылы.",
     "en", "The User must delete the account at any time.", "The User is entitled to delete the account at any time.",
     ("ru", "Пользователь вправе удалить аккаунт в любое время.")),
    # actors
    ("actor-differs", "ru", "Пользователь обязуется соблюдать условия настоящего Соглашения.",
     "en", "The Company undertakes to comply with the terms of this Agreement.",
     "The User undertakes to comply with the terms of this Agreement.",
     ("kk", "Пайдаланушы осы Келісімнің талаптарын сақтауға міндеттенеді.")),
    ("actor-differs", "ru", "Компания возмещает Пользователю стоимость неоказанной услуги.",
     "kk", "Пайдаланушы Компанияға көрсетілмеген қызметтің құнын өтейді.",
     "Компания Пайдаланушыға көрсетілмеген қызметтің құнын өтейді.",
     ("en", "The Company reimburses the User for the cost of a service not rendered.")),
    ("actor-differs", "kk", "Компания Пайдаланушыға көрсетілмеген қызметтің құнын өтейді.",
     "en", "The User reimburses the Company for the cost of a service not rendered.",
     "The Company reimburses the User for the cost of a service not rendered.",
     ("ru", "Компания возмещает Пользователю стоимость неоказанной услуги.")),
    # conditions (a warning)
    ("condition-differs", "ru", "Компания передаёт данные платёжным партнёрам для проведения оплаты.",
     "en", "The Company transfers data to payment partners only with the User's written consent.",
     "The Company transfers data to payment partners to process the payment.",
     ("kk", "Компания төлемді жүргізу үшін деректерді төлем серіктестеріне береді.")),
    ("condition-differs", "ru", "Компания передаёт данные платёжным партнёрам для проведения оплаты.",
     "kk", "Компания деректерді төлем серіктестеріне тек жазбаша келісіммен береді.",
     "Компания төлемді жүргізу үшін деректерді төлем серіктестеріне береді.",
     ("en", "The Company transfers data to payment partners to process the payment.")),
    ("condition-differs", "kk", "Компания деректерді заңнамада көзделген жағдайларды қоспағанда, үшінші тұлғаларға бермейді.",
     "en", "The Company does not transfer data to third parties.",
     "The Company does not transfer data to third parties, except in the cases provided by legislation.",
     ("ru", "Компания не передаёт данные третьим лицам, за исключением случаев, предусмотренных законодательством.")),
    # places
    ("place-differs", "ru", "Споры разрешаются в соответствии с законодательством Республики Казахстан.",
     "en", "Disputes are resolved in accordance with the legislation of the Russian Federation.",
     "Disputes are resolved in accordance with the legislation of the Republic of Kazakhstan.",
     ("kk", "Даулар Қазақстан Республикасының заңнамасына сәйкес шешіледі.")),
    ("place-differs", "ru", "Споры разрешаются в соответствии с законодательством Республики Казахстан.",
     "kk", "Даулар Ресей Федерациясының заңнамасына сәйкес шешіледі.",
     "Даулар Қазақстан Республикасының заңнамасына сәйкес шешіледі.",
     ("en", "Disputes are resolved in accordance with the legislation of the Republic of Kazakhstan.")),
    ("place-differs", "kk", "Деректер Қазақстан Республикасының аумағында сақталады.",
     "en", "The data are stored in the territory of the Russian Federation.",
     "The data are stored in the territory of the Republic of Kazakhstan.",
     ("ru", "Данные хранятся на территории Республики Казахстан.")),
    # laws
    ("law-differs", "ru", "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите».",
     "en", 'Processing follows the Law of the Republic of Kazakhstan "On Informatization".',
     'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".',
     ("kk", "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.")),
    ("law-differs", "ru", "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите».",
     "kk", "Өңдеу «Ақпараттандыру туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
     "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
     ("en", 'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".')),
    ("law-differs", "kk", "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
     "en", 'Processing follows the Law of the Republic of Kazakhstan "On Advertising".',
     'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".',
     ("ru", "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите».")),
    # a currency named without an amount (an amount's currency is amount-differs')
    ("currency-differs", "ru", "Все расчёты по настоящему Соглашению производятся в тенге (KZT).",
     "en", "All payments under this Agreement are made in rubles (RUB).",
     "All payments under this Agreement are made in tenge (KZT).",
     ("kk", "Осы Келісім бойынша барлық есеп айырысулар теңгемен (KZT) жүргізіледі.")),
    ("currency-differs", "ru", "Все расчёты по настоящему Соглашению производятся в тенге (KZT).",
     "kk", "Осы Келісім бойынша барлық есеп айырысулар еуромен (EUR) жүргізіледі.",
     "Осы Келісім бойынша барлық есеп айырысулар ұлттық валютада – теңгемен жүргізіледі.",
     ("en", "All payments under this Agreement are made in tenge (KZT).")),
    ("currency-differs", "kk", "Қайтарылатын сома Пайдаланушыға теңгемен аударылады.",
     "en", "The amount refunded is transferred to the User in US dollars.",
     "The amount refunded is transferred to the User in tenge.",
     ("ru", "Возвращаемая сумма перечисляется Пользователю в тенге.")),
]


@pytest.mark.parametrize("rule,src_lang,src,lang,wrong,right,third", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_fires_on_the_mistake_and_not_on_the_right_translation(tmp_path, rule, src_lang, src, lang, wrong, right, third):
    assert rule in pair(tmp_path / "wrong", src_lang, src, lang, wrong, third)
    assert pair(tmp_path / "right", src_lang, src, lang, right, third) == []


def test_every_kind_is_tested_in_every_pair():
    seen = {(c[0], c[1], c[3]) for c in CASES}
    for rule in ("polarity-differs", "modality-differs", "actor-differs", "condition-differs", "place-differs",
                 "law-differs"):
        assert {(rule, "ru", "en"), (rule, "ru", "kk"), (rule, "kk", "en")} <= seen, rule


def test_bounds_whose_negation_is_not_one(tmp_path):
    texts = {"ru": ["Ответ направляется не позднее 10 (десяти) рабочих дней, а сумма возврата составляет не менее "
                    "100 (ста) тенге, если иное не предусмотрено Соглашением."],
             "kk": ["Жауап 10 (он) жұмыс күнінен кешіктірмей жіберіледі, ал қайтарылатын сома, егер Келісімде өзгеше "
                    "көзделмесе, кемінде 100 (жүз) теңгені құрайды."],
             "en": ["The answer is sent no later than 10 (ten) business days, and the refund is at least 100 (one "
                    "hundred) tenge, unless otherwise provided by the Agreement."]}
    assert check(tmp_path, texts) == []


def test_a_stems_own_ma_is_not_a_negation():
    assert morph.negated_kk("берілмейді") is True  # беріл + ме + йді
    assert morph.negated_kk("сатпайды") is True  # сат + па + йды
    assert morph.negated_kk("пайдаланбай") is True  # пайдалан + ба + й
    for word in ("қамтамасыз", "мақсатта", "береді", "көшірмесін", "беріледі", "ажырамас"):
        assert morph.negated_kk(word) is False, word
    # «немесе» (or) has the very shape of a negative conditional (не+ме+се): the data file says it is none
    key = meaning.profiles(None)
    assert meaning.profile("Пайдаланушы аккаунтты жояды немесе бұғаттайды.", "kk", key).negations == ()


def test_an_unknown_kazakh_verb_is_not_guessed():
    assert morph.negated_kk("шыжыңдамайды") is None  # the shape of a negative verb, the verb unknown


# --- list items ---------------------------------------------------------------------

RU_LIST = ["Компания обрабатывает следующие данные Пользователя:\n\n- фамилия, имя и отчество;\n"
           "- номер мобильного телефона +7 701 000 00 00;\n- индивидуальный идентификационный номер (ИИН);\n"
           "- адрес электронной почты, указанный при регистрации в Приложении;\n- сведения о платежах."]
KK_LIST = ["Компания Пайдаланушының мынадай деректерін өңдейді:\n\n- тегі, аты және әкесінің аты;\n"
           "- +7 701 000 00 00 ұялы телефон нөмірі;\n- жеке сәйкестендіру нөмірі (ЖСН);\n"
           "- Қосымшада тіркелу кезінде көрсетілген электрондық пошта мекенжайы;\n- төлемдер туралы мәліметтер."]
EN_LIST = ["The Company processes the following data of the User:\n\n- surname, first name and patronymic;\n"
           "- mobile phone number +7 701 000 00 00;\n- individual identification number (IIN);\n"
           "- e-mail address given at registration in the Application;\n- information on payments."]


def _drop(texts: list[str], item: str) -> list[str]:
    assert item in texts[0]
    return [texts[0].replace(item, "")]


def test_a_list_item_left_out_is_named(tmp_path):
    en = _drop(EN_LIST, "- mobile phone number +7 701 000 00 00;\n")
    found = check(tmp_path, {"ru": RU_LIST, "kk": KK_LIST, "en": en})
    missing = [f for f in found if f.rule == "list-item-missing"]
    assert len(missing) == 1 and missing[0].lang == "en"
    assert "+7 701 000 00 00" in missing[0].params["item"] and missing[0].params["index"] == 2
    assert "block-count" not in [f.rule for f in found]


def test_a_list_item_added_is_named(tmp_path):
    kk = [KK_LIST[0] + "\n- банк картасының толық деректемелері мен CVV коды."]
    found = check(tmp_path, {"ru": RU_LIST, "kk": kk, "en": EN_LIST})
    added = [f for f in found if f.rule == "list-item-added"]
    assert len(added) == 1 and added[0].lang == "kk" and "CVV" in added[0].params["item"]


def test_lists_that_agree_have_no_item_finding(tmp_path):
    assert check(tmp_path, {"ru": RU_LIST, "kk": KK_LIST, "en": EN_LIST}) == []


def test_an_item_that_cannot_be_told_leaves_the_count(tmp_path):
    ru = ["Цели обработки:\n\n- оказание услуг;\n- оказание услуг;\n- оказание услуг."]
    en = ["Purposes:\n\n- providing services;\n- providing services."]
    kk = ["Мақсаттар:\n\n- қызмет көрсету;\n- қызмет көрсету;\n- қызмет көрсету."]
    found = [f.rule for f in check(tmp_path, {"ru": ru, "kk": kk, "en": en})]
    assert "block-count" in found and "list-item-missing" not in found


# --- the two false findings of issue 25 ----------------------------------------------

AGREEMENT = parse_glossary([{"ru": "Пользовательское соглашение", "kk": "Пайдаланушы келісімі", "en": "User Agreement"}])


def _doubled(tmp_path: Path, ru: str, kk: str, en: str, glossary: Glossary) -> list[str]:
    return [f.rule for f in check(tmp_path, {"ru": [ru], "kk": [kk], "en": [en]}, glossary=glossary)]


def test_doubled_word_silent_where_a_subject_meets_a_compound(tmp_path):
    texts = ("Пользователь принимает Пользовательское соглашение, нажав кнопку «Принять».",
             "Пайдаланушы Пайдаланушы келісімін «Қабылдау» батырмасын басу арқылы қабылдайды.",
             "The User accepts the User Agreement by pressing the \"Accept\" button.")
    assert _doubled(tmp_path / "glossary", *texts, AGREEMENT) == []
    # without the glossary: the second word heads a Kazakh compound (келісім-і-н carries the possessive)
    assert _doubled(tmp_path / "none", *texts, Glossary([])) == []


def test_doubled_word_still_fires_on_a_slip(tmp_path):
    found = _doubled(tmp_path, "Пользователь удаляет свои данные.", "Пайдаланушы Пайдаланушы өз деректерін жояды.",
                     "The User deletes their data.", AGREEMENT)
    assert "doubled-word" in found


def test_term_never_used_silent_when_the_term_is_used_in_another_case_and_number(tmp_path):
    glossary = parse_glossary([{"ru": "учетная запись", "kk": "есептік жазба", "en": "account"}])
    texts = {"kk": ["Пайдаланушы есептік жазбаны тіркейді.", "Пайдаланушы есептік жазбаны жоя алады.",
                    "Компания есептік жазбалардың қауіпсіздігін қамтамасыз етеді."],
             "ru": ["Пользователь регистрирует аккаунт.", "Пользователь может удалить аккаунт.",
                    "Компания обеспечивает безопасность учётных записей."],
             "en": ["The User registers an account.", "The User may delete the account.",
                    "The Company ensures the security of accounts."]}
    docs = write(tmp_path, texts, source="kk", translated=True)
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    found = [f.rule for f in check_policy(policy, glossary=glossary, project_root=tmp_path) if f.lang == "ru"]
    assert "term-never-used" not in found and found.count("term-missing") == 2
    # and where the term is really never used, the one finding for the whole text stays
    texts["ru"][2] = "Компания обеспечивает безопасность аккаунтов."
    docs = write(tmp_path / "never", texts, source="kk", translated=True)
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    found = [f.rule for f in check_policy(policy, glossary=glossary, project_root=tmp_path) if f.lang == "ru"]
    assert "term-never-used" in found


# --- data files ------------------------------------------------------------------------

def test_a_marker_file_with_a_syntax_error_is_one_line_with_its_line(tmp_path):
    path = tmp_path / "ru.yml"
    path.write_text("lang: ru\nnegation:\n  words:\n    не: the particle\n    ни: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        markers.parse(path.read_text(encoding="utf-8"), path)
    assert e.value.line == 5 or e.value.line == 6
    assert str(path) in str(e.value) and "\n" not in str(e.value)


def test_a_marker_file_with_an_unknown_language(tmp_path):
    path = tmp_path / "uz.yml"
    path.write_text("# Uzbek\nlang: uz\nnegation:\n  words:\n    emas: negation\n", encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        markers.parse(path.read_text(encoding="utf-8"), path)
    assert e.value.line == 2 and "uz" in str(e.value)


def test_an_entry_without_its_reason_is_refused(tmp_path):
    path = tmp_path / "en.yml"
    path.write_text("lang: en\nmodality:\n  permission:\n    may:\n", encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        markers.parse(path.read_text(encoding="utf-8"), path)
    assert e.value.line == 4


def test_a_project_marker_file_extends_the_built_in_ones_and_a_bad_one_exits_2(tmp_path):
    texts = {"ru": ["Компания хранит данные в Республике Узбекистан."],
             "kk": ["Компания деректерді Қазақстан Республикасында сақтайды."],
             "en": ["The Company stores data in the Republic of Kazakhstan."]}
    docs = write(tmp_path, texts)
    (tmp_path / "markers").mkdir()
    (tmp_path / "markers" / "ru.yml").write_text(
        "lang: ru\nplaces:\n  uz:\n    узбекистан: the Republic of Uzbekistan\n", encoding="utf-8")
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    found = check_policy(policy, glossary=Glossary([]), project_root=tmp_path)
    assert [f.rule for f in found if f.lang == "kk"] == ["place-differs"]
    (tmp_path / "markers" / "ru.yml").write_text("lang: ru\nplaces: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(docs)])
    assert result.exit_code == 2
    assert "markers/ru.yml:" in result.output and "Traceback" not in result.output


# --- output -----------------------------------------------------------------------------

def test_json_and_every_message_language_show_the_finding(tmp_path):
    texts = {"ru": ["Компания не передаёт персональные данные третьим лицам."],
             "kk": ["Компания дербес деректерді үшінші тұлғаларға бермейді."],
             "en": ["The Company transfers personal data to third parties."]}
    docs = write(tmp_path, texts)
    result = CliRunner().invoke(cli, ["check", str(docs), "--format", "json", "--lang", "kk"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    f = next(d for d in data if d["rule"] == "polarity-differs")
    assert f["language"] == "en" and f["other"]["language"] == "ru"
    assert "«не»" in f["message"] and "third parties" in f["excerpt"] and "не передаёт" in f["other"]["excerpt"]
    assert f["message"] != f["why"]
    for lang in ("ru", "en"):
        human = CliRunner().invoke(cli, ["check", str(docs), "--lang", lang])
        assert "polarity-differs" in human.output and "«не»" in human.output


def test_list_rules_names_the_new_rules_in_three_languages():
    for lang in ("ru", "kk", "en"):
        out = CliRunner().invoke(cli, ["check", "--list-rules", "--lang", lang]).output
        for rule in ("polarity-differs", "modality-differs", "actor-differs", "condition-differs", "place-differs",
                     "law-differs", "list-item-missing", "list-item-added"):
            assert rule in out


def test_text_the_analyser_cannot_read_is_left_alone(tmp_path):
    texts = {"ru": ["Компания не передаёт персональные данные третьим лицам."],
             "kk": ["Kompaniya derbes derekterdi ushinshi tulgalarga beredi."],  # Latin-script Kazakh
             "en": ["The Company does not transfer personal data to third parties."]}
    found = check(tmp_path, texts)
    assert not [f for f in found if f.rule.endswith("-differs") and f.lang == "kk"]
    assert any(lang == "kk" and "Kompaniya" in text for lang, text in meaning.unreadable())
    docs = write(tmp_path / "cli", texts)
    result = CliRunner().invoke(cli, ["check", str(docs), "--verbose", "--lang", "en"])
    assert "-differs" not in result.stdout  # wrong-language says what is wrong with this text
    assert result.stderr.count("Kompaniya") == 1


def test_the_side_by_side_page_shows_a_meaning_finding_in_each_language(tmp_path):
    from lxml import html as lxml_html

    from policydocs.site import compare

    texts = {"ru": ["Компания не передаёт персональные данные Пользователя третьим лицам."],
             "kk": ["Компания Пайдаланушының дербес деректерін үшінші тұлғаларға береді."],
             "en": ["The Company does not transfer the User's personal data to third parties."]}
    docs = write(tmp_path, texts)
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    found = check_policy(policy, glossary=Glossary([]), project_root=tmp_path)
    assert [f.rule for f in found] == ["polarity-differs"]
    pages = dict(compare.site_pages(policy, None, tmp_path, True, found))
    said = {}
    for lang in ("ru", "kk", "en"):
        tree = lxml_html.fromstring(pages[lang].encode("utf-8"))
        said[lang] = " ".join(li.text_content() for li in tree.xpath(".//ul[@class='pdc-findings']/li"))
    assert "polarity-differs" in said["en"] and "«не»" in said["en"] and "the negation differs" in said["en"]
    assert "отрицание расходится" in said["ru"] and "болымсыздық" in said["kk"]


def test_without_the_kazakh_dictionary_a_negative_verb_is_undecided(monkeypatch, tmp_path):
    monkeypatch.setattr(morph, "HUNSPELL_KK", tmp_path / "kk_KZ")
    morph._dictionary_kk.cache_clear()
    morph.known_kk.cache_clear()
    morph.negated_kk.cache_clear()
    try:
        assert not morph.has_kazakh_dictionary()
        assert morph.negated_kk("берілмейді") is None  # the shape is there; the verb cannot be told
    finally:
        monkeypatch.undo()
        for cached in (morph._dictionary_kk, morph.known_kk, morph.negated_kk):
            cached.cache_clear()
    assert morph.negated_kk("берілмейді") is True


def test_a_currency_with_its_amount_or_europe_is_not_a_bare_currency(tmp_path):
    """«500 тенге» against "500 rubles" is amount-differs' finding alone; «Еуропа» names no euro."""
    rules = pair(tmp_path / "a", "ru", "Комиссия составляет 500 тенге.", "en", "The fee is 500 rubles.",
                 ("kk", "Комиссия 500 теңгені құрайды."))
    assert "amount-differs" in rules and "currency-differs" not in rules
    assert pair(tmp_path / "b", "ru", "Данные не передаются в страны Европейского союза, расчёты ведутся в тенге.",
                "kk", "Деректер Еуропа одағының елдеріне берілмейді, есеп айырысу теңгемен жүргізіледі.",
                ("en", "Data are not transferred to countries of the European Union; payments are made in tenge.")) == []
