"""What the checker reports: a finding names a rule, a place in every language involved, and why it matters.

Rule ids are stable (they appear in silences written into the documents), severities say
whether publishing must stop (``error``) or a person should look (``warning``). Messages are
templates with an English and a Russian wording, filled in when the report is printed, so the
same finding can be shown to a lawyer in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from sys import intern
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    en: str  # message template, str.format(**params)
    ru: str
    why_en: str
    why_ru: str


_RULES = [
    # --- structure across languages
    Rule("missing-language", ERROR,
         "the {lang_name} text of this document is missing (expected at {expected})",
         "нет текста документа на языке: {lang_name_ru} (ожидается файл {expected})",
         "every policy must be published in each required language ({required}); readers of that language would see nothing or another language",
         "политика публикуется на всех языках ({required}); читатели этого языка не увидят текста"),
    Rule("header-disagrees", ERROR,
         "{lang}: the header says {field}: {value}, but {other} says {field}: {agreed}; the files of one document must agree on it",
         "{lang}: в заголовке {field}: {value}, а в {other} — {field}: {agreed}; файлы одного документа должны совпадать в этом поле",
         "a document has one source text, one id, one notice period and one prevailing language; files that disagree make the checker compare against the wrong text",
         "у документа один исходный текст, один id, один срок уведомления и один преимущественный язык; при расхождении проверка сравнивает не с тем текстом"),
    Rule("clause-missing", ERROR,
         "{lang}: {what} of the {src_lang} source is missing here (it is at {src_lang} line {src_line})",
         "{lang}: отсутствует {what_ru} исходного текста {src_lang} (в {src_lang} это строка {src_line})",
         "a clause that exists in one language but not in another makes the versions say different things",
         "пункт, который есть в одном языке и отсутствует в другом, означает, что тексты говорят разное"),
    Rule("clause-extra", ERROR,
         "{lang}: {what} is not in the {src_lang} source",
         "{lang}: {what_ru} отсутствует в исходном тексте {src_lang}",
         "a translation must not add provisions the source text does not contain",
         "перевод не должен добавлять положения, которых нет в исходном тексте"),
    Rule("clause-order", ERROR,
         "{lang}: {what} stands in a different place than in the {src_lang} text (after {after} instead of after {src_after})",
         "{lang}: {what_ru} стоит в другом месте, чем в тексте {src_lang} (после {after} вместо {src_after})",
         "clauses must follow the same order in every language, so that references and numbering match",
         "пункты должны идти в одном порядке во всех языках"),
    Rule("block-count", ERROR,
         "{lang}: {where} has {count} {kinds}, the {src_lang} text has {src_count}",
         "{lang}: {where_ru} — {kinds_ru}: {count}, а в тексте {src_lang}: {src_count}",
         "a list item or paragraph present in one language and not in the other is a provision missing from one version",
         "лишний или пропущенный подпункт или абзац — это положение, которого нет в одной из версий"),
    # --- numbering inside one language
    Rule("numbering-gap", ERROR,
         "{what} {number} follows {prev}: {missing} is missing from the numbering",
         "{what_ru} {number} идёт после {prev}: в нумерации пропущен {missing}",
         "a gap in numbering looks like a deleted provision and breaks references to later clauses",
         "пропуск в нумерации выглядит как удалённое положение и сбивает ссылки"),
    Rule("numbering-duplicate", ERROR,
         "{what} {number} appears twice (first at line {first_line})",
         "{what_ru} {number} встречается дважды (впервые на строке {first_line})",
         "two clauses with one number make every reference to that number ambiguous",
         "два пункта с одним номером делают ссылку на этот номер неоднозначной"),
    Rule("numbering-order", ERROR,
         "{what} {number} comes after {prev}: the numbers go backwards",
         "{what_ru} {number} стоит после {prev}: нумерация идёт назад",
         "clauses out of order make the text hard to cite and suggest a copy-paste error",
         "нарушенный порядок затрудняет ссылки и говорит об ошибке при копировании"),
    Rule("numbering-level", ERROR,
         "clause {number} is not under {expected}: {reason}",
         "пункт {number} не вложен в {expected}: {reason_ru}",
         "a clause must sit under its parent clause or section, otherwise its number names the wrong place",
         "пункт должен стоять внутри своего раздела или пункта, иначе номер указывает не туда"),
    Rule("numbering-mixed", WARNING,
         "this list mixes '{a}' and '{b}' markers",
         "в этом перечне смешаны маркеры «{a}» и «{b}»",
         "a list numbered two ways reads as two lists and confuses references to its items",
         "перечень с разной нумерацией читается как два перечня"),
    # --- invariants
    Rule("invariant-mismatch", ERROR,
         "{lang}: the {category} differ from the {src_lang} text: {src_lang} has {src_values}, {lang} has {values}",
         "{lang}: {category_ru} не совпадают с текстом {src_lang}: в {src_lang} {src_values}, в {lang} {values}",
         "numbers, deadlines, amounts and contact details must be identical in every language; a reader relies on them",
         "числа, сроки, суммы и контакты должны совпадать во всех языках: читатель на них полагается"),
    # --- language
    Rule("wrong-language", ERROR,
         "{lang}: this text is written in {found}, not {expected}",
         "{lang}: текст написан на языке «{found}», а не «{expected}»",
         "a reader of this language cannot rely on a passage in another language; the translation is missing here",
         "читатель этого языка не может полагаться на текст на другом языке; здесь нет перевода"),
    Rule("foreign-words", ERROR,
         "{lang}: Cyrillic words in the English text: {words}",
         "{lang}: кириллические слова в английском тексте: {words}",
         "an untranslated word leaves part of the provision unreadable for an English reader",
         "непереведённое слово делает часть положения непонятной английскому читателю"),
    Rule("untranslated", ERROR,
         "{lang}: the text is identical to the {src_lang} text (not translated)",
         "{lang}: текст совпадает с текстом {src_lang} (не переведён)",
         "a clause copied from the source language is a missing translation",
         "скопированный из исходного языка пункт — это отсутствующий перевод"),
    Rule("length-ratio", WARNING,
         "{lang}: the text is {ratio} the length of the {src_lang} text ({chars} vs {src_chars} characters): possibly {hint}",
         "{lang}: текст составляет {ratio} от длины текста {src_lang} ({chars} и {src_chars} знаков): возможно, {hint_ru}",
         "a translation much shorter or longer than its source usually leaves out or adds part of the provision",
         "перевод намного короче или длиннее оригинала обычно что-то пропускает или добавляет"),
    # --- script
    Rule("mixed-script", ERROR,
         "the word '{word}' mixes Cyrillic and Latin letters: {letters} {verb}",
         "слово «{word}» смешивает кириллицу и латиницу: {letters} — {script_ru}",
         "look-alike letters from another alphabet break search, copying and hyphenation, and may change a name",
         "похожие буквы другого алфавита ломают поиск и копирование и могут исказить имя"),
    # --- leftovers
    Rule("placeholder", ERROR,
         "unfilled placeholder '{text}'",
         "не заполнен шаблон «{text}»",
         "a blank in a published policy leaves out information the law requires (who the operator is, how to reach it)",
         "пустое место в опубликованной политике — это отсутствующие сведения"),
    Rule("doubled-word", WARNING,
         "the word '{word}' is written twice in a row",
         "слово «{word}» повторено дважды подряд",
         "a doubled word is usually a typing slip in the signed text",
         "повтор слова обычно является опечаткой"),
    Rule("unbalanced", WARNING,
         "{what}: {detail}",
         "{what_ru}: {detail_ru}",
         "an unclosed bracket or quotation mark leaves it unclear where a quoted name or a reservation ends",
         "незакрытая скобка или кавычка оставляет неясным, где кончается название или оговорка"),
    Rule("broken-markdown", ERROR,
         "{detail}",
         "{detail_ru}",
         "broken formatting shows stray asterisks or a dead link to the reader",
         "сломанное оформление показывает читателю лишние звёздочки или нерабочую ссылку"),
    # --- cross-references
    Rule("xref-missing", ERROR,
         "the text refers to {ref} {number}, which does not exist in this document",
         "текст ссылается на {ref_ru} {number}, которого нет в документе",
         "a reference to a clause that does not exist leaves the reader without the rule it points to",
         "ссылка на несуществующий пункт оставляет читателя без правила, на которое она указывает"),
    Rule("xref-differs", ERROR,
         "{lang}: the text refers to {values}, the {src_lang} text to {src_values}",
         "{lang}: текст ссылается на {values}, текст {src_lang} — на {src_values}",
         "the same clause must point to the same clauses in every language",
         "один и тот же пункт должен ссылаться на одни и те же пункты во всех языках"),
    # --- terminology
    Rule("term-missing", WARNING,
         "{lang}: the {found_lang} text uses the term '{found}', but the agreed {lang} term '{expected}' is not here",
         "{lang}: текст {found_lang} использует термин «{found}», но согласованного термина «{expected}» здесь нет",
         "a defined term translated differently in one place may be read as a different thing",
         "иначе переведённый термин может быть понят как другое понятие"),
    Rule("term-unexpected", WARNING,
         "{lang}: the text uses '{found}', the agreed term for '{source_term}', but the {src_lang} text does not say '{source_term}' here",
         "{lang}: текст использует «{found}» — согласованный перевод термина «{source_term}», но в тексте {src_lang} здесь нет «{source_term}»",
         "a reserved term used for another notion makes the translation say more, or something else, than the source",
         "закреплённый термин, использованный для другого понятия, меняет смысл перевода"),
    Rule("term-never-used", WARNING,
         "{lang}: the {found_lang} text uses the term '{found}' in {count} places ({clauses}), but the {lang} text never uses the agreed term '{expected}'",
         "{lang}: текст {found_lang} использует термин «{found}» в {count} местах ({clauses}), а текст {lang} ни разу не использует согласованный термин «{expected}»",
         "the translation consistently uses another word for a term the glossary fixes; readers may take it for a different notion",
         "перевод везде использует другое слово для термина из глоссария; читатель может понять его как другое понятие"),
    Rule("definition-missing", ERROR,
         "{lang}: the {src_lang} source defines '{term}' here, this translation defines no term",
         "{lang}: в исходном тексте {src_lang} здесь определён термин «{term}», а в переводе — нет",
         "a term defined in one language only has no agreed meaning in the others",
         "термин, определённый только в одном языке, не имеет значения в других"),
    Rule("definition-extra", ERROR,
         "{lang}: this translation defines '{term}' here, the {src_lang} source defines no term",
         "{lang}: перевод определяет здесь термин «{term}», а исходный текст {src_lang} — нет",
         "a translation must not define terms the source does not define",
         "перевод не должен определять термины, которых нет в исходном тексте"),
    # --- staleness
    Rule("stale-translation", WARNING,
         "{lang}: the {src_lang} source of {what} changed after {by} confirmed the translation on {date}: {diff}; review the translation and run `policydocs confirm {doc_id} --lang {lang} --clause {clause}`",
         "{lang}: исходный текст {src_lang} ({what_ru}) изменился после того, как {by} подтвердил(а) перевод {date}: {diff}; проверьте перевод и выполните `policydocs confirm {doc_id} --lang {lang} --clause {clause}`",
         "the translation may no longer say what the source says",
         "перевод может больше не соответствовать исходному тексту"),
    Rule("unconfirmed-translation", WARNING,
         "{lang}: nobody has confirmed the translation of {what} of the {src_lang} source: {reason}; review it and run `policydocs confirm {doc_id} --lang {lang} --clause {clause}`",
         "{lang}: перевод ({what_ru}) исходного текста {src_lang} никто не подтвердил: {reason_ru}; проверьте и выполните `policydocs confirm {doc_id} --lang {lang} --clause {clause}`",
         "nobody has confirmed that this part of the translation follows the source",
         "никто не подтвердил, что эта часть перевода соответствует оригиналу"),
    # --- silences
    Rule("silence-without-reason", ERROR,
         "the silence of '{rule}' gives no reason",
         "отключение правила «{rule}» не объясняет причину",
         "a silenced finding must say why, so that the next reader can judge it",
         "отключение проверки должно объяснять причину"),
    Rule("silence-unknown-rule", ERROR,
         "the silence names an unknown rule '{rule}'",
         "отключение называет неизвестное правило «{rule}»",
         "a misspelt rule id silences nothing",
         "опечатка в имени правила ничего не отключает"),
    Rule("unsafe-link", ERROR,
         "{detail}",
         "{detail}",
         "a policy may only link to web pages, e-mail and phone numbers",
         "политика может ссылаться только на веб-страницы, почту и телефоны"),
]

RULES: dict[str, Rule] = {r.id: r for r in _RULES}


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class Finding:
    """One problem at one place, with the matching place in the other language when there is one."""

    rule: str
    doc_id: str
    lang: str
    path: str
    line: int
    clause: str = ""  # clause number ("2.1") or eId when unnumbered
    eid: str = ""
    excerpt: str = ""
    other_lang: str = ""
    other_path: str = ""
    other_line: int = 0
    other_excerpt: str = ""
    other_eid: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = ""

    def __post_init__(self) -> None:
        if not self.severity:
            self.severity = RULES[self.rule].severity
        # one string object per file: smaller pickles (the memo shares it) and less memory
        self.path, self.other_path, self.doc_id = intern(self.path), intern(self.other_path), intern(self.doc_id)

    def __reduce__(self):
        # compact pickles: findings travel back from the worker processes of check_corpus
        return (Finding, (self.rule, self.doc_id, self.lang, self.path, self.line, self.clause, self.eid,
                          self.excerpt, self.other_lang, self.other_path, self.other_line, self.other_excerpt,
                          self.other_eid, self.params, self.severity))

    @property
    def message(self) -> str:
        """The message in English (see ``text`` for another language)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        rule = RULES[self.rule]
        template = rule.ru if lang == "ru" else rule.en
        text = template.format_map(_Default(self.params))
        if self.params.get("also"):
            text += f" (также в {self.params['also']})" if lang == "ru" else f" (the same in {self.params['also']})"
        return text

    def why(self, lang: str = "en") -> str:
        rule = RULES[self.rule]
        return (rule.why_ru if lang == "ru" else rule.why_en).format_map(_Default(self.params))

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "document": self.doc_id,
            "language": self.lang,
            "clause": self.clause,
            "eid": self.eid,
            "file": self.path,
            "line": self.line,
            "message": self.text(lang),
            "why": self.why(lang),
            "excerpt": self.excerpt,
        }
        if self.other_lang:
            data["other"] = {
                "language": self.other_lang,
                "file": self.other_path,
                "line": self.other_line,
                "excerpt": self.other_excerpt,
            }
        return data

    def sort_key(self) -> tuple:
        return (self.doc_id, self.path, self.line, self.rule)


def excerpt(text: str, limit: int = 110, around: int | None = None) -> str:
    """A short piece of text for the report, centred on ``around`` when given."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if around is None or around < limit // 2:
        return text[: limit - 1].rstrip() + "…"
    start = max(0, around - limit // 2)
    end = min(len(text), start + limit)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
