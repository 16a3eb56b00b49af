"""The numbers a browser generates for a web page: CSS counters, list markers, data-list-text.

Given the parsed lxml document, :func:`generated_labels` walks it once in document order
and gives, for each element, the text its ``::marker`` and ``::before`` pseudo-elements show
when that text comes from ``counter()``, ``counters()`` or ``attr()`` (a decorative "•" or
an icon is not a number and is left out), and the ``list-style-type`` its list marker has.

tinycss2 parses the page's ``<style>`` blocks once and each ``style`` attribute; cssselect2
matches the selectors against the tree, so the cost is the elements times the rules that
match them. Only the properties that make numbers are read: ``content`` of ``::before`` /
``::marker``, ``counter-reset``, ``counter-increment``, ``counter-set``, ``list-style-type``
(and ``list-style``) and ``display: none`` (an element nobody sees counts nothing). Rules in
``@media`` all/screen and ``@supports`` count; print and width-dependent ones, external
stylesheets (``<link>``, ``@import``) and ``:has()`` selectors are not read.

Counters follow CSS Lists 3: ``counter-reset`` creates a new counter on the element, seen
by its descendants and following siblings; ``counter-increment`` and ``counter-set`` change
the innermost one (creating it when there is none); ``counters(name, sep)`` joins every
nested instance. ``<ol>``/``<ul>`` reset the implicit ``list-item`` counter (``start``),
each ``<li>`` increments it (``value`` sets it), and the ``type`` attribute is the list's
``list-style-type``. A page whose CSS would make numbers no policy has (a huge value,
counters nested past any clause depth, counter styles defined in a loop, thousands of
numbering rules) is refused with a :class:`PolicyError` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import PolicyError
from ...i18n import _
from .numerals import roman

PROPS = ("content", "counter-reset", "counter-increment", "counter-set", "list-style-type", "display")
PSEUDOS = (None, "before", "marker")
HIDDEN = {"head", "script", "style", "template", "noscript", "title", "meta", "link"}  # display: none in a browser
INHERITED = ("list-style-type",)
TYPE_ATTR = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
LIST_STYLES = {
    "disc",
    "circle",
    "square",
    "decimal",
    "decimal-leading-zero",
    "lower-alpha",
    "upper-alpha",
    "lower-latin",
    "upper-latin",
    "lower-roman",
    "upper-roman",
    "lower-greek",
    "none",
    "disclosure-open",
    "disclosure-closed",
}
SYMBOLS = {"disc": "•", "circle": "◦", "square": "▪", "disclosure-open": "▾", "disclosure-closed": "▸", "none": ""}
NUMERIC_STYLES = {
    "decimal",
    "decimal-leading-zero",
    "lower-alpha",
    "upper-alpha",
    "lower-latin",
    "upper-latin",
    "lower-roman",
    "upper-roman",
    "lower-greek",
}
NUMBER_STRING = re.compile(r"(?i)^\s*(?:\d+(?:\.\d+)*[.)]?|[a-zа-я][.)]|[ivxlc]+[.)])\s*$")  # content: "2.1. "
MAX_VALUE = 100_000  # no policy has a clause numbered past this
MAX_DEPTH = 12  # counters() of more nested instances than any clause number has
MAX_RULES = 5000  # numbering/hiding rules read from one page


@dataclass
class Generated:
    """What a reader sees in front of one element's text."""

    label: str = ""  # the ::marker and ::before text made from counters/attr(), "" when none
    list_style: str | None = None  # the element's list-style-type ("none" hides an <li>'s marker)
    marker_replaced: bool = False  # ::marker or ::before gives the number: the <ol>'s own is not shown


# --- counter styles -------------------------------------------------------------------------------


def _alpha(n: int, alphabet: str) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, len(alphabet))
        out = alphabet[r] + out
    return out


def format_counter(n: int, style: str) -> str:
    """``counter(c, style)``: the predefined CSS counter styles a policy uses (others are decimal)."""
    style = style.lower()
    if style in SYMBOLS:
        return SYMBOLS[style]
    if style == "decimal-leading-zero":
        return f"{n:02d}" if n >= 0 else f"-{-n:02d}"
    if n >= 1 and style in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin"):
        letters = _alpha(n, "abcdefghijklmnopqrstuvwxyz")
        return letters.upper() if style.startswith("upper") else letters
    if 1 <= n <= 3999 and style in ("lower-roman", "upper-roman"):
        return roman(n).upper() if style == "upper-roman" else roman(n)
    if n >= 1 and style == "lower-greek":
        return _alpha(n, "αβγδεζηθικλμνξοπρστυφχψω")
    return str(n)


# --- reading the stylesheet ------------------------------------------------------------------------


def _significant(tokens) -> list:
    return [t for t in tokens if t.type not in ("whitespace", "comment")]


