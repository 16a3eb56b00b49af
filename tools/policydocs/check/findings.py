"""What the checker reports: a finding names a rule, a place in every language involved, and why it matters.

Rule ids are stable (they appear in silences written into the documents), severities say
whether publishing must stop (``error``) or a person should look (``warning``); a ``note`` says how the
checker read a document (once, never a problem). A rule's
message and reason are English message ids of the ``checker`` gettext catalog (Russian and
Kazakh in ``i18n/locale/<lang>/LC_MESSAGES/checker.po``); a finding keeps its parameters and is
worded in the reader's language only when it is shown (``Finding.text``), the parameters that
are words through ``wording.Phrase``. So the same finding is shown to a lawyer in Russian,
Kazakh or English, and findings cross process boundaries without any words in them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from sys import intern
from typing import Any

from ..i18n import N_, gettext
from . import wording
from .wording import DOMAIN

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # not a problem: how the checker read the document, said once (never fails a check)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    message: str  # English message id (N_), worded in the reader's language: str.format(**params)
    reason: str  # why it matters, the same way
    graded: bool = False  # reported as an error where the evidence is strong, as a warning where it is weaker

    @property
    def severities(self) -> str:
        """What ``--list-rules`` shows: 'error', 'warning' or 'warning/error' for a graded rule."""
        return f"{WARNING}/{ERROR}" if self.graded else self.severity

    def why(self, lang: str = "en") -> str:
        """Why the rule matters, in ``lang`` (``{required}`` left for the caller to fill)."""
        return gettext(self.reason, lang, DOMAIN)


_RULES = [
    # --- structure across languages
    Rule(
        "missing-language",
        ERROR,
        N_("the {lang_name} text of this document is missing (expected at {expected})"),
        N_(
            "every policy must be published in each required language ({required}); readers of that language would see nothing or another language"
        ),
    ),
    Rule(
        "header-disagrees",
        ERROR,
        N_(
            "{lang}: the header says {field}: {value}, but {other} says {field}: {agreed}; the files of one document must agree on it"
        ),
        N_(
            "a document has one source text, one id, one notice period and one prevailing language; files that disagree make the checker compare against the wrong text"
        ),
    ),
    Rule(
        "clause-missing",
        ERROR,
        N_("{lang}: {what} of the {src_lang} source is missing here (it is at {src_lang} line {src_line})"),
        N_("a clause that exists in one language but not in another makes the versions say different things"),
    ),
    Rule(
        "clause-extra",
        ERROR,
        N_("{lang}: {what} is not in the {src_lang} source"),
        N_("a translation must not add provisions the source text does not contain"),
    ),
    Rule(
        "clause-order",
        ERROR,
        N_(
            "{lang}: {what} stands in a different place than in the {src_lang} text (after {after} instead of after {src_after})"
        ),
        N_("clauses must follow the same order in every language, so that references and numbering match"),
    ),
    Rule(
        "aligned-by-order",
        NOTE,
        N_(
            "this document has no clause numbers: its languages are compared by headings and by the order of paragraphs"
        ),
        N_(
            "without numbers a paragraph left out shifts the rest; a reviewer should confirm that each heading and paragraph stands against its translation"
        ),
    ),
    Rule(
        "block-count",
        ERROR,
        N_("{lang}: {where} has {has}, the {src_lang} text has {src_has}"),
        N_(
            "a list item or paragraph present in one language and not in the other is a provision missing from one version"
        ),
    ),
    # --- numbering inside one language
    Rule(
        "numbering-gap",
        ERROR,
        N_("{what} follows {prev}: {missing} is missing from the numbering"),
        N_("a gap in numbering looks like a deleted provision and breaks references to later clauses"),
    ),
    Rule(
        "numbering-duplicate",
        ERROR,
        N_("{what} appears twice (first at line {first_line})"),
        N_("two clauses with one number make every reference to that number ambiguous"),
    ),
    Rule(
        "numbering-order",
        ERROR,
        N_("{what} comes after {prev}: the numbers go backwards"),
        N_("clauses out of order make the text hard to cite and suggest a copy-paste error"),
    ),
    Rule(
        "numbering-level",
        ERROR,
        N_("clause {number} is not under {expected}: {reason}"),
        N_("a clause must sit under its parent clause or section, otherwise its number names the wrong place"),
    ),
    Rule(
        "numbering-mixed",
        WARNING,
        N_("this list mixes '{a}' and '{b}' markers"),
        N_("a list numbered two ways reads as two lists and confuses references to its items"),
    ),
    # --- invariants
    Rule(
        "invariant-mismatch",
        ERROR,
        N_("{lang}: the {category} differ from the {src_lang} text: {src_lang} has {src_values}, {lang} has {values}"),
        N_(
            "numbers, deadlines, amounts and contact details must be identical in every language; a reader relies on them"
        ),
    ),
    # --- amounts, periods and numbers in words
    Rule(
        "amount-differs",
        ERROR,
        N_("{lang}: the amounts differ from the {src_lang} text: {src_lang} has {src_values}, {lang} has {values}"),
        N_("an amount with another value or in another currency changes what the user pays or is owed"),
    ),
    Rule(
        "period-differs",
        ERROR,
        N_("{lang}: the periods differ from the {src_lang} text: {src_lang} has {src_values}, {lang} has {values}"),
        N_("a deadline in other units or other kinds of days (calendar, working, banking) runs out on another date"),
    ),
    Rule(
        "figure-words-differ",
        ERROR,
        N_("{lang}: the figure {figure} and the words in brackets «{words}» ({value}) are different numbers"),
        N_("when the figure and the words disagree, the text itself does not say which amount or deadline applies"),
    ),
    # --- sentences inside an aligned clause
    Rule(
        "sentence-missing",
        ERROR,
        N_("{lang} {clause}: the {which} of the {src_lang} text has no counterpart: «{sentence}»"),
        N_(
            "a sentence left out of a translation is a provision its readers never see (an error when the lengths or a "
            "number or name make it clear, a warning when merging it with a neighbour is almost as likely)"
        ),
        graded=True,
    ),
    Rule(
        "sentence-added",
        ERROR,
        N_("{lang} {clause}: the {which} has no counterpart in the {src_lang} text: «{sentence}»"),
        N_(
            "a sentence the source does not have adds a provision to one language only (an error when the lengths or a "
            "number or name make it clear, a warning when a split of one sentence in two is almost as likely)"
        ),
        graded=True,
    ),
    # --- what a clause does (meaning.py, markers/<lang>.yml)
    Rule(
        "polarity-differs",
        ERROR,
        N_("{lang}: the negation differs from the {src_lang} text: {src_lang} has {src_words}, {lang} has {words}"),
        N_(
            "a negation dropped or added turns a promise into its opposite: what the company does not do, it may then do"
        ),
    ),
    Rule(
        "modality-differs",
        ERROR,
        N_("{lang}: the {src_lang} text gives {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"),
        N_(
            "a right turned into a duty (or a ban) changes what a party may or must do, and the translation is equally authentic"
        ),
    ),
    Rule(
        "actor-differs",
        ERROR,
        N_("{lang}: the {src_lang} text names {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"),
        N_(
            "a right or a duty given to the other party, or to a party the source does not name, changes who owes what to whom"
        ),
    ),
    Rule(
        "condition-differs",
        WARNING,
        N_(
            "{lang}: the conditions differ: the {src_lang} text has {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"
        ),
        N_(
            "a condition or limit («only», «if», «except») in one language only widens or narrows the provision in the other"
        ),
    ),
    Rule(
        "place-differs",
        ERROR,
        N_("{lang}: the {src_lang} text names {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"),
        N_("another country or jurisdiction puts the provision under another legal order"),
    ),
    Rule(
        "currency-differs",
        ERROR,
        N_(
            "{lang}: the {src_lang} text names the currency {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"
        ),
        N_("a payment in another currency is another obligation, even where no amount is written"),
    ),
    Rule(
        "law-differs",
        ERROR,
        N_("{lang}: the {src_lang} text cites {src_kinds} ({src_words}), the {lang} text {kinds} ({words})"),
        N_("a law cited under another title sends the reader to another act"),
    ),
    Rule(
        "list-item-missing",
        ERROR,
        N_("{lang}: item {index} of the list in {where} of the {src_lang} text is not here: «{item}»"),
        N_("a list item left out of a translation is a purpose, a kind of data or a right its readers never see"),
    ),
    Rule(
        "list-item-added",
        ERROR,
        N_("{lang}: item {index} of the list in {where} has no counterpart in the {src_lang} text: «{item}»"),
        N_("a list item the source does not have adds a provision to one language only"),
    ),
    # --- the file itself
    Rule(
        "invisible-character",
        ERROR,
        N_("{char_name} ({code}) at column {column}"),
        N_("an invisible character can reorder what is displayed or split a word: the text shown is not the text kept"),
    ),
    Rule(
        "header-markup",
        ERROR,
        N_("the header field '{field}' holds markup or a script address: '{found}'"),
        N_(
            "the title, product and operator are plain text; markup in them is pasted formatting or an attack on tools that show them"
        ),
    ),
    # --- language
    Rule(
        "wrong-language",
        ERROR,
        N_("{lang}: this text is written in {found}, not {expected}"),
        N_("a reader of this language cannot rely on a passage in another language; the translation is missing here"),
    ),
    Rule(
        "foreign-words",
        ERROR,
        N_("{lang}: Cyrillic words in the English text: {words}"),
        N_("an untranslated word leaves part of the provision unreadable for an English reader"),
    ),
    Rule(
        "untranslated",
        ERROR,
        N_("{lang}: the text is identical to the {src_lang} text (not translated)"),
        N_("a clause copied from the source language is a missing translation"),
    ),
    Rule(
        "length-ratio",
        WARNING,
        N_(
            "{lang}: the text is {ratio} the length of the {src_lang} text ({chars} vs {src_chars} characters): possibly {hint}"
        ),
        N_("a translation much shorter or longer than its source usually leaves out or adds part of the provision"),
    ),
    # --- script
    Rule(
        "mixed-script",
        ERROR,
        N_("the word '{word}' mixes Cyrillic and Latin letters: {letters}"),
        N_("look-alike letters from another alphabet break search, copying and hyphenation, and may change a name"),
    ),
    # --- leftovers
    Rule(
        "placeholder",
        ERROR,
        N_("unfilled placeholder '{text}'"),
        N_(
            "a blank in a published policy leaves out information the law requires (who the operator is, how to reach it)"
        ),
    ),
    Rule(
        "doubled-word",
        WARNING,
        N_("the word '{word}' is written twice in a row"),
        N_("a doubled word is usually a typing slip in the signed text"),
    ),
    Rule(
        "unbalanced",
        WARNING,
        N_("{what}: {detail}"),
        N_("an unclosed bracket or quotation mark leaves it unclear where a quoted name or a reservation ends"),
    ),
    Rule(
        "broken-markdown",
        ERROR,
        "{detail}",  # the whole message is the detail, worded where it is found (leftovers.py)
        N_("broken formatting shows stray asterisks or a dead link to the reader"),
    ),
    # --- cross-references
    Rule(
        "xref-missing",
        ERROR,
        N_("the text refers to {ref}, which does not exist in this document"),
        N_("a reference to a clause that does not exist leaves the reader without the rule it points to"),
    ),
    Rule(
        "xref-differs",
        ERROR,
        N_("{lang}: the text refers to {values}, the {src_lang} text to {src_values}"),
        N_("the same clause must point to the same clauses in every language"),
    ),
    # --- terminology
    Rule(
        "term-missing",
        WARNING,
        N_(
            "{lang}: the {found_lang} text uses the term '{found}', but the agreed {lang} term '{expected}' is not here"
        ),
        N_("a defined term translated differently in one place may be read as a different thing"),
    ),
    Rule(
        "term-unexpected",
        WARNING,
        N_(
            "{lang}: the text uses '{found}', the agreed term for '{source_term}', but the {src_lang} text does not say '{source_term}' here"
        ),
        N_(
            "a reserved term used for another notion makes the translation say more, or something else, than the source"
        ),
    ),
    Rule(
        "term-never-used",
        WARNING,
        N_(
            "{lang}: the {found_lang} text uses the term '{found}' in {places} ({clauses}), but the {lang} text never uses the agreed term '{expected}'"
        ),
        N_(
            "the translation consistently uses another word for a term the glossary fixes; readers may take it for a different notion"
        ),
    ),
    Rule(
        "definition-missing",
        ERROR,
        N_("{lang}: the {src_lang} source defines '{term}' here, this translation defines no term"),
        N_("a term defined in one language only has no agreed meaning in the others"),
    ),
    Rule(
        "definition-extra",
        ERROR,
        N_("{lang}: this translation defines '{term}' here, the {src_lang} source defines no term"),
        N_("a translation must not define terms the source does not define"),
    ),
    # --- staleness
    Rule(
        "stale-translation",
        WARNING,
        N_(
            "{lang}: the {src_lang} source of {what} changed after {by} confirmed the translation on {date}: {diff}; review the translation and run `policydocs confirm {doc_id} --lang {lang} --clause {clause}`"
        ),
        N_("the translation may no longer say what the source says"),
    ),
    Rule(
        "unconfirmed-translation",
        WARNING,
        N_(
            "{lang}: nobody has confirmed the translation of {what} of the {src_lang} source: {reason}; review it and run `policydocs confirm {doc_id} --lang {lang} --clause {clause}`"
        ),
        N_("nobody has confirmed that this part of the translation follows the source"),
    ),
    # --- silences
    Rule(
        "silence-without-reason",
        ERROR,
        N_("the silence of '{rule}' gives no reason"),
        N_("a silenced finding must say why, so that the next reader can judge it"),
    ),
    Rule(
        "silence-unknown-rule",
        ERROR,
        N_("the silence names an unknown rule '{rule}'"),
        N_("a misspelt rule id silences nothing"),
    ),
    Rule(
        "unsafe-link",
        ERROR,
        "{detail}",  # worded where it is found (leftovers.py)
        N_("a policy may only link to web pages, e-mail and phone numbers"),
    ),
]

RULES: dict[str, Rule] = {r.id: r for r in _RULES}


class _Worded(dict):
    """A finding's parameters as a message in ``lang`` shows them; an unknown one stays ``{name}``."""

    def __init__(self, params: dict[str, Any], lang: str) -> None:
        super().__init__()
        self.params, self.lang = params, lang

    def __missing__(self, key: str) -> str:
        if key in self.params:
            return wording.render(self.params[key], self.lang)
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
        return (
            Finding,
            (
                self.rule,
                self.doc_id,
                self.lang,
                self.path,
                self.line,
                self.clause,
                self.eid,
                self.excerpt,
                self.other_lang,
                self.other_path,
                self.other_line,
                self.other_excerpt,
                self.other_eid,
                self.params,
                self.severity,
            ),
        )

    @property
    def message(self) -> str:
        """The message in English (see ``text`` for another language)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (ru, kk, en): the rule's wording from the catalog, its words filled in."""
        rule = RULES[self.rule]
        text = gettext(rule.message, lang, DOMAIN).format_map(_Worded(self.params, lang))
        also = self.params.get("also")
        if also:
            text += gettext(wording.THE_SAME_IN, lang, DOMAIN).format(also=also)
        return text

    def why(self, lang: str = "en") -> str:
        return RULES[self.rule].why(lang).format_map(_Worded(self.params, lang))

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
