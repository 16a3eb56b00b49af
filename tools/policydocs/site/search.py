"""Search that finds what a reader types, in the language of the page.

Material's search (lunr) builds one index from every page and runs the stemmers of every
language listed in ``lang`` over every word, one after another. With Russian, Kazakh and
English chained, English words were cut by three stemmers while the reader's query (which
Material sends as a prefix, ``personal*``, skipping the stemmers) was not cut at all: on
``/en/`` "personal" found nothing. Latin words inside Cyrillic text ("cookie", "SMS")
were dropped by the Russian trimmer, which keeps Cyrillic letters only.

So each page searches only the pages of its own language, with that language's stemming
only (``search_worker_js``: a small worker that wraps Material's own and hands it the
pages of one language): Russian pages with lunr's Russian stemmer, English pages with
lunr's English one, Kazakh pages with the suffix stripper below. Latin words, digits and
clause numbers ("2.3.1") are kept whole in every language. A query word goes in twice: as
typed, as a prefix (search as you type), and as its stem, matched whole ("мерзімі" meets
"мерзімнен", "personal" meets "persons"). Policy pages are indexed clause by clause
(``policy_entries``), so a result links to the clause and names product and document.

Kazakh: lunr has no Kazakh stemmer. Kazakh is agglutinative; a word carries plural,
possessive and case endings one after another ("деректер-і-нің" = "of its data"). We
strip the common inflectional endings from the end of the word, longest first, repeatedly,
never leaving a stem shorter than ``MIN_STEM`` letters: both the index and the query go
through the same stripper, so two forms of one word meet at the same stem. It
over-conflates a little (recall over precision is right for finding a clause in a legal
text) and never touches Latin words. The JavaScript is generated from ``SUFFIXES`` so
Python and the browser cannot drift apart.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Mapping

from ..document import Document, Kind
from ..publication.titles import document_title

MIN_STEM = 3
MAX_STRIPS = 4

SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            # plural
            "лар",
            "лер",
            "дар",
            "дер",
            "тар",
            "тер",
            # possessive
            "ым",
            "ім",
            "ың",
            "ің",
            "сы",
            "сі",
            "ы",
            "і",
            "мыз",
            "міз",
            "ңыз",
            "ңіз",
            "ымыз",
            "іміз",
            "ыңыз",
            "іңіз",
            # genitive, dative, accusative, locative, ablative, instrumental
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "ға",
            "ге",
            "қа",
            "ке",
            "на",
            "не",
            "ны",
            "ні",
            "ды",
            "ді",
            "ты",
            "ті",
            "ын",
            "ін",
            "да",
            "де",
            "та",
            "те",
            "нда",
            "нде",
            "дан",
            "ден",
            "тан",
            "тен",
            "нан",
            "нен",
            "ннан",
            "ннен",
            "мен",
            "бен",
            "пен",
            # common verbal endings: participles, infinitive + case, present tense
            "ған",
            "ген",
            "қан",
            "кен",
            "атын",
            "етін",
            "йтын",
            "йтін",
            "уға",
            "уге",
            "йды",
            "йді",
            "ады",
            "еді",
        },
        key=lambda s: (-len(s), s),
    )
)

_CYRILLIC_WORD = re.compile(r"^[\u0400-\u052F]+$")


def stem(word: str) -> str:
    """The stem a Kazakh word is indexed and searched under (lower case)."""
    word = word.lower()
    if not _CYRILLIC_WORD.match(word):
        return word
    for _ in range(MAX_STRIPS):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


# Kazakh words that carry no meaning for a search (conjunctions, postpositions, pronouns).
KAZAKH_STOP_WORDS = (
    "және",
    "мен",
    "бен",
    "пен",
    "немесе",
    "үшін",
    "бойынша",
    "осы",
    "бұл",
    "сол",
    "ол",
    "олар",
    "да",
    "де",
    "та",
    "те",
    "ғана",
    "әрі",
    "яғни",
    "тиісті",
)

# Where the shared lunr language code and the worker live in the built site (next to Material's own).
LUNR_DIR = "assets/javascripts/lunr/min"
WORKER_PATH = "assets/javascripts/workers/policydocs-search.js"


def module_name(lang: str) -> str:
    """The lunr language name of a page language: Material loads ``lunr.<name>.min.js``."""
    return f"pd{lang}"


_MODULE = """// lunr.%(name)s: search of %(lang)s pages (generated by policydocs.site.search; do not edit).
// Words of the page's language are stemmed by that language's stemmer only; Latin words in
// Cyrillic text, digits and clause numbers ("2.3.1") are kept whole.
(function (root) {
  "use strict";
  var lunr = root.lunr;
  if (!lunr) { return; }
  var LANG = "%(lang)s";
  if (LANG === "ru" && !lunr.ru) { importScripts("../lunr/min/lunr.ru.min.js"); }
  var SUFFIXES = %(suffixes)s, MIN_STEM = %(min_stem)d, MAX_STRIPS = %(max_strips)d;
  var CYRILLIC = /^[\\u0400-\\u052F]+$/, LATIN = /^[a-z]+$/;
  var KAZAKH = /[\\u04d9\\u0493\\u049b\\u04a3\\u04e9\\u04b1\\u04af\\u04bb\\u0456]/;
  function kk(word) {
    for (var n = 0; n < MAX_STRIPS; n++) {
      var cut = false;
      for (var i = 0; i < SUFFIXES.length; i++) {
        var s = SUFFIXES[i];
        if (word.length - s.length >= MIN_STEM && word.slice(-s.length) === s) {
          word = word.slice(0, -s.length); cut = true; break;
        }
      }
      if (!cut) { break; }
    }
    return word;
  }
  function via(fn, word) { return String(fn(new lunr.Token(word, {}))); }
  // the stem a word is indexed and searched under, on a page of this language
  function stem(word) {
    word = String(word).toLowerCase();
    if (LANG === "kk") { return CYRILLIC.test(word) ? kk(word) : word; }
    if (LANG === "ru") { return CYRILLIC.test(word) && !KAZAKH.test(word) ? via(lunr.ru.stemmer, word) : word; }
    return LATIN.test(word) ? via(lunr.stemmer, word) : word;
  }
  var stemmer = function (token) { return token.update(function (w) { return stem(w); }); };
  lunr.Pipeline.registerFunction(stemmer, "stemmer-%(name)s");
  var trimmer = lunr.trimmerSupport.generateTrimmer("\\\\w\\u0400-\\u052F");
  lunr.Pipeline.registerFunction(trimmer, "trimmer-%(name)s");
  var stop = LANG === "ru" ? lunr.ru.stopWordFilter : LANG === "en" ? lunr.stopWordFilter
    : lunr.generateStopWordFilter(%(kk_stop)s);
  if (LANG === "kk") { lunr.Pipeline.registerFunction(stop, "stopWordFilter-%(name)s"); }
  var module = function () {
    this.pipeline.reset();
    this.pipeline.add(trimmer, stop, stemmer);
    if (this.searchPipeline) { this.searchPipeline.reset(); this.searchPipeline.add(stemmer); }
  };
  module.trimmer = trimmer; module.stopWordFilter = stop; module.stemmer = stemmer; module.stem = stem;
  lunr["%(name)s"] = module;

  // Material sends every word as a prefix ("personal*"), which lunr matches unstemmed
  // against stemmed words ("person"). Each such word is also looked up by its stem, whole.
  var STARRED = /^([^*]+)\\*$/;
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    var extra = [];
    query.clauses.forEach(function (c) {
      var m = STARRED.exec(c.term);
      if (!m || c.usePipeline || "editDistance" in c) { return; }
      var stemmed = stem(m[1]);
      if (stemmed === m[1] || !stemmed) { return; }
      if (c.presence === lunr.Query.presence.REQUIRED) { c.term = stemmed + "*"; return; }
      extra.push({ fields: c.fields, boost: c.boost, presence: c.presence, usePipeline: false,
                   wildcard: lunr.Query.wildcard.NONE, term: stemmed });
    });
    extra.forEach(function (c) { query.clauses.push(c); });
    return query;
  };
})(typeof self !== "undefined" ? self : this);
"""


def _compact(js: str) -> str:
    """The shipped script: comments and indentation are for this file's readers, not every reader's download."""
    from .shipping import shipped  # noqa: PLC0415

    return shipped("search.js", js)


def lunr_module_js(lang: str) -> str:
    """The browser's search pipeline for pages in ``lang``, as a lunr language module."""
    kazakh = lang == "kk"  # only the Kazakh module carries the suffixes and stop words
    return _compact(
        _MODULE
        % {
            "name": module_name(lang),
            "lang": lang,
            "suffixes": json.dumps(list(SUFFIXES) if kazakh else [], ensure_ascii=False),
            "min_stem": MIN_STEM,
            "max_strips": MAX_STRIPS,
            "kk_stop": json.dumps(list(KAZAKH_STOP_WORDS) if kazakh else [], ensure_ascii=False),
        }
    )


