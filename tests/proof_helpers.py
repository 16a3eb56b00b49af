"""A version store made in a temp folder with fixed dates, for the proof tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from policydocs.versions.clock import effective_moment
from policydocs.versions.store import StoreLock, Version, open_store, sha256_bytes, write_version

ALMATY = ZoneInfo("Asia/Almaty")
DOC = "smartaqkol/privacy"

TEXTS = {
    1: {
        "ru": "# Политика конфиденциальности\n\n1.1. ТОО «Смарт Ақкөл» обрабатывает персональные данные "
        "Пользователя в соответствии с Законом Республики Казахстан «О персональных данных и их защите».\n",
        "kk": "# Құпиялылық саясаты\n\n1.1. «Смарт Ақкөл» ЖШС Пайдаланушының дербес деректерін Қазақстан "
        "Республикасының «Дербес деректер және оларды қорғау туралы» Заңына сәйкес өңдейді.\n",
        "en": "# Privacy Policy\n\n1.1. Smart Akkol LLP processes the User's personal data in accordance with the "
        "Law of the Republic of Kazakhstan On Personal Data and Their Protection.\n",
    },
    2: {
        "ru": "# Политика конфиденциальности\n\n1.1. ТОО «Смарт Ақкөл» обрабатывает персональные данные "
        "Пользователя в соответствии с Законом Республики Казахстан «О персональных данных и их защите».\n\n"
        "1.2. Данные хранятся не более 3 (трёх) лет с момента последнего входа в приложение.\n",
        "kk": "# Құпиялылық саясаты\n\n1.1. «Смарт Ақкөл» ЖШС Пайдаланушының дербес деректерін Қазақстан "
        "Республикасының «Дербес деректер және оларды қорғау туралы» Заңына сәйкес өңдейді.\n\n"
        "1.2. Деректер қосымшаға соңғы кірген сәттен бастап 3 (үш) жылдан аспайтын мерзімде сақталады.\n",
    },
}

PUBLISHED = {1: dt.datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY), 2: dt.datetime(2026, 11, 22, 15, 0, tzinfo=ALMATY)}


def make_store(versions_dir: Path, doc_id: str = DOC, texts: dict = TEXTS, published: dict = PUBLISHED):
    """Version 1 (three languages, in force from publication) and version 2 (ru, kk; 7 days' notice)."""
    for number in sorted(texts):
        store = open_store(versions_dir, doc_id)
        data = {lang: text.encode("utf-8") for lang, text in texts[number].items()}
        moment = published[number]
        material = number > 1
        version = Version(
            number=number,
            published=moment,
            effective=effective_moment(moment, 7, material),
            material=material,
            notice_days=7,
            summary={lang: "Изменения" for lang in data},
            sha256={lang: sha256_bytes(b) for lang, b in data.items()},
            folder=store.folder,
            recorded_at=moment.astimezone(dt.UTC),
            recorded_by="Юридический отдел <legal@example.kz>",
        )
        with StoreLock(versions_dir):
            write_version(store, version, data)
    return open_store(versions_dir, doc_id)
