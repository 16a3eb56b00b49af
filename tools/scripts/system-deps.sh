#!/usr/bin/env bash
# What the tests need from the operating system: Debian's Chromium (browser tests),
# poppler (PDF pages as images), faketime (the suite at other dates) and hunspell-kk (the checker reads Kazakh verbs). Installs them where it can (root with apt-get); otherwise
# stops at once with one line saying what to install. Used by `make test` and `.ci/run`.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium chromium-driver"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v npm >/dev/null 2>&1 || need="$need nodejs npm"  # axe-core for the accessibility tests
# OCR of scans (policydocs import of a scanned PDF or image) with Russian, Kazakh and English data
command -v tesseract >/dev/null 2>&1 || need="$need tesseract-ocr"
for code in rus kaz eng; do
  tesseract --list-langs 2>/dev/null | grep -qx "$code" || need="$need tesseract-ocr-$code"
done
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"  # import of .doc, .rtf, .odt
command -v faketime >/dev/null 2>&1 || need="$need faketime"  # make test-clock: the suite a year ahead and back
[ -f /usr/share/hunspell/kk_KZ.dic ] || need="$need hunspell-kk"  # the checker's Kazakh analyser (check/morph.py)
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing from Debian:$need" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  exit 0
fi
echo "the tests need Debian packages that are not installed: run 'sudo apt-get install$need' and try again" >&2
exit 2