def lunr_kk_js() -> str:
    """The Kazakh module (kept under its old name for what links to it)."""
    return lunr_module_js("kk")


_WORKER = r"""// policydocs search worker (generated by policydocs.site.search; do not edit).
// Material's own search worker, given only the pages of the reader's language and that
// language's stemming; its results say which query words a hit contains by their stems.
(function () {
  "use strict";
  var params = new URLSearchParams(self.location.search);
  var lang = params.get("lang");
  var material = params.get("material");
  if (!/^(ru|kk|en)$/.test(lang || "")) { lang = "%(default)s"; }
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) { material = "%(material)s"; }
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var words = [];
  // "п. 2.3.1", "2.3.1-тармақ", "clause 2.3.1." -> "2.3.1"
  var CLAUSE = /(^|\s)(?:пп?\.|пункт[а-я]*|подпункт[а-я]*|тармақ[а-яәғқңөұүһі]*|clauses?|cl\.|§)\s*(?=\d)/gi;
  function rewrite(query) {
    return query.replace(CLAUSE, "$1").replace(/(\d)-(?:тармақ|тармақша)[а-яәғқңөұүһі]*/gi, "$1")
      .replace(/(\d)[.)](?=\s|$)/g, "$1");
  }
  function stem(word) {
    var module = self.lunr && self.lunr["pd" + lang];
    return module ? module.stem(word) : word;
  }
  // A query word is found in a hit when the word or its stem is: Material only knows the
  // first, and would list "personal" as missing above a clause that says "persons".
  function fixTerms(result) {
    (result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        var before = item.terms || {}, after = {};
        words.forEach(function (word) {
          var stemmed = stem(word);
          // the page highlights what the key starts: the stem finds "persons" for "personal",
          // but a stem of two or three letters ("sm" for "SMS") would light up other words
          if (before[stemmed] === true) { after[stemmed.length >= 4 ? stemmed : word] = true; }
          else if (before[word] === true) { after[word] = true; }
          else if (word in before || stemmed in before) { after[word] = false; }
        });
        item.terms = after;
      });
    });
  }
  var listen = self.addEventListener;
  self.addEventListener = function (type, fn, options) {
    if (type !== "message") { return listen.call(self, type, fn, options); }
    return listen.call(self, type, function (ev) {
      var message = ev.data;
      if (message && message.type === SETUP) {
        var data = message.data;
        data.docs = data.docs.filter(function (doc) { return doc.location.indexOf(lang + "/") === 0; });
        data.config.lang = ["pd" + lang];
        data.config.pipeline = ["trimmer", "stopWordFilter", "stemmer"];
      } else if (message && message.type === QUERY) {
        var query = rewrite(String(message.data));
        words = query.toLowerCase().split(/[\s\-]+/).map(function (w) {
          return w.replace(/^[+\-]+/, "").replace(/[~^]\d*$/, "").replace(/\*+$/, "").replace(/^[^\w\u0400-\u052F]+|[^\w\u0400-\u052F]+$/g, "");
        }).filter(Boolean);
        message = { type: QUERY, data: query };
      }
      return fn({ data: message });
    }, options);
  };
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data) { fixTerms(message.data); }
    return post.apply(self, arguments);
  };
  importScripts(material);
})();
"""


