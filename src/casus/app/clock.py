"""The clock: where "today" comes from. Only an edge (the CLI, the server) makes one.

Library code takes dates as arguments and never reads the system date; the
application object asks its clock when a caller gives no date.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...


class SystemClock:
    """Today by the machine's local calendar (what a user at the command line means)."""

    def today(self) -> dt.date:
        return dt.date.today()

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """Always the same day: for tests, docs and replaying an answer as of a date."""

    def __init__(self, day: dt.date | str) -> None:
        self.day = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)

    def today(self) -> dt.date:
        return self.day

    def __repr__(self) -> str:
        return f"FixedClock({self.day.isoformat()!r})"
