"""Which version is in force at a moment: the intervals every reader of the store shares.

One rule, used by ``status``, the site (at build time and, mirrored in
``site/assets/policydocs.js``, in the reader's browser), the API and ``next-change``:

* a version is in force from its effective moment until the effective moment of the first
  later-numbered version (``until``); the version in force at a moment is the
  highest-numbered one whose effective moment has come;
* before its effective moment a version is *pending*; after ``until`` it is *superseded*;
  a version whose ``until`` comes before (or at) its own effective moment was replaced
  before it took effect: it is *never in force*;
* a version whose publication moment is still to come is *scheduled*: frozen and recorded,
  but nobody is shown it until that moment (``visible``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

STATES = ("pending", "in_force", "superseded", "never_in_force")


class Dated(Protocol):
    number: int
    published: dt.datetime
    effective: dt.datetime


def visible(versions: Iterable[Dated], moment: dt.datetime) -> list:
    """The versions published by ``moment`` (scheduled ones are not shown before their moment)."""
    return [v for v in versions if v.published <= moment]


def until(versions: Sequence[Dated], version: Dated) -> dt.datetime | None:
    """When ``version`` stops being (or can no longer become) in force: the next version's effective moment."""
    later = [v.effective for v in versions if v.number > version.number]
    return min(later) if later else None


def state(versions: Sequence[Dated], version: Dated, moment: dt.datetime) -> str:
    end = until(versions, version)
    if end is not None and end <= version.effective:
        return "pending" if moment < end else "never_in_force"
    if moment < version.effective:
        return "pending"
    if end is not None and moment >= end:
        return "superseded"
    return "in_force"


def in_force(versions: Sequence[Dated], moment: dt.datetime):
    """The highest-numbered version whose effective moment has come, or None."""
    current = None
    for version in versions:
        if version.effective <= moment and (current is None or version.number > current.number):
            current = version
    return current


def pending(versions: Sequence[Dated], moment: dt.datetime) -> list:
    """Published by ``moment``, not yet in force, and not already replaced."""
    return [v for v in versions if v.published <= moment and state(versions, v, moment) == "pending"]


def change_moments(versions: Sequence[Dated]) -> list[tuple[dt.datetime, Dated, str]]:
    """Every moment at which something a reader sees changes: (moment, version, 'published'|'effective')."""
    out = []
    for v in versions:
        out.append((v.published, v, "published"))
        if v.effective != v.published:
            out.append((v.effective, v, "effective"))
    return sorted(out, key=lambda item: (item[0], item[1].number))


def next_changes(versions: Sequence[Dated], after: dt.datetime) -> list[tuple[dt.datetime, Dated, str]]:
    """The changes at the first moment strictly after ``after`` (empty when nothing is ahead)."""
    ahead = [item for item in change_moments(versions) if item[0] > after]
    return [item for item in ahead if item[0] == ahead[0][0]] if ahead else []
