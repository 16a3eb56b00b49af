"""A policy without clause numbers (many app privacy policies): headings in bold, paragraphs and bullets.

It imports as headed sections and paragraphs with a note, in any order of languages, and the
checker aligns the three languages by heading and paragraph order: silent on a right translation,
a finding on the right paragraph when a translation adds a negation.
"""

from __future__ import annotations

import pytest

from policydocs.check import check_tree
from policydocs.document import parse_file
from policydocs.importer import import_file

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">{home}</a></nav><main><h1>{title}</h1>
{body}
</main><footer>© 2026 «Дала Пэй»</footer></body></html>"""

SECTIONS = {
    "ru": (
        "Политика конфиденциальности приложения «Дала Пэй»",
        "Главная",
        [
            (
                "Общие положения",
                [
                    "Настоящая Политика определяет порядок обработки персональных данных пользователей "
                    "мобильного приложения «Дала Пэй».",
                    "Используя приложение, Пользователь соглашается с условиями настоящей Политики.",
                ],
            ),
            (
                "Какие данные мы собираем",
                [
                    "Мы обрабатываем следующие данные:",
                    ["фамилию, имя и отчество;", "номер мобильного телефона;", "сведения об операциях."],
                ],
            ),
            (
                "Передача данных",
                [
                    "Компания не передаёт персональные данные третьим лицам без согласия Пользователя, за "
                    "исключением случаев, предусмотренных законодательством Республики Казахстан."
                ],
            ),
        ],
    ),
    "kk": (
        "«Дала Пэй» қосымшасының құпиялылық саясаты",
        "Басты бет",
        [
            (
                "Жалпы ережелер",
                [
                    "Осы Саясат «Дала Пэй» мобильдік қосымшасы пайдаланушыларының дербес деректерін өңдеу "
                    "тәртібін айқындайды.",
                    "Қосымшаны пайдалана отырып, Пайдаланушы осы Саясаттың талаптарымен келіседі.",
                ],
            ),
            (
                "Біз қандай деректерді жинаймыз",
                [
                    "Біз мынадай деректерді өңдейміз:",
                    ["тегін, атын және әкесінің атын;", "ұялы телефон нөмірін;", "операциялар туралы мәліметтерді."],
                ],
            ),
            (
                "Деректерді беру",
                [
                    "Компания Қазақстан Республикасының заңнамасында көзделген жағдайларды қоспағанда, "
                    "Пайдаланушының келісімінсіз дербес деректерді үшінші тұлғаларға бермейді."
                ],
            ),
        ],
    ),
    "en": (
        "Privacy Policy of the Dala Pay app",
        "Home",
        [
            (
                "General provisions",
                [
                    "This Policy sets out how the personal data of users of the Dala Pay mobile app are processed.",
                    "By using the app, the User agrees to the terms of this Policy.",
                ],
            ),
            (
                "What data we collect",
                [
                    "We process the following data:",
                    ["surname, first name and patronymic;", "mobile phone number;", "information about transactions."],
                ],
            ),
            (
                "Transfer of data",
                [
                    "The Company does not transfer personal data to third parties without the User's "
                    "consent, except in the cases provided for by the legislation of the Republic of "
                    "Kazakhstan."
                ],
            ),
        ],
    ),
}


def _page(lang: str, replace: tuple[str, str] | None = None) -> str:
    title, home, sections = SECTIONS[lang]
    body = []
    for heading, parts in sections:
        body.append(f"<p><strong>{heading}</strong></p>")
        for part in parts:
            body.append(
                "<ul>" + "".join(f"<li>{i}</li>" for i in part) + "</ul>"
                if isinstance(part, list)
                else f"<p>{part}</p>"
            )
    text = PAGE.format(lang=lang, title=title, home=home, body="\n".join(body))
    return text.replace(*replace) if replace else text


def _import_all(tmp_path, order, replace=None):
    docs = tmp_path / "docs"
    results = {}
    for lang in order:
        src = tmp_path / f"policy-{lang}.html"
        src.write_text(_page(lang, replace[1:] if replace and replace[0] == lang else None), encoding="utf-8")
        results[lang] = import_file(
            src, "dala/privacy", docs, product="Дала Пэй", operators={"": "ТОО «Дала Пэй»"}, source_lang="ru"
        )
    return docs, results


@pytest.mark.parametrize("order", [("ru", "kk", "en"), ("en", "kk", "ru")])
def test_imports_as_headed_sections_with_a_note_in_any_order(tmp_path, order):
    docs, results = _import_all(tmp_path, order)
    for lang, result in results.items():
        assert any("no clause numbers found" in g.message for g in result.guesses), lang
        doc = parse_file(docs / lang / "dala/privacy.md")
        assert [s.title for s in doc.sections] == [h for h, _ in SECTIONS[lang][2]]
        assert [s.eid for s in doc.sections] == ["sec-x1", "sec-x2", "sec-x3"]  # the same address in every language
        assert not list(doc.clauses())
        assert "**" not in doc.render().split("---", 2)[2]
    assert "ә" in (docs / "kk/dala/privacy.md").read_text(encoding="utf-8")
    ids, findings = check_tree(docs)
    assert ids == ["dala/privacy"] and [f for f in findings if f.severity == "error"] == [], findings
    said = [f for f in findings if f.rule == "aligned-by-order"]  # how they were compared, said once
    assert [(f.severity, f.lang, f.line) for f in said] == [("note", "ru", 1)]


def test_the_checker_finds_an_added_negation_in_the_right_paragraph(tmp_path):
    docs, _ = _import_all(
        tmp_path,
        ("ru", "kk", "en"),
        replace=("en", "the User agrees to the terms", "the User does not agree to the terms"),
    )
    _, findings = check_tree(docs)
    wrong = [f for f in findings if f.rule == "polarity-differs"]
    assert [f.lang for f in wrong] == ["en"]
    line = wrong[0].line
    text = (docs / "en/dala/privacy.md").read_text(encoding="utf-8").splitlines()[line - 1]
    assert text.startswith("By using the app, the User does not agree")


def test_a_bold_term_inside_a_numbered_policy_stays_a_term(tmp_path):
    src = tmp_path / "p.html"
    src.write_text(
        PAGE.format(
            lang="ru",
            title="Политика",
            home="Главная",
            body=(
                "<ol><li><strong>Общие положения</strong><ol><li>Настоящая Политика действует в отношении всех "
                "Пользователей мобильного приложения «Дала Пэй» и определяет порядок обработки их персональных данных."
                "</li><li>Оператор обрабатывает персональные данные в соответствии с законодательством Республики "
                "Казахстан.</li></ol></li></ol><p><strong>Оператор</strong></p>"
            ),
        ),
        encoding="utf-8",
    )
    result = import_file(src, "dala/privacy", tmp_path / "docs", product="Дала Пэй", operators={"": "ТОО «Дала Пэй»"})
    assert not any("no clause numbers" in g.message for g in result.guesses)
    assert "**Оператор**" in (tmp_path / "docs/ru/dala/privacy.md").read_text(encoding="utf-8")
