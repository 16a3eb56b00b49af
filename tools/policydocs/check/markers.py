"""The words that show what a clause does, per language, from data files a lawyer can extend.

``check/markers/<lang>.yml`` ships with the checker; a project may add its own entries in
``markers/<lang>.yml`` at its root (the same layout; entries are added, not replaced). Each
entry is ``phrase: why it is here``: an entry without a reason is refused, as is a file
that is not valid YAML or names a language the checker does not know, with the file and
line (exit 2). Russian words are compared by dictionary form (``morph.lemma_ru``); a word
``x*`` matches any word beginning with x, ``*x`` any word ending in x, ``*`` alone any one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import yamlio
from ..errors import PolicyError
from ..fsutil import regular_file
from ..languages import LANGUAGES
from . import morph
from .wording import _

BUILT_IN = Path(__file__).with_name("markers")
PROJECT_DIR = "markers"
SECTIONS = {
    "negation": ("words", "weak", "not_weak", "not_negation"),
    "modality": ("permission", "obligation", "prohibition"),
    "parties": None,
    "conditions": None,
    "places": None,
    "laws": ("cues", "titles"),
    "roles": ("subordinate", "holder"),
}  # who acts in a sentence: see meaning._acts
WORD_RE = re.compile(r"\*[^\W\d_]+|[^\W\d_]+\*|\*|[^\W\d_]+(?:['’][^\W\d_]+)?")


def phrase(text: str, lang: str) -> tuple[str, ...]:
    return _phrase(text, lang)


@dataclass
class Markers:
    """One language's phrases, by section and kind: phrase = tuple of word patterns."""

    lang: str
    kinds: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)

    def extended(self, section: str, kind: str, phrases: list[tuple[str, ...]]) -> Markers:
        """A copy with more phrases of one kind (a document's own name for a party)."""
        out = Markers(self.lang, {s: {k: list(v) for k, v in d.items()} for s, d in self.kinds.items()})
        for p in phrases:
            out.add(section, kind, p)
        return out

    def add(self, section: str, kind: str, phrase: tuple[str, ...]) -> None:
        self.kinds.setdefault(section, {}).setdefault(kind, []).append(phrase)


def norm_word(word: str, lang: str) -> str:
    """How a text's word is compared: lower case; Russian by dictionary form."""
    w = word.lower().replace("ё", "е")
    return morph.lemma_ru(w).replace("ё", "е") if lang == "ru" else w


# every form of every Russian marker word -> its dictionary forms: a text's words are looked up here,
# so that only the markers are analysed, not every word of every text
FORMS_RU: dict[str, tuple[str, ...]] = {}


def _learn_forms(word: str) -> str:
    lemma = norm_word(word, "ru")
    for form in (word, *(f.replace("ё", "е") for f in morph.lexeme_ru(word))):
        # only the forms read as this word: «следующие» is «следующий», not a form of «следовать»
        if form != word and norm_word(form, "ru") != lemma:
            continue
        if lemma not in FORMS_RU.get(form, ()):
            FORMS_RU[form] = FORMS_RU.get(form, ()) + (lemma,)
    return lemma


def lemmas(low: str, lang: str) -> tuple[str, ...]:
    """The dictionary forms a text's word may be among the markers' words; the word itself otherwise."""
    return FORMS_RU.get(low, (low,)) if lang == "ru" else (low,)


def _phrase(text: str, lang: str) -> tuple[str, ...]:
    """The words of a phrase as patterns; '^' before a word that must be written with a capital."""
    out = []
    for w in WORD_RE.findall(text):
        cap = "^" if w[:1].isupper() else ""
        w = w.lower().replace("ё", "е")
        out.append(cap + (w if "*" in w or lang != "ru" else _learn_forms(w)))
    return tuple(out)


def _line_of(node, key: str) -> int:
    for k, _value in node.value:
        if k.value == key:
            return k.start_mark.line + 1
    return 1