def _declarations(tokens) -> dict[str, tuple[list, bool]]:
    """The properties that make numbers, from a rule's block or a style attribute."""
    import tinycss2

    out: dict[str, tuple[list, bool]] = {}
    for decl in tinycss2.parse_blocks_contents(tokens, skip_whitespace=True, skip_comments=True):
        if decl.type != "declaration":
            continue
        name = decl.lower_name
        value = _significant(decl.value)
        if name == "list-style":  # the shorthand: its type keyword, or none
            words = [t.lower_value for t in value if t.type == "ident"]
            kind = next((w for w in words if w in LIST_STYLES and w != "none"), "none" if "none" in words else None)
            if kind is None and any(t.type == "string" for t in value):
                kind = "none"  # a string marker is not a number
            if kind is not None:
                out["list-style-type"] = ([kind], decl.important)
        elif name == "list-style-type":
            word = next((t for t in value if t.type in ("ident", "string")), None)
            if word is not None:
                out[name] = (["none" if word.type == "string" else word.lower_value], decl.important)
        elif name in PROPS:
            out[name] = (value, decl.important)
    return out


def _media_applies(prelude) -> bool:
    """A screen reading of the page: @media all/screen without width or height features."""
    text = "".join(t.serialize() for t in prelude).lower()
    if "width" in text or "height" in text or "orientation" in text:
        return False
    kinds = {w.strip().removeprefix("only ").strip() for w in text.split(",")}
    return bool(kinds & {"all", "screen", ""}) or not text.strip()


def _style_rules(sheet_rules, out: list, styles: dict, first_line: int) -> None:
    """The rules that make numbers, with the page's line of each (its <style> starts at first_line)."""
    import tinycss2

    for rule in sheet_rules:
        line = first_line + (getattr(rule, "source_line", 1) or 1) - 1
        if rule.type == "qualified-rule":
            decls = _declarations(rule.content)
            if decls:
                out.append((rule, decls, line))
        elif rule.type == "at-rule" and rule.content is not None:
            name = rule.lower_at_keyword
            if name == "counter-style":
                style = next((t.value for t in rule.prelude if t.type == "ident"), None)
                if style:
                    styles[style] = (rule, line)
            elif name in ("supports", "layer") or (name == "media" and _media_applies(rule.prelude)):
                _style_rules(
                    tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True),
                    out,
                    styles,
                    first_line,
                )


def _check_counter_styles(styles: dict, path) -> None:
    """@counter-style rules whose ``system: extends`` or ``fallback`` go round in a loop."""
    links: dict[str, list[str]] = {}
    for name, (rule, _line) in styles.items():
        for decl in _parse_all(rule.content):
            if decl.type == "declaration" and decl.lower_name in ("system", "fallback"):
                idents = [t.value for t in decl.value if t.type == "ident"]
                if decl.lower_name == "system" and idents[:1] == ["extends"]:
                    idents = idents[1:]
                elif decl.lower_name == "system":
                    continue
                links.setdefault(name, []).extend(idents[:1])
    done: set[str] = set()
    for start in links:
        trail, node = [], start
        while node in links and node not in done and node not in trail:
            trail.append(node)
            node = links[node][0] if links[node] else None
        if node in trail:
            loop = trail[trail.index(node) :] + [node]
            raise PolicyError(
                _("the page's CSS defines counter styles in a loop ({styles}): its numbers cannot be read").format(
                    styles=" → ".join(loop)
                ),
                path,
                styles[node][1],
            )
        done.update(trail)


def _parse_all(tokens):
    import tinycss2

    return tinycss2.parse_blocks_contents(tokens, skip_whitespace=True, skip_comments=True)


def _counter_list(tokens, default: int) -> list[tuple[str, int]]:
    """``counter-reset: a 0 b`` → [("a", 0), ("b", default)]; ``none`` → []."""
    out: list[tuple[str, int]] = []
    for token in tokens:
        if token.type == "ident":
            if token.lower_value in ("none", "inherit", "initial", "unset", "revert"):
                continue
            out.append((token.value, default))
        elif token.type == "function" and token.lower_name == "reversed":
            args = [t for t in _significant(token.arguments) if t.type == "ident"]
            if args:
                out.append((args[0].value, default))
        elif token.type == "number" and token.is_integer and out:
            out[-1] = (out[-1][0], token.int_value)
    return out


# --- the walk --------------------------------------------------------------------------------------


