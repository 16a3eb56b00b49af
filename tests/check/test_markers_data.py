"""Marker data added after the blind held-out-3 measurement: each entry fires where it should and only there."""

from __future__ import annotations

import pytest

from .test_meaning import pair

CASES = [  # (rule, source lang, source, lang, wrong, right, third)
    # an age bound and an upper bound are no negations
    ("polarity-differs", "ru", "Арендатором может быть лицо не моложе 21 года, имеющее водительское удостоверение.",
     "en", "The Lessee may not be a person aged 21 who holds a driving licence.",
     "The Lessee may be a person not younger than 21 who holds a driving licence.",
     ("kk", "Жалға алушы жүргізуші куәлігі бар, кемінде 21 жастағы тұлға бола алады.")),
    ("polarity-differs", "ru", "Размер штрафа составляет не более 50 000 (пятидесяти тысяч) тенге.",
     "en", "The fine is not 50,000 (fifty thousand) tenge.", "The fine does not exceed 50,000 (fifty thousand) tenge.",
     ("kk", "Айыппұл мөлшері 50 000 (елу мың) теңгеден аспайды.")),
    # "the Russian text" is a language, not Russia; a court in Shymkent is a place
    ("place-differs", "ru", "Споры рассматриваются в суде города Шымкент.",
     "en", "Disputes are considered by the court of the city of Almaty.",
     "Disputes are considered by the court of the city of Shymkent.",
     ("kk", "Даулар Шымкент қаласының сотында қаралады.")),
    ("place-differs", "ru", "При расхождении текстов преимущество имеет текст на русском языке, применяется право Республики Казахстан.",
     "en", "In case of discrepancy the Russian text prevails, and the law of the Russian Federation applies.",
     "In case of discrepancy the Russian text prevails, and the law of the Republic of Kazakhstan applies.",
     ("kk", "Мәтіндер арасында алшақтық болса, орыс тіліндегі мәтін басым болады, Қазақстан Республикасының құқығы қолданылады.")),
    # "on condition that" is «при условии»
    ("condition-differs", "ru", "Трансграничная передача осуществляется при условии обеспечения защиты данных.",
     "en", "Cross-border transfer is carried out and data protection is ensured.",
     "Cross-border transfer is carried out on condition that data protection is ensured.",
     ("kk", "Трансшекаралық беру деректердің қорғалуы қамтамасыз етілу шартымен жүзеге асырылады.")),
]


@pytest.mark.parametrize("rule,src_lang,src,lang,wrong,right,third", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_marker_data_fires_on_the_mistake_and_not_on_the_right_wording(tmp_path, rule, src_lang, src, lang, wrong,
                                                                         right, third):
    assert rule in pair(tmp_path / "wrong", src_lang, src, lang, wrong, third)
    assert pair(tmp_path / "right", src_lang, src, lang, right, third) == []
