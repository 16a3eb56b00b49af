"""The project's one source of "now": the wall clock, unless the user or a test sets it.

What is in force, what is pending, whether a publication is backdated: every answer depends
on the moment it is asked. So that an auditor can ask "what would the tool have said then"
and a test never depends on the day it runs, every command reads the moment here:

* ``POLICYDOCS_NOW`` (ISO 8601 with its UTC offset, e.g. ``2026-12-01T00:00+05:00``) fixes it;
* otherwise the machine's clock, in UTC (the machine's own zone never enters).

A site build also honours ``SOURCE_DATE_EPOCH`` (reproducible builds): that is the build moment.
"""

from __future__ import annotations

import datetime as dt
import os

from .errors import PolicyError
from .i18n import _

ENV_VAR = "POLICYDOCS_NOW"


def now() -> dt.datetime:
    """The current moment, aware, in UTC, to the second."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        moment = dt.datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise PolicyError(
            _(
                "the environment variable {name}='{raw}' is not a moment with its zone; "
                "write it as 2026-12-01T15:30+05:00, or unset it"
            ).format(name=ENV_VAR, raw=raw)
        )
    return moment.astimezone(dt.UTC)


def build_moment() -> dt.datetime:
    """The moment a site build shows its versions at: ``SOURCE_DATE_EPOCH`` if set, else :func:`now`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return now()
