"""The files a site is built from: real files inside docs/, nothing else.

MkDocs copies every file under docs/ into the site and follows symbolic links while doing
so; one link (``docs/ru/yasam/logo.png -> /etc/passwd``) would publish a file of the build
machine, and a FIFO would hang the build. So the build refuses both, naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..fsutil import regular_file


def check_files(docs_dir: Path | str, paths: list[str]) -> None:
    """Raise PolicyError for the first path under ``docs_dir`` that is a link, in a linked folder, or not a file."""
    top = os.path.abspath(docs_dir)
    for path in paths:
        if os.path.abspath(path).startswith(top + os.sep):
            regular_file(path, root=top)
