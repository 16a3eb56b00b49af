"""Writing files so that an interrupted run leaves either the old file or the new one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; published files are readable
        os.replace(tmp, path)
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