def _entries(node, path: Path, where: str):
    """(key, value node, line) of a mapping node; a wrong shape is a one-line error."""
    if not isinstance(node, yaml.MappingNode):
        raise PolicyError(
            _("{where} must be a list of entries 'phrase: why it is here'").format(where=where),
            path,
            node.start_mark.line + 1,
        )
    for k, v in node.value:
        yield str(k.value), v, k.start_mark.line + 1


def parse(text: str, path: Path) -> Markers:
    try:
        yamlio.safe_load(text)  # refuses aliases and deep nesting, as every project file
        root = yaml.compose(text, Loader=yamlio.LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(
            _("the marker file is not valid YAML: {problem}").format(problem=getattr(exc, "problem", exc)),
            path,
            mark.line + 1 if mark else 1,
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise PolicyError(_("the marker file must start with 'lang:' and hold sections such as 'negation:'"), path, 1)
    values = {str(k.value): v for k, v in root.value}
    lang = getattr(values.get("lang"), "value", None)
    if lang not in LANGUAGES:
        raise PolicyError(
            _("unknown language '{lang}' in the marker file (expected one of: {known})").format(
                lang=lang, known=", ".join(LANGUAGES)
            ),
            path,
            _line_of(root, "lang"),
        )
    out = Markers(lang)
    for section, node in values.items():
        if section == "lang":
            continue
        if section not in SECTIONS:
            raise PolicyError(
                _("unknown section '{section}' in the marker file (expected one of: {known})").format(
                    section=section, known=", ".join(SECTIONS)
                ),
                path,
                _line_of(root, section),
            )
        for kind, sub, line in _entries(node, path, section):
            allowed = SECTIONS[section]
            if allowed and kind not in allowed:
                raise PolicyError(
                    _("unknown kind '{kind}' under '{section}' (expected one of: {known})").format(
                        kind=kind, section=section, known=", ".join(allowed)
                    ),
                    path,
                    line,
                )
            if section == "laws" and kind == "titles":
                for law, titles, _line in _entries(sub, path, "titles"):
                    _add_all(out, "titles", law, titles, path)
            else:
                _add_all(out, section, kind, sub, path)
    return out


def _add_all(out: Markers, section: str, kind: str, node, path: Path) -> None:
    for phrase, why, line in _entries(node, path, f"{section}: {kind}"):
        if not isinstance(why, yaml.ScalarNode) or not str(why.value).strip():
            raise PolicyError(_("the entry '{phrase}' does not say why it is here").format(phrase=phrase), path, line)
        words = _phrase(phrase, out.lang)
        if not words:
            raise PolicyError(_("the entry '{phrase}' has no words").format(phrase=phrase), path, line)
        out.add(section, kind, words)


def _read(path: Path) -> Markers:
    try:
        text = regular_file(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise PolicyError(_("the marker file is not valid UTF-8"), path) from None
    return parse(text, path)


@lru_cache(maxsize=16)
def _load(files: tuple[tuple[str, float], ...]) -> dict[str, Markers]:
    out: dict[str, Markers] = {}
    for name, _mtime in files:
        m = _read(Path(name))
        mine = out.setdefault(m.lang, Markers(m.lang))
        for section, kinds in m.kinds.items():
            for kind, phrases in kinds.items():
                for p in phrases:
                    mine.add(section, kind, p)
    for lang in LANGUAGES:
        out.setdefault(lang, Markers(lang))
    return out


def load(project_root: Path | None = None) -> dict[str, Markers]:
    """The markers of every language: the built-in files, then the project's own ``markers/*.yml``."""
    paths = sorted(BUILT_IN.glob("*.yml"))
    if project_root is not None and (Path(project_root) / PROJECT_DIR).is_dir():
        paths += sorted((Path(project_root) / PROJECT_DIR).glob("*.yml"))
    return _load(tuple((str(p), p.stat().st_mtime) for p in paths))
