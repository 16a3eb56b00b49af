"""Old Word (.doc), RTF and OpenDocument text (.odt): LibreOffice turns them into .docx, the Word reader reads it.

Lawyers still receive these every week. LibreOffice (``soffice --headless --convert-to docx``)
keeps automatic list numbering as Word numbering, so the clause numbers a reader saw survive
into the Word reader (``formats/docx.py``) unchanged; nothing here reads the old formats
itself. Each conversion runs in a temporary folder with a LibreOffice profile of its own (two
imports at once do not block each other), under a time limit, and leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ...errors import PolicyError
from ...i18n import _
from ..model import Extracted, Note

TIMEOUT_SECONDS = 120  # a 100-page contract converts in a few seconds; a hung LibreOffice is stopped
SUFFIXES = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}
PACKAGE = "libreoffice-writer-nogui"  # Debian; any LibreOffice with its Writer will do


def soffice() -> str:
    """LibreOffice's command, or one line saying what to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise PolicyError(
            _(
                "reading .doc, .rtf and .odt files needs LibreOffice: install it (Debian package "
                "{package}) or save the file as .docx in Word and import that"
            ).format(package=PACKAGE)
        )
    return found


def to_docx(data: bytes, path: Path | str, kind: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes of the .docx LibreOffice makes of ``data`` (a .doc, .rtf or .odt)."""
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="policydocs-office-") as tmp:
        work = Path(tmp)
        source = work / f"source{SUFFIXES[kind]}"
        source.write_bytes(data)
        out = work / "out"
        args = [
            command,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        # its own process group: LibreOffice starts a child that a plain kill would leave running
        process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=_environment(work),
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise PolicyError(
                _(
                    "LibreOffice did not finish converting the file in {seconds} seconds; open it in "
                    "LibreOffice or Word, save it as .docx and import that"
                ).format(seconds=int(timeout)),
                path,
            ) from None
        result = out / "source.docx"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise PolicyError(
                _(
                    "LibreOffice could not convert the file: it is damaged or protected by a password; "
                    "open it, remove the password if there is one, save it as .docx and import that"
                ),
                path,
            )
        return result.read_bytes()


def extract(data: bytes, path: Path | str, kind: str, options) -> Extracted:
    """Convert, then read as Word; the reader's places (paragraph N) are those of the converted file."""
    from . import docx as word  # the Word reader does the reading

    extracted = word.extract(to_docx(data, path, kind), path, options)
    extracted.notes.insert(
        0,
        Note(
            _("paragraph {number}").format(number=1),
            "converted",
            _("converted from {suffix} to .docx by LibreOffice, then read as a Word file").format(
                suffix=SUFFIXES[kind]
            ),
        ),
    )
    return extracted


def _environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["HOME"] = str(work)  # LibreOffice writes caches beside its profile, never into the user's home
    return env


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
