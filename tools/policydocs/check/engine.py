"""The checker's engine: do the Russian, Kazakh and English texts of each policy say the same thing?

Entry points for the CLI and the MkDocs plugin::

    check_tree(docs_dir, required_langs=("ru", "kk", "en")) -> (ids, list[Finding])   # load + check
    check_corpus(corpus, required_langs=("ru", "kk", "en")) -> list[Finding]
    check_policy(policy, required_langs=..., glossary=..., project_root=...) -> list[Finding]

The languages of a policy are first aligned clause by clause (align.py); then rules that
look at one text (numbering, mixed scripts, leftovers, references) run on every language
and rules that compare texts (structure, invariants, language, terminology, staleness) run
on every aligned pair of source and translation. Silences written in the documents are
applied last (suppress.py).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from bisect import bisect_right
from collections.abc import Callable
from contextlib import contextmanager
from itertools import accumulate, compress, islice
from operator import eq
from pathlib import Path

from .. import corpus as corpus_mod
from ..corpus import Corpus, Policy
from ..document import DEFINED_TERM_RE, Block, Document, Kind
from ..errors import PolicyError
from ..gcpause import collector_paused
from ..i18n import N_
from ..languages import LANGUAGES
from ..translations import records as sign_offs
from ..translations import states as clause_states
from . import (
    agreement,
    header,
    hidden,
    invariants,
    language,
    leftovers,
    meaning,
    morph,
    numbering,
    quantities,
    script,
    sentences,
    suppress,
    terminology,
    wording,
    xrefs,
)
from .align import Unit, align
from .findings import ERROR, RULES, WARNING, Finding, excerpt
from .terminology import Glossary
from .wording import _

__all__ = ["check_corpus", "check_tree", "check_policy", "Finding", "RULES", "ERROR", "WARNING", "project_root_of"]

GLOSSARY_FILE = "glossary.yml"
WHOLE_SENTENCE = {"sentence-missing", "sentence-added", "untranslated", "length-ratio"}
FOLDED = {"placeholder", "doubled-word", "unbalanced", "broken-markdown", "unsafe-link"}
MIN_RATIO_CHARS = 150  # characters; shorter texts vary too much in length to judge
RATIO_LOW, RATIO_HIGH = 0.5, 2.0
PARTIAL = N_("a partial translation")
ADDED = N_("text added that the source does not have")
EDITED = N_("the translation was edited after {by} confirmed it on {date}")
NEVER_CONFIRMED = N_("it has not been confirmed since it was added")


def project_root_of(doc: Document) -> Path:
    """``<root>/docs/<lang>/<product>/<name>.md`` -> ``<root>``."""
    depth = len(doc.doc_id.split("/")) + 1
    parents = doc.path.resolve().parents
    return parents[depth] if len(parents) > depth else doc.path.parent


PARALLEL_FROM = 40  # policies; below this, starting processes costs more than it saves


def check_corpus(
    corpus: Corpus,
    required_langs: tuple[str, ...] = LANGUAGES,
    glossary: Glossary | None = None,
    project_root: Path | None = None,
    workers: int | None = 1,
) -> list[Finding]:
    """Findings for every policy.

    ``workers=None`` checks a large corpus on all cores (policies are independent); the
    default stays in this process, which is what a host such as a MkDocs server (threads,
    a live-reload loop) needs: forking a threaded process is not safe.
    """
    root = Path(project_root) if project_root else Path(corpus.root).resolve().parent
    if glossary is None:
        glossary = terminology.load(root / GLOSSARY_FILE)
    policies = list(corpus.policies.values())
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(policies) >= PARALLEL_FROM else 1
    if workers > 1 and "fork" in mp.get_all_start_methods():
        if meaning.ENABLED:
            meaning.warm_up(root)
        global _JOB
        _JOB = (policies, required_langs, glossary, root)
        try:
            chunks = [list(range(i, len(policies), workers)) for i in range(workers)]
            with _frozen_heap(), mp.get_context("fork").Pool(workers) as pool:
                parts = pool.map(_check_chunk, chunks)
        finally:
            _JOB = None
        out = [f for part in parts for f in part]
        out.sort(key=Finding.sort_key)
        return out
    out: list[Finding] = []
    with collector_paused():
        for policy in policies:
            out += check_policy(policy, required_langs, glossary=glossary, project_root=root)
    return out


_JOB = None  # what forked workers check: inherited, never pickled


@contextmanager
def _frozen_heap():
    """Keep the garbage collector of forked workers off the objects they inherit.

    Without this a worker's collections walk (and so copy, page by page) the parent's whole
    heap, e.g. a corpus loaded before: the documented use of ``gc.freeze`` before a fork.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def check_tree(
    docs_dir: Path,
    required_langs: tuple[str, ...] = LANGUAGES,
    only: list[str] | None = None,
    glossary: Glossary | None = None,
    project_root: Path | None = None,
    workers: int | None = None,
) -> tuple[list[str], list[Finding]]:
    """Load and check every policy under ``docs_dir``: (the ids checked, the findings).

    What ``policydocs check`` runs. For a large tree, parsing is a third of the work, so
    each worker parses the files of its own policies as well as checking them, instead of
    the parent parsing everything first. A tree that does not load (a broken header, a
    file in the wrong place) is loaded again here, serially, so that the error reported
    is the very one ``corpus.load`` gives: the first problem in file order.
    ``only`` limits the check to some document ids, and the reading to their files: the
    other documents' files are listed (to know which ids exist) but never opened, so
    ``check --document`` costs one document whatever the size of the tree.
    """
    docs_dir = Path(docs_dir)
    root = Path(project_root) if project_root else docs_dir.resolve().parent
    if glossary is None:
        glossary = terminology.load(root / GLOSSARY_FILE)
    files = corpus_mod.policy_files(docs_dir)
    groups = list(corpus_mod.group_by_policy(docs_dir, files).items())
    if only:
        _unknown(only, [doc_id for doc_id, _ in groups], docs_dir)
        groups = [(doc_id, paths) for doc_id, paths in groups if doc_id in only]
        files = [p for _, paths in groups for p in paths]
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(groups) >= PARALLEL_FROM else 1
    if workers > 1 and "fork" in mp.get_all_start_methods():
        if meaning.ENABLED:
            meaning.warm_up(root)
        global _TREE_JOB
        _TREE_JOB = (docs_dir, groups, set(only) if only else None, required_langs, glossary, root)
        try:
            # longest first: large policies are not left to one worker at the end
            order = sorted(range(len(groups)), key=lambda i: -sum(p.stat().st_size for p in groups[i][1]))
            chunks = [order[i::workers] for i in range(workers)]
            with _frozen_heap(), mp.get_context("fork").Pool(workers) as pool:
                parts = pool.map(_load_and_check_chunk, chunks)
        finally:
            _TREE_JOB = None
        if all(part is not None for part in parts):
            ids = sorted(i for part in parts for i in part[0])
            _unknown(only, ids, docs_dir)
            out = [f for part in parts for f in part[1]]
            out.sort(key=Finding.sort_key)
            return [i for i in ids if not only or i in only], out
    corpus = corpus_mod.load_files(docs_dir, files)  # raises the load error, if any
    _unknown(only, list(corpus.policies), docs_dir)
    if only:
        corpus.policies = {k: v for k, v in corpus.policies.items() if k in only}
    return list(corpus.policies), check_corpus(
        corpus, required_langs, glossary=glossary, project_root=root, workers=workers
    )