class _Counters:
    """Every counter's nested instances (outermost first), as the walk goes through the tree."""

    def __init__(self, path):
        self.values: dict[str, list[int]] = {}
        self.path = path

    def reset(self, name: str, value: int, scope: set) -> None:
        stack = self.values.setdefault(name, [])
        if name in scope:  # a previous sibling's counter: the new one takes its place
            stack[-1] = value
        else:
            stack.append(value)
            scope.add(name)

    def change(self, name: str, value: int, scope: set, add: bool) -> None:
        if not self.values.get(name):
            self.reset(name, 0, scope)
        stack = self.values[name]
        stack[-1] = stack[-1] + value if add else value

    def leave(self, scope: set) -> None:
        for name in scope:
            self.values[name].pop()

    def shown(self, name: str, el, nested: bool) -> list[int]:
        """The values counter()/counters() print on el; numbers no policy has are refused here."""
        values = self.values.get(name) or [0]
        line = getattr(el, "sourceline", None)
        if nested and len(values) > MAX_DEPTH:
            raise PolicyError(
                _(
                    "the page's CSS nests counter “{name}” {depth} levels deep: no policy's clause "
                    "numbers are that deep"
                ).format(name=name, depth=len(values)),
                self.path,
                line,
            )
        for value in values if nested else values[-1:]:
            if abs(value) > MAX_VALUE:
                raise PolicyError(
                    _(
                        "the page's CSS numbers an element with counter “{name}” = {value}: no policy "
                        "has that many clauses (a counter-increment or counter-reset with a huge "
                        "value?)"
                    ).format(name=name, value=value),
                    self.path,
                    line,
                )
        return values if nested else values[-1:]


class _Styles:
    def __init__(self, rules, path):
        import cssselect2
        import tinycss2

        self.matcher = cssselect2.Matcher()
        self.empty = True
        count = 0
        for rule, decls, line in rules:
            if ":has(" in tinycss2.serialize(rule.prelude).lower():
                continue  # each test walks the element's subtree: quadratic, and no list is numbered by it
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue
            for selector in selectors:
                if selector.pseudo_element not in PSEUDOS:
                    continue
                count += 1
                if count > MAX_RULES:
                    raise PolicyError(
                        _(
                            "the page's CSS has more than {limit} rules that number or hide its text: "
                            "save the page without the site's stylesheets, or copy its text into a "
                            ".txt file"
                        ).format(limit=MAX_RULES),
                        path,
                        line,
                    )
                self.matcher.add_selector(selector, decls)
                self.empty = False

    def computed(self, wrapper, parent: dict) -> dict:
        """{pseudo: {property: tokens}} for one element; list-style-type inherited from the parent."""
        el = wrapper.etree_element
        cascade: dict = {p: {} for p in PSEUDOS}

        def put(pseudo, decls, key):
            winners = cascade[pseudo]
            for name, (value, important) in decls.items():
                k = (important,) + key
                if name not in winners or winners[name][0] <= k:
                    winners[name] = (k, value)

        tag = el.tag if isinstance(el.tag, str) else ""
        kind = TYPE_ATTR.get((el.get("type") or "").strip()) if tag in ("ol", "li") else None
        if kind:
            put(None, {"list-style-type": ([kind], False)}, (0, (0, 0, 0), 0))
        if not self.empty:
            for specificity, order, pseudo, decls in self.matcher.match(wrapper):
                if pseudo in cascade:
                    put(pseudo, decls, (1, specificity, order))
        style = el.get("style")
        if style and any(p in style for p in ("content", "counter", "list-style", "display")):
            import tinycss2

            put(None, _declarations(tinycss2.parse_component_value_list(style)), (2, (0, 0, 0), 0))
        out = {p: {name: value for name, (_k, value) in cascade[p].items()} for p in PSEUDOS}
        for name in INHERITED:
            if name not in out[None] and name in parent:
                out[None][name] = parent[name]
        return out


def _content(tokens, el, counters: _Counters) -> tuple[str, bool]:
    """The text of a ``content`` value and whether a counter or attr() made any of it."""
    parts: list[str] = []
    numbered = False
    for token in tokens:
        if token.type == "ident" and token.lower_value in ("none", "normal"):
            return "", False
        if token.type == "string":
            parts.append(token.value)
        elif token.type == "function":
            args = [t for t in _significant(token.arguments) if t.type != "literal" or t.value != ","]
            name = token.lower_name
            if name == "counter" and args and args[0].type == "ident":
                style = args[1].lower_value if len(args) > 1 and args[1].type == "ident" else "decimal"
                parts.append(format_counter(counters.shown(args[0].value, el, nested=False)[0], style))
                numbered = numbered or style in NUMERIC_STYLES or style not in LIST_STYLES
            elif name == "counters" and len(args) > 1 and args[0].type == "ident" and args[1].type == "string":
                style = args[2].lower_value if len(args) > 2 and args[2].type == "ident" else "decimal"
                values = counters.shown(args[0].value, el, nested=True)
                parts.append(args[1].value.join(format_counter(v, style) for v in values))
                numbered = numbered or style in NUMERIC_STYLES or style not in LIST_STYLES
            elif name == "attr" and args and args[0].type == "ident":
                value = (el.get(args[0].lower_value) or "").strip()
                parts.append(value)
                numbered = numbered or any(ch.isalnum() for ch in value)
    text = "".join(parts)
    return text, (numbered and any(ch.isalnum() for ch in text)) or bool(NUMBER_STRING.match(text))


