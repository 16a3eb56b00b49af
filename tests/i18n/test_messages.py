"""Messages of the CLI and of input errors in Russian, Kazakh and English, from Babel-managed gettext catalogs.

The catalogs are checked as Babel reads them (complete, nothing fuzzy, the placeholders of every
translation those of its English id, the .mo compiled from the .po, the .pot extracted from the
code), and the tool is run as a lawyer runs it, on real bad input, in each language.
"""

from __future__ import annotations

import ast
import io
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from policydocs.cli import main
from policydocs.errors import PolicyError
from policydocs.i18n import LOCALE_DIR, default_language, set_language

from ..translation_helpers import seed_project

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tools" / "policydocs"
POT = LOCALE_DIR / "policydocs.pot"
POLICYDOCS = Path(sys.executable).with_name("policydocs")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}  # as `make messages` passes them (-k _ -k N_ -k ngettext:1,2)
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
PLURAL_FORMS = {"ru": 3, "kk": 2}


def catalog(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "policydocs.po", "rb") as fh:
        return read_po(fh, locale=lang, domain="policydocs")


def fields(text: str) -> list[str]:
    """The placeholders of a str.format text, with their conversion ('{value!r}' -> 'value!r')."""
    return sorted(
        f"{name}!{conv}" if conv else name
        for _lit, name, _spec, conv in string.Formatter().parse(text)
        if name is not None
    )


# --- the catalogs ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_of_the_template_is_translated_and_nothing_is_fuzzy(lang):
    with open(POT, "rb") as fh:
        template = read_po(fh)
    ids = {m.id for m in template if m.id}
    assert len(ids) > 300  # the CLI, click's words and every input error
    cat = catalog(lang)
    assert not cat.fuzzy and cat.num_plurals == PLURAL_FORMS[lang]
    translated = {m.id: m for m in cat if m.id}
    assert set(translated) == ids
    for msgid, msg in translated.items():
        assert "fuzzy" not in msg.flags, msgid
        forms = msg.string if isinstance(msgid, tuple) else (msg.string,)
        assert len(forms) == (PLURAL_FORMS[lang] if isinstance(msgid, tuple) else 1), msgid
        assert all(form.strip() for form in forms), msgid
        assert not [m for m in cat.obsolete], "obsolete entries: run make messages"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_each_translation_keeps_the_placeholders_of_its_english_id(lang):
    checked = 0
    for msg in catalog(lang):
        if not msg.id:
            continue
        if isinstance(msg.id, tuple):
            singular, plural = msg.id
            assert fields(msg.string[0]) == fields(singular), msg.id
            for form in msg.string[1:]:
                assert fields(form) == fields(plural), msg.id
        else:
            assert fields(msg.string) == fields(msg.id), msg.id
        checked += 1
    assert checked > 300


def test_kazakh_catalog_is_kazakh_and_russian_catalog_is_russian():
    kk = " ".join(m.string for m in catalog("kk") if m.id and isinstance(m.string, str))
    ru = " ".join(m.string for m in catalog("ru") if m.id and isinstance(m.string, str))
    assert KAZAKH_LETTERS & set(kk) >= set("әғқңөұүі")
    assert not KAZAKH_LETTERS & set(ru)  # Russian wording, not Kazakh pasted into the wrong catalog


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_committed_mo_is_compiled_from_the_committed_po(lang):
    buf = io.BytesIO()
    write_mo(buf, catalog(lang))  # what `pybabel compile` writes
    assert (LOCALE_DIR / lang / "LC_MESSAGES" / "policydocs.mo").read_bytes() == buf.getvalue(), (
        "policydocs.mo is stale: run make messages"
    )


def test_template_holds_exactly_the_messages_of_the_code():
    with open(REPO / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    extracted = {
        msgid
        for _file, _line, msgid, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map, options_map, keywords=KEYWORDS
        )
    }
    with open(POT, "rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    assert extracted == template, "policydocs.pot differs from the code: run make messages"
    assert not any("check/" in loc for m in read_po(POT.open("rb")) for loc, _ in m.locations)  # checker's domain


def test_every_input_error_and_help_text_goes_through_the_catalog():
    """No PolicyError worded in a bare literal or f-string (the checker's too); no option help outside N_()."""
    bare = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "PolicyError" and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                bare.append(f"{path.relative_to(REPO)}:{node.lineno}")
            for kw in node.keywords:
                if kw.arg == "help" and isinstance(kw.value, (ast.Constant, ast.JoinedStr)):
                    bare.append(f"{path.relative_to(REPO)}:{node.lineno} help=")
    assert bare == []


# --- the language chosen ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "ru_KZ.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "kk:ru", "LANG": "en_US.UTF-8"}, "kk"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}, "ru"),
        ({"POLICYDOCS_LANG": "kk", "LANG": "ru_KZ.UTF-8"}, "kk"),
    ],
)
def test_default_language_from_the_environment(env, lang):
    assert default_language(env) == lang