def _unknown(only: list[str] | None, ids: list[str], docs_dir: Path) -> None:
    unknown = [d for d in only or () if d not in ids]
    if unknown:
        raise PolicyError(_("no document with id '{doc_id}' under this folder").format(doc_id=unknown[0]), docs_dir)


_TREE_JOB = None


def _load_and_check_chunk(indexes: list[int]) -> tuple[list[str], list[Finding]] | None:
    """One worker's share of ``check_tree``; None when a file does not load (the parent reports it)."""
    docs_dir, groups, only, required_langs, glossary, root = _TREE_JOB
    gc.disable()  # a short-lived worker: parsing and checking make no cycles worth collecting
    try:
        corpus = corpus_mod.load_files(docs_dir, [p for i in indexes for p in groups[i][1]])
    except PolicyError:
        return None
    out: list[Finding] = []
    for doc_id, policy in corpus.policies.items():
        if only is None or doc_id in only:
            out += check_policy(policy, required_langs, glossary=glossary, project_root=root)
    return list(corpus.policies), out


def _check_chunk(indexes: list[int]) -> list[Finding]:
    policies, required_langs, glossary, root = _JOB
    out: list[Finding] = []
    gc.disable()  # a short-lived worker (see gcpause)
    for i in indexes:
        out += check_policy(policies[i], required_langs, glossary=glossary, project_root=root)
    return out


