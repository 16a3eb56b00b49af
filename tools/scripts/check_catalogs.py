"""Every message catalog (.po) under a folder parses: else one line ``file:line: problem``, exit 2.

Babel's own reader only warns about a line it cannot read and goes on, so a translator's typo
would silently drop a word; `make messages` runs this before it updates and compiles.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po


def problem(path: Path) -> str | None:
    """``file:line: message`` for a catalog that does not parse, else None."""
    try:
        with open(path, "rb") as fh:
            read_po(fh, abort_invalid=True)
    except PoFileError as exc:
        return f"{path}:{exc.lineno + 1}: {str(exc).rsplit(' on ', 1)[0]}: {exc.line.strip()!r}"
    except (UnicodeError, ValueError, OSError) as exc:
        return f"{path}: {exc}"
    return None


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [Path(__file__).resolve().parents[1] / "policydocs" / "i18n" / "locale"]
    for folder in folders:
        for path in sorted(folder.rglob("*.po")) if folder.is_dir() else [folder]:
            found = problem(path)
            if found:
                print(found, file=sys.stderr)
                return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
