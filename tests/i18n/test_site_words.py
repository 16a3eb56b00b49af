"""Every word a reader sees comes from the ``site`` gettext domain, managed with Babel.

The site, the PDFs, the Word files, the notices, the feeds and the evidence bundles say their
words through ``N_p("key", "English")`` markers (the key is the msgctxt, the English the msgid);
Russian and Kazakh are in ``i18n/locale/<lang>/LC_MESSAGES/site.po``. Checked here as Babel
reads them: complete, nothing fuzzy, placeholders kept, the .mo compiled from the .po, the .pot
extracted from the code; no table of words left in Python; a broken catalog is one line; and a
Kazakh word changed in the catalog is what the site prints, its case endings still right.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import os
import shutil
import string
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from policydocs.errors import PolicyError
from policydocs.i18n import LOCALE_DIR, catalogs

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tools" / "policydocs"
POT = LOCALE_DIR / "site.pot"
CHECK_CATALOGS = REPO / "tools" / "scripts" / "check_catalogs.py"
# as `make messages` passes them: --no-default-keywords -k N_p:1c,2 -k N_np:1c,2,3
KEYWORDS = {"N_p": ((1, "c"), 2), "N_np": ((1, "c"), 2, 3)}
PLURAL_FORMS = {"ru": 3, "kk": 2}
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# a Kazakh text may take a value with the case ending its sentence governs: {date_loc} for {date}
KAZAKH_CASES = ("_loc", "_dat", "_abl")


def catalog(lang: str, locale_dir: Path = LOCALE_DIR):
    with open(locale_dir / lang / "LC_MESSAGES" / "site.po", "rb") as fh:
        return read_po(fh, locale=lang, domain="site")


def fields(text: str, lang: str = "en") -> set[str]:
    names = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
    if lang == "kk":
        names = {next((n[: -len(c)] for c in KAZAKH_CASES if n.endswith(c)), n) for n in names}
    return names


def template():
    with open(POT, "rb") as fh:
        return read_po(fh)


# --- the catalogs ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_site_word_is_translated_and_nothing_is_fuzzy(lang):
    ids = {(m.context, m.id) for m in template() if m.id}
    assert len(ids) > 150  # pages, history, redlines, PDFs, Word files, notices, bundles, language names
    assert all(context for context, _id in ids), "every site word has its key as context"
    cat = catalog(lang)
    assert not cat.fuzzy and cat.num_plurals == PLURAL_FORMS[lang]
    translated = {(m.context, m.id): m for m in cat if m.id}
    assert set(translated) == ids, "site.po differs from site.pot: run make messages"
    for key, msg in translated.items():
        assert "fuzzy" not in msg.flags, key
        forms = msg.string if isinstance(msg.id, tuple) else (msg.string,)
        assert len(forms) == (PLURAL_FORMS[lang] if isinstance(msg.id, tuple) else 1), key
        assert all(form.strip() for form in forms), f"untranslated: {key}"
    assert not list(cat.obsolete), "obsolete entries: run make messages"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_each_site_word_keeps_the_placeholders_of_its_english_id(lang):
    checked = 0
    for msg in catalog(lang):
        if not msg.id:
            continue
        if isinstance(msg.id, tuple):
            singular, plural = msg.id
            assert fields(msg.string[0], lang) == fields(singular), msg.context
            for form in msg.string[1:]:
                assert fields(form, lang) == fields(plural), msg.context
        else:
            assert fields(msg.string, lang) == fields(msg.id), msg.context
        checked += 1
    assert checked > 150


def test_kazakh_site_words_are_kazakh_and_russian_ones_russian():
    kk = " ".join(m.string for m in catalog("kk") if m.id)
    ru = " ".join(m.string for m in catalog("ru") if m.id)
    assert KAZAKH_LETTERS & set(kk) >= set("әғқңөұүі")
    assert not KAZAKH_LETTERS & set(ru)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_committed_site_mo_is_compiled_from_the_committed_po(lang):
    buf = io.BytesIO()
    write_mo(buf, catalog(lang))  # what `pybabel compile` writes
    assert (LOCALE_DIR / lang / "LC_MESSAGES" / "site.mo").read_bytes() == buf.getvalue(), (
        "site.mo is stale: run make messages"
    )


def test_site_template_holds_exactly_the_site_words_of_the_code():
    with open(REPO / "babel-site.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    extracted = {
        (context, msgid)
        for _file, _line, msgid, _comments, context in extract_from_dir(
            str(PACKAGE), method_map, options_map, keywords=KEYWORDS
        )
    }
    assert extracted == {(m.context, m.id) for m in template() if m.id}, (
        "site.pot differs from the code: run make messages"
    )
    contexts = [context for context, _id in extracted]
    assert len(contexts) == len(set(contexts)), "one key, one English text"


def _word_table(node: ast.Dict) -> bool:
    """A dict keyed by our languages whose values are reader words (Cyrillic text)."""
    keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
    if not {"ru", "kk"} <= keys:
        return False
    texts = [
        c.value for v in node.values for c in ast.walk(v) if isinstance(c, ast.Constant) and isinstance(c.value, str)
    ]
    return any(any("\u0400" <= ch <= "\u04ff" for ch in text) for text in texts)


def test_no_table_of_reader_words_is_left_in_python():
    """The words live in the catalogs; what stays in Python is grammar (case endings, word order)."""
    tables = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("check/", "importer/", "cli/")):  # the checker's and the CLI's own domains, input readers
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and _word_table(node):
                tables.append(f"{rel}:{node.lineno}")
    assert tables == []


# --- a broken catalog ----------------------------------------------------------------------


def test_a_po_with_a_syntax_error_is_one_line_with_file_and_line_and_exit_2(tmp_path):
    folder = tmp_path / "locale" / "kk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    lines = (LOCALE_DIR / "kk" / "LC_MESSAGES" / "site.po").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 10) + 1
    lines.insert(at, "this is not a catalog line")
    broken = folder / "site.po"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CHECK_CATALOGS), str(tmp_path / "locale")], capture_output=True, text=True
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{broken}:{at + 1}: "), result.stderr
    assert "this is not a catalog line" in result.stderr


def test_the_committed_catalogs_parse():
    result = subprocess.run([sys.executable, str(CHECK_CATALOGS), str(LOCALE_DIR)], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.fixture
def locale_copy(tmp_path, monkeypatch):
    """A copy of the catalogs that the library reads instead of the committed ones."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.pot"))
    monkeypatch.setattr(catalogs, "LOCALE_DIR", locale)
    catalogs._load.cache_clear()
    yield locale
    catalogs._load.cache_clear()