def check_policy(
    policy: Policy,
    required_langs: tuple[str, ...] = LANGUAGES,
    glossary: Glossary | None = None,
    project_root: Path | None = None,
) -> list[Finding]:
    """Every finding about one policy, in all its languages, silences applied."""
    docs = policy.languages
    if not docs:
        return []
    any_doc = next(iter(docs.values()))
    root = Path(project_root) if project_root else project_root_of(any_doc)
    if glossary is None:
        glossary = terminology.load(root / GLOSSARY_FILE)
    source_lang = policy.source_lang if policy.source_lang in docs else next(l for l in LANGUAGES if l in docs)
    source = docs[source_lang]
    doc_id = policy.doc_id
    findings: list[Finding] = agreement.findings(docs, doc_id)

    for lang in required_langs:
        if lang not in docs:
            findings.append(
                Finding(
                    "missing-language",
                    doc_id,
                    lang,
                    str(source.path),
                    1,
                    "",
                    params=dict(
                        lang_name=wording.language(lang),
                        required=", ".join(required_langs),
                        expected=str(_sibling(source, lang)),
                    ),
                )
            )

    alignment = align(docs, source_lang, doc_id, glossary)
    findings += alignment.findings
    if len(docs) > 1 and not _numbers(source):  # aligned by headings and paragraph order: said once
        findings.append(Finding("aligned-by-order", doc_id, source_lang, str(source.path), 1, ""))
    missing_by_lang: dict[str, set[str]] = {}
    for f in alignment.findings:
        if f.rule == "clause-missing":
            missing_by_lang.setdefault(f.lang, set()).add(f.clause)

    # rules on one text at a time
    numbering_src = numbering.check(source, doc_id)
    src_keys = {(f.rule, f.clause) for f in numbering_src}
    also: dict[tuple[str, str], list[str]] = {}
    for lang, doc in docs.items():
        if lang != source_lang:
            for f in numbering.check(doc, doc_id):
                if (f.rule, f.clause) in src_keys:
                    also.setdefault((f.rule, f.clause), []).append(lang)
                elif f.rule == "numbering-gap" and set(f.params["missing"].split(", ")) <= missing_by_lang.get(
                    lang, set()
                ):
                    continue  # already reported as a missing clause
                else:
                    findings.append(f)
    for f in numbering_src:
        if (f.rule, f.clause) in also:
            f.params["also"] = ", ".join(sorted(also[(f.rule, f.clause)], key=LANGUAGES.index))
        findings.append(f)

    allowed = _allowed_names(docs)
    owner = {}
    for u in alignment.units:
        for b in u.blocks.values():
            owner[id(b)] = u
    per_text: dict[tuple, Finding] = {}
    cache: dict[int, dict] = {}
    for lang in [source_lang] + [l for l in LANGUAGES if l in docs and l != source_lang]:
        doc = docs[lang]
        numbers = _numbers(doc)
        flags = _doc_flags(doc)
        if flags["doubled"]:
            flags["begins_term"] = _term_starts(glossary, doc_id, lang)
        findings += _file_rules(doc, doc_id, flags["body"])
        for block in doc.content_blocks():
            u = owner.get(id(block))
            clause = u.clause if u else (block.number or block.eid)
            for f in _text_rules(
                doc, block, clause, doc_id, allowed, numbers, _facts(block, lang, cache, flags["xrefs"]), flags
            ):
                # the same leftover in the same place of the source is one finding "(the same in kk)"
                key = (
                    f.rule,
                    u.key if u else id(block),
                    f.params.get("text") or f.params.get("word") or f.params.get("detail"),
                )
                first = per_text.get(key) if f.rule in FOLDED else None
                if first is not None and first.lang != lang:
                    first.params["also"] = ", ".join(filter(None, [first.params.get("also"), lang]))
                    continue
                per_text.setdefault(key, f)
                findings.append(f)

    # rules on aligned pairs
    record = _sync_records(root, docs, source_lang, doc_id)
    ratios: dict[str, float] = {}

    def ratio_of(lang: str):
        def ratio() -> float:  # asked only where sentences must be aligned: rarely
            if lang not in ratios:
                ratios[lang] = _length_ratio(source, docs[lang])
            return ratios[lang]

        return ratio

    key = meaning.profiles(root, glossary, doc_id) if meaning.ENABLED else None
    for unit in alignment.units:
        s = unit.blocks.get(source_lang)
        if s is None:
            continue
        for lang, t in unit.blocks.items():
            if lang == source_lang:
                continue
            pair = _pair_rules(
                unit, source, s, docs[lang], t, doc_id, glossary, cache, record.get(lang), ratio_of(lang)
            )
            findings += pair
            # a sentence missing or added already says the clause differs; what it did is no second finding
            if (
                key is not None
                and s.kind is not Kind.HEADING
                and t.kind is not Kind.HEADING
                and not any(f.rule in WHOLE_SENTENCE for f in pair)
            ):
                findings += _meaning_rules(unit, source, s, docs[lang], t, doc_id, cache, key)

    copied = {(f.lang, f.eid) for f in findings if f.rule == "untranslated"}
    if copied:  # a copied clause is "untranslated", not also "written in Russian"
        findings = [f for f in findings if not (f.rule == "wrong-language" and (f.lang, f.eid) in copied)]
    findings = _fold_terms(findings, docs)
    return _apply_silences(findings, docs, source_lang)


