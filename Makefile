# Two commands that work on a fresh machine:
#   make build   set up .venv and build the site (with its PDFs) into site/
#   make test    set up .venv and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material's end-of-life banner on every build: known and planned for (the library does not
# import MkDocs, see README), so the legal team's console shows only what concerns their texts
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test test-clock platform-check lint setup system-deps serve check clean import-seeds messages

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/policydocs check

# Chromium and poppler for the browser and PDF tests: installed where possible, else one line
system-deps:
	@bash tools/scripts/system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/pytest -q

# No test may depend on the day, the zone or the locale: the whole suite again with the machine's
# clock a year ahead in UTC+14 and a year back in UTC-10, under Debian's faketime (it shifts the
# monotonic clock too: libfaketime 0.9.10 breaks sleep() when it does not). CI runs it after `make test`.
FAKETIME := faketime
test-clock: $(STAMP) system-deps
	TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 $(FAKETIME) -f '+365d' $(BIN)/pytest -q -p no:cacheprovider
	TZ=America/Adak LC_ALL=kk_KZ.UTF-8 $(FAKETIME) -f '-365d' $(BIN)/pytest -q -p no:cacheprovider

# The site from MkDocs 1.6 and from ProperDocs (the maintained MkDocs 1.x line, same plugin API):
# the same files, pages and API, or one line naming the first file that differs (exit 2). CI runs it.
platform-check: $(STAMP)
	$(BIN)/python tools/scripts/platform_check.py --config mkdocs.yml

# Lint, format and types (pyproject.toml: [tool.ruff], [tool.mypy]); the same as .pre-commit-config.yaml. CI runs it.
lint: $(STAMP)
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis

# How docs/ was made from the raw seed texts (kept for the record; re-running needs --force).
SEEDS ?= seeds
import-seeds: $(STAMP)
	$(BIN)/policydocs import $(SEEDS)/000_f20551c424671ce1.txt --doc santrade/privacy --product "Santrade Service" --operator "Santrade Service"
	$(BIN)/policydocs import $(SEEDS)/001_23516f4cfb3285cd.txt --doc smartaqkol/privacy --product SmartAqkol --operator "ТОО «BTS Digital»"
	$(BIN)/policydocs import $(SEEDS)/002_23df05aaf6fdab73.txt --doc platform/privacy --product "Платформа" --operator "Администрация Платформы" --title "Цели и порядок обработки персональных данных"
	$(BIN)/policydocs import $(SEEDS)/003_f641ce9387ae33a6.txt --doc yasam/privacy --product "Я!Сам" --operator "ТОО «Цифровые налоговые технологии»" --notice-days 0
	$(BIN)/policydocs import $(SEEDS)/004_1f6f4653bb44b9ff.txt --doc citygroup/privacy --product "City Group" --operator "ТОО «ДамуЖолы»" --operator kk="«ДамуЖолы» ЖШС"

# Messages in ru, kk and en (tools/policydocs/i18n/catalogs.py): Babel's own tooling extracts the
# English ids from the code, merges them into each language's catalog and compiles the .mo files
# that are committed beside them. Run after changing a message, then translate the new entries.
# Three domains: policydocs (CLI, input errors), checker (findings), site (every word a reader
# sees, keyed by context: N_p("key", "English")). A .po with a syntax error stops it with one
# line naming the file and line (tools/scripts/check_catalogs.py, exit 2).
LOCALES := tools/policydocs/i18n/locale
PYBABEL := $(BIN)/pybabel
messages: $(STAMP)
	mkdir -p $(LOCALES)
	$(PYBABEL) -q extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --sort-by-file --no-wrap --project policydocs --version 0.1.0 --copyright-holder "policydocs authors" -o $(LOCALES)/policydocs.pot tools/policydocs
	$(PYBABEL) -q extract -F babel-checker.cfg -k _ -k N_ -k ngettext:1,2 -k N_plural:1,2 --sort-by-file --no-wrap --project policydocs --version 0.1.0 --copyright-holder "policydocs authors" -o $(LOCALES)/checker.pot tools/policydocs
	$(PYBABEL) -q extract -F babel-site.cfg --no-default-keywords -k N_p:1c,2 -k N_np:1c,2,3 --sort-by-file --no-wrap --project policydocs --version 0.1.0 --copyright-holder "policydocs authors" -o $(LOCALES)/site.pot tools/policydocs
	$(BIN)/python tools/scripts/check_catalogs.py $(LOCALES)
	for d in policydocs checker site; do for l in ru kk; do \
	  if [ -f $(LOCALES)/$$l/LC_MESSAGES/$$d.po ]; then \
	    $(PYBABEL) -q update --no-wrap -D $$d -l $$l -i $(LOCALES)/$$d.pot -d $(LOCALES); \
	  else $(PYBABEL) -q init --no-wrap -D $$d -l $$l -i $(LOCALES)/$$d.pot -d $(LOCALES); fi; \
	done; done
	$(PYBABEL) -q compile --statistics -D policydocs -d $(LOCALES)
	$(PYBABEL) -q compile --statistics -D checker -d $(LOCALES)
	$(PYBABEL) -q compile --statistics -D site -d $(LOCALES)
