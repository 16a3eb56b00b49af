"""Synthetic policies of realistic size in Russian, Kazakh and English, for benchmarks.

Each synthetic document mirrors seed 002 in size and shape (about 38 KB of Russian,
sections with clauses three levels deep, numbered sub-items, bullets and paragraphs),
and its three languages are aligned clause by clause with the same numbers, e-mails and
amounts, so a correct checker finds nothing in them. Benchmarks of every stage reuse it.

    python bench/synth.py OUT_DIR N      # writes OUT_DIR/<lang>/synthNNN/privacy.md
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = {
    "ru": (
        "оператор обрабатывает персональные данные пользователя платформы в целях исполнения договора "
        "хранение сбор уничтожение обезличивание согласие субъекта запрос уведомление срок доступ "
        "защита сведений сотрудники партнеры передача третьим лицам законодательство Республики Казахстан "
        "обращение получение изменение удаление учетной записи приложение сервис безопасность"
    ).split(),
    "kk": (
        "оператор платформа пайдаланушысының дербес деректерін шартты орындау мақсатында өңдейді "
        "сақтау жинау жою иесіздендіру субъектінің келісімі сұрау хабарлама мерзім қолжетімділік "
        "мәліметтерді қорғау қызметкерлер серіктестер үшінші тұлғаларға беру Қазақстан Республикасының заңнамасы "
        "өтініш алу өзгерту есептік жазбаны жою қосымша қызмет қауіпсіздік"
    ).split(),
    "en": (
        "the operator processes personal data of the platform user for the performance of the contract "
        "storage collection destruction anonymisation consent of the data subject request notice period access "
        "protection of information employees partners transfer to third parties legislation of the Republic of Kazakhstan "
        "application receipt change deletion of the account service security"
    ).split(),
}
TITLES = {"ru": "Политика конфиденциальности", "kk": "Құпиялылық саясаты", "en": "Privacy Policy"}
HEADINGS = {"ru": "Раздел", "kk": "Бөлім", "en": "Section"}
OPERATORS = {"ru": "ТОО «Синтетика»", "kk": "«Синтетика» ЖШС", "en": "Sintetika LLP"}


def _sentence(rng: random.Random, lang: str, n: int) -> str:
    words: list[str] = []
    while len(words) < n:  # real text does not repeat a word twice in a row
        word = rng.choice(WORDS[lang])
        if not words or word.lower() != words[-1].lower():
            words.append(word)
    words[0] = words[0].capitalize()
    return " ".join(words)


def policy_text(index: int, lang: str, seed: int = 0, sections: int = 3) -> str:
    """One language of synthetic document ``index``; the same (index, seed) aligns across languages."""
    shape = random.Random(f"{seed}:{index}")  # structure and invariants: shared by all languages
    words = random.Random(f"{seed}:{index}:{lang}")  # wording: per language
    out = [
        "---",
        f"id: synth{index:03d}/privacy",
        f"title: {TITLES[lang]} {index}",
        f"lang: {lang}",
        f"product: Synth {index}",
        f"operator: {OPERATORS[lang]}",
        "notice_days: 7",
        "status: draft",
        "---",
        "",
        f"# {TITLES[lang]} {index}",
        "",
        _sentence(words, lang, 30) + ".",
        "",
    ]
    for s in range(1, sections + 1):
        out += [f"## {s}. {HEADINGS[lang]} {s}", ""]
        for c in range(1, shape.randint(3, 6) + 1):
            email = f"privacy{shape.randint(1, 99)}@synth{index}.kz"
            days = shape.randint(2, 90)
            out += [
                f"{s}.{c}. {_sentence(words, lang, shape.randint(25, 45))} {email}, {days} {'дней' if lang == 'ru' else 'күн' if lang == 'kk' else 'days'}.",
                "",
            ]
            for sub in range(1, shape.randint(1, 4) + 1):
                out += [f"{s}.{c}.{sub}. {_sentence(words, lang, shape.randint(20, 40))}.", ""]
                kind = shape.choice(("items", "bullets", "para"))
                count = shape.randint(2, 5)
                if kind == "items":
                    out += [f"{k}) {_sentence(words, lang, shape.randint(6, 14))};" for k in range(1, count + 1)] + [""]
                elif kind == "bullets":
                    out += [f"- {_sentence(words, lang, shape.randint(4, 10))};" for _ in range(count)] + [""]
                else:
                    out += [_sentence(words, lang, shape.randint(30, 60)) + ".", ""]
    return "\n".join(out)


def write_corpus(root: Path, n_docs: int, langs: tuple[str, ...] = ("ru", "kk", "en"), seed: int = 0) -> list[Path]:
    """Write ``n_docs`` aligned documents under ``root/<lang>/synthNNN/privacy.md``."""
    paths: list[Path] = []
    for i in range(n_docs):
        for lang in langs:
            path = Path(root) / lang / f"synth{i:03d}" / "privacy.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(policy_text(i, lang, seed), encoding="utf-8")
            paths.append(path)
    return paths


if __name__ == "__main__":
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    files = write_corpus(out, n)
    print(f"wrote {len(files)} files under {out}")