def test_an_error_raised_deep_in_the_library_is_worded_in_the_current_language(tmp_path):
    from policydocs.document import parse_file

    path = tmp_path / "privacy.md"
    path.write_text("", encoding="utf-8")
    for lang, words in (("kk", "файл бос"), ("ru", "файл пуст"), ("en", "file is empty")):
        set_language(lang)
        with pytest.raises(PolicyError) as err:
            parse_file(path)
        assert str(err.value) == f"{path}: {words}"


# --- the command line, run as a lawyer runs it ------------------------------------------


def cli(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``policydocs ARGS`` in a clean environment: only PATH and the given locale variables."""
    return subprocess.run(
        [str(POLICYDOCS), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": os.environ["PATH"], **env},
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def broken_front_matter(tmp_path) -> Path:
    """The Я!Сам policy whose Kazakh file names its language 'kz' (line 4 of its header)."""
    root = seed_project(tmp_path, versions=False)
    path = root / "docs/kk/yasam/privacy.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[3] == "lang: kk\n"
    lines[3] = "lang: kz\n"
    path.write_text("".join(lines), encoding="utf-8")
    return root


def test_broken_front_matter_in_kazakh_russian_and_english(broken_front_matter):
    where = "docs/kk/yasam/privacy.md:4:"
    kk = one_line(cli(broken_front_matter, "--lang", "kk", "check"))
    assert (
        kk
        == f"қате: {where} бас бөліктегі 'lang' өрісі: белгісіз тілді көрсетеді: 'kz'; мыналардың бірін жазыңыз: ru, kk, en"
    )
    ru = one_line(cli(broken_front_matter, "check", "--lang", "ru"))
    assert (
        ru == f"ошибка: {where} поле заголовка 'lang' называет неизвестный язык 'kz'; используйте один из: ru, kk, en"
    )
    en = one_line(cli(broken_front_matter, "check", LANG="C"))
    assert en == f"error: {where} front matter field 'lang' names an unknown language 'kz'; use one of: ru, kk, en"


def test_language_from_the_locale_and_from_policydocs_lang(broken_front_matter):
    assert one_line(cli(broken_front_matter, "check", LANG="ru_KZ.UTF-8")).startswith("ошибка: ")
    assert one_line(cli(broken_front_matter, "check", LANG="kk_KZ.UTF-8")).startswith("қате: ")
    assert one_line(cli(broken_front_matter, "check", LANG="C")).startswith("error: ")
    assert one_line(cli(broken_front_matter, "check", POLICYDOCS_LANG="kk", LANG="ru_KZ.UTF-8")).startswith("қате: ")
    # the option wins over the environment
    assert one_line(cli(broken_front_matter, "--lang", "en", "check", POLICYDOCS_LANG="kk")).startswith("error: ")


def test_unknown_document_in_kazakh(tmp_path):
    root = seed_project(tmp_path, versions=False)
    line = one_line(cli(root, "--lang", "kk", "xliff", "export", "yasam/terms", "--lang", "kk"))
    assert line == "қате: docs қалтасында 'yasam/terms' құжаты жоқ (барлары: yasam/privacy)"
    line = one_line(cli(root, "--lang", "ru", "confirm", "yasam/terms", "--lang", "kk", "--by", "Айгерим"))
    assert line == "ошибка: docs: в этой папке нет документа с id 'yasam/terms'"


def test_bad_xliff_in_kazakh_names_file_and_line(tmp_path):
    root = seed_project(tmp_path, versions=False)
    (root / "bad.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="yasam/privacy" source-language="ru" target-language="kk" datatype="plaintext">\n'
        '<body><trans-unit id="cl-1-1"><source>Оператор</source><target>Оператор\n</body></file></xliff>\n',
        encoding="utf-8",
    )
    line = one_line(cli(root, "--lang", "kk", "xliff", "import", "bad.xlf"))
    assert line.startswith("қате: bad.xlf:5: XLIFF файлы — дұрыс емес XML (")
    entity = root / "bomb.xlf"
    entity.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<xliff version="1.2"/>\n', encoding="utf-8"
    )
    line = one_line(cli(root, "--lang", "kk", "xliff", "import", "bomb.xlf"))
    assert line.startswith("қате: bomb.xlf:2: XLIFF файлында DOCTYPE не entity жарияланған")


def test_import_refusals_and_summary_in_russian_and_kazakh(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert (
        one_line(cli(tmp_path, "--lang", "kk", "import", "empty.txt", "--doc", "demo/privacy"))
        == "қате: empty.txt: файл бос"
    )
    (tmp_path / "policy.txt").write_text(
        "Политика конфиденциальности\n1. Общие положения\n1.1. Оператор обрабатывает данные в течение "
        "10 (десяти) рабочих дней.\n1.2. Стоимость услуги составляет 500 000 (пятьсот тысяч) тенге.\n",
        encoding="utf-8",
    )
    done = cli(tmp_path, "--lang", "ru", "import", "policy.txt", "--doc", "demo/privacy", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "был бы записан docs/ru/demo/privacy.md (ru, оригинал, строки источника 1-4, 2 пункта)" in done.stdout
    assert done.stdout.strip().endswith("policy.txt: 2 пункта, 0 догадок, 0 фрагментов служебного текста пропущено")


def test_click_usage_errors_in_russian_and_kazakh(tmp_path):
    ru = cli(tmp_path, "--lang", "ru", "confirm")
    assert ru.returncode == 2
    assert "Использование: policydocs confirm [OPTIONS] DOCUMENT" in ru.stderr
    assert "Ошибка: Не указан аргумент 'DOCUMENT'." in ru.stderr
    kk = cli(tmp_path, "--lang", "kk", "status", "--bogus")
    assert kk.returncode == 2
    assert "Қолданылуы: policydocs status [OPTIONS]" in kk.stderr
    assert "Қате: Мұндай параметр жоқ: '--bogus'." in kk.stderr
    choice = cli(tmp_path, "--lang", "kk", "export", "x/y", "--lang", "de", "-o", "x.docx")
    assert (
        "Жарамсыз мән ('--lang'):" in choice.stderr
        and "'de' мына мәндердің бірі емес: 'ru', 'kk', 'en'." in choice.stderr
    )
    assert cli(tmp_path, "--lang", "kk", "--version").stdout.startswith("policydocs, нұсқасы ")
    assert cli(tmp_path, "--help", "--lang=ru").stdout.startswith("Использование: policydocs [OPTIONS]")
    bad_env = cli(tmp_path, "status", POLICYDOCS_LANG="de")
    assert bad_env.returncode == 2 and "'de' is not one of 'ru', 'kk', 'en'" in bad_env.stderr


def test_help_in_kazakh_lists_commands_without_importing_them(tmp_path):
    probe = (
        "import sys; from policydocs.cli import main\n"
        "try:\n    main(['--lang', 'kk', '--help'], prog_name='policydocs')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('policydocs.cli.')), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": os.environ["PATH"]},
        timeout=60,
    )
    assert "Қолданылуы: policydocs [OPTIONS] COMMAND [ARGS]..." in done.stdout
    assert "  check        Әр саясаттың барлық тілдегі мәтіні бірдей екенін тексеру." in done.stdout
    assert "Осы анықтаманы көрсету және шығу." in done.stdout
    assert done.stderr.strip() == "['policydocs.cli.clickwords', 'policydocs.cli.main', 'policydocs.cli.translated']"


def test_help_follows_the_language_of_each_run_in_one_process():
    """The command modules are imported once; their help is worded when shown, not when imported."""
    runner = CliRunner()
    en = runner.invoke(main, ["--lang", "en", "publish", "--help"])
    kk = runner.invoke(main, ["--lang", "kk", "publish", "--help"])
    ru = runner.invoke(main, ["--lang", "ru", "publish", "--help"])
    assert "Freeze the current texts of DOC_ID as its next version." in en.output
    assert "DOC_ID құжатының қазіргі мәтіндерін келесі нұсқа ретінде бекіту." in kk.output
    assert "Жариялау күні." in kk.output and "Осы анықтаманы көрсету және шығу." in kk.output
    assert "Дата публикации." in ru.output and "Показать эту справку и выйти." in ru.output
    again = runner.invoke(main, ["--lang", "en", "publish", "--help"])
    assert again.output == en.output


def test_check_lang_sets_the_language_of_the_run(broken_front_matter):
    line = one_line(cli(broken_front_matter, "check", "--lang", "kk", POLICYDOCS_LANG="en"))
    assert line.startswith("қате: docs/kk/yasam/privacy.md:4: бас бөліктегі 'lang' өрісі: ")


def test_mkdocs_build_error_in_the_plugin_messages_language(tmp_path):
    from tests.browser.sitebuild import build, make_project

    project = make_project(tmp_path, messages_lang="kk")
    path = project / "docs/kk/demo/privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("operator: «Демо» ЖШС\n", ""), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{path}:1: файлдың бас бөлігінде міндетті 'operator' өрісі жоқ" in result.stderr
    assert "policydocs: жинақ сәтсіз аяқталды;" in result.stderr


def test_interrupted_and_internal_error_lines_in_kazakh(monkeypatch, capsys):
    from policydocs import cli as cli_mod
    from policydocs.cli import clock

    monkeypatch.delenv("POLICYDOCS_DEBUG", raising=False)

    def interrupted(**_options):
        raise KeyboardInterrupt

    monkeypatch.setattr(clock.command, "callback", interrupted)
    monkeypatch.setattr(sys, "argv", ["policydocs", "--lang", "kk", "next-change"])
    with pytest.raises(SystemExit) as stop:
        cli_mod.run()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "тоқтатылды; ештеңе жазылған жоқ\n"

    def bug(**_options):
        raise RuntimeError("boom")

    monkeypatch.setattr(clock.command, "callback", bug)
    monkeypatch.setattr(sys, "argv", ["policydocs", "--lang", "ru", "next-change"])
    with pytest.raises(SystemExit) as stop:
        cli_mod.run()
    assert stop.value.code == 3
    assert capsys.readouterr().err == "внутренняя ошибка: RuntimeError: boom (подробности: POLICYDOCS_DEBUG=1)\n"