def search_worker_js(material_worker: str, default_lang: str = "ru") -> str:
    """The worker that wraps Material's (``material_worker``: its file name next to this one)."""
    return _compact(_WORKER % {"material": material_worker, "default": default_lang})


# --- the index -----------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FORMATTING = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")


def _plain(text: str) -> str:
    """A block's words as the index holds them: Markdown links and emphasis removed, HTML escaped."""
    return html.escape(_FORMATTING.sub("", _LINK.sub(r"\1", text)), quote=False)


def _paragraphs(blocks) -> str:
    out = []
    for block in blocks:
        marker = f"{block.marker} " if block.kind is Kind.ITEM else ""
        out.append(f"{html.escape(marker, quote=False)}{_plain(block.text)}")
    return " ".join(out)


def policy_entries(location: str, doc: Document, extra_text: str = "") -> list[dict]:
    """A policy page in the search index: the document, each section and each clause.

    Each clause is its own entry (``#cl-2-3-1``), so a result leads to the clause; its
    title is its number, so "2.3.1" finds it. Titles and texts are escaped: Material shows
    them as HTML.
    """
    title = document_title(doc.front.product, doc.title)
    intro = [b for s in doc.sections if s.heading is None for b in s.content]
    entries = [
        {
            "location": location,
            "title": html.escape(title, quote=False),
            "text": " ".join(
                filter(None, [html.escape(extra_text or doc.front.operator, quote=False), _paragraphs(intro)])
            ),
        }
    ]

    def clause(c) -> None:
        entries.append(
            {
                "location": f"{location}#{c.eid}",
                "title": html.escape(c.block.marker, quote=False),
                "text": " ".join(filter(None, [_plain(c.text), _paragraphs(c.content)])),
            }
        )
        for child in c.children:
            clause(child)

    for section in doc.sections:
        if section.heading is not None:
            entries.append(
                {
                    "location": f"{location}#{section.eid}",
                    "title": _plain(section.heading.text),
                    "text": _paragraphs(section.content),
                }
            )
        for c in section.clauses:
            clause(c)
    return entries


