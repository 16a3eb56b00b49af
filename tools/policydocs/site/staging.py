"""A site is built beside ``site/`` and swapped into place only when it is complete.

Readers and auditors must never be served half a site: pages without their PDFs, or no
API. ``mkdocs build`` therefore writes into a hidden sibling folder; when every page, PDF,
feed and index is written, the two folders are exchanged in one step (Linux
``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, a moment apart) and the old site
is removed. A failed or interrupted build leaves the previous site exactly as it was; the
next build removes the hidden folder it left.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import PolicyError
from ..i18n import _

PREFIX = ".site-building-"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def stage(site_dir: Path) -> Path:
    """A new empty folder beside ``site_dir`` to build into; leftovers of interrupted builds are removed."""
    site_dir = Path(os.path.abspath(site_dir))
    parent = site_dir.parent
    prefix = f"{PREFIX}{site_dir.name}-"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f"{prefix}*"):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    except OSError as exc:
        raise PolicyError(
            _("cannot create the folder to build the site in ({reason})").format(reason=exc.strerror), parent
        ) from None


def swap_in(staged: Path, site_dir: Path) -> None:
    """Put the complete site ``staged`` at ``site_dir`` and remove the previous one."""
    site_dir = Path(os.path.abspath(site_dir))
    os.chmod(staged, 0o755)  # mkdtemp made it private; a site is public
    try:
        if site_dir.is_symlink() or site_dir.is_file():
            raise PolicyError(_("is not a folder; remove it or set site_dir to a folder"), site_dir)
        if not site_dir.exists():
            os.rename(staged, site_dir)
            return
        if not _exchange(staged, site_dir):
            old = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{site_dir.name}-old-", dir=site_dir.parent))
            os.rename(site_dir, old / site_dir.name)
            os.rename(staged, site_dir)
            staged = old
    except OSError as exc:
        raise PolicyError(
            _("cannot put the new site in place ({reason}); the previous site is unchanged").format(
                reason=exc.strerror
            ),
            site_dir,
        ) from None
    shutil.rmtree(staged, ignore_errors=True)  # now the previous site


def discard(staged: Path | None) -> None:
    if staged is not None:
        shutil.rmtree(staged, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically where the kernel can (Linux 3.15+); False where it cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno))
