"""Which kind of file the user gave ``policydocs import``, decided from its bytes, and the reader for it.

Each format is one module with ``extract(data, path, options) -> Extracted``; this module
only reads the file safely and picks the module. The extension is a hint for the message,
never the decision: a Word file renamed .txt is still read as Word, and a text file
renamed .pdf is refused with a sentence saying so.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ...errors import PolicyError
from ...fsutil import regular_file
from ...i18n import N_, _
from ..model import Extracted

MAX_FILE_BYTES = 20 * 1024 * 1024  # a Word file or PDF of a policy, with a logo or two
MAX_TEXT_BYTES = 5 * 1024 * 1024  # plain text or HTML

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|main|article|div|p|h1|section)\b",
    re.S | re.I,
)
EXPECTED = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"  # the first, uncompressed entry of an .odt
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# what each kind is called in messages (translated where shown: ``_(NAMES[kind])``)
NAMES = {
    "docx": N_("a Word file"),
    "pdf": N_("a PDF"),
    "html": N_("a web page"),
    "text": N_("text"),
    "image": N_("a scanned image"),
    "doc": N_("an old Word file (.doc)"),
    "rtf": N_("an RTF file"),
    "odt": N_("an OpenDocument text (.odt)"),
}
OFFICE = ("doc", "rtf", "odt")  # converted to .docx by LibreOffice (formats/office.py)


@dataclass(frozen=True)
class Options:
    accept_changes: bool = False
    lang: str | None = None  # the text's language when the user gave it (a scan is recognised in it)
    progress: object = None  # called with one line per scanned page recognised (a long OCR run shows it moves)


def read_source(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; only a regular file, only up to ``max_bytes`` (no hang on a FIFO or /dev/zero)."""
    regular_file(path)  # no link, FIFO, device or folder (a FIFO or /dev/zero would hang the read)
    info = os.stat(path)
    if info.st_size > max_bytes:
        raise PolicyError(
            _("file is too large ({size} MB); a policy file is at most {most} MB").format(
                size=info.st_size // (1024 * 1024), most=max_bytes // (1024 * 1024)
            ),
            path,
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise PolicyError(_("cannot read the file (permission denied)"), path) from None
    except OSError as exc:
        raise PolicyError(_("cannot read the file ({reason})").format(reason=exc.strerror), path) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since lstat
            raise PolicyError(_("is not a regular file; give a saved file"), path)
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PolicyError(
            _("file is too large; a policy file is at most {most} MB").format(most=max_bytes // (1024 * 1024)), path
        )
    return data


def detect(data: bytes, path: Path | str) -> str:
    """docx, doc, rtf, odt, pdf, image, html or text, from the content; refuses what cannot be imported."""
    suffix = Path(path).suffix.lower()
    head = data[:2048]
    if (
        head.startswith(b"PK\x03\x04")
        and head[30:38] == b"mimetype"
        and head[38 : 38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE
    ):
        return "odt"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"  # the docx reader refuses other zip files and macro-enabled documents
    if head.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data[: 1024 * 1024] or b"EncryptedPackage" in data:
            raise PolicyError(
                _(
                    "the Word file is password-protected; open it in Word, remove the password (File > "
                    "Info > Protect Document) and save it again"
                ),
                path,
            )
        if _encrypted_word97(data):
            raise PolicyError(
                _(
                    "the old Word file (.doc) is password-protected; open it in Word or LibreOffice, remove the "
                    "password and save it again (as .docx if you can)"
                ),
                path,
            )
        return "doc"  # Word 97-2003: LibreOffice converts it
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(IMAGE_MAGIC):
        return "image"  # a scan: recognised by OCR
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    text_head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    kind = "html" if HTML_START.match(text_head) else "text"
    expected = EXPECTED.get(suffix)
    if expected in ("docx", "pdf", "image", *OFFICE):
        raise PolicyError(
            _(
                "the file is named {suffix} but is not {expected} (it holds {found}); it may be damaged: "
                "save or download it again"
            ).format(suffix=suffix, expected=_(NAMES[expected]), found=_(NAMES[kind])),
            path,
        )
    return kind


def _encrypted_word97(data: bytes) -> bool:
    """A Word 97-2003 file whose FIB says fEncrypted ([MS-DOC] 2.5.2: bit 8 of the flags at offset 10).

    LibreOffice refuses such a file without saying why; the user needs to hear "password",
    not "damaged". olefile reads the compound file; a container it cannot read is left to
    LibreOffice, whose refusal is reported as it is.
    """
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("WordDocument"):
                return False
            with ole.openstream("WordDocument") as stream:
                fib = stream.read(12)
    except (OSError, ValueError, IndexError, TypeError):  # olefile's errors on a damaged container
        return False
    return len(fib) == 12 and fib[:2] == b"\xec\xa5" and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def extract(data: bytes, path: Path | str, kind: str, options: Options = Options()) -> Extracted:
    if kind in ("text", "html") and len(data) > MAX_TEXT_BYTES:
        raise PolicyError(
            _("file is too large ({size} MB); a policy is at most {most} MB of text").format(
                size=len(data) // (1024 * 1024), most=MAX_TEXT_BYTES // (1024 * 1024)
            ),
            path,
        )
    if kind == "docx":
        from . import docx as reader
    elif kind == "pdf":
        from . import pdf as reader
    elif kind in OFFICE:
        from . import office

        return office.extract(data, path, kind, options)
    elif kind == "image":
        from .ocr import extract_image

        return extract_image(data, path, options)
    elif kind == "html":
        from . import html as reader
    else:
        from . import text as reader
    return reader.extract(data, path, options)
