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
    "findings": {
        "ru": "Проверка переводов (видно только в mkdocs serve)",
        "kk": "Аудармаларды тексеру (тек mkdocs serve режимінде көрінеді)",
        "en": "Translation check (shown only in mkdocs serve)",
    },
}


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def language_name(code: str, in_lang: str | None = None) -> str:
    """A language's name; by default in that language itself ("Қазақша")."""
    return LANGUAGE_NAMES[code][in_lang or code]


def missing_keys() -> list[str]:
    return [f"{key}:{lang}" for key, by_lang in STRINGS.items() for lang in LANGUAGES if not by_lang.get(lang)]