def _fold_terms(findings: list[Finding], docs: dict[str, Document]) -> list[Finding]:
    """A translation that never uses an agreed term gets one finding, not one per clause.

    Using another word consistently is one decision to review; using the agreed term in
    some clauses and not in others is a slip in each of those clauses.
    """
    groups: dict[tuple[str, str], list[Finding]] = {}
    rest: list[Finding] = []
    for f in findings:
        if f.rule == "term-missing":
            groups.setdefault((f.lang, f.params["expected"]), []).append(f)
        else:
            rest.append(f)
    texts: dict[str, str] = {}
    for (lang, expected), group in groups.items():
        doc = docs[lang]
        if lang not in texts:
            texts[lang] = "".join("".join(b.lines) for b in doc.content_blocks()).lower()
        text = texts[lang]
        if len(group) > 1 and not _uses(expected, lang, text):
            first = group[0]
            first.params["expected"] = expected
            first.params["count"] = len(group)
            first.params["places"] = wording.counted(wording.PLACES, len(group))
            first.params["clauses"] = ", ".join(f.clause for f in group[:6] if f.clause) + (
                " …" if len(group) > 6 else ""
            )
            first.rule = "term-never-used"
            rest.append(first)
        else:
            rest += group
    return rest


def _uses(term: str, lang: str, text_lower: str) -> bool:
    """Whether a text uses a term in any case and number: «учётных записей», «аффилированному лицу»."""
    term, text_lower = term.lower().replace("ё", "е"), text_lower.replace("ё", "е")
    pattern, probe = terminology._compile(term, lang)
    if probe in text_lower and any(
        m.start() == 0 or not text_lower[m.start() - 1].isalnum() for m in pattern.finditer(text_lower)
    ):
        return True
    if lang != "ru":
        return False
    # Russian stems change inside the word (заявка, заявок; обработка, обработок): by dictionary form
    want = [morph.lemma_ru(w) for w in meaning.TOKEN_RE.findall(term)]
    words = [morph.lemma_ru(w) for w in meaning.TOKEN_RE.findall(text_lower)]
    n = len(want)
    return bool(n) and any(words[i : i + n] == want for i in range(len(words) - n + 1) if words[i] == want[0])


# --- one text ----------------------------------------------------------------------


def _file_rules(doc: Document, doc_id: str, body: str) -> list[Finding]:
    """Rules on the file as a whole, header included: invisible characters, markup in the header."""
    out: list[Finding] = []
    path = str(doc.path)
    if hidden.INVISIBLE_RE.search(body) or hidden.INVISIBLE_RE.search(doc.front.raw):
        for line, column, name, code in hidden.find(doc.front.raw + body):
            out.append(
                Finding(
                    "invisible-character",
                    doc_id,
                    doc.lang,
                    path,
                    line,
                    params=dict(char_name=name, code=code, column=column),
                )
            )
    for field_name, line, found in header.markup(doc.meta, doc.front.raw):
        out.append(Finding("header-markup", doc_id, doc.lang, path, line, params=dict(field=field_name, found=found)))
    return out


def _doc_flags(doc: Document) -> dict:
    """The blocks where rare defects can be, found by one scan of the whole file.

    Most texts have no mixed-script word, no placeholder and no doubled word; scanning
    the file once and looking closer only at the blocks with a hit keeps the check fast.
    """
    lines = [line for b in doc.blocks for line in b.lines]
    body = "".join(lines)
    starts = list(accumulate((len(line) for line in lines), initial=0))
    first = doc.blocks[0].line if doc.blocks else 1
    block_starts = [b.line for b in doc.blocks]

    def block_at(offset: int) -> int:
        lineno = first + bisect_right(starts, offset) - 1
        return id(doc.blocks[bisect_right(block_starts, lineno) - 1])

    runs = script.latin_runs(body) if doc.lang != "en" else None

    def hit_blocks(rx) -> set[int]:
        return {block_at(m.start()) for m in rx.finditer(body)}

    return {
        "body": body,
        "mixed": {block_at(i) for i in script.boundaries(body, doc.lang, runs)},
        "placeholder": hit_blocks(leftovers.MAYBE_PLACEHOLDER)
        if any(marker in body for marker in leftovers.PLACEHOLDER_MARKERS)
        else set(),
        "doubled": _doubled_candidates(body, block_at),
        "markup": "*" in body or "](" in body or "<" in body,
        "brackets": any(mark in body for mark in '()[]«»"'),  # a file without any cannot leave one open
        "xrefs": {block_at(i) for i in xrefs.keyword_offsets(body, doc.lang)},
        "latin_passage": (latin_passage := doc.lang != "en" and language.has_latin_passage(body, runs)),
        # can any passage be in another language? English without Cyrillic, Russian without a
        # Latin passage or a Kazakh letter cannot; Kazakh is asked block by block
        "other_language": (
            language.has_cyrillic(body)
            if doc.lang == "en"
            else doc.lang != "ru" or latin_passage or language.has_kazakh_letter(body)
        ),
    }


