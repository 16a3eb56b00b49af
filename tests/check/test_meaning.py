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
from policydocs.check import check_policy, lists, markers, meaning, morph
from policydocs.check.terminology import Glossary
from policydocs.check.terminology import parse as parse_glossary
from policydocs.cli import main as cli
from policydocs.errors import PolicyError

HEAD = {
    "ru": ("Пользовательское соглашение", "ТОО «Касса Онлайн»", "Условия"),
    "kk": ("Пайдаланушы келісімі", "«Касса Онлайн» ЖШС", "Шарттар"),
    "en": ("User Agreement", "Kassa Online LLP", "Terms"),
}


def write(
    root: Path, texts: dict[str, list[str]], source: str = "ru", name: str = "terms", translated: bool = False
) -> Path:
    """docs/<lang>/kassa/<name>.md with the clauses 1.1, 1.2, ... (a clause may hold '- ' items)."""
    docs = root / "docs"
    for lang, clauses in texts.items():
        title, operator, section = HEAD[lang]
        body = "\n\n".join(f"1.{i}. {c}" for i, c in enumerate(clauses, 1))
        front = (
            f"---\nid: kassa/{name}\ntitle: {title}\nlang: {lang}\nproduct: Касса\noperator: {operator}\n"
            f"notice_days: 7\nstatus: draft\nsource_lang: {source}\n"
            + ("origin: translation\n" if translated and lang != source else "")
            + f"---\n\n# {title}\n\n## 1. {section}\n\n"
        )
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
    (
        "polarity-differs",
        "ru",
        "Компания не передаёт персональные данные Пользователя третьим лицам.",
        "en",
        "The Company transfers the User's personal data to third parties.",
        "The Company does not transfer the User's personal data to third parties.",
        ("kk", "Компания Пайдаланушының дербес деректерін үшінші тұлғаларға бермейді."),
    ),
    (
        "polarity-differs",
        "ru",
        "Персональные данные Пользователя не передаются третьим лицам.",
        "kk",
        "Пайдаланушының дербес деректері үшінші тұлғаларға беріледі.",
        "Пайдаланушының дербес деректері үшінші тұлғаларға берілмейді.",
        ("en", "The User's personal data are not transferred to third parties."),
    ),
    (
        "polarity-differs",
        "kk",
        "Компания Пайдаланушының дербес деректерін сатпайды.",
        "en",
        "The Company sells the User's personal data.",
        "The Company does not sell the User's personal data.",
        ("ru", "Компания не продаёт персональные данные Пользователя."),
    ),
    (
        "polarity-differs",
        "ru",
        "Компания хранит данные на серверах в Республике Казахстан.",
        "en",
        "The Company does not store data on servers in the Republic of Kazakhstan.",
        "The Company stores data on servers in the Republic of Kazakhstan.",
        ("kk", "Компания деректерді Қазақстан Республикасындағы серверлерде сақтайды."),
    ),
    # a negation inside a word on both sides («недостоверных» / «дәйексіз») does not hide the one dropped
    (
        "polarity-differs",
        "ru",
        "Компания не несет ответственности за убытки, возникшие вследствие предоставления "
        "Пользователем недостоверных данных.",
        "kk",
        "Компания Пайдаланушының дәйексіз деректер ұсынуы салдарынан туындаған залалдары үшін жауапкершілік көтереді.",
        "Компания Пайдаланушының дәйексіз деректер ұсынуы салдарынан туындаған залалдары үшін жауапкершілік көтермейді.",
        ("en", "The Company is not liable for losses caused by the User providing unreliable data."),
    ),
    # «еңсерілмейтін күш» (force majeure) is a term, its -мей no negation: the clause's own one is read
    (
        "polarity-differs",
        "ru",
        "Компания не несет ответственности за задержку доставки, вызванную обстоятельствами непреодолимой силы.",
        "kk",
        "Компания еңсерілмейтін күш мән-жайларынан туындаған жеткізудің кешігуі үшін жауапкершілік көтереді.",
        "Компания еңсерілмейтін күш мән-жайларынан туындаған жеткізудің кешігуі үшін жауапкершілік көтермейді.",
        ("en", "The Company is not liable for delays in delivery caused by force majeure."),
    ),
    # modality
    (
        "modality-differs",
        "ru",
        "Пользователь вправе удалить аккаунт в любое время.",
        "en",
        "The User shall delete the account at any time.",
        "The User may delete the account at any time.",
        ("kk", "Пайдаланушы аккаунтты кез келген уақытта жоюға құқылы."),
    ),
    (
        "modality-differs",
        "ru",
        "Пользователь обязан предоставлять достоверные сведения о себе.",
        "kk",
        "Пайдаланушы өзі туралы дұрыс мәліметтерді ұсынуға құқылы.",
        "Пайдаланушы өзі туралы дұрыс мәліметтерді ұсынуға міндетті.",
        ("en", "The User shall provide accurate information about themselves."),
    ),
    (
        "modality-differs",
        "kk",
        "Пайдаланушы аккаунтты кез келген уақытта жоюға құқылы.",
        "en",
        "The User must delete the account at any time.",
        "The User is entitled to delete the account at any time.",
        ("ru", "Пользователь вправе удалить аккаунт в любое время."),
    ),
    # actors
    (
        "actor-differs",
        "ru",
        "Пользователь обязуется соблюдать условия настоящего Соглашения.",
        "en",
        "The Company undertakes to comply with the terms of this Agreement.",
        "The User undertakes to comply with the terms of this Agreement.",
        ("kk", "Пайдаланушы осы Келісімнің талаптарын сақтауға міндеттенеді."),
    ),
    (
        "actor-differs",
        "ru",
        "Компания возмещает Пользователю стоимость неоказанной услуги.",
        "kk",
        "Пайдаланушы Компанияға көрсетілмеген қызметтің құнын өтейді.",
        "Компания Пайдаланушыға көрсетілмеген қызметтің құнын өтейді.",
        ("en", "The Company reimburses the User for the cost of a service not rendered."),
    ),
    (
        "actor-differs",
        "kk",
        "Компания Пайдаланушыға көрсетілмеген қызметтің құнын өтейді.",
        "en",
        "The User reimburses the Company for the cost of a service not rendered.",
        "The Company reimburses the User for the cost of a service not rendered.",
        ("ru", "Компания возмещает Пользователю стоимость неоказанной услуги."),
    ),
    # conditions (a warning)
    (
        "condition-differs",
        "ru",
        "Компания передаёт данные платёжным партнёрам для проведения оплаты.",
        "en",
        "The Company transfers data to payment partners only with the User's written consent.",
        "The Company transfers data to payment partners to process the payment.",
        ("kk", "Компания төлемді жүргізу үшін деректерді төлем серіктестеріне береді."),
    ),
    (
        "condition-differs",
        "ru",
        "Компания передаёт данные платёжным партнёрам для проведения оплаты.",
        "kk",
        "Компания деректерді төлем серіктестеріне тек жазбаша келісіммен береді.",
        "Компания төлемді жүргізу үшін деректерді төлем серіктестеріне береді.",
        ("en", "The Company transfers data to payment partners to process the payment."),
    ),
    (
        "condition-differs",
        "kk",
        "Компания деректерді заңнамада көзделген жағдайларды қоспағанда, үшінші тұлғаларға бермейді.",
        "en",
        "The Company does not transfer data to third parties.",
        "The Company does not transfer data to third parties, except in the cases provided by legislation.",
        ("ru", "Компания не передаёт данные третьим лицам, за исключением случаев, предусмотренных законодательством."),
    ),
    # places
    (
        "place-differs",
        "ru",
        "Споры разрешаются в соответствии с законодательством Республики Казахстан.",
        "en",
        "Disputes are resolved in accordance with the legislation of the Russian Federation.",
        "Disputes are resolved in accordance with the legislation of the Republic of Kazakhstan.",
        ("kk", "Даулар Қазақстан Республикасының заңнамасына сәйкес шешіледі."),
    ),
    (
        "place-differs",
        "ru",
        "Споры разрешаются в соответствии с законодательством Республики Казахстан.",
        "kk",
        "Даулар Ресей Федерациясының заңнамасына сәйкес шешіледі.",
        "Даулар Қазақстан Республикасының заңнамасына сәйкес шешіледі.",
        ("en", "Disputes are resolved in accordance with the legislation of the Republic of Kazakhstan."),
    ),
    (
        "place-differs",
        "kk",
        "Деректер Қазақстан Республикасының аумағында сақталады.",
        "en",
        "The data are stored in the territory of the Russian Federation.",
        "The data are stored in the territory of the Republic of Kazakhstan.",
        ("ru", "Данные хранятся на территории Республики Казахстан."),
    ),
    # laws
    (
        "law-differs",
        "ru",
        "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите».",
        "en",
        'Processing follows the Law of the Republic of Kazakhstan "On Informatization".',
        'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".',
        (
            "kk",
            "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
        ),
    ),
    (
        "law-differs",
        "ru",
        "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите».",
        "kk",
        "Өңдеу «Ақпараттандыру туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
        "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
        ("en", 'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".'),
    ),
    (
        "law-differs",
        "kk",
        "Өңдеу «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес жүргізіледі.",
        "en",
        'Processing follows the Law of the Republic of Kazakhstan "On Advertising".',
        'Processing follows the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".',
        ("ru", "Обработка ведётся согласно Закону Республики Казахстан «О персональных данных и их защите»."),
    ),
    # a currency named without an amount (an amount's currency is amount-differs')
    (
        "currency-differs",
        "ru",
        "Все расчёты по настоящему Соглашению производятся в тенге (KZT).",
        "en",
        "All payments under this Agreement are made in rubles (RUB).",
        "All payments under this Agreement are made in tenge (KZT).",
        ("kk", "Осы Келісім бойынша барлық есеп айырысулар теңгемен (KZT) жүргізіледі."),
    ),
    (
        "currency-differs",
        "ru",
        "Все расчёты по настоящему Соглашению производятся в тенге (KZT).",
        "kk",
        "Осы Келісім бойынша барлық есеп айырысулар еуромен (EUR) жүргізіледі.",
        "Осы Келісім бойынша барлық есеп айырысулар ұлттық валютада – теңгемен жүргізіледі.",
        ("en", "All payments under this Agreement are made in tenge (KZT)."),
    ),
    (
        "currency-differs",
        "kk",
        "Қайтарылатын сома Пайдаланушыға теңгемен аударылады.",
        "en",
        "The amount refunded is transferred to the User in US dollars.",
        "The amount refunded is transferred to the User in tenge.",
        ("ru", "Возвращаемая сумма перечисляется Пользователю в тенге."),
    ),
]


