"""One error type for every problem a user can fix in their input.

Every message names the file (and the line when there is one) so that a lawyer can open
the file and find the place; the CLI prints it on one line and exits with code 2.
"""

from __future__ import annotations

from pathlib import Path


class PolicyError(Exception):
    """A problem in the user's input, reported as ``file:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
