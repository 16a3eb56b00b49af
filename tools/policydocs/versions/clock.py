"""The acceptance clock: when a published change takes effect.

The rule (stated to users on every changelog page):

* A material change takes effect when the notice period has run out. The period is
  counted in calendar days and starts on the day after the day of publication (in the
  document's time zone); it ends at 24:00 of its last day. So the change takes effect at
  00:00 of the day ``publication date + notice_days + 1``. Example: published on
  22 November 2026 at 15:00 with 7 days' notice -> the days counted are 23-29 November ->
  in force from 30 November 2026, 00:00 Asia/Almaty. This is how the Civil Code of the
  Republic of Kazakhstan counts periods in days (a period begins on the day after the
  event that starts it and ends at the end of its last day), and it is never earlier
  than "7 calendar days have passed since publication" (seed 001, clause 1.2).
* A document with ``notice_days: 0``, or a change marked non-material, takes effect at
  the moment of publication.
* The time zone is the document's ``timezone`` (default Asia/Almaty, UTC+5 since
  1 March 2024); moments are stored with their UTC offset so that apps never guess.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import PolicyError
from ..i18n import _

DEFAULT_TIMEZONE = "Asia/Almaty"


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise PolicyError(_("unknown time zone '{name}'; use a name such as Asia/Almaty").format(name=name)) from None


def effective_moment(published: dt.datetime, notice_days: int, material: bool = True) -> dt.datetime:
    """When a change published at ``published`` (aware, in the document's zone) takes effect."""
    if published.tzinfo is None:
        raise ValueError("publication moment must carry its time zone")
    if not material or notice_days <= 0:
        return published
    start_of_next_day = dt.datetime.combine(published.date(), dt.time(0), published.tzinfo)
    last_day_end = start_of_next_day + dt.timedelta(days=notice_days + 1)
    # re-localise: a calendar day is a date in the zone, whatever the UTC offset did
    return dt.datetime.combine(last_day_end.date(), dt.time(0), tzinfo=published.tzinfo)


def publication_moment(date: dt.date, time: dt.time | None, tz: ZoneInfo) -> dt.datetime:
    """The publication moment in the document's zone (default: the start of that day, 00:00)."""
    return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=tz)


# Years a moment may fall in: outside them a date is a typo (0001-01-01, 20266-11-20), and
# the local mean time zone offsets of those years (+05:07:48) break every reader downstream.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def check_year(value: dt.date, what: str, path=None, line: int | None = None) -> None:
    """Refuse a date outside years 1900-2999, naming where it came from."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PolicyError(
            _("{what} {value} is outside the years {first}-{last}").format(
                what=what, value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR
            ),
            path,
            line,
        )


def parse_moment(text: str, tz: ZoneInfo, what: str = "--at") -> tuple[dt.datetime, bool]:
    """A moment given on the command line, and whether it was a bare date.

    ``2026-12-01`` means 00:00 of that day in the document's zone (``tz``), as the history
    page's "which version was in force on a date" does; ``2026-12-01T15:30`` is a time in
    that zone; an offset (``2026-12-01T00:00+05:00``, ``...Z``) names the instant itself.
    """
    raw = str(text).strip()
    try:
        if len(raw) == 10:
            day = dt.date.fromisoformat(raw)
            check_year(day, f"{what}")
            return dt.datetime.combine(day, dt.time(0), tzinfo=tz), True
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        raise PolicyError(
            _("{what} '{raw}' is not a moment; write 2026-12-01, 2026-12-01T15:30 or 2026-12-01T15:30+05:00").format(
                what=what, raw=raw
            )
        ) from None
    check_year(moment.date(), f"{what}")
    return (moment.replace(tzinfo=tz) if moment.tzinfo is None else moment), False