def _wrapper_class():
    import cssselect2

    class Wrapper(cssselect2.ElementWrapper):
        @property
        def previous_siblings(self):
            """Walked when a selector asks (``h2 ~ p``), not kept: cssselect2 keeps a tuple per element,
            which for a page of 10 000 sibling paragraphs is 50 million references."""
            out, el = [], self.previous
            while el is not None:
                out.append(el)
                el = el.previous
            return out[::-1]

    return Wrapper


def generated_labels(root, path: Path | str) -> dict:
    """{lxml element: Generated} for the elements whose numbers the page's CSS or attributes give."""
    import tinycss2

    rules: list = []
    styles: dict = {}
    for style in root.iter("style"):
        sheet = tinycss2.parse_stylesheet(style.text or "", skip_whitespace=True, skip_comments=True)
        _style_rules(sheet, rules, styles, getattr(style, "sourceline", None) or 1)
    _check_counter_styles(styles, path)
    if not rules and not root.xpath("//*[@data-list-text or @style]"):
        return {}  # nothing on the page generates numbers: the lists number themselves
    sheet = _Styles(rules, path)
    counters = _Counters(path)
    out: dict = {}
    top = _wrapper_class().from_html_root(root)
    # a stack of (children iterator, the scope of counters its elements created, the parent's computed values)
    top_scope: set = set()
    stack = [(iter([top]), top_scope, {})]
    while stack:
        children, scope, parent = stack[-1]
        wrapper = next(children, None)
        if wrapper is None:
            stack.pop()
            if stack:
                counters.leave(scope)
            continue
        el = wrapper.etree_element
        if not isinstance(el.tag, str):
            continue
        values = sheet.computed(wrapper, parent)
        own = values[None]
        tag = el.tag
        if (
            tag in HIDDEN
            or el.get("hidden") is not None
            or any(t.type == "ident" and t.lower_value == "none" for t in own.get("display", ()))
        ):
            continue  # not shown: neither it nor anything inside counts
        resets = _counter_list(own.get("counter-reset", ()), 0)
        if tag in ("ol", "ul", "menu") and not any(name == "list-item" for name, _v in resets):  # as Chromium does
            start = (el.get("start") or "").strip()
            resets.append(("list-item", int(start) - 1 if tag == "ol" and start.lstrip("-").isdigit() else 0))
        for name, value in resets:
            counters.reset(name, value, scope)
        increments = _counter_list(own.get("counter-increment", ()), 1)
        if tag == "li" and not any(name == "list-item" for name, _v in increments):
            increments.append(("list-item", 1))
        for name, value in increments:
            counters.change(name, value, scope, add=True)
        sets = _counter_list(own.get("counter-set", ()), 0)
        value = (el.get("value") or "").strip()
        if tag == "li" and value.lstrip("-").isdigit():
            sets.append(("list-item", int(value)))
        for name, number in sets:
            counters.change(name, number, scope, add=False)
        child_scope: set = set()
        list_style = (own.get("list-style-type") or ["decimal"])[0]
        found = Generated(list_style=list_style if tag == "li" and "list-style-type" in own else None)
        labels = []
        for pseudo in ("marker", "before") if tag == "li" else ("before",):
            decls = values[pseudo]
            if not decls or any(t.type == "ident" and t.lower_value == "none" for t in decls.get("display", ())):
                continue
            for name, number in _counter_list(decls.get("counter-reset", ()), 0):
                counters.reset(name, number, child_scope)
            for name, number in _counter_list(decls.get("counter-increment", ()), 1):
                counters.change(name, number, child_scope, add=True)
            for name, number in _counter_list(decls.get("counter-set", ()), 0):
                counters.change(name, number, child_scope, add=False)
            content = decls.get("content")
            if content and not (content[0].type == "ident" and content[0].lower_value == "normal"):
                text, numbered = _content(content, el, counters)
                if numbered:
                    labels.append(text)
                    found.marker_replaced = True
                elif pseudo == "marker":  # content: none / "" hides the marker, "• " makes it a bullet
                    found.list_style = "disc" if text.strip() else "none"
        if not labels and (listed := (el.get("data-list-text") or "").strip()):
            labels.append(listed + " ")
            found.marker_replaced = True
        found.label = "".join(labels)
        if found.label or found.list_style is not None:
            out[el] = found
        stack.append((wrapper.iter_children(), child_scope, own))
    return out