def _term_starts(glossary: Glossary, doc_id: str, lang: str):
    """Whether a glossary term of several words begins at an offset of a lower-cased text."""
    patterns = [
        rx
        for i in _applicable(glossary, doc_id, lang)
        for rx in glossary.terms[i].patterns.get(lang, ())
        if r"\s+" in rx.pattern
    ]

    def begins(lower: str, offset: int) -> bool:
        return any(rx.match(lower, offset) for rx in patterns)

    return begins


def _doubled_candidates(body: str, block_at) -> set[int]:
    """Blocks where a word may be written twice in a row: found with plain string search."""
    lower = body.lower()
    words = lower.split()
    # word i equal to word i+1, compared in C (map/compress), then only those few looked at
    doubled = {w for w in compress(words, map(eq, words, islice(words, 1, None))) if w.isalpha()}
    out: set[int] = set()
    for w in doubled:
        for sep in (" ", "\n"):
            needle = w + sep + w
            i = lower.find(needle)
            while i != -1:
                out.add(block_at(i))
                i = lower.find(needle, i + 1)
    return out


def _sibling(doc: Document, lang: str) -> Path:
    """Where the ``lang`` file of the same document belongs: docs/<lang>/<id>.md."""
    parts = doc.doc_id.split("/")
    docs_dir = doc.path.parents[len(parts)] if len(doc.path.parents) > len(parts) else Path("docs")
    return docs_dir / lang / f"{doc.doc_id}.md"


def _numbers(doc: Document) -> set[str]:
    out = {c.number for c in doc.clauses()}
    out |= {s.number for s in doc.sections if s.number}
    return out


def _allowed_names(docs: dict[str, Document]) -> frozenset[str]:
    names: set[str] = set()
    for doc in docs.values():
        for key in ("product", "operator", "title"):
            value = doc.meta.get(key)
            if isinstance(value, str):
                names.update(w for w in language.CYR_WORD_RE.findall(value))
    return frozenset(names)


def _line_in(block: Block, needle: str) -> int:
    for i, raw in enumerate(block.lines):
        if needle and needle in raw:
            return block.line + i
    return block.line


def _text_rules(
    doc: Document,
    block: Block,
    clause: str,
    doc_id: str,
    allowed: frozenset[str],
    numbers: set[str],
    facts: dict,
    flags: dict[str, bool],
) -> list[Finding]:
    text = facts["text"]
    lang = doc.lang
    path = str(doc.path)
    out: list[Finding] = []

    def add(rule: str, needle: str = "", offset: int | None = None, **params) -> None:
        out.append(
            Finding(
                rule,
                doc_id,
                lang,
                path,
                _line_in(block, needle),
                clause,
                block.eid,
                excerpt=excerpt(text, around=offset),
                params=params,
            )
        )

    if not text and block.kind in (Kind.BULLET, Kind.ITEM):
        add("broken-markdown", detail=wording.phrase(leftovers.EMPTY_ITEM))
        return out
    if id(block) in flags["mixed"]:
        for word, offset, params in script.mixed_words(text):
            add("mixed-script", word, offset, **params)
    if id(block) in flags["placeholder"]:
        for ph, offset in leftovers.placeholders(text):
            add("placeholder", ph, offset, text=ph)
    if id(block) in flags["doubled"]:
        for word, offset in leftovers.doubled_words(text, lang, flags.get("begins_term")):
            add("doubled-word", word, offset, word=word)
    for what, detail in leftovers.unbalanced(text) if flags["brackets"] else ():
        add("unbalanced", what=what, detail=detail)
    if flags["markup"]:
        for detail in leftovers.broken_markdown(text):
            add("broken-markdown", detail=detail)
        for detail in leftovers.unsafe_links(text):
            add("unsafe-link", detail=detail)
    if block.kind is not Kind.HEADING and flags["other_language"]:
        found = language.wrong_language(text, lang, flags["latin_passage"])
        if found:
            add("wrong-language", lang=lang, found=wording.language(found), expected=wording.language(lang))
        elif lang == "en" and language.has_cyrillic(text):
            words = language.cyrillic_words_in_english(text, allowed)
            if words:
                add("foreign-words", words[0][0], words[0][1], lang=lang, words=", ".join(f"'{w}'" for w, _ in words))
    if "(" in text:
        for figure, words, value, offset in quantities.figure_word_mismatches(text, lang, invariants.normalise_number):
            add("figure-words-differ", figure, offset, lang=lang, figure=figure, words=words, value=value)
    for number, kind, start, _end in facts["refs_list"]:
        if number not in numbers:
            add("xref-missing", number, start, ref=wording.part(xrefs.KIND.get(kind, "clause"), number), number=number)
    return out


