"""What casus knows about one state: codes, names over time, spans of existence.

A ``State`` is immutable and self-contained, so it can be handed to any part of
casus (engine, reader, exports) without the registry that loaded it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casus.errors import InvalidArgumentError
from casus.pickling import quick_pickle

Span = tuple[dt.date, dt.date | None]
"""``[from, to)``: ``to`` is the first day that no longer counts; ``None`` = open."""

ALIAS_KINDS = ("name", "demonym", "capital", "metonym", "abbreviation")


def as_date(on: dt.date | str | None) -> dt.date | None:
    """Accept a date, a datetime or an ISO string, as callers from the CLI pass strings."""
    if on is None or (isinstance(on, dt.date) and not isinstance(on, dt.datetime)):
        return on
    if isinstance(on, dt.datetime):
        return on.date()
    try:
        return dt.date.fromisoformat(on)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"{on!r} is not a date (YYYY-MM-DD)") from None


def covers(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether ``[start, end)`` holds ``day``; a missing bound is unbounded."""
    return (start is None or start <= day) and (end is None or day < end)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Alias:
    """Another way of naming a state, optionally only for a time (``[valid_from, valid_to)``)."""

    text: str
    kind: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return covers(self.valid_from, self.valid_to, day)


@quick_pickle
@dataclass(frozen=True, slots=True)
class HistoricalName:
    """The name a state bore over ``[valid_from, valid_to)`` (e.g. Zaire for COD)."""

    name: str
    valid_from: dt.date
    valid_to: dt.date | None


@quick_pickle
@dataclass(frozen=True, slots=True)
class State:
    """A member of the state system (Correlates of War), named by its casus id.

    ``spans`` are the periods of membership, ``[from, to)``, in date order; a state
    may leave and come back (Poland, France, the Baltic states).
    """

    id: str
    cow: int
    cow_abb: str
    gw: int | None
    iso3: str | None
    iso2: str | None
    name: str
    capital: str
    demonym: str
    spans: tuple[Span, ...]
    names: tuple[HistoricalName, ...] = field(default=(), compare=False)
    aliases: tuple[Alias, ...] = field(default=(), compare=False)

    def existed_on(self, day: dt.date | str) -> bool:
        """Whether the state was a member of the state system on ``day``."""
        day = as_date(day)
        return any(covers(start, end, day) for start, end in self.spans)

    @property
    def exists_today(self) -> bool:
        return self.spans[-1][1] is None

    def name_on(self, day: dt.date | str | None) -> str:
        """The name in use on ``day`` (Zaire in 1980), else today's (or last) name."""
        day = as_date(day)
        if day is not None:
            for entry in self.names:
                if covers(entry.valid_from, entry.valid_to, day):
                    return entry.name
        return self.name

    @property
    def years(self) -> str:
        """The spans as years, for people: "1816–1945, 1990–"."""
        parts = []
        for start, end in self.spans:
            last = "" if end is None else str((end - dt.timedelta(days=1)).year)
            parts.append(f"{start.year}–{last}")
        return ", ".join(parts)

    def describe(self) -> str:
        """``ID (name, years)``, the form used to list candidates in messages."""
        return f"{self.id} ({self.name}, {self.years})"

    def to_json(self, on: dt.date | str | None = None) -> dict[str, Any]:
        """The state as the JSON object every casus output uses (name as of ``on``)."""
        return {
            "id": self.id,
            "iso3": self.iso3,
            "cow": self.cow,
            "name": self.name_on(on),
            "cow_abb": self.cow_abb,
            "gw": self.gw,
        }

    def __str__(self) -> str:
        return self.id
