"""A policy text rendered here as a web page, a PDF (WeasyPrint) and a Word file, the way operators publish them.

Each line of the text becomes one paragraph; ``**bold**`` becomes bold type. The PDF has
a running header, "Страница N из M" in the footer and automatic hyphenation, as printed
policies do; the web page has a site menu, a cookie banner and a footer around it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .docx_build import BULLET_CHAR, W_NS, WordBuilder, _lvl

PDF_CSS = """
@page { size: A4; margin: 2cm 2cm 2.5cm 2cm;
  @top-center { content: "%(header)s"; font-size: 9pt; font-family: 'Noto Sans' }
  @bottom-right { content: "Страница " counter(page) " из " counter(pages); font-size: 9pt; font-family: 'Noto Sans' } }
body { font-family: 'Noto Serif'; font-size: 11pt; hyphens: auto; text-align: justify }
p { margin: 0 0 6pt 0 }
h1 { font-size: 14pt; text-align: center }
"""


def _inline(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text))


def paragraphs_html(text: str) -> str:
    return "\n".join(f"<p>{_inline(line.strip())}</p>" for line in text.splitlines() if line.strip())


def to_pdf(text: str, path: Path, header: str = "Политика конфиденциальности", lang: str = "ru") -> Path:
    from weasyprint import HTML

    css = PDF_CSS % {"header": header.replace('"', "'")}
    HTML(
        string=f'<html lang="{lang}"><head><style>{css}</style></head><body>{paragraphs_html(text)}</body></html>'
    ).write_pdf(path)
    return path


SITE_TOP = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>%(title)s — Тест Финанс</title>
<script>window.dataLayer = [];</script><style>body { font-family: sans-serif }</style></head><body>
<header class="site-header"><a href="/">Тест Финанс</a>
<nav class="menu"><ul><li><a href="/">Главная</a></li><li><a href="/about">О компании</a></li>
<li><a href="/login">Войти</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">Мы используем файлы cookie. Продолжая пользоваться сайтом, вы
соглашаетесь с их использованием. <button>Принять</button></div>
"""
SITE_BOTTOM = """<footer class="site-footer"><p>© 2026 ТОО «Тест Финанс». Все права защищены.</p>
<p><a href="/contacts">Контакты</a> | <a href="/privacy">Политика конфиденциальности</a></p></footer>
</body></html>"""
FURNITURE_WORDS = ["Главная", "Войти", "cookie", "Принять", "©", "защищены", "Контакты"]


def to_html(text: str, path: Path, title: str = "Политика конфиденциальности") -> Path:
    page = (
        SITE_TOP % {"title": html.escape(title)}
        + f"<main><article>{paragraphs_html(text)}</article></main>"
        + SITE_BOTTOM
    )
    path.write_text(page, encoding="utf-8")
    return path


def _runs(text: str) -> list:
    parts = re.split(r"\*\*(.+?)\*\*", text)
    return [("b", part) if i % 2 else part for i, part in enumerate(parts) if part]


class _AutoNumbers:
    """Word lists that reproduce a text's typed numbers, the way a lawyer's Word file holds them.

    One multi-level list "%1." / "%1.%2." / ... for sections and clauses, a "%1)" list for
    sub-items and a bullet list. Where the text's number is not the list's next one (a
    gap such as 2.4 -> 2.6), a new ``w:num`` restarts that level there (``startOverride``),
    as Word's "Set numbering value" does; a number whose parents the list cannot produce
    stays typed in the text.
    """

    def __init__(self):
        self.nums = [
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
            '<w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>',
        ]
        self.counters: list[int] = []
        self.clause_num = 1
        self.last_item: int | None = None
        self.item_num = 0

    def _new(self, abstract: int, level: int, start: int) -> int:
        num_id = len(self.nums) + 1
        self.nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/><w:lvlOverride '
            f'w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
        return num_id

    def place(self, line: str):
        """(text without its number, (numId, ilvl)) or (line, None) to keep the number typed."""
        if m := re.match(r"^(\d+(?:\.\d+){0,3})\.\s+(\S.*)$", line):
            parts = [int(x) for x in m.group(1).split(".")]
            level = len(parts) - 1
            self.last_item = None
            if self.counters[:level] != parts[:level]:
                return line, None
            following = self.counters[level] + 1 if len(self.counters) > level else 1
            if parts[level] != following:
                self.clause_num = self._new(1, level, parts[level])
            self.counters = parts
            return m.group(2), (self.clause_num, level)
        if m := re.match(r"^(\d+)\)\s+(\S.*)$", line):
            k = int(m.group(1))
            if self.last_item is None or k != self.last_item + 1:
                self.item_num = self._new(2, 0, k)
            self.last_item = k
            return m.group(2), (self.item_num, 0)
        self.last_item = None
        if m := re.match(r"^[-•]\s+(\S.*)$", line):
            return m.group(1), (2, 0)
        return line, None

    def xml(self) -> str:
        levels = "".join(_lvl(i, "decimal", ".".join(f"%{k}" for k in range(1, i + 2)) + ".") for i in range(4))
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="2">{_lvl(0, "decimal", "%1)")}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="3">{_lvl(0, "bullet", BULLET_CHAR)}</w:abstractNum>'
            + "".join(self.nums)
            + "</w:numbering>"
        )


def to_docx(text: str, path: Path, automatic: bool = True) -> Path:
    """Each line a paragraph; with ``automatic``, its clause number, "1)" or bullet comes from Word's lists."""
    b = WordBuilder()
    numbers = _AutoNumbers()
    for line in text.splitlines():
        if line.strip():
            body, num = numbers.place(line.strip()) if automatic else (line.strip(), None)
            b.para(*_runs(body), num=num)
    b.numbering = numbers.xml()
    b.header("Политика конфиденциальности")
    b.footer("Страница 1")
    return b.save(path)
