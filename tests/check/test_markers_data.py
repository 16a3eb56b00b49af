"""Marker data added after the blind held-out-3 measurement: each entry fires where it should and only there."""

from __future__ import annotations

import pytest

from .test_meaning import pair

CASES = [  # (rule, source lang, source, lang, wrong, right, third)
    # an age bound and an upper bound are no negations
    (
        "polarity-differs",
        "ru",
        "Арендатором может быть лицо не моложе 21 года, имеющее водительское удостоверение.",
        "en",
        "The Lessee may not be a person aged 21 who holds a driving licence.",
        "The Lessee may be a person not younger than 21 who holds a driving licence.",
        ("kk", "Жалға алушы жүргізуші куәлігі бар, кемінде 21 жастағы тұлға бола алады."),
    ),
    (
        "polarity-differs",
        "ru",
        "Размер штрафа составляет не более 50 000 (пятидесяти тысяч) тенге.",
        "en",
        "The fine is not 50,000 (fifty thousand) tenge.",
        "The fine does not exceed 50,000 (fifty thousand) tenge.",
        ("kk", "Айыппұл мөлшері 50 000 (елу мың) теңгеден аспайды."),
    ),
    # "the Russian text" is a language, not Russia; a court in Shymkent is a place
    (
        "place-differs",
        "ru",
        "Споры рассматриваются в суде города Шымкент.",
        "en",
        "Disputes are considered by the court of the city of Almaty.",
        "Disputes are considered by the court of the city of Shymkent.",
        ("kk", "Даулар Шымкент қаласының сотында қаралады."),
    ),
    (
        "place-differs",
        "ru",
        "При расхождении текстов преимущество имеет текст на русском языке, применяется право Республики Казахстан.",
        "en",
        "In case of discrepancy the Russian text prevails, and the law of the Russian Federation applies.",
        "In case of discrepancy the Russian text prevails, and the law of the Republic of Kazakhstan applies.",
        (
            "kk",
            "Мәтіндер арасында алшақтық болса, орыс тіліндегі мәтін басым болады, Қазақстан Республикасының құқығы қолданылады.",
        ),
    ),
    # "on condition that" is «при условии»
    # "No. 94-V" is a number sign, not a negation
    (
        "polarity-differs",
        "ru",
        "Компания обрабатывает данные в соответствии с Законом № 94-V и не передает их третьим лицам.",
        "en",
        "The Company processes data in accordance with Law No. 94-V and transfers them to third parties.",
        "The Company processes data in accordance with Law No. 94-V and does not transfer them to third parties.",
        ("kk", "Компания деректерді № 94-V Заңға сәйкес өңдейді және оларды үшінші тұлғаларға бермейді."),
    ),
    # «орындамау» (non-performance) is a negation inside a noun, as «неисполнение»: the clause's own is read
    (
        "polarity-differs",
        "ru",
        "Стороны освобождаются от ответственности за неисполнение обязательств вследствие "
        "обстоятельств непреодолимой силы.",
        "kk",
        "Міндеттемелерді орындамау еңсерілмейтін күш салдарынан болса, тараптар жауапкершіліктен босатылмайды.",
        "Міндеттемелерді орындамау еңсерілмейтін күш салдарынан болса, тараптар жауапкершіліктен босатылады.",
        ("en", "The parties are released from liability for non-performance of obligations caused by force majeure."),
    ),
    # a duty not to («жария етпеуге міндетті») is a ban, as «запрещается»
    (
        "modality-differs",
        "ru",
        "Пользователю запрещается разглашать код подтверждения третьим лицам.",
        "kk",
        "Пайдаланушы растау кодын үшінші тұлғаларға жария етуге міндетті.",
        "Пайдаланушы растау кодын үшінші тұлғаларға жария етпеуге міндетті.",
        ("en", "The User is prohibited from disclosing the confirmation code to third parties."),
    ),
    # «при условии» is «... жағдайда» in Kazakh: one condition
    (
        "condition-differs",
        "ru",
        "Арендатор несет ответственность за ущерб при условии, что ущерб не покрыт страховкой.",
        "kk",
        "Жалға алушы залал үшін жауапкершілік көтереді.",
        "Залал сақтандырумен жабылмаған жағдайда, Жалға алушы залал үшін жауапкершілік көтереді.",
        ("en", "The Lessee is liable for the damage provided that the damage is not covered by insurance."),
    ),
    (
        "condition-differs",
        "ru",
        "Трансграничная передача осуществляется при условии обеспечения защиты данных.",
        "en",
        "Cross-border transfer is carried out and data protection is ensured.",
        "Cross-border transfer is carried out on condition that data protection is ensured.",
        ("kk", "Трансшекаралық беру деректердің қорғалуы қамтамасыз етілу шартымен жүзеге асырылады."),
    ),
]


