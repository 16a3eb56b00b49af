"""Several numbering sequences in one document: the main text, then appendices numbered from 1 again.

A microcredit agreement with a repayment schedule (Appendix 1) and a list of documents
(Appendix 2), each numbered anew, as Kazakhstan lenders print them. The restart is a new
sequence: no duplicate is reported, and the three languages are aligned sequence by sequence,
so a clause left out of an appendix is named there, not confused with the main text's clause
of the same number. A "1" that follows clauses directly, with no title between, is still a
duplicate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydocs.check import check_tree
from policydocs.document import parse_file, parse_text
from policydocs.importer import import_file

HEAD = (
    "---\nid: testcredit/loan\ntitle: {title}\nlang: {lang}\nproduct: Тест Кредит\noperator: ТОО «МФО Тест Кредит»\n"
    "notice_days: 7\nstatus: draft\n---\n\n# {title}\n\n"
)

LOAN = {
    "ru": (
        "Договор о предоставлении микрокредита",
        """\
## 1. Предмет договора

1.1. Микрофинансовая организация предоставляет Заемщику микрокредит на условиях срочности, платности и возвратности.

1.2. Сумма микрокредита составляет 150 000 (сто пятьдесят тысяч) тенге.

## 2. Порядок погашения

2.1. Заемщик погашает микрокредит ежемесячными платежами согласно графику погашения (Приложение 1).

Приложение 1 к договору о предоставлении микрокредита

## 1. График погашения

1.1. Первый платеж вносится не позднее 10 числа месяца, следующего за месяцем выдачи микрокредита.

1.2. Последующие платежи вносятся ежемесячно не позднее 10 числа каждого месяца.

Приложение 2 к договору о предоставлении микрокредита

## 1. Перечень документов Заемщика

1.1. Для получения микрокредита Заемщик представляет документ, удостоверяющий личность.
""",
    ),
    "kk": (
        "Микрокредит беру туралы шарт",
        """\
## 1. Шарттың мәні

1.1. Микроқаржы ұйымы Қарыз алушыға мерзімділік, ақылылық және қайтарымдылық талаптарымен микрокредит береді.

1.2. Микрокредит сомасы 150 000 (бір жүз елу мың) теңгені құрайды.

## 2. Өтеу тәртібі

2.1. Қарыз алушы микрокредитті өтеу кестесіне (1-қосымша) сәйкес ай сайынғы төлемдермен өтейді.

Микрокредит беру туралы шартқа 1-қосымша

## 1. Өтеу кестесі

1.1. Бірінші төлем микрокредит берілген айдан кейінгі айдың 10-күнінен кешіктірілмей енгізіледі.

1.2. Кейінгі төлемдер ай сайын әр айдың 10-күнінен кешіктірілмей енгізіледі.

Микрокредит беру туралы шартқа 2-қосымша

## 1. Қарыз алушы құжаттарының тізбесі

1.1. Микрокредит алу үшін Қарыз алушы жеке басын куәландыратын құжатты ұсынады.
""",
    ),
    "en": (
        "Microcredit Agreement",
        """\
## 1. Subject of the agreement

1.1. The microfinance organisation provides the Borrower with a microcredit on terms of urgency, payment and repayment.

1.2. The amount of the microcredit is 150,000 (one hundred and fifty thousand) tenge.

## 2. Repayment

2.1. The Borrower repays the microcredit in monthly payments according to the repayment schedule (Appendix 1).

Appendix 1 to the microcredit agreement

## 1. Repayment schedule

1.1. The first payment is made no later than the 10th day of the month following the month the microcredit was issued.

1.2. Subsequent payments are made monthly no later than the 10th day of each month.

Appendix 2 to the microcredit agreement

## 1. List of the Borrower's documents