def localise_index(search_index: dict, policies: dict[str, list[dict]], order: list[str] | None = None) -> dict:
    """Material's index with each policy page's entries replaced by its clause-by-clause ones.

    ``policies`` maps a page's location ("kk/smartaqkol/privacy/") to its entries; they go
    where the page stands in ``order`` (every page's location, in the order Material indexed
    them; default: the order of Material's own entries). Material need not have read the
    policy pages at all: the plugin keeps them out of its index, which would otherwise
    parse every page's HTML only for this function to throw the result away. The languages
    and pipeline are left as Material wrote them: the worker sets the page's own.
    """
    search_index["docs"] = list(_localised(search_index.get("docs", []), policies, order))
    return search_index


def index_json(
    search_index: dict, policies: Mapping[str, Callable[[], list[dict]]], order: list[str]
) -> Iterator[bytes]:
    """``localise_index`` as compact JSON, in pieces: one page's entries in memory at a time.

    A site of 1,000 documents has 3,000 policy pages and some 700,000 clause entries: held
    at once, with their JSON text, they were the build's peak of memory. The bytes are those
    of ``json.dumps(localise_index(...), ensure_ascii=False, separators=(",", ":"))``.
    """

    def dumps(value) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    yield b"{"
    for n, (key, value) in enumerate(search_index.items()):
        yield (b"," if n else b"") + dumps(key) + b":"
        if key != "docs":
            yield dumps(value)
            continue
        yield b"["
        for i, entry in enumerate(_localised(value, policies, order)):
            yield (b"," if i else b"") + dumps(entry)
        yield b"]"
    yield b"}"


def _localised(entries: list[dict], policies: Mapping, order: list[str] | None) -> Iterator[dict]:
    """Material's entries and the policy pages' (lists, or functions that make them), in page order."""
    if order is None:
        order = list(dict.fromkeys(entry["location"].split("#", 1)[0] for entry in entries))
    place = {location: n for n, location in enumerate(order)}
    done = 0  # pages of ``order`` before this one have been placed

    def policies_until(until: int) -> Iterator[dict]:
        nonlocal done
        start, done = done, max(done, until)
        for location in order[start:until]:
            own = policies.get(location)
            if own is not None:
                yield from own() if callable(own) else own

    for entry in entries:
        page = entry["location"].split("#", 1)[0]
        if page in policies:
            continue
        if page in place:
            yield from policies_until(place[page] + 1)
        yield entry
    yield from policies_until(len(order))
    for location, own in policies.items():  # a policy page Material was not told of: at the end
        if location not in place:
            yield from own() if callable(own) else own
