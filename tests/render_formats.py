"""A policy text rendered here as a web page, a PDF (WeasyPrint) and a Word file, the way operators publish them.

Each line of the text becomes one paragraph; ``**bold**`` becomes bold type. The PDF has
a running header, "Страница N из M" in the footer and automatic hyphenation, as printed
policies do; the web page has a site menu, a cookie banner and a footer around it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .docx_build import WordBuilder

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
    HTML(string=f'<html lang="{lang}"><head><style>{css}</style></head><body>{paragraphs_html(text)}</body></html>'
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
    page = SITE_TOP % {"title": html.escape(title)} + f"<main><article>{paragraphs_html(text)}</article></main>" + SITE_BOTTOM
    path.write_text(page, encoding="utf-8")
    return path


def to_docx(text: str, path: Path) -> Path:
    b = WordBuilder()
    for line in text.splitlines():
        if line.strip():
            parts = re.split(r"\*\*(.+?)\*\*", line.strip())
            b.para(*[("b", part) if i % 2 else part for i, part in enumerate(parts) if part])
    b.header("Политика конфиденциальности")
    b.footer("Страница 1")
    return b.save(path)
