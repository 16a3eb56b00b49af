"""The glossary: agreed terms in each language, checked both ways in every aligned clause.

``glossary.yml`` at the project root is a list of entries, one per term::

    - ru: персональные данные
      kk: дербес деректер
      en: personal data
      documents: [yasam/privacy]   # optional: only for these documents
      party: true                  # optional: a party to the document (who may have rights and duties)

Russian and Kazakh words change their endings (данные, данных; деректер, деректерді), and
Kazakh consonants soften before a suffix (құпиялылық, құпиялылығы), so each word of a term
is matched by its stem followed by any ending. A language may list accepted variants
(``ru: [персональные данные, ПДн]``); the first is the one messages suggest.

The glossary governs translations made for the project (``origin: translation``); the
operator's own signed texts are not held to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import regular_file
from ..languages import LANGUAGES
from .wording import _

RU_ENDING = re.compile(
    r"(?:ями|ами|ого|его|ому|ему|ыми|ими|ых|их|ой|ей|ий|ый|ое|ее|ая|яя|ую|юю|ов|ев|ам|ям|ах|ях|ом|ем|ы|и|а|я|о|е|у|ю|ь)$"
)
KK_SOFT = {"қ": "[қғ]", "к": "[кг]", "п": "[пб]"}


def _stem(word: str, lang: str) -> str:
    w = word.lower()
    if not re.fullmatch(r"[^\W\d_]+", w):
        return re.escape(w) + r"\b"
    if lang == "ru":
        s = RU_ENDING.sub("", w) if len(w) >= 4 else w
        return re.escape(s if len(s) >= 3 else w) + r"\w*"
    if lang == "kk":
        s = w[:-2] if len(w) > 6 else w[:-1] if len(w) > 4 else w
        if s == w and w[-1] in KK_SOFT:
            return re.escape(w[:-1]) + KK_SOFT[w[-1]] + r"\w*"
        return re.escape(s) + r"\w*"
    s = re.sub(r"(?:ing|ed|es|s|y)$", "", w) if len(w) > 5 else w[:-1] if len(w) > 3 and w[-1] in "ys" else w
    return re.escape(s) + r"\w*"


def _loose(word: str, lang: str) -> str:
    """A shorter stem for accepting a translation: "destruction" also accepts "destroying"."""
    w = word.lower()
    if lang == "en" and len(w) > 4 and w.endswith("ies"):  # "third parties" is rendered by "a third party" too
        return re.escape(w[:-3]) + r"(?:y|ie)\w*"
    if len(w) >= 7 and re.fullmatch(r"[^\W\d_]+", w):
        return re.escape(w[:5])
    return _stem(w, lang)


@dataclass
class Term:
    words: dict[str, str]  # lang -> the preferred term, as written in the glossary
    patterns: dict[str, list[re.Pattern]]  # the term and its accepted variants (abbreviations)
    probes: dict[str, list[str]]  # a fixed piece every match contains: a fast first test
    documents: tuple[str, ...] = ()
    stems: dict[str, list[list[re.Pattern]]] = field(default_factory=dict)  # per variant, one pattern per word
    party: bool | None = None  # said in the entry: a party (Seller, Courier) or not; None: not said

    def applies_to(self, doc_id: str) -> bool:
        return not self.documents or doc_id in self.documents

    def accepted(self, text_lower: str, lang: str) -> bool:
        """Whether a translation renders the term: its words may be inflected and reordered
        ("personal data processing" / "processing of personal data"), so each word's stem
        anywhere in the clause will do; any accepted short form too."""
        if self.found(text_lower, lang):
            return True
        for stems in self.stems.get(lang, ()):
            if all(rx.search(text_lower) for rx in stems):
                return True
        return False

    def found(self, text_lower: str, lang: str, preferred_only: bool = False, original: str | None = None) -> bool:
        """Whether the text uses the term as written; ``preferred_only``: the full term, not a short form.

        A term capitalised in the glossary ("Account", "Аккаунт") is a defined term: with
        ``original`` given, only capitalised uses count, not the common word ("accounts").
        """
        pairs = list(zip(self.patterns.get(lang, ()), self.probes.get(lang, ())))
        defined = original is not None and self.words.get(lang, "")[:1].isupper()
        for pattern, probe in pairs[:1] if preferred_only else pairs:
            if probe not in text_lower:
                continue
            for m in pattern.finditer(text_lower):
                if m.start() == 0 or not text_lower[m.start() - 1].isalnum():
                    if defined and len(original) == len(text_lower) and not original[m.start()].isupper():
                        continue
                    return True
        return False


def _compile(term: str, lang: str) -> tuple[re.Pattern, str]:
    words = term.split()
    body = r"\s+".join(_stem(w, lang) for w in words)
    probe = re.sub(r"\\w\*|\\b|\[.*?\]|\\", "", _stem(words[0], lang))
    # a literal first (no look-behind, no IGNORECASE) lets the regex engine jump to candidates;
    # texts are lower-cased before the search and the word start is checked by the caller
    return re.compile(body), probe.lower()


@dataclass
class Glossary:
    terms: list[Term]
    path: Path | None = None
    _memo: dict = field(default_factory=dict)  # derived lookups, computed once per run

    def containers(self, i: int, lang: str) -> list[Term]:
        """Longer terms that contain term ``i`` ("Personal Account" contains "Account")."""
        key = ("containers", i, lang)
        if key not in self._memo:
            mine = self.terms[i].words.get(lang, "").lower()
            self._memo[key] = [
                t
                for j, t in enumerate(self.terms)
                if j != i and mine and mine in t.words.get(lang, "").lower() and t.words[lang].lower() != mine
            ]
        return self._memo[key]


_CACHE: dict[tuple[str, float], Glossary] = {}


def parse(data, path: Path | str = "<glossary>") -> Glossary:
    if isinstance(data, dict):
        data = data.get("terms", [])
    if data is None:
        data = []
    if not isinstance(data, list):
        raise PolicyError(_("the glossary must be a list of terms (- ru: ... kk: ... en: ...)"), path, 1)
    terms = []
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise PolicyError(_("glossary entry {number} must have the fields ru, kk, en").format(number=i), path)
        variants: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            value = entry.get(lang)
            if not value:
                continue
            values = value if isinstance(value, list) else [value]
            # "персональные данные (ПДн)": the bracket holds an accepted short form
            cleaned = []
            for v in map(str, values):
                cleaned.append(re.sub(r"\s*\(.*?\)\s*", " ", v).strip())
                cleaned += [b.strip() for b in re.findall(r"\((.*?)\)", v) if b.strip()]
            if lang == "en":  # "the User" is also "a User", "User's"
                cleaned = [re.sub(r"^(?:the|a|an)\s+", "", v, flags=re.I) for v in cleaned]
            variants[lang] = [v for v in cleaned if v]
        variants = {k: v for k, v in variants.items() if v}
        if len(variants) < 2:
            raise PolicyError(
                _("glossary entry {number} names the term in fewer than two languages").format(number=i), path
            )
        patterns = {lang: [_compile(v, lang) for v in vs] for lang, vs in variants.items()}
        docs = entry.get("documents") or ()
        party = entry.get("party")
        if party is not None and not isinstance(party, bool):
            raise PolicyError(_("glossary entry {number}: 'party' is true or false").format(number=i), path)
        stems = {
            lang: [[re.compile(r"(?<!\w)" + _loose(w, lang)) for w in v.lower().split()] for v in vs]
            for lang, vs in variants.items()
        }
        terms.append(
            Term(
                {k: v[0] for k, v in variants.items()},
                {k: [p for p, _ in v] for k, v in patterns.items()},
                {k: [probe for _, probe in v] for k, v in patterns.items()},
                tuple(docs),
                stems,
                party,
            )
        )
    return Glossary(terms, Path(path) if path != "<glossary>" else None)


def load(path: Path) -> Glossary:
    """The glossary at ``path``; an empty one when the file does not exist."""
    path = Path(path)
    try:
        key = (str(path), path.stat().st_mtime)
    except FileNotFoundError:
        return Glossary([])
    if key in _CACHE:
        return _CACHE[key]
    try:
        data = yamlio.safe_load(regular_file(path).read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError(_("the glossary is not valid UTF-8"), path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(
            _("the glossary is not valid YAML: {problem}").format(problem=getattr(exc, "problem", exc)),
            path,
            mark.line + 1 if mark else 1,
        ) from None
    glossary = parse(data, path)
    _CACHE[key] = glossary
    return glossary
