"""The ``policydocs`` command (main.py); each sub-command is a module of this package, loaded when it runs."""

from .main import COMMANDS, main, run

__all__ = ["COMMANDS", "main", "run"]
