"""The words inside a finding's message, in the language it is shown in.

A finding keeps its parameters as it found them; the parameters that are words (which part of
a document: "clause 1.8", "sub-item 2) of clause 3.1"; a count: "3 sub-items"; a language
name; a reason) are ``Phrase`` objects. A phrase *is* its English wording (a ``str``), so code
and tests that read a finding's parameters see plain English, and it keeps its message id and
arguments, so the same phrase is worded in Russian or Kazakh through the ``checker`` catalog
when the message is shown (``Phrase.render``). Russian needs three plural forms and Kazakh
takes its case endings on nouns, never on a placeholder: the catalog words whole phrases.

Every message id here is marked with ``N_`` (or ``N_plural`` for counted ones) so that
``pybabel extract`` finds it (``make messages``).
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, current_language, translation

DOMAIN = "checker"


def _(message: str) -> str:
    """An input error of the checker (a glossary, a document id) in the current language of the messages."""
    return translation(current_language(), DOMAIN).gettext(message)


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a counted message for extraction (``-k N_plural:1,2``); it is counted where it is shown."""
    return singular, plural


class Phrase(str):
    """Words for one message parameter: its English wording, and how to word it in any language."""

    def __new__(
        cls, msgid: str, args: tuple[tuple[str, Any], ...] = (), plural: str | None = None, n: int | None = None
    ) -> Phrase:
        self = super().__new__(cls, _fill(msgid, plural, n, args, "en"))
        self.msgid, self.args, self.plural, self.n = msgid, args, plural, n
        return self

    def render(self, lang: str) -> str:
        """The phrase in ``lang`` (ru, kk, en), its own parameters worded the same way."""
        if lang == "en":
            return str.__str__(self)
        return _fill(self.msgid, self.plural, self.n, self.args, lang)

    def __reduce__(self):
        # findings travel between worker processes: the id and arguments, never the words
        return (Phrase, (self.msgid, self.args, self.plural, self.n))

    def __repr__(self) -> str:
        return f"Phrase({str.__repr__(self)})"


def _fill(msgid: str, plural: str | None, n: int | None, args: tuple, lang: str) -> str:
    t = translation(lang, DOMAIN)
    template = t.ngettext(msgid, plural, n) if plural is not None else t.gettext(msgid)
    return template.format_map({k: render(v, lang) for k, v in args}) if args else template


def render(value: Any, lang: str) -> str:
    """A parameter as shown in ``lang``: a phrase worded through the catalog, anything else as it is."""
    return value.render(lang) if isinstance(value, Phrase) else str(value)


def counted(forms: tuple[str, str], n: int, **args: Any) -> Phrase:
    """'3 sub-items', '3 подпункта', '3 тармақша': ``forms`` from ``N_plural``, ``{n}`` in them."""
    return Phrase(forms[0], (("n", n), *args.items()), forms[1], n)


def phrase(msgid: str, **args: Any) -> Phrase:
    return Phrase(msgid, tuple(args.items()))


def listed(items: list[Phrase]) -> Phrase:
    """Phrases joined by commas, each worded in the message's language ("'k' (2nd letter), 't' (3rd letter)")."""
    return Phrase(", ".join(f"{{p{i}}}" for i in range(len(items))), tuple((f"p{i}", p) for i, p in enumerate(items)))


# --- parts of a document ------------------------------------------------------------

PART = {
    "clause": N_("clause {number}"),
    "section": N_("section {number}"),
    "sub-item": N_("sub-item {number}"),  # numbering of sub-items 1) 2) 3)
    "heading": N_("heading '{text}'"),
    "title": N_("the title"),
    "opening": N_("the opening text"),
    "start": N_("the start"),
}
PART_OF = {  # an unnumbered block inside a clause or section
    "item": N_("sub-item {number}) of {of}"),
    "bullet": N_("list item {number} of {of}"),
    "paragraph": N_("paragraph {number} of {of}"),
}


def part(kind: str, number: str = "", text: str = "") -> Phrase:
    """A section, clause or heading by number: 'clause 2.1', 'пункт 2.1', '2.1-тармақ'."""
    args = (("number", number),) if number else (("text", text),) if text else ()
    return Phrase(PART[kind], args)


def part_of(kind: str, number: str | int, of: Phrase) -> Phrase:
    """A sub-item, list item or paragraph of a clause: 'paragraph 2 of clause 3.1'."""
    return Phrase(PART_OF[kind], (("number", number), ("of", of)))


COUNTS = {
    "item": N_plural("{n} sub-item", "{n} sub-items"),
    "bullet": N_plural("{n} list item", "{n} list items"),
    "paragraph": N_plural("{n} paragraph", "{n} paragraphs"),
}
# "in 3 places": the Russian and Kazakh forms are already in the case the message needs
PLACES = N_plural("{n} place", "{n} places")

START_OF_LIST = N_("the start of the list")

# --- languages ---------------------------------------------------------------------

LANGUAGE = {"ru": N_("Russian"), "kk": N_("Kazakh"), "en": N_("English")}


def language(code: str) -> Phrase:
    return Phrase(LANGUAGE[code])


# --- ordinals ----------------------------------------------------------------------

# "the second sentence": the Russian and Kazakh forms are in the case the sentence rules need
SENTENCES = [
    N_("first sentence"),
    N_("second sentence"),
    N_("third sentence"),
    N_("fourth sentence"),
    N_("fifth sentence"),
    N_("sixth sentence"),
    N_("seventh sentence"),
    N_("eighth sentence"),
    N_("ninth sentence"),
    N_("tenth sentence"),
]
SENTENCE_NTH = {
    "st": N_("{n}st sentence"),
    "nd": N_("{n}nd sentence"),
    "rd": N_("{n}rd sentence"),
    "th": N_("{n}th sentence"),
}
LETTER_NTH = {"st": N_("{n}st letter"), "nd": N_("{n}nd letter"), "rd": N_("{n}rd letter"), "th": N_("{n}th letter")}


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def sentence(index: int) -> Phrase:
    """The ``index``-th sentence (from 0): 'the second sentence' / 'у второго предложения'."""
    if index < len(SENTENCES):
        return Phrase(SENTENCES[index])
    n = index + 1
    return Phrase(SENTENCE_NTH[_suffix(n)], (("n", n),))


def letter(n: int) -> Phrase:
    """The ``n``-th letter of a word (from 1): '2nd letter', '2-я буква', '2-әріп'."""
    return Phrase(LETTER_NTH[_suffix(n)], (("n", n),))


NONE = N_("none")
NOTHING = N_("nothing")
THE_SAME_IN = N_(" (the same in {also})")
