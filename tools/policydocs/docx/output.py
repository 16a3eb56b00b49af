"""Writing an exported file where the user asked, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..errors import PolicyError
from ..fsutil import atomic_write_bytes
from ..i18n import _


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; bad places are one-line errors.

    Unlike the site's own files, an output the user names must go into a folder that exists:
    a mistyped folder is a mistake to report, not one to create.
    """
    path = Path(path)
    if path.is_dir():
        raise PolicyError(_("is a folder; give a file name such as privacy.docx"), path)
    if not path.parent.is_dir():
        raise PolicyError(_("the folder {parent} does not exist; create it first").format(parent=path.parent), path)
    atomic_write_bytes(path, data)  # a read-only folder or a full disk: PolicyError, no temporary left
