"""Redlines: insertions, deletions, moves, renumbering, formatting-only changes, RU/KK words."""

from __future__ import annotations

from policydocs.document import parse_text
from policydocs.versions.redline import compare, label, render_html, render_text, summary, word_diff

HEADER = "---\nid: a/b\ntitle: T\nlang: {lang}\nproduct: P\noperator: O\nnotice_days: 7\nstatus: draft\n---\n\n"


def doc(body: str, lang: str = "ru"):
    return parse_text(HEADER.format(lang=lang) + body, f"{lang}.md")


BASE = """## 1. Общие положения

1.1. Компания обрабатывает персональные данные.

1.2. Срок уведомления составляет 7 (семи) календарных дней.

1.3. Пользователь соглашается с Политикой.

## 2. Права

2.1. Пользователь вправе отозвать согласие.

2.2. Компания отвечает на обращение в течение 30 дней.
"""


def kinds(changes):
    return [(c.kind, c.eid) for c in changes if c.kind != "same" or c.renumbered]


def test_no_change_and_formatting_only_change():
    assert kinds(compare(doc(BASE), doc(BASE))) == []
    reformatted = BASE.replace("1.1. Компания обрабатывает", "1.1. **Компания**   обрабатывает").replace(
        "составляет 7", "составляет\n7"
    )
    changes = compare(doc(BASE), doc(reformatted))
    assert kinds(changes) == []
    assert summary(changes, "en") == "No changes to the text"


def test_amended_clause_is_a_word_level_diff():
    new = BASE.replace("7 (семи)", "10 (десяти)")
    changes = compare(doc(BASE), doc(new))
    assert kinds(changes) == [("amended", "cl-1-2")]
    amended = next(c for c in changes if c.kind == "amended")
    assert [(op, t) for op, t in amended.words if op != 0] == [(-1, "7"), (1, "10"), (-1, "семи"), (1, "десяти")]
    html = render_html(changes, "ru")
    assert '<del class="pd-del">7</del> <ins class="pd-ins">10</ins>' in html  # never "710": a space between
    assert summary(changes, "ru") == "Изменены положения: 1.2"


def test_inserted_clause_renumbers_the_rest_without_showing_them_as_changed():
    new = BASE.replace(
        "1.3. Пользователь соглашается", "1.3. Компания вправе изменять Политику.\n\n1.4. Пользователь соглашается"
    )
    changes = compare(doc(BASE), doc(new))
    assert kinds(changes) == [("added", "cl-1-3"), ("same", "cl-1-4")]
    assert summary(changes, "en") == "Added 1.3; renumbered 1.3 → 1.4"
    assert summary(changes, "kk") == "Қосылған ережелер: 1.3; нөмірі өзгерген тармақтар: 1.3 → 1.4"


def test_deleted_clause():
    new = BASE.replace("1.3. Пользователь соглашается с Политикой.\n\n", "")
    changes = compare(doc(BASE), doc(new))
    assert kinds(changes) == [("removed", "cl-1-3")]
    assert "<del" in render_html(changes, "ru") and "Пользователь соглашается" in render_html(changes, "ru")
    assert "[-1.3. Пользователь соглашается с Политикой.-]" in render_text(changes, "ru", colour=False)


def test_moved_clause_shows_as_moved_not_deleted_and_added():
    new = BASE.replace("1.1. Компания обрабатывает персональные данные.\n\n", "").replace(
        "2.2. Компания отвечает", "2.2. Компания обрабатывает персональные данные.\n\n2.3. Компания отвечает"
    )
    changes = compare(doc(BASE), doc(new))
    moved = [c for c in changes if c.kind == "moved"]
    assert len(moved) == 1 and (moved[0].old.eid, moved[0].new.eid) == ("cl-1-1", "cl-2-2")
    assert not [c for c in changes if c.kind in ("added", "removed")]
    assert summary(changes, "en").startswith("Moved 1.1 → 2.2")


def test_kazakh_word_boundaries_keep_whole_words():
    a = "Деректер күнтізбелік жеті күн ішінде өңделеді."
    b = "Деректер күнтізбелік он күн ішінде жойылады."
    ops = [(op, t) for op, t in word_diff(a, b) if op != 0]
    assert ops == [(-1, "жеті"), (1, "он"), (-1, "өңделеді"), (1, "жойылады")]


def test_russian_inflection_changes_whole_word():
    ops = [(op, t) for op, t in word_diff("в течение семи дней", "в течение семь дней") if op != 0]
    assert ops == [(-1, "семи"), (1, "семь")]


def test_labels_in_three_languages():
    assert label("cl-2-3-1", "en") == "2.3.1"
    assert label("sec-3-b2", "en") == "section 3, list item 2"
    assert label("sec-3-b2", "ru") == "раздел 3, элемент списка 2"
    assert label("cl-2-2-1-i3", "kk") == "2.2.1, 3) тармақша"
    assert label("sec-3-p2", "kk") == "3-бөлім, 2-азат жол"  # Kazakh word order: the number first
    assert label("pre-p1", "en") == "introduction, paragraph 1"


def test_unnumbered_policy_bullets_added_and_removed():
    a = doc("## 3. Данные\n\nОператор обрабатывает:\n\n- имя;\n- телефон;\n- адрес.\n")
    b = doc("## 3. Данные\n\nОператор обрабатывает:\n\n- имя;\n- адрес;\n- IP-адрес.\n")
    changes = compare(a, b)
    assert summary(changes, "en") == (
        "Added section 3, list item 3; amended section 3, list item 2; removed section 3, list item 2"
    )