@pytest.mark.parametrize(
    "rule,src_lang,src,lang,wrong,right,third", CASES, ids=[f"{c[0]}-{c[1]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_fires_on_the_mistake_and_not_on_the_right_translation(
    tmp_path, rule, src_lang, src, lang, wrong, right, third
):
    assert rule in pair(tmp_path / "wrong", src_lang, src, lang, wrong, third)
    assert pair(tmp_path / "right", src_lang, src, lang, right, third) == []


def test_every_kind_is_tested_in_every_pair():
    seen = {(c[0], c[1], c[3]) for c in CASES}
    for rule in (
        "polarity-differs",
        "modality-differs",
        "actor-differs",
        "condition-differs",
        "place-differs",
        "law-differs",
    ):
        assert {(rule, "ru", "en"), (rule, "ru", "kk"), (rule, "kk", "en")} <= seen, rule


def test_bounds_whose_negation_is_not_one(tmp_path):
    texts = {
        "ru": [
            "Ответ направляется не позднее 10 (десяти) рабочих дней, а сумма возврата составляет не менее "
            "100 (ста) тенге, если иное не предусмотрено Соглашением."
        ],
        "kk": [
            "Жауап 10 (он) жұмыс күнінен кешіктірмей жіберіледі, ал қайтарылатын сома, егер Келісімде өзгеше "
            "көзделмесе, кемінде 100 (жүз) теңгені құрайды."
        ],
        "en": [
            "The answer is sent no later than 10 (ten) business days, and the refund is at least 100 (one "
            "hundred) tenge, unless otherwise provided by the Agreement."
        ],
    }
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

RU_LIST = [
    "Компания обрабатывает следующие данные Пользователя:\n\n- фамилия, имя и отчество;\n"
    "- номер мобильного телефона +7 701 000 00 00;\n- индивидуальный идентификационный номер (ИИН);\n"
    "- адрес электронной почты, указанный при регистрации в Приложении;\n- сведения о платежах."
]
KK_LIST = [
    "Компания Пайдаланушының мынадай деректерін өңдейді:\n\n- тегі, аты және әкесінің аты;\n"
    "- +7 701 000 00 00 ұялы телефон нөмірі;\n- жеке сәйкестендіру нөмірі (ЖСН);\n"
    "- Қосымшада тіркелу кезінде көрсетілген электрондық пошта мекенжайы;\n- төлемдер туралы мәліметтер."
]
EN_LIST = [
    "The Company processes the following data of the User:\n\n- surname, first name and patronymic;\n"
    "- mobile phone number +7 701 000 00 00;\n- individual identification number (IIN);\n"
    "- e-mail address given at registration in the Application;\n- information on payments."
]


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


# --- list items aligned one by one: purposes, rights and kinds of data in three language pairs ------

PURPOSES = {
    "ru": [
        "Компания обрабатывает персональные данные в целях:",
        "1) регистрации и идентификации Пользователя в мобильном приложении;",
        "2) заключения и исполнения договора с Пользователем;",
        "3) направления Пользователю SMS-сообщений и push-уведомлений;",
        "4) рассмотрения обращений Пользователя в службу поддержки по адресу support@kassa.kz;",
        "5) проведения статистических и маркетинговых исследований;",
        "6) исполнения требований законодательства Республики Казахстан.",
    ],
    "kk": [
        "Компания дербес деректерді мынадай мақсаттарда өңдейді:",
        "1) Пайдаланушыны мобильді қосымшада тіркеу және сәйкестендіру;",
        "2) Пайдаланушымен шарт жасасу және оны орындау;",
        "3) Пайдаланушыға SMS-хабарламалар мен push-хабарламалар жіберу;",
        "4) Пайдаланушының support@kassa.kz мекенжайы бойынша қолдау қызметіне жүгінулерін қарау;",
        "5) статистикалық және маркетингтік зерттеулер жүргізу;",
        "6) Қазақстан Республикасы заңнамасының талаптарын орындау.",
    ],
    "en": [
        "The Company processes personal data for the purposes of:",
        "1) registering and identifying the User in the mobile application;",
        "2) concluding and performing the agreement with the User;",
        "3) sending SMS messages and push notifications to the User;",
        "4) handling the User's requests to the support service at support@kassa.kz;",
        "5) conducting statistical and marketing research;",
        "6) complying with the requirements of the legislation of the Republic of Kazakhstan.",
    ],
}
RIGHTS = {
    "ru": [
        "Пользователь вправе:",
        "- получать информацию об обработке своих персональных данных;",
        "- требовать уточнения, блокирования или уничтожения своих персональных данных;",
        "- отозвать согласие на обработку персональных данных;",
        "- обжаловать действия Компании в уполномоченном органе или в суде.",
    ],
    "kk": [
        "Пайдаланушы:",
        "- өзінің дербес деректерін өңдеу туралы ақпарат алуға;",
        "- өзінің дербес деректерін нақтылауды, бұғаттауды немесе жоюды талап етуге;",
        "- дербес деректерді өңдеуге берілген келісімін кері қайтарып алуға;",
        "- Компанияның әрекеттеріне уәкілетті органға немесе сотқа шағым жасауға құқылы.",
    ],
    "en": [
        "The User may:",
        "- receive information on the processing of their personal data;",
        "- demand that their personal data be clarified, blocked or destroyed;",
        "- withdraw consent to the processing of personal data;",
        "- appeal against the Company's actions to the authorised body or to a court.",
    ],
}
KINDS = {
    "ru": [
        "Компания обрабатывает следующие данные:",
        "- фамилия, имя и отчество;",
        "- дата рождения;",
        "- адрес электронной почты;",
        "- номер мобильного телефона;",
        "- IP-адрес и идентификатор устройства;",
        "- сведения о геолокации.",
    ],
    "kk": [
        "Компания мынадай деректерді өңдейді:",
        "- тегі, аты және әкесінің аты;",
        "- туған күні;",
        "- электрондық пошта мекенжайы;",
        "- ұялы телефон нөмірі;",
        "- IP-мекенжай және құрылғы сәйкестендіргіші;",
        "- геолокация туралы мәліметтер.",
    ],
    "en": [
        "The Company processes the following data:",
        "- surname, first name and patronymic;",
        "- date of birth;",
        "- e-mail address;",
        "- mobile phone number;",
        "- IP address and device identifier;",
        "- geolocation information.",
    ],
}
LIST_GLOSSARY = parse_glossary(
    [
        {"ru": "персональные данные", "kk": "дербес деректер", "en": "personal data"},
        {"ru": "Компания", "kk": "Компания", "en": "Company"},
        {"ru": "Пользователь", "kk": "Пайдаланушы", "en": "User"},
    ]
)


def _list_texts(base: dict[str, list[str]], **lines: list[str]) -> dict[str, list[str]]:
    """One clause per language: the lead-in, a blank line, the items; ``lines`` replace a language's."""
    out = {}
    for lang, items in base.items():
        items = lines.get(lang, items)
        out[lang] = [items[0] + "\n\n" + "\n".join(items[1:])]
    return out


def _without(items: list[str], *drop: int) -> list[str]:
    """The items but those at ``drop`` (1-based), sub-items "1)" renumbered as a translator would."""
    kept = [x for i, x in enumerate(items) if i not in drop]
    n = 0
    for i, x in enumerate(kept):
        if i and x[:1].isdigit():
            n += 1
            kept[i] = f"{n})" + x.split(")", 1)[1]
    return kept


def _item_findings(tmp_path, texts, source="ru", glossary=None):
    found = check(tmp_path, texts, source=source, glossary=glossary)
    named = sorted((f.rule, f.lang, f.params["index"]) for f in found if f.rule.startswith("list-item"))
    return named, [f.rule for f in found]


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_purpose_left_out_is_named_ru_kk_and_ru_en(tmp_path, lang):
    named, rules = _item_findings(tmp_path, _list_texts(PURPOSES, **{lang: _without(PURPOSES[lang], 5)}))
    assert named == [("list-item-missing", lang, 5)] and "block-count" not in rules


def test_a_kind_of_data_left_out_is_named_kk_en(tmp_path):
    named, rules = _item_findings(tmp_path, _list_texts(KINDS, en=_without(KINDS["en"], 6)), source="kk")
    assert named == [("list-item-missing", "en", 6)] and "block-count" not in rules


@pytest.mark.parametrize(
    "source,lang,item",
    [
        ("ru", "kk", "- банк картасының деректері;"),
        ("ru", "en", "- cookie files and browsing history;"),
        ("kk", "en", "- cookie files and browsing history;"),
    ],
)
def test_a_kind_of_data_added_is_named_in_each_pair(tmp_path, source, lang, item):
    items = KINDS[lang][:6] + [item] + KINDS[lang][6:]
    named, _ = _item_findings(tmp_path, _list_texts(KINDS, **{lang: items}), source=source)
    assert named == [("list-item-added", lang, 6)]


def test_the_glossary_terms_tell_which_right_is_gone(tmp_path):
    """«Компании» and «Компанияның» are the same agreed term: the item that has it pairs with the one that has it."""
    texts = _list_texts(RIGHTS, kk=_without(RIGHTS["kk"], 4))
    assert _item_findings(tmp_path, texts)[0] == []  # without the glossary: the count, no guess
    named, rules = _item_findings(tmp_path, texts, glossary=LIST_GLOSSARY)
    assert named == [("list-item-missing", "kk", 4)] and "block-count" not in rules


@pytest.mark.parametrize("lang,drop", [("kk", (4, 6)), ("en", (5, 6)), ("en", (2, 4))])
def test_two_items_left_out_are_both_named(tmp_path, lang, drop):
    base = KINDS if drop == (4, 6) and lang == "kk" else PURPOSES
    named, rules = _item_findings(tmp_path, _list_texts(base, **{lang: _without(base[lang], *drop)}))
    assert named == [("list-item-missing", lang, k) for k in drop] and "block-count" not in rules


def test_of_two_items_left_out_the_sure_one_is_named_beside_the_count(tmp_path):
    named, rules = _item_findings(tmp_path, _list_texts(PURPOSES, en=_without(PURPOSES["en"], 3, 5)))
    assert named == [("list-item-missing", "en", 5)] and "block-count" in rules


@pytest.mark.parametrize(
    "source,lang,items",
    [
        ("ru", "en", ["- e-mail address and mobile phone number;"]),
        ("ru", "kk", ["- электрондық пошта мекенжайы мен ұялы телефон нөмірі;"]),
        ("kk", "en", ["- e-mail address and mobile phone number;"]),
    ],
)
def test_two_items_merged_into_one_are_only_counted(tmp_path, source, lang, items):
    merged = KINDS[lang][:3] + items + KINDS[lang][5:]
    named, rules = _item_findings(tmp_path, _list_texts(KINDS, **{lang: merged}), source=source)
    assert named == [] and "block-count" in rules


@pytest.mark.parametrize(
    "source,lang,items",
    [
        ("ru", "en", ["- IP address;", "- device identifier;"]),
        ("ru", "kk", ["- IP-мекенжай;", "- құрылғы сәйкестендіргіші;"]),
        ("kk", "en", ["- IP address;", "- device identifier;"]),
    ],
)
def test_an_item_split_in_two_is_only_counted(tmp_path, source, lang, items):
    split = KINDS[lang][:5] + items + KINDS[lang][6:]
    named, rules = _item_findings(tmp_path, _list_texts(KINDS, **{lang: split}), source=source)
    assert named == [] and "block-count" in rules


@pytest.mark.parametrize("source,lang", [("ru", "en"), ("ru", "kk"), ("kk", "en")])
def test_reordered_items_are_no_finding_and_reordered_with_one_gone_only_counted(tmp_path, source, lang):
    k = KINDS[lang]
    assert (
        check(
            tmp_path / "same", _list_texts(KINDS, **{lang: [k[0], k[1], k[4], k[2], k[3], k[6], k[5]]}), source=source
        )
        == []
    )
    named, rules = _item_findings(
        tmp_path / "gone", _list_texts(KINDS, **{lang: [k[0], k[1], k[4], k[2], k[6], k[5]]}), source=source
    )
    assert named == [] and "block-count" in rules


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_lists_of_equal_length_are_paired_by_position(tmp_path, lang):
    """An item replaced by another is no item missing: the counts agree (other rules read the wording)."""
    items = PURPOSES[lang][:5] + [PURPOSES[lang][1].replace("1)", "5)", 1)] + PURPOSES[lang][6:]
    named, rules = _item_findings(tmp_path, _list_texts(PURPOSES, **{lang: items}))
    assert named == [] and "block-count" not in rules


# --- the two false findings of issue 25 ----------------------------------------------

AGREEMENT = parse_glossary(
    [{"ru": "Пользовательское соглашение", "kk": "Пайдаланушы келісімі", "en": "User Agreement"}]
)


def _doubled(tmp_path: Path, ru: str, kk: str, en: str, glossary: Glossary) -> list[str]:
    return [f.rule for f in check(tmp_path, {"ru": [ru], "kk": [kk], "en": [en]}, glossary=glossary)]


def test_doubled_word_silent_where_a_subject_meets_a_compound(tmp_path):
    texts = (
        "Пользователь принимает Пользовательское соглашение, нажав кнопку «Принять».",
        "Пайдаланушы Пайдаланушы келісімін «Қабылдау» батырмасын басу арқылы қабылдайды.",
        'The User accepts the User Agreement by pressing the "Accept" button.',
    )
    assert _doubled(tmp_path / "glossary", *texts, AGREEMENT) == []
    # without the glossary: the second word heads a Kazakh compound (келісім-і-н carries the possessive)
    assert _doubled(tmp_path / "none", *texts, Glossary([])) == []


def test_doubled_word_still_fires_on_a_slip(tmp_path):
    found = _doubled(
        tmp_path,
        "Пользователь удаляет свои данные.",
        "Пайдаланушы Пайдаланушы өз деректерін жояды.",
        "The User deletes their data.",
        AGREEMENT,
    )
    assert "doubled-word" in found


def test_term_never_used_silent_when_the_term_is_used_in_another_case_and_number(tmp_path):
    glossary = parse_glossary([{"ru": "учетная запись", "kk": "есептік жазба", "en": "account"}])
    texts = {
        "kk": [
            "Пайдаланушы есептік жазбаны тіркейді.",
            "Пайдаланушы есептік жазбаны жоя алады.",
            "Компания есептік жазбалардың қауіпсіздігін қамтамасыз етеді.",
        ],
        "ru": [
            "Пользователь регистрирует аккаунт.",
            "Пользователь может удалить аккаунт.",
            "Компания обеспечивает безопасность учётных записей.",
        ],
        "en": [
            "The User registers an account.",
            "The User may delete the account.",
            "The Company ensures the security of accounts.",
        ],
    }
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
    texts = {
        "ru": ["Компания хранит данные в Республике Узбекистан."],
        "kk": ["Компания деректерді Қазақстан Республикасында сақтайды."],
        "en": ["The Company stores data in the Republic of Kazakhstan."],
    }
    docs = write(tmp_path, texts)
    (tmp_path / "markers").mkdir()
    (tmp_path / "markers" / "ru.yml").write_text(
        "lang: ru\nplaces:\n  uz:\n    узбекистан: the Republic of Uzbekistan\n", encoding="utf-8"
    )
    policy = corpus_mod.load(docs).policies["kassa/terms"]
    found = check_policy(policy, glossary=Glossary([]), project_root=tmp_path)
    assert [f.rule for f in found if f.lang == "kk"] == ["place-differs"]
    (tmp_path / "markers" / "ru.yml").write_text("lang: ru\nplaces: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(docs)])
    assert result.exit_code == 2
    assert "markers/ru.yml:" in result.output and "Traceback" not in result.output


# --- output -----------------------------------------------------------------------------


def test_json_and_every_message_language_show_the_finding(tmp_path):
    texts = {
        "ru": ["Компания не передаёт персональные данные третьим лицам."],
        "kk": ["Компания дербес деректерді үшінші тұлғаларға бермейді."],
        "en": ["The Company transfers personal data to third parties."],
    }
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
        for rule in (
            "polarity-differs",
            "modality-differs",
            "actor-differs",
            "condition-differs",
            "place-differs",
            "law-differs",
            "list-item-missing",
            "list-item-added",
        ):
            assert rule in out


def test_text_the_analyser_cannot_read_is_left_alone(tmp_path):
    texts = {
        "ru": ["Компания не передаёт персональные данные третьим лицам."],
        "kk": ["Kompaniya derbes derekterdi ushinshi tulgalarga beredi."],  # Latin-script Kazakh
        "en": ["The Company does not transfer personal data to third parties."],
    }
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

    texts = {
        "ru": ["Компания не передаёт персональные данные Пользователя третьим лицам."],
        "kk": ["Компания Пайдаланушының дербес деректерін үшінші тұлғаларға береді."],
        "en": ["The Company does not transfer the User's personal data to third parties."],
    }
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
    from policydocs import dictionaries

    monkeypatch.setattr(dictionaries, "HUNSPELL_KK", tmp_path / "kk_KZ")
    dictionaries.hunspell_kk.cache_clear()
    dictionaries.known_kk.cache_clear()
    morph.negated_kk.cache_clear()
    try:
        assert not morph.has_kazakh_dictionary()
        assert morph.negated_kk("берілмейді") is None  # the shape is there; the verb cannot be told
    finally:
        monkeypatch.undo()
        for cached in (dictionaries.hunspell_kk, dictionaries.known_kk, morph.negated_kk):
            cached.cache_clear()
    assert morph.negated_kk("берілмейді") is True


def test_a_currency_with_its_amount_or_europe_is_not_a_bare_currency(tmp_path):
    """«500 тенге» against "500 rubles" is amount-differs' finding alone; «Еуропа» names no euro."""
    rules = pair(
        tmp_path / "a",
        "ru",
        "Комиссия составляет 500 тенге.",
        "en",
        "The fee is 500 rubles.",
        ("kk", "Комиссия 500 теңгені құрайды."),
    )
    assert "amount-differs" in rules and "currency-differs" not in rules
    assert (
        pair(
            tmp_path / "b",
            "ru",
            "Данные не передаются в страны Европейского союза, расчёты ведутся в тенге.",
            "kk",
            "Деректер Еуропа одағының елдеріне берілмейді, есеп айырысу теңгемен жүргізіледі.",
            ("en", "Data are not transferred to countries of the European Union; payments are made in tenge."),
        )
        == []
    )


def test_a_capital_abbreviation_in_either_alphabet_pairs_the_items():
    """«СМС» and "SMS" are one anchor: the phone item that keeps it is paired, the other one is gone."""
    ru = [
        "- номер телефона для СМС-уведомлений;",
        "- номер телефона для звонков оператора;",
        "- адрес доставки заказа.",
    ]
    en = ["- phone number for SMS notifications;", "- order delivery address."]
    assert lists.lone_items(ru, en) == ("missing", [1], True)
    assert lists.lone_items(en, ru) == ("added", [1], True)


# --- the document's own parties (glossary) and who acts in a Kazakh sentence ------------------------------

LEASE = parse_glossary(
    [
        {"ru": "Арендодатель", "kk": "Жалға беруші", "en": "Lessor", "party": True},
        {"ru": "Арендатор", "kk": "Жалға алушы", "en": "Lessee"},  # a person: animate, a party
        {"ru": "имущество", "kk": "мүлік", "en": "property"},
    ]
)  # a thing: no party


def _actors(tmp_path, texts, source="ru", glossary=LEASE):
    return [
        (f.lang, f.rule) for f in check(tmp_path, texts, source=source, glossary=glossary) if f.rule == "actor-differs"
    ]


@pytest.mark.parametrize(
    "lang,wrong",
    [
        ("en", "The Lessee undertakes to transfer the property within 3 (three) working days."),
        ("kk", "Жалға алушы мүлікті 3 (үш) жұмыс күні ішінде беруге міндеттенеді."),
    ],
)
def test_a_duty_given_to_the_documents_other_party_is_found(tmp_path, lang, wrong):
    right = {
        "ru": "Арендодатель обязуется передать имущество в течение 3 (трех) рабочих дней.",
        "kk": "Жалға беруші мүлікті 3 (үш) жұмыс күні ішінде беруге міндеттенеді.",
        "en": "The Lessor undertakes to transfer the property within 3 (three) working days.",
    }
    assert _actors(tmp_path / "right", {k: [v] for k, v in right.items()}) == []
    assert _actors(tmp_path / "wrong", {k: [wrong if k == lang else v] for k, v in right.items()}) == [
        (lang, "actor-differs")
    ]
    # without the glossary the document's parties are unknown: nothing is said rather than guessed
    assert (
        _actors(tmp_path / "none", {k: [wrong if k == lang else v] for k, v in right.items()}, glossary=Glossary([]))
        == []
    )


def test_party_false_in_the_glossary_keeps_a_person_out_of_the_parties(tmp_path):
    glossary = parse_glossary(
        [
            {"ru": "Арендатор", "kk": "Жалға алушы", "en": "Lessee", "party": False},
            {"ru": "Арендодатель", "kk": "Жалға беруші", "en": "Lessor", "party": False},
        ]
    )
    texts = {
        "ru": ["Арендодатель обязуется передать имущество."],
        "kk": ["Жалға беруші мүлікті беруге міндеттенеді."],
        "en": ["The Lessee undertakes to transfer the property."],
    }
    assert _actors(tmp_path, texts, glossary=glossary) == []


def test_a_glossary_party_that_is_not_true_or_false_is_one_line():
    with pytest.raises(PolicyError, match="glossary entry 1: 'party' is true or false"):
        parse_glossary([{"ru": "Курьер", "kk": "Курьер", "en": "Courier", "party": "yes"}])


KK_WHEN = {
    "ru": "При нарушении Пользователем условий Оферты Компания вправе заблокировать его учетную запись.",
    "en": "The Company may block the User's account if the User breaches the terms of the Offer.",
}


@pytest.mark.parametrize(
    "kk",
    [
        "Пайдаланушы Оферта талаптарын бұзған кезде Компания оның есептік жазбасын бұғаттауға құқылы.",
        "Пайдаланушы Оферта талаптарын бұзған жағдайда Компанияның оның есептік жазбасын бұғаттауға құқығы бар.",
    ],
)
def test_in_kazakh_the_party_of_the_condition_clause_is_not_who_acts(tmp_path, kk):
    """«Пайдаланушы ... бұзған кезде Компания ...»: the User breaches, the Company acts (roles in markers/kk.yml)."""
    assert (
        _actors(tmp_path / "right", {"ru": [KK_WHEN["ru"]], "kk": [kk], "en": [KK_WHEN["en"]]}, glossary=Glossary([]))
        == []
    )
    swapped = kk.replace("Компания", "@").replace("Пайдаланушы", "Компания").replace("@", "Пайдаланушы")
    assert _actors(
        tmp_path / "wrong", {"ru": [KK_WHEN["ru"]], "kk": [swapped], "en": [KK_WHEN["en"]]}, glossary=Glossary([])
    ) == [("kk", "actor-differs")]


def test_a_party_before_a_clause_with_its_own_subject_still_acts(tmp_path):
    """«Пайдаланушы жөнелтілім Курьерге берілгенге дейін ...»: the shipment is handed over; the User acts."""
    texts = {
        "ru": ["Компания вправе отказаться от доставки до передачи отправления Курьеру."],
        "kk": ["Пайдаланушы жөнелтілім Курьерге берілгенге дейін жеткізуден бас тартуға құқылы."],
        "en": ["The Company may refuse delivery before the shipment is handed to the Courier."],
    }
    assert _actors(tmp_path, texts, glossary=Glossary([])) == [("kk", "actor-differs")]


def test_a_glossary_term_in_english_is_rendered_in_the_singular_too():
    glossary = parse_glossary([{"ru": "третьи лица", "kk": "үшінші тұлғалар", "en": "third parties"}])
    term = glossary.terms[0]
    assert term.accepted("the information was received from a third party.", "en")
    assert term.accepted("it is not disclosed to third parties.", "en")
    assert not term.accepted("it is not disclosed to the parties.", "en")


def test_a_word_that_begins_with_dis_is_no_negation_of_its_own(tmp_path):
    """«При недостижении согласия» = "If no agreement is reached": "disputes" must not count as a second negation."""
    texts = {
        "ru": ["Споры разрешаются путем переговоров. При недостижении согласия спор передается в суд."],
        "en": [
            "Disputes are resolved through negotiations. If no agreement is reached, the dispute is referred "
            "to the court."
        ],
        "kk": ["Даулар келіссөздер жолымен шешіледі. Келісімге қол жеткізілмеген жағдайда дау сотқа беріледі."],
    }
    assert [f.rule for f in check(tmp_path, texts) if f.rule == "polarity-differs"] == []
