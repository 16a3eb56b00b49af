"""Reading YAML (front matter, changelogs, the glossary, review records) safely and fast.

PyYAML's wheels carry libyaml; its safe loader gives the same data and error marks as the
pure-Python one, several times faster: a changelog of 50 versions is read on every diff.

Safe loading alone is not enough for files anybody can send in a pull request: anchors
and aliases (``&a``/``*a``) let a few lines expand into billions of nodes (an "alias bomb"
took over a minute and ended in MemoryError), and deep nesting exhausts the stack. None of
the project's files needs either, so both are refused, with the line, as a YAML error that
every caller already turns into ``file:line: message``.
"""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64


class RefusedYAML(yaml.MarkedYAMLError):  # type: ignore[misc]  # PyYAML has no type information
    """A construct the project's YAML files never need and an attacker would."""


def _refuse(problem: str, mark: yaml.Mark | None) -> RefusedYAML:
    return RefusedYAML(problem=problem, problem_mark=mark)


def _scan(text: str) -> None:
    """Walk the event stream (no nodes are built) and refuse aliases, anchors and deep nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _refuse(
                "YAML anchors and aliases (&name, *name) are not accepted here; write the value out", event.start_mark
            )
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(f"YAML nested more than {MAX_DEPTH} levels deep", event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def safe_load(text: str) -> Any:
    if "*" in text or _may_nest_deeply(text):
        _scan(text)
    try:
        return yaml.load(text, Loader=LOADER)
    except RecursionError:
        raise _refuse("YAML nested too deeply", None) from None


def _may_nest_deeply(text: str) -> bool:
    """Cheap necessary conditions for nesting deeper than MAX_DEPTH (brackets, '- ' or indentation)."""
    return text.count("[") + text.count("{") > MAX_DEPTH or text.count("- ") > MAX_DEPTH or " " * MAX_DEPTH in text