# --- aligned pairs -----------------------------------------------------------------


def _facts(block: Block, lang: str, cache: dict[int, dict], xref_blocks: set[int] | None = None) -> dict:
    key = id(block)
    if key not in cache:
        text = block.text
        refs = (
            xrefs.references(text, lang)
            if block.kind is not Kind.HEADING and (xref_blocks is None or key in xref_blocks)
            else []
        )
        spans = [(a, b) for _, _, a, b in refs]
        cache[key] = {
            "text": text,
            "refs_list": refs,
            "facts": invariants.extract(text, lang, spans),
            "refs": frozenset(n for n, _, _, _ in refs),
            "defines": text.startswith("**") and bool(_definition(text)),
        }
    return cache[key]


def _norm(facts: dict) -> str:
    if "norm" not in facts:
        facts["norm"] = " ".join(facts["text"].split())
    return facts["norm"]


def _lower(facts: dict) -> str:
    if "lower" not in facts:
        facts["lower"] = facts["text"].lower()
    return facts["lower"]


def _definition(text: str):
    return DEFINED_TERM_RE.match(text) if text.startswith("**") else None


def _length_ratio(source: Document, doc: Document) -> float:
    """How long the translation is for each character of the source, over the whole document."""
    a = sum(len(b.text) for b in source.content_blocks())
    b = sum(len(b.text) for b in doc.content_blocks())
    return min(max(b / a, 0.25), 4.0) if a and b else 1.0


