"""Words the site itself says, in each language (the theme's own words are in overrides/)."""

from __future__ import annotations

from ..languages import LANGUAGE_NAMES, LANGUAGES

STRINGS: dict[str, dict[str, str]] = {
    "operator": {"ru": "Оператор", "kk": "Оператор", "en": "Operator"},
    "version": {"ru": "Редакция", "kk": "Нұсқа", "en": "Version"},
    "published": {"ru": "Дата публикации", "kk": "Жарияланған күні", "en": "Published"},
    "effective": {"ru": "Вступает в силу", "kk": "Күшіне енеді", "en": "Takes effect"},
    "draft": {"ru": "черновик", "kk": "жоба", "en": "draft"},
    "status": {"ru": "Статус", "kk": "Мәртебесі", "en": "Status"},
    "status.published": {"ru": "опубликован", "kk": "жарияланған", "en": "published"},
    "status.draft": {"ru": "черновик, не опубликован", "kk": "жоба, жарияланбаған", "en": "draft, not published"},
    "pdf": {"ru": "Скачать PDF", "kk": "PDF жүктеп алу", "en": "Download PDF"},
    "docx": {"ru": "Скачать Word (.docx)", "kk": "Word (.docx) жүктеп алу", "en": "Download Word (.docx)"},
    "docx_changes": {"ru": "Word с исправлениями (режим рецензирования)", "kk": "Түзетулері бар Word (рецензиялау режимі)",
                     "en": "Word with tracked changes"},
    "missing.title": {"ru": "Перевод отсутствует", "kk": "Аударма жоқ", "en": "Translation not available"},
    "missing.text": {
        "ru": "Документ «{title}» пока не опубликован на русском языке.",
        "kk": "«{title}» құжаты әзірге қазақ тілінде жарияланбаған.",
        "en": "The document “{title}” is not yet available in English.",
    },
    "missing.available": {
        "ru": "Документ доступен на языках:",
        "kk": "Құжат мына тілдерде қолжетімді:",
        "en": "The document is available in:",
    },
    "index.title": {"ru": "Политики и соглашения", "kk": "Саясаттар мен келісімдер", "en": "Policies and agreements"},
    "index.intro": {
        "ru": "Все документы сервисов на русском языке.",
        "kk": "Қызметтердің барлық құжаттары қазақ тілінде.",
        "en": "All documents of our services in English.",
    },
    "product": {"ru": "Продукт", "kk": "Өнім", "en": "Product"},
    "document": {"ru": "Документ", "kk": "Құжат", "en": "Document"},
    "not_translated": {"ru": "нет перевода", "kk": "аудармасы жоқ", "en": "not translated"},
    "copy_link": {"ru": "Скопировать ссылку на пункт", "kk": "Тармаққа сілтемені көшіру", "en": "Copy link to this clause"},
    "copied": {"ru": "Ссылка скопирована", "kk": "Сілтеме көшірілді", "en": "Link copied"},
    "cite": {"ru": "Скопировать ссылку на абзац", "kk": "Азат жолға сілтемені көшіру", "en": "Copy link to this paragraph"},
    "no_clause": {
        "ru": "В этом документе нет пункта {n}. Показано начало документа.",
        "kk": "Бұл құжатта {n}-тармақ жоқ. Құжаттың басы көрсетілді.",
        "en": "This document has no clause {n}. It is shown from the beginning.",
    },
    "choose_language": {"ru": "Выберите язык", "kk": "Тілді таңдаңыз", "en": "Choose a language"},
    "feed.title": {"ru": "Обновления документов", "kk": "Құжаттардың жаңартулары", "en": "Document updates"},
    # the side-by-side page (site/compare.py)
    "compare.link": {"ru": "Сравнить языки по пунктам (RU | KK | EN)", "kk": "Тілдерді тармақ бойынша салыстыру (RU | KK | EN)",
                     "en": "Compare the languages clause by clause (RU | KK | EN)"},
    "compare.title": {"ru": "Языки документа по пунктам", "kk": "Құжат тілдері тармақ бойынша",
                      "en": "The document's languages clause by clause"},
    "compare.back": {"ru": "← К тексту документа", "kk": "← Құжат мәтініне", "en": "← Back to the document"},
    "compare.intro": {
        "ru": "Исходный текст — {source}; переводы сверяются с ним по пунктам. Состояние перевода указано в каждой строке.",
        "kk": "Бастапқы мәтін — {source}; аудармалар онымен тармақ бойынша салыстырылады. Аударманың күйі әр жолда көрсетілген.",
        "en": "The source text is {source}; the translations are compared with it clause by clause, each row showing their state.",
    },
    "compare.source": {"ru": "исходный текст", "kk": "бастапқы мәтін", "en": "source"},
    "compare.state.confirmed": {"ru": "подтверждён", "kk": "расталған", "en": "confirmed"},
    "compare.state.stale": {"ru": "устарел", "kk": "ескірген", "en": "stale"},
    "compare.state.unconfirmed": {"ru": "не подтверждён", "kk": "расталмаған", "en": "never confirmed"},
    "compare.state.missing": {"ru": "нет перевода", "kk": "аударма жоқ", "en": "missing"},
    "compare.state.extra": {"ru": "нет в исходном тексте", "kk": "бастапқы мәтінде жоқ", "en": "not in the source"},
    "compare.missing": {"ru": "Этого положения нет в тексте ({language}).", "kk": "Бұл ереже мәтінде жоқ ({language}).",
                        "en": "This provision is not in the {language} text."},
    "compare.stale_since": {
        "ru": "Исходный текст ({source}) изменился после подтверждения ({by}, {date}):",
        "kk": "Бастапқы мәтін ({source}) расталғаннан кейін өзгерді ({by}, {date}):",
        "en": "The {source} source changed after {by} confirmed this on {date}:",
    },
    "compare.no_diff": {"ru": "прежний текст не сохранён", "kk": "бұрынғы мәтін сақталмаған",
                        "en": "the text confirmed then was not recorded"},
    "compare.confirmed_by": {"ru": "Подтвердил(а): {by}, {date}", "kk": "Растаған: {by}, {date}", "en": "Confirmed by {by} on {date}"},
    "compare.draft": {"ru": "черновик (docs/)", "kk": "жоба (docs/)", "en": "draft (docs/)"},
    "compare.version": {"ru": "редакция {n}", "kk": "{n}-нұсқа", "en": "version {n}"},
}


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def language_name(code: str, in_lang: str | None = None) -> str:
    """A language's name; by default in that language itself ("Қазақша")."""
    return LANGUAGE_NAMES[code][in_lang or code]


def missing_keys() -> list[str]:
    return [f"{key}:{lang}" for key, by_lang in STRINGS.items() for lang in LANGUAGES if not by_lang.get(lang)]
