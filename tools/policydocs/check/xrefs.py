"""References from one clause to another: "пункте 2.1", "2.1-тармағында", "clause 2.1", "section 4".

A reference must name a clause or section that exists in the same document, and the same
clause must refer to the same numbers in every language. References to other acts
("пункт 2 статьи 7 Закона", "7-бабының 2-тармағы", "clause 2 of Article 7") are not ours
and are left alone.
"""

from __future__ import annotations

import re

N = r"\d+(?:\.\d+)*"
_LIST = rf"{N}(?:\.(?!\d))?(?:\s*(?:,|и|или|and|or|–|—|-)\s*{N}(?:\.(?!\d))?)*"

RU_RE = re.compile(
    rf"(?<![\w])(?P<kw>пункт\w*|подпункт\w*|п\.|пп\.|раздел\w*)\s*(?P<nums>{_LIST})(?P<tail>\s+\S+)?", re.I
)
EN_RE = re.compile(
    rf"(?<![\w])(?P<kw>clauses?|sub-?clauses?|sections?|paragraphs?)\s+(?P<nums>{_LIST})(?P<tail>\s+\S+\s*\S*)?", re.I
)
KK_RE = re.compile(
    rf"(?P<pre>\S+\s+)?(?P<nums>{N}(?:\s*(?:,|және|немесе|–|-)\s*{N})*)\s*-\s*(?P<kw>тарма[қғ]\w*|бөлім\w*|тармақша\w*)",
    re.I,
)  # «4.3-тармағында»: қ softens to ғ

EXTERNAL_TAIL = re.compile(
    r"^\s+(?:стать\w*|закон\w*|кодекс\w*|правил\w*|приказ\w*|постановлен\w*|of\s+(?:the\s+)?(?:Article|Law|Code|Rules))",
    re.I,
)
EXTERNAL_PRE = re.compile(r"(?:бабының|бабы|заңының|заңның|кодексінің|қағидаларының)\s+$", re.I)

_DIGIT = re.compile(r"\d")
KEYWORDS = {
    "ru": re.compile(r"[Пп]ункт|[Пп]одпункт|[Пп]п?\.|[Рр]аздел|ПУНКТ|РАЗДЕЛ"),
    "kk": re.compile(r"-\s*(?:[Тт]арма[қғ]|[Бб]өлім|ТАРМА[ҚҒ]|БӨЛІМ)"),
    "en": re.compile(r"[Cc]lause|[Ss]ection|[Pp]aragraph|CLAUSE|SECTION|PARAGRAPH"),
}

# every KEYWORDS match holds one of these, lower-cased ("подпункт" holds "пункт", "пп." holds "п.")
PROBES = {"ru": ("пункт", "п.", "раздел"), "en": ("clause", "section", "paragraph")}


def keyword_offsets(body: str, lang: str) -> list[int]:
    """Places in a whole file where a reference keyword may be: a prefilter for `references`.

    Plain substring search on the lower-cased text is several times faster than the keyword
    regex, which has no literal prefix to search for; a hit may be a false alarm, never a miss.
    """
    lower = body.lower()
    probes = PROBES.get(lang)
    if probes is None or len(lower) != len(body):  # a letter that lower-cases to two would shift offsets
        return [m.start() for m in KEYWORDS.get(lang, KEYWORDS["ru"]).finditer(body)]
    out = []
    for probe in probes:
        i = lower.find(probe)
        while i != -1:
            out.append(i)
            i = lower.find(probe, i + 1)
    return out


KIND = {"п": "clause", "р": "section", "c": "clause", "s": "section", "т": "clause", "б": "section"}  # wording.PART


def references(text: str, lang: str) -> list[tuple[str, str, int, int]]:
    """(number, kind letter, start, end) of each reference to a clause of this document."""
    out = []
    if not _DIGIT.search(text) or not KEYWORDS[lang if lang in KEYWORDS else "ru"].search(text):
        return out
    if lang == "kk":
        for m in KK_RE.finditer(text):
            if m.group("pre") and EXTERNAL_PRE.search(m.group("pre")):
                continue
            for n in re.finditer(N, m.group("nums")):
                out.append((n.group(0), m.group("kw")[0].lower(), m.start("nums"), m.end("nums")))
        return out
    rx = EN_RE if lang == "en" else RU_RE
    for m in rx.finditer(text):
        if m.group("tail") and EXTERNAL_TAIL.match(m.group("tail")):
            continue
        for n in re.finditer(N, m.group("nums")):
            out.append((n.group(0), m.group("kw")[0].lower(), m.start("nums"), m.end("nums")))
    return out