def _pair_rules(
    unit: Unit,
    src_doc: Document,
    s: Block,
    doc: Document,
    t: Block,
    doc_id: str,
    glossary: Glossary,
    cache: dict[int, dict],
    record: dict | None,
    ratio: Callable[[], float] | float = 1.0,
) -> list[Finding]:
    src_lang, lang = src_doc.lang, doc.lang
    out: list[Finding] = []

    def add(rule: str, **params) -> None:
        params.setdefault("lang", lang)
        params.setdefault("src_lang", src_lang)
        out.append(
            Finding(
                rule,
                doc_id,
                lang,
                str(doc.path),
                t.line,
                unit.clause,
                t.eid,
                excerpt=excerpt(ft["text"]),
                other_lang=src_lang,
                other_path=str(src_doc.path),
                other_line=s.line,
                other_excerpt=excerpt(fs["text"]),
                other_eid=s.eid,
                params=params,
            )
        )

    fs, ft = _facts(s, src_lang, cache), _facts(t, lang, cache)
    s_text, t_text = _norm(fs), _norm(ft)
    if s_text == t_text and language.meaningful_words(s_text) >= 3:
        add("untranslated")  # everything else about this block follows from it
        return out
    lone = sentences.unpaired(s_text, t_text, src_lang, lang, ratio) if s_text != t_text else []
    for side, index, sentence, strong in lone:
        rule = "sentence-missing" if side == "missing" else "sentence-added"
        params = dict(
            lang=lang,
            src_lang=src_lang,
            clause=unit.clause,
            which=wording.sentence(index),
            sentence=excerpt(sentence, 80),
        )
        where = t.line if side == "missing" else _line_in(t, sentence[:30])
        out.append(
            Finding(
                rule,
                doc_id,
                lang,
                str(doc.path),
                where,
                unit.clause,
                t.eid,
                excerpt=excerpt(ft["text"]) if side == "missing" else excerpt(sentence),
                other_lang=src_lang,
                other_path=str(src_doc.path),
                other_line=_line_in(s, sentence[:30]) if side == "missing" else s.line,
                other_excerpt=excerpt(sentence) if side == "missing" else excerpt(fs["text"]),
                other_eid=s.eid,
                params=params,
                severity=ERROR if strong else WARNING,
            )
        )
    if s_text != t_text:
        sl, tl = len(s_text), len(t_text)
        if max(sl, tl) >= MIN_RATIO_CHARS and sl and tl:
            ratio = tl / sl
            if ratio < RATIO_LOW or ratio > RATIO_HIGH:
                add(
                    "length-ratio",
                    ratio=f"{ratio:.0%}",
                    chars=tl,
                    src_chars=sl,
                    hint=wording.phrase(PARTIAL if ratio < 1 else ADDED),
                )

    a_facts, b_facts = fs["facts"], ft["facts"]
    if a_facts or b_facts:
        _compare_facts(a_facts, b_facts, add)
    if fs["refs"] != ft["refs"]:
        add(
            "xref-differs",
            src_values=", ".join(sorted(fs["refs"])) or wording.phrase(wording.NOTHING),
            values=", ".join(sorted(ft["refs"])) or wording.phrase(wording.NOTHING),
        )

    if fs["defines"] and not ft["defines"]:
        m = _definition(fs["text"])
        add("definition-missing", term=m.group(1) if m else "")
    elif ft["defines"] and not fs["defines"]:
        m = _definition(ft["text"])
        add("definition-extra", term=m.group(1) if m else "")

    if glossary.terms and doc.front.origin == "translation":
        s_full = _terms(fs, src_lang, glossary, doc_id)
        t_full = _terms(ft, lang, glossary, doc_id)
        for i in sorted(s_full | t_full):
            term = glossary.terms[i]
            if src_lang not in term.patterns or lang not in term.patterns:
                continue
            # a clause that names the term in full must render it; a short form may be dropped
            if i in s_full and not _accepts(ft, lang, glossary, i):
                add("term-missing", found_lang=src_lang, found=term.words[src_lang], expected=term.words[lang])
            elif i in t_full and not _accepts(fs, src_lang, glossary, i) and not meaning.is_party(term):
                # a party named where the source says «его», «своих», "its" is the same party: the actor
                # rules compare who acts; a reserved notion used for another one is what this rule is for
                add("term-unexpected", found=term.words[lang], source_term=term.words[src_lang])

    if record is not None:
        st = clause_states.state_of(unit, s, t, record)
        what = dict(what=unit.part, doc_id=doc_id, clause=unit.clause)
        entry = st.confirmation
        if st.state == clause_states.STALE:
            diff = clause_states.diff_text(st.diff) or excerpt(fs["text"])
            add("stale-translation", date=entry.at[:10], by=entry.by, diff=diff, **what)
        elif st.state == clause_states.UNCONFIRMED and st.edited:
            add("unconfirmed-translation", reason=wording.phrase(EDITED, by=entry.by, date=entry.at[:10]), **what)
        elif st.state == clause_states.UNCONFIRMED:
            add("unconfirmed-translation", reason=wording.phrase(NEVER_CONFIRMED), **what)
    return out


def _meaning_rules(
    unit: Unit, src_doc: Document, s: Block, doc: Document, t: Block, doc_id: str, cache: dict[int, dict], key: tuple
) -> list[Finding]:
    """What the clause does, compared (meaning.py): one finding per kind of difference."""
    fs, ft = _facts(s, src_doc.lang, cache), _facts(t, doc.lang, cache)
    if not fs["text"] or not ft["text"]:
        return []
    # kept with the block's facts: the source clause is compared with each translation, read once
    if "profile" not in fs:
        fs["profile"] = meaning.profile(fs["text"], src_doc.lang, key)
    a = fs["profile"]
    b = meaning.profile(ft["text"], doc.lang, key)
    out = []
    for rule, params in meaning.compare(a, b):
        params.update(lang=doc.lang, src_lang=src_doc.lang)
        out.append(
            Finding(
                rule,
                doc_id,
                doc.lang,
                str(doc.path),
                t.line,
                unit.clause,
                t.eid,
                excerpt=excerpt(ft["text"]),
                other_lang=src_doc.lang,
                other_path=str(src_doc.path),
                other_line=s.line,
                other_excerpt=excerpt(fs["text"]),
                other_eid=s.eid,
                params=params,
            )
        )
    return out


_EMPTY: frozenset = frozenset()