def test_a_blank_filled_in_is_amended_not_removed_and_added():
    # seed 004, section 2: the operator's blanks filled in from section 11
    a = doc("## 2. Оператор\n\nТОО «ДамуЖолы»\n\nБИН: _____\n\nАдрес: _____\n\nТелефон: _____\n")
    b = doc(
        "## 2. Оператор\n\nТОО «ДамуЖолы»\n\nБИН: 140140030904\n\nАдрес: г. Павлодар, ул. Луначарского д.6/3 к.В\n\n"
        "Телефон: +7 708 466 84 22\n"
    )
    changes = compare(a, b)
    assert kinds(changes) == [("amended", "sec-2-p2"), ("amended", "sec-2-p3"), ("amended", "sec-2-p4")]
    assert summary(changes, "ru") == "Изменены положения: раздел 2, абзацы 2, 3, 4"
    assert summary(changes, "en") == "Amended section 2, paragraphs 2, 3, 4"
    assert summary(changes, "kk") == "Өзгертілген ережелер: 2-бөлім, 2, 3, 4-азат жолдар"
    assert "[-_____-]{++7 708 466 84 22+}" in render_text(changes, "ru", colour=False)
    page = render_html(changes, "ru", only_changes=True)
    assert '<del class="pd-del">_____</del> <ins class="pd-ins">140140030904</ins>' in page
    assert "<hr" not in page  # a blank to fill in is text, not a Markdown rule


def test_a_different_paragraph_at_the_same_place_is_still_removed_and_added():
    a = doc("## 2. Оператор\n\nБИН: _____\n\nАдрес: _____\n")
    b = doc("## 2. Оператор\n\nБИН: _____\n\nОператор вправе изменить адрес.\n")
    assert kinds(compare(a, b)) == [("removed", "sec-2-p2"), ("added", "sec-2-p2")]


def test_a_letter_fix_is_named_and_words_never_touch():
    from policydocs.versions.redline import _words_html, letters_note, letters_only

    # City Group's Kazakh "Аktуалды": Latin k and t for Cyrillic к and т
    assert letters_only("Аktуалды", "Актуалды") == [("k", "к"), ("t", "т")]
    assert (
        letters_note(letters_only("Аktуалды", "Актуалды"), "kk")
        == "әріптер ауыстырылды: латын «k», «t» → кирилл «к», «т»"
    )
    assert letters_only("10 (десяти)", "15 (пятнадцати)") is None  # a real change is not a letter fix
    out = _words_html(word_diff("в течение 10 (десяти) рабочих дней", "в течение 15 (пятнадцати) рабочих дней"), "ru")
    assert "</del> <ins" in out and "</del><ins" not in out


def test_changes_stand_under_their_section_and_place():
    old = doc("## 2. Оператор\n\nБИН: _____\n\nАдрес: _____\n\n## 3. Сроки\n\n3.1. Срок хранения — 3 (три) года.\n")
    new = doc(
        "## 2. Оператор\n\nБИН: 140140030904\n\nАдрес: _____\n\n## 3. Сроки\n\n3.1. Срок хранения — 5 (пять) лет.\n"
    )
    html = render_html(compare(old, new), "ru", only_changes=True, link=lambda eid: f"../v2/#{eid}")
    assert '<p class="pd-where">2. Оператор</p>' in html and '<p class="pd-where">3. Сроки</p>' in html
    assert '<a href="../v2/#sec-2-p1">раздел 2, абзац 1</a>' in html
    assert '<a href="../v2/#cl-3-1">3.1</a>' in html
    assert html.index("2. Оператор") < html.index("140140030904") < html.index("3. Сроки")
    assert summary(compare(old, new), "kk") == "Өзгертілген ережелер: 2-бөлім, 1-азат жол, 3.1"


def _with_header(lang: str, title: str, operator: str, body: str):
    header = (
        f"---\nid: demo/terms\ntitle: {title}\nlang: {lang}\nproduct: Демо\noperator: {operator}\n"
        "notice_days: 7\nstatus: draft\n---\n\n"
    )
    return parse_text(header + body, f"docs/{lang}/demo/terms.md")


def test_a_changed_title_or_operator_is_named_in_the_summary_in_each_language():
    from policydocs.versions.redline import version_summary

    body = "1.1. Оператор хранит данные 3 (три) года.\n"
    old = _with_header("kk", "Дербес деректерді өңдеу мақсаттары", "«Демо» ЖШС", body)
    retitled = _with_header("kk", "Құпиялылық саясаты", "«Демо» ЖШС", body)
    assert version_summary(old, retitled, "kk") == "Құжаттың атауы өзгертілді: «Құпиялылық саясаты»"
    amended = _with_header("kk", "Құпиялылық саясаты", "«Жаңа Демо» ЖШС", body.replace("3 (три)", "5 (пять)"))
    said = version_summary(old, amended, "kk")
    assert said.startswith(
        "Құжаттың атауы өзгертілді: «Құпиялылық саясаты»; Оператордың атауы өзгертілді: ««Жаңа Демо» ЖШС»; "
    )
    assert "1.1" in said
    en_old, en_new = (_with_header("en", t, "Demo LLP", "1.1. Data is kept.\n") for t in ("Purposes", "Privacy Policy"))
    assert version_summary(en_old, en_new, "en") == "Document title changed to “Privacy Policy”"
    ru = _with_header("ru", "Политика", "ТОО «Демо»", "1.1. Данные хранятся.\n")
    assert version_summary(ru, ru, "ru") == "Текст не изменился"  # nothing in the header changed: the text's summary