def test_a_damaged_mo_is_one_policy_error_naming_the_file(locale_copy):
    from policydocs.publication.words import t

    damaged = locale_copy / "kk" / "LC_MESSAGES" / "site.mo"
    damaged.write_bytes(b"not a catalog")
    with pytest.raises(PolicyError) as caught:
        t("pdf", "kk")
    assert caught.value.path == str(damaged) and "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{damaged}: ")
    assert t("pdf", "en") == "Download PDF"  # English needs no catalog


def test_a_damaged_mo_stops_the_build_in_one_line_without_a_traceback(tmp_path):
    from tests.browser.sitebuild import MKDOCS, make_project

    tools = tmp_path / "tools"
    shutil.copytree(PACKAGE, tools / "policydocs", ignore=shutil.ignore_patterns("__pycache__"))
    damaged = tools / "policydocs" / "i18n" / "locale" / "kk" / "LC_MESSAGES" / "site.mo"
    damaged.write_bytes(damaged.read_bytes()[:20])
    project = make_project(tmp_path / "project")
    env = {
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1764460800",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(tools),
        "POLICYDOCS_LANG": "en",
    }
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{damaged}: damaged message catalog" in result.stderr
    assert [line for line in result.stderr.splitlines() if str(damaged) in line] != []


# --- the words really come from the catalog ------------------------------------------------


def _change_kazakh(locale: Path, changes: dict[str, str]) -> None:
    cat = catalog("kk", locale)
    for msg in cat:
        if msg.context in changes:
            msg.string = changes.pop(msg.context)
    assert not changes, f"no such keys: {changes}"
    path = locale / "kk" / "LC_MESSAGES"
    with open(path / "site.po", "wb") as fh:
        write_po(fh, cat, width=0)
    with open(path / "site.mo", "wb") as fh:
        write_mo(fh, cat)
    catalogs._load.cache_clear()


def test_a_kazakh_word_changed_in_the_catalog_is_what_the_site_prints(locale_copy):
    from policydocs.docx.package import page_of_parts
    from policydocs.pdf.labels import page_of
    from policydocs.publication import words as history
    from policydocs.publication.words import language_name, t

    moment = dt.datetime(2026, 11, 23, 6, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    # before: the committed words, the date in the ablative that "бастап" governs
    assert t("pdf", "kk") == "PDF жүктеп алу"
    assert history.phrase("in_force_since", "kk", moment).startswith("2026\u202fж. 23 қарашадан (06:00, Алматы уақыты")
    assert history.phrase("in_force_since", "kk", moment).endswith(" бастап күшінде")
    _change_kazakh(
        locale_copy,
        {
            "pdf": "PDF файлын жүктеу",
            "history.in_force_since": "{moment} бері қолданыста",
            "page_of": "{page}/{pages} бет",
            "language.kk": "Қазақ тілі",
        },
    )
    assert t("pdf", "kk") == "PDF файлын жүктеу"
    sentence = history.phrase("in_force_since", "kk", moment)
    assert sentence.startswith("2026\u202fж. 23 қарашадан (06:00, Алматы уақыты") and sentence.endswith(
        " бері қолданыста"
    )
    assert page_of("kk") == 'counter(page) "/" counter(pages) " бет"'
    assert page_of_parts("kk") == ["PAGE", "/", "NUMPAGES", " бет"]
    assert language_name("kk") == "Қазақ тілі"
    assert t("pdf", "ru") == "Скачать PDF" and t("pdf", "en") == "Download PDF"


def test_site_catalogs_have_the_plural_forms_of_each_language():
    """ru three forms, kk two: a count-dependent word (``N_np``, npgettext) gets them all."""
    for lang, forms in PLURAL_FORMS.items():
        assert catalog(lang).num_plurals == forms
    marker = catalogs.N_np("x", "{n} day", "{n} days")
    assert catalogs.npgettext(*marker, 5, "en") == "{n} days" and catalogs.npgettext(*marker, 1, "kk") == "{n} day"


def test_environment_does_not_change_the_reader_language(monkeypatch):
    """The page's language decides its words, not the tool's message language."""
    from policydocs.publication.words import t

    monkeypatch.setitem(os.environ, "POLICYDOCS_LANG", "kk")
    assert t("pdf", "ru") == "Скачать PDF"
