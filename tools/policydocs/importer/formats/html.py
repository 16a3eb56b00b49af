"""Web pages (.html): the policy's own content, without the site around it.

lxml.html parses the page (well kept, tolerant of real-world markup, honours the page's
charset). The content is the ``<main>`` or ``<article>``, else the element that holds
the numbered text; the site's navigation, cookie banner, header, footer, sidebars,
scripts and forms are left out and listed. Headings, ``<ol>`` numbering (``start``,
``value``, ``type="a"``/``"i"``, nested lists written out as "2.1."), ``<ul>`` bullets,
``<strong>`` terms and links are kept. A page with no recognisable policy text is refused.

The numbers a browser generates are written in front of the element's text, where a reader
sees them (css_numbering.py): CSS counters in ``::before``/``::marker`` rules (``<style>``
blocks and ``style`` attributes; Google Docs' ``lst-kix`` lists), ``list-style-type``
(``none`` hides an ``<ol>``'s own numbers) and Word converters' ``data-list-text``. Where
the CSS gives an ``<li>`` its number, the ``<ol>``'s own number is not written as well.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import PolicyError
from ...i18n import _
from ...textfile import decode
from ..model import Extracted, Leftover
from . import css_numbering

DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "canvas",
    "head",
}
FURNITURE_TAGS = {"nav": "navigation", "header": "site header", "footer": "site footer", "aside": "sidebar"}
FURNITURE_HINT = re.compile(
    r"cookie|consent|gdpr|banner|navbar|menu|breadcrumb|sidebar|site-header|site-footer|"
    r"(?:^|[-_\s])(?:nav|footer|header)(?:$|[-_\s])",
    re.I,
)
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "address",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "pre",
    "center",
}
NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s|^\s*\d+\.\s+\S")
MIN_LETTERS = 200


def _furniture_kind(el) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in FURNITURE_TAGS:
        return FURNITURE_TAGS[tag]
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return {"navigation": "navigation", "banner": "site header", "contentinfo": "site footer"}.get(role, "sidebar")
    hint = " ".join(filter(None, (el.get("id"), el.get("class"), el.get("aria-label"))))
    if hint and (m := FURNITURE_HINT.search(hint)):
        word = m.group(0).strip("-_ ").lower()
        return (
            "cookie banner"
            if word in ("cookie", "consent", "gdpr")
            else "navigation"
            if word in ("menu", "navbar", "nav", "breadcrumb")
            else "site footer"
            if "footer" in word
            else "site header"
            if ("header" in word or word == "banner")
            else "sidebar"
        )
    return None


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _pick_content(body, labels: dict):
    """<main>/<article> (the one with most text), else the element holding most numbered lines, else <body>."""
    for tag in ("main", "article"):
        found = [el for el in body.iter(tag)]
        if found:
            return max(found, key=lambda el: len(_text(el)))
    role = body.xpath(".//*[@role='main']")
    if role:
        return role[0]
    numbered = [
        el
        for el in body.iter("p", "li", "div")
        if NUMBERED.match(el.text or "") or (el in labels and NUMBERED.match(labels[el].label + "…"))
    ]
    if not numbered:
        return body
    counts: dict = {}  # element -> numbered blocks inside it (the dict keeps each lxml proxy alive)
    for el in numbered:
        node = el
        while node is not None:
            counts[node] = counts.get(node, 0) + 1
            node = node.getparent()
    depth = lambda el: sum(1 for _ in el.iterancestors())  # noqa: E731
    holders = [el for el, n in counts.items() if n >= 0.8 * len(numbered) and el.tag in BLOCKS | {"body", "ol", "ul"}]
    return max(holders, key=depth) if holders else body


class _Writer:
    def __init__(self, out: Extracted, labels: dict | None = None):
        self.out = out
        self.labels = labels if labels is not None else {}
        self.line: list[str] = []
        self.where = _("element {number}").format(number=1)
        self.count = 0

    def text(self, s: str) -> None:
        self.line.append(s)

    def end(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.line)).strip()
        text = re.sub(r"\*\*\s*\*\*", "", text)
        self.line = []
        if text and re.search(r"\w", text):
            self.out.add(text, self.where)
            self.out.add("", self.where)

    def start(self, where_el) -> None:
        self.end()
        self.count += 1
        line = getattr(where_el, "sourceline", None)
        self.where = _("line {line}").format(line=line) if line else _("element {number}").format(number=self.count)


def _inline(el, w: _Writer) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("strong", "b"):
        inner = _Writer(w.out, w.labels)
        _children(el, inner, inline_only=True)
        text = re.sub(r"\s+", " ", "".join(inner.line))
        core = text.strip()
        if core and re.search(r"\w", core):
            w.text(text[: len(text) - len(text.lstrip())] + f"**{core}**" + text[len(text.rstrip()) :])
        else:
            w.text(text)
    elif tag == "a" and (href := (el.get("href") or "").strip()) and re.match(r"(?i)(https?:|mailto:)", href):
        label = _text(el)
        if label in (href, href.removeprefix("mailto:")):
            w.text(f"<{href}>")
        elif label:
            w.text(f"[{label}]({href})")
    elif tag == "br":
        w.end()
    else:
        _children(el, w, inline_only=True)
    if el.tail:
        w.text(el.tail)


def _children(el, w: _Writer, inline_only: bool = False, number: str = "") -> None:
    generated = w.labels.get(el)
    if generated is not None and generated.label:
        # the ::marker / ::before / data-list-text number, where a reader sees it (a marker set apart by
        # its box, "content: counter(c) '.'", still reads "1. Text", not "1.Text")
        w.text(generated.label if generated.label[-1:].isspace() else generated.label + " ")
    if el.text:
        w.text(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag:  # a comment or processing instruction
            if child.tail:
                w.text(child.tail)
            continue
        if tag in ("ol", "ul") or (
            not inline_only and tag in BLOCKS | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
        ):
            _block(child, w, number)
            if child.tail and child.tail.strip():
                w.start(child)
                w.text(child.tail)
        else:
            _inline(child, w)


KIND = {
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
    "decimal": "1",
    "decimal-leading-zero": "1",
    "none": "none",
}
LABEL_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)*)\.?\s*$")


def _list(el, w: _Writer, parent_number: str) -> None:
    ordered = el.tag == "ol"
    start = el.get("start")
    n = int(start) - 1 if start and start.lstrip("-").isdigit() else 0
    after_colon = bool(w.out.lines) and w.out.lines[-2 if len(w.out.lines) > 1 else -1].text.rstrip().endswith(":")
    for li in el.iterchildren("li"):
        w.start(li)
        generated = w.labels.get(li)
        if ordered:
            value = li.get("value")
            n = int(value) if value and value.lstrip("-").isdigit() else n + 1
            kind = el.get("type")
            if generated is not None and generated.list_style is not None:
                style = generated.list_style
                kind = KIND.get(style, "-" if style in css_numbering.SYMBOLS else "1")  # a page's own style: decimal
            if generated is not None and generated.marker_replaced:  # the page's CSS numbers it
                found = LABEL_NUMBER.match(generated.label)
                marker, number = "", found.group(1) if found else parent_number
            elif kind == "none":  # no marker: a number typed in the text is the reader's number
                marker, number = "", parent_number
            elif kind == "-":  # an <ol> shown with bullets
                marker, number = "-", ""
            elif kind in ("a", "A", "i", "I"):
                marker, number = f"{_letter(n, kind)})", parent_number
            elif parent_number:
                marker = number = f"{parent_number}.{n}"
                marker += "."
            elif after_colon:
                marker, number = f"{n})", ""
            else:
                marker = number = str(n)
                marker += "."
            if marker:
                w.text(marker + " ")
        else:
            if generated is None or not generated.marker_replaced:
                w.text("- ")
            number = ""
        _children(li, w, number=number if ordered else "")
        w.end()


def _letter(n: int, kind: str) -> str:
    """The marker of ``<ol type="a">`` / ``"i"``: a..z, aa, ab… and i, ii… as a browser shows them."""
    style = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}[kind]
    return css_numbering.format_counter(n, style)


def _block(el, w: _Writer, number: str = "") -> None:
    tag = el.tag
    if tag in ("ol", "ul"):
        w.end()
        _list(el, w, number)
        w.start(el)
    elif tag == "table":
        for row in el.iter("tr"):
            w.start(row)
            cells = [_text(cell) for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
            w.text(" | ".join(c for c in cells if c))
            w.end()
        w.start(el)
    else:
        w.start(el)
        _children(el, w, number=number)
        w.end()


CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _decode(data: bytes, path: Path | str) -> str:
    """The page's text: its BOM, else its <meta charset>, else UTF-8, else Windows-1251 (never a Latin-1 guess)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    declared = CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    decoded = decode(data, path, allow_cp1251=True)
    return decoded.text