@pytest.mark.parametrize(
    "rule,src_lang,src,lang,wrong,right,third", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_marker_data_fires_on_the_mistake_and_not_on_the_right_wording(
    tmp_path, rule, src_lang, src, lang, wrong, right, third
):
    assert rule in pair(tmp_path / "wrong", src_lang, src, lang, wrong, third)
    assert pair(tmp_path / "right", src_lang, src, lang, right, third) == []


def test_a_party_swapped_wherever_it_stands_is_found_and_one_not_repeated_is_not(tmp_path):
    """ "paid by the Lessee" -> "paid by the Lessor": no party acts as the subject, the named one is swapped."""
    from policydocs.check.terminology import parse as parse_glossary

    from .test_meaning import check

    lease = parse_glossary(
        [
            {"ru": "Арендатор", "kk": "Жалға алушы", "en": "Lessee", "party": True},
            {"ru": "Арендодатель", "kk": "Жалға беруші", "en": "Lessor", "party": True},
        ]
    )
    right = {
        "ru": ["Штрафы за нарушение правил дорожного движения оплачиваются Арендатором."],
        "kk": ["Жол жүрісі қағидаларын бұзғаны үшін айыппұлдарды Жалға алушы төлейді."],
        "en": ["Fines for traffic violations are paid by the Lessee."],
    }
    runs = iter(range(10))

    def rules(texts):
        return [
            (f.lang, f.rule)
            for f in check(tmp_path / str(next(runs)), texts, glossary=lease)
            if f.rule == "actor-differs"
        ]

    assert rules(right) == []
    assert rules(dict(right, en=["Fines for traffic violations are paid by the Lessor."])) == [("en", "actor-differs")]
    # the Company named in the source and not repeated in the translation ("its") is no verdict
    assert (
        rules(
            {
                "ru": ["Арендатор возвращает Автомобиль на парковку Арендодателя."],
                "kk": ["Жалға алушы Автомобильді Жалға берушінің тұрағына қайтарады."],
                "en": ["The Lessee returns the Car to its parking place."],
            }
        )
        == []
    )


def test_a_party_named_where_the_source_says_its_pronoun_is_no_unexpected_term(tmp_path):
    from policydocs import corpus as corpus_mod
    from policydocs.check import check_policy
    from policydocs.check.terminology import parse as parse_glossary

    from .test_meaning import write

    glossary = parse_glossary(
        [
            {"ru": "Пользователь", "kk": "Пайдаланушы", "en": "User"},
            {"ru": "персональные данные", "kk": "дербес деректер", "en": "personal data"},
        ]
    )
    texts = {
        "ru": ["Пользователь вправе отозвать согласие на обработку своих сведений."],
        "kk": ["Пайдаланушы өз мәліметтерін өңдеуге берген келісімін қайтарып алуға құқылы."],
        "en": ["The User may withdraw consent to the processing of the User's personal data."],
    }
    docs = write(tmp_path, texts, translated=True)
    found = [
        (f.lang, f.rule, f.params.get("found"))
        for f in check_policy(corpus_mod.load(docs).policies["kassa/terms"], glossary=glossary, project_root=tmp_path)
        if f.rule == "term-unexpected"
    ]
    # "the User's" for «своих»: the same party; "personal data" for «сведений»: a reserved notion, reported
    assert found == [("en", "term-unexpected", "personal data")]
