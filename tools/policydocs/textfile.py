"""Reading text files the way legal teams produce them.

Markdown sources in ``docs/`` must be UTF-8 (a BOM is tolerated and kept). Raw texts for
the importer may also be Windows-1251, the encoding of many Russian and Kazakh Word
exports. Binary files, huge files and undecodable bytes are refused with the line of the
first bad byte, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import PolicyError
from .fsutil import regular_file
from .i18n import _
from .languages import count_letters

MAX_BYTES = 5 * 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodedText:
    text: str  # without BOM, line endings as in the file
    encoding: str  # "utf-8", "utf-16" or "cp1251"
    bom: bool


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    regular_file(path)  # a link could read any file of the machine; a FIFO or /dev/zero would hang
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PolicyError(
                _("file is too large ({size} MB); a policy is at most {most} MB of text").format(
                    size=size // (1024 * 1024), most=max_bytes // (1024 * 1024)
                ),
                path,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise PolicyError(_("file not found"), path) from None
    except IsADirectoryError:
        raise PolicyError(_("is a folder, not a text file"), path) from None
    except PermissionError:
        raise PolicyError(_("cannot read the file (permission denied)"), path) from None


def decode(data: bytes, path: Path | str, allow_cp1251: bool = False) -> DecodedText:
    """Decode ``data`` or raise a PolicyError that names the line of the first bad byte."""
    if not data.strip():
        raise PolicyError(_("file is empty"), path)
    if allow_cp1251 and data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise PolicyError(_("text starts as UTF-16 but is damaged; save it again as UTF-8"), path) from None
        if not text.strip():
            raise PolicyError(_("file is empty"), path)
        return DecodedText(text.lstrip("\ufeff"), "utf-16", True)
    nul = data.find(b"\x00")
    if nul != -1:
        raise PolicyError(_("this is a binary file, not text (it contains NUL bytes)"), path, _line_of(data, nul))
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    try:
        return DecodedText(body.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError as exc:
        bad = exc.start + (len(UTF8_BOM) if bom else 0)
        if allow_cp1251 and not bom:
            guessed = _try_cp1251(body)
            if guessed is not None:
                return DecodedText(guessed, "cp1251", False)
        message = (
            _("text is not valid UTF-8 (neither UTF-8 nor Windows-1251)")
            if allow_cp1251
            else _("text is not valid UTF-8; save it as UTF-8")
        )
        raise PolicyError(message, path, _line_of(data, bad)) from None


def _try_cp1251(body: bytes) -> str | None:
    """Accept Windows-1251 only when the result reads like Cyrillic text, not noise."""
    try:
        text = body.decode("cp1251")
    except UnicodeDecodeError:
        return None
    counts = count_letters(text)
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if counts.cyrillic == 0 or counts.cyrillic < 0.8 * non_ascii:
        return None
    return text


def read_text(path: Path, allow_cp1251: bool = False, max_bytes: int = MAX_BYTES) -> DecodedText:
    return decode(read_bytes(path, max_bytes), path, allow_cp1251)