def extract(data: bytes, path: Path | str, options=None) -> Extracted:
    import lxml.html
    from lxml import etree

    try:
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", _decode(data, path))  # lxml refuses it in a decoded string
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(remove_comments=True, no_network=True))
    except (etree.ParserError, ValueError):
        raise PolicyError(_("the web page is empty or cannot be read"), path) from None
    labels = css_numbering.generated_labels(root, path)
    out = Extracted("html")
    body = root.find("body") if root.find("body") is not None else root
    for el in list(root.iter(*DROP)):
        el.drop_tree()
    _drop_furniture(body, out)
    content = _pick_content(body, labels)
    text = _text(content)
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        raise PolicyError(
            _(
                "the web page has no recognisable policy text (after leaving out its menus, banners "
                "and footer {letters} letters remain); save the page that shows the policy itself, or "
                "copy its text into a .txt file"
            ).format(letters=letters),
            path,
        )
    w = _Writer(out, labels)
    _block(content, w)
    w.end()
    return out


def _drop_furniture(el, out: Extracted) -> None:
    """Remove the site around the policy (outermost pieces first) and list each piece once."""
    for child in list(el):
        if not isinstance(child.tag, str):
            continue
        kind = _furniture_kind(child)
        if (
            kind
            and child.tag not in ("main", "article")
            and child.find(".//main") is None
            and child.find(".//article") is None
        ):
            text = re.sub(r"\s+", " ", " ".join(child.itertext())).strip()
            if text:
                line = getattr(child, "sourceline", None)
                out.leftovers.append(
                    Leftover(_("line {line}").format(line=line) if line else _("page"), kind, text[:120])
                )
            child.drop_tree()
        else:
            _drop_furniture(child, out)