1.1. To receive the microcredit, the Borrower submits an identity document.
""",
    ),
}


def _write(tmp_path: Path, change: dict[str, tuple[str, str]] | None = None) -> Path:
    docs = tmp_path / "docs"
    for lang, (title, body) in LOAN.items():
        for old, new in (change or {}).get(lang, []):
            assert old in body
            body = body.replace(old, new, 1)
        path = docs / lang / "testcredit" / "loan.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEAD.format(title=title, lang=lang) + body, encoding="utf-8")
    return docs


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_each_appendix_numbered_anew_is_a_sequence_of_its_own(tmp_path, lang):
    doc = parse_file(_write(tmp_path) / lang / "testcredit" / "loan.md")
    assert [(s.sequence, s.number) for s in doc.sections if s.number] == [(0, "1"), (0, "2"), (1, "1"), (2, "1")]
    eids = [b.eid for b in doc.blocks if b.eid]
    assert len(eids) == len(set(eids))  # every clause keeps an anchor of its own on the page


def test_three_languages_with_appendices_check_clean(tmp_path):
    ids, found = check_tree(_write(tmp_path), project_root=tmp_path)
    assert ids == ["testcredit/loan"]
    assert [(f.rule, f.lang, f.line) for f in found] == []


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_clause_left_out_of_an_appendix_is_named_in_that_appendix(tmp_path, lang):
    ru_body = LOAN["ru"][1]
    missing = {
        "kk": "1.2. Кейінгі төлемдер ай сайын әр айдың 10-күнінен кешіктірілмей енгізіледі.\n\n",
        "en": "1.2. Subsequent payments are made monthly no later than the 10th day of each month.\n\n",
    }[lang]
    ids, found = check_tree(_write(tmp_path, {lang: [(missing, "")]}), project_root=tmp_path)
    structural = [(f.rule, f.lang, f.clause) for f in found if f.rule.startswith(("clause-", "numbering-"))]
    assert structural == [("clause-missing", lang, "1.2")]
    ru_line = next(f for f in found if f.rule == "clause-missing").params["src_line"]
    head = HEAD.format(title=LOAN["ru"][0], lang="ru").count("\n")
    assert ru_body.splitlines()[ru_line - head - 1].startswith(
        "1.2. Последующие платежи"
    )  # Appendix 1's, not 1.2 of the main text


def test_a_restart_without_a_title_between_is_still_a_duplicate():
    doc = parse_text(
        HEAD.format(title="Договор", lang="ru") + "## 1. Предмет\n\n1.1. Текст.\n\n"
        "## 2. Сроки\n\n2.1. Текст.\n\n## 1. Предмет\n\n1.1. Текст.\n",
        "x/ru/testcredit/loan.md",
    )
    assert [s.sequence for s in doc.sections if s.number] == [0, 0, 0]
    from policydocs.check.numbering import check

    assert [f.rule for f in check(doc, "testcredit/loan")] == ["numbering-duplicate"]


@pytest.mark.parametrize("order", [("kk", "ru", "en"), ("en", "kk", "ru")])
def test_imported_in_any_order_the_appendices_align(tmp_path, order):
    docs = tmp_path / "docs"
    for lang in order:
        title, body = LOAN[lang]
        text = f"{title}\n" + "\n".join(line.removeprefix("## ") for line in body.splitlines() if line.strip())
        source = tmp_path / f"loan-{lang}.txt"
        source.write_text(text, encoding="utf-8")
        import_file(source, "testcredit/loan", docs, lang=lang, product="Тест Кредит", operators=None)
    sections = {
        lang: [(s.sequence, s.number) for s in parse_file(docs / lang / "testcredit/loan.md").sections if s.number]
        for lang in LOAN
    }
    assert sections["ru"] == sections["kk"] == sections["en"] == [(0, "1"), (0, "2"), (1, "1"), (2, "1")]
    ids, found = check_tree(docs, project_root=tmp_path)
    assert [(f.rule, f.lang, f.clause) for f in found if f.rule.startswith(("clause-", "numbering-"))] == []
