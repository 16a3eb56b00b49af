"""Files on disk: written so that an interrupted run leaves the old file or the new one,
read only when they are real files inside the project."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import PolicyError
from .i18n import _


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path | str, chunks: Iterable[bytes]) -> None:
    """``atomic_write_bytes`` for a file made piece by piece, never held whole in memory."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        raise PolicyError(_("is a folder; give the name of a file to write"), path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise PolicyError(_("cannot write here ({reason})").format(reason=exc.strerror or exc), path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; published files are readable
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a read-only or vanished folder: a message, and no temporary left
        Path(tmp).unlink(missing_ok=True)
        raise PolicyError(
            _("cannot write the file ({reason}); nothing was changed").format(reason=exc.strerror or exc), path
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path | str, text: str) -> None:
    # newline="" semantics: the text already carries its own line endings
    atomic_write_bytes(path, text.encode("utf-8"))


def _write_temp(path: Path, data: bytes) -> str:
    """A temporary file beside ``path`` holding ``data`` (flushed to disk, readable like a published file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def atomic_write_many(files: list[tuple[Path | str, bytes]]) -> None:
    """Write several files so that either all are replaced or none is.

    Every file is first written to a temporary beside its target; only when all are
    written are they renamed into place. Should a rename fail, the files already
    replaced get their old content back (kept as hard links until the end).
    """
    items = [(Path(p), data) for p, data in files]
    temps: list[str] = []
    backups: list[tuple[Path, str | None]] = []
    try:
        for path, data in items:
            temps.append(_write_temp(path, data))
        for (path, _), tmp in zip(items, temps):
            backup = None
            if path.exists() and not path.is_dir():
                backup = f"{tmp}.old"
                os.link(path, backup)
            backups.append((path, backup))
            os.replace(tmp, path)
    except BaseException:
        _roll_back(backups, temps)
        raise
    for _, backup in backups:
        if backup:
            Path(backup).unlink(missing_ok=True)


def _roll_back(backups: list[tuple[Path, str | None]], temps: list[str]) -> None:
    for tmp in temps:
        Path(tmp).unlink(missing_ok=True)
    for path, backup in reversed(backups):
        if backup is not None:
            os.replace(backup, path)
        elif path.exists() and not path.is_dir():
            path.unlink()


def regular_file(path: Path | str, root: Path | str | None = None) -> Path:
    """``path`` if it is a regular file (inside ``root`` when given); otherwise a PolicyError.

    A symbolic link would let one file publish any file of the build machine
    (``docs/ru/logo.png -> /etc/passwd``), and a FIFO or device would hang or exhaust a
    reader, so the project reads only regular files that really live in its folders.
    """
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise PolicyError(_("file not found"), path) from None
    except OSError as exc:
        raise PolicyError(_("cannot read the file ({reason})").format(reason=exc.strerror), path) from None
    if stat.S_ISLNK(mode):
        raise PolicyError(
            _(
                "is a symbolic link; policydocs reads only real files inside the project (copy the file "
                "here instead of linking to it)"
            ),
            path,
        )
    if stat.S_ISDIR(mode):
        raise PolicyError(_("is a folder, not a file"), path)
    if not stat.S_ISREG(mode):
        raise PolicyError(_("is not a regular file (a pipe, device or socket); policydocs reads only files"), path)
    if root is not None:
        _no_linked_folder(path, Path(root))
    return path


def _no_linked_folder(path: Path, root: Path) -> None:
    """No folder between ``root`` and ``path`` is a link (MkDocs itself follows linked folders)."""
    try:
        parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts[:-1]
    except ValueError:
        raise PolicyError(
            _("lies outside {root}; policydocs reads only files inside it").format(root=root), path
        ) from None
    folder = Path(os.path.abspath(root))
    for part in parts:
        folder = folder / part
        if os.path.islink(folder):
            raise PolicyError(
                _(
                    "is a symbolic link to a folder; policydocs reads only real folders inside the project "
                    "(copy the files here instead of linking to them)"
                ),
                folder,
            )


def walk_files(root: Path | str) -> list[Path]:
    """Every file below ``root``, sorted; a link or special file anywhere below it is an error."""
    root = Path(root)
    out: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):
                raise PolicyError(
                    _("is a symbolic link to a folder; policydocs reads only real folders inside the project"),
                    os.path.join(folder, name),
                )
        for name in files:
            out.append(regular_file(Path(folder) / name))
    return sorted(out)