def _compare_facts(a_facts: dict, b_facts: dict, add) -> None:
    """Amounts and periods by value, unit and currency; every other kind of fact as a set of values."""
    a_money, b_money = a_facts.get("money", _EMPTY), b_facts.get("money", _EMPTY)
    a_period, b_period = a_facts.get("period", _EMPTY), b_facts.get("period", _EMPTY)
    a_num, b_num = a_facts.get("number", _EMPTY), b_facts.get("number", _EMPTY)
    for rule, a, b in (("amount-differs", a_money, b_money), ("period-differs", a_period, b_period)):
        if a != b and quantities.differing(a, b, a_num, b_num):  # named: the values the other text lacks
            add(rule, src_values=quantities.show(a - b), values=quantities.show(b - a))
    if a_num != b_num:  # a figure the other text gives as an amount or a period is not missing there
        a_num = a_num - quantities.numbers_of(b_money) - quantities.numbers_of(b_period)
        b_num = b_num - quantities.numbers_of(a_money) - quantities.numbers_of(a_period)
    for category, name in invariants.CATEGORIES.items():
        a = a_num if category == "number" else a_facts.get(category, _EMPTY)
        b = b_num if category == "number" else b_facts.get(category, _EMPTY)
        if a != b:
            add(
                "invariant-mismatch",
                category=wording.phrase(name),
                src_values=invariants.show(a),
                values=invariants.show(b),
            )


def _applicable(glossary: Glossary, doc_id: str, lang: str) -> list[int]:
    key = ("applicable", doc_id, lang)
    if key not in glossary._memo:
        glossary._memo[key] = [i for i, t in enumerate(glossary.terms) if lang in t.patterns and t.applies_to(doc_id)]
    return glossary._memo[key]


def _term_plan(glossary: Glossary, doc_id: str, lang: str) -> list[tuple]:
    """Per document and language, once: (index, term, probe, patterns of the longer terms holding it)."""
    key = ("plan", doc_id, lang)
    if key not in glossary._memo:
        plan = []
        for i in _applicable(glossary, doc_id, lang):
            term = glossary.terms[i]
            if not term.probes[lang]:
                continue
            inside = [
                (rx, probe)
                for longer in glossary.containers(i, lang)
                for rx, probe in zip(longer.patterns.get(lang, ()), longer.probes.get(lang, ()))
            ]
            plan.append((i, term, term.probes[lang][0], inside))
        glossary._memo[key] = plan
    return glossary._memo[key]


def _blank(m) -> str:
    return " " * len(m.group(0))


def _terms(facts: dict, lang: str, glossary: Glossary, doc_id: str) -> frozenset:
    """Indexes of the glossary terms a text names in full (short forms and common-word uses aside)."""
    if "terms" not in facts:
        lower = _lower(facts)
        full = set()
        for i, term, probe, inside in _term_plan(glossary, doc_id, lang):
            if probe not in lower:
                continue
            text = lower
            for rx, longer_probe in inside:  # "Account" inside "Personal Account" is not "Account"
                if longer_probe in text:  # every match holds its probe: no probe, nothing to blank out
                    text = rx.sub(_blank, text)
            if term.found(text, lang, True, original=facts["text"]):
                full.add(i)
        facts["terms"] = frozenset(full)
    return facts["terms"]


def _accepts(facts: dict, lang: str, glossary: Glossary, i: int) -> bool:
    """Whether a text renders term ``i`` in some accepted way (asked only when the other text names it)."""
    cache = facts.setdefault("accepts", {})
    if i not in cache:
        term = glossary.terms[i]
        cache[i] = (
            i in facts.get("terms", ())
            or term.accepted(_lower(facts), lang)
            or lang == "ru"
            and _uses(term.words[lang], lang, _lower(facts))
        )  # «учётных записей»
    return cache[i]


def _sync_records(root: Path, docs: dict[str, Document], source_lang: str, doc_id: str) -> dict:
    """The translators' sign-offs per translation (translations/<id>/<lang>.yml); untracked ones are absent."""
    out = {}
    for lang in docs:
        if lang == source_lang:
            continue
        record = sign_offs.load(root, doc_id, lang, source_lang)
        if record is not None:
            out[lang] = record
    return out


# --- silences ----------------------------------------------------------------------


def _apply_silences(findings: list[Finding], docs: dict[str, Document], source_lang: str) -> list[Finding]:
    per_doc = {lang: suppress.silences(doc) for lang, doc in docs.items() if suppress.has_silences(doc)}
    if not per_doc:
        findings.sort(key=Finding.sort_key)
        return findings
    kept: list[Finding] = []
    for _lang, (_fm, _text, problems) in per_doc.items():
        kept += problems
    for f in findings:
        own = per_doc.get(f.lang)
        src = per_doc.get(source_lang)
        if own and suppress.is_silenced(f, own[0], own[1]):
            continue
        if src and f.lang != source_lang and suppress.is_silenced(f, src[0], src[1]):
            continue
        kept.append(f)
    kept.sort(key=Finding.sort_key)
    return kept
