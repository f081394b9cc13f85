"""What the gazetteer knows about one place.

A ``Place`` is immutable and self-contained, like ``casus.states.State``, so the
engine can keep it in an act without the gazetteer that made it. Facts that change
with time (who administers Okinawa, who was sovereign in Hong Kong) are not on the
place: ask the gazetteer with a date (``Gazetteer.administrator``, ``.sovereign``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KINDS = ("city", "region", "island", "territory", "sea", "state")
STATUSES = ("metropolitan", "overseas", "disputed", "international")


@dataclass(frozen=True, slots=True)
class Place:
    """A named place (or a point) and what decides treaty areas about it.

    ``state`` is the sovereign in casus's reading (de jure, as most states and the
    UN see it): "UKR" for Crimea. It is None where no sovereign is settled (the
    Senkakus, the Spratlys, Kashmir) or on the high seas; ``claimants`` then names
    who claims it. ``administered_by`` is who administers it today (the Senkakus:
    "JPN"; Crimea: "RUS"); None when control is split. ``region`` is the continent
    ("europe", "asia", "north-america", "caribbean", …); two alternatives joined by
    "|" ("asia|europe") mean the continent depends on a convention. ``waters`` are
    the seas a place lies in or borders, most specific first. ``within`` is the id
    of the curated territory a city or point belongs to (Naha is within "okinawa").
    """

    id: str
    name: str
    kind: str
    state: str | None
    status: str
    lat: float | None
    lon: float | None
    administered_by: str | None
    source: str
    claimants: tuple[str, ...] = ()
    region: str | None = None
    waters: tuple[str, ...] = ()
    within: str | None = None
    coastal_state: str | None = field(default=None, compare=False)

    @property
    def regions(self) -> tuple[str, ...]:
        """The possible continents: one when settled, several when it is a convention."""
        return tuple(self.region.split("|")) if self.region else ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "state": self.state,
            "status": self.status,
            "lat": self.lat,
            "lon": self.lon,
            "administered_by": self.administered_by,
            "claimants": list(self.claimants),
            "region": self.region,
            "waters": list(self.waters),
            "within": self.within,
            "source": self.source,
        }

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Period:
    """Who holds a place (administers it, or is sovereign) over ``[valid_from, valid_to)``.

    ``state`` None means nobody holds the whole of it (control split, occupation
    before a state existed).
    """

    place: str
    state: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Group:
    """A named set of states and places used by area rules (regions.csv)."""

    id: str
    use: str
    members: frozenset[str]
    description: str
    source: str


@dataclass(frozen=True, slots=True)
class Sea:
    """A sea or ocean with an approximate outline (seas.csv), for points at sea."""

    id: str
    name: str
    aliases: tuple[str, ...]
    parents: tuple[str, ...]
    lat: float
    lon: float
    rings: tuple[tuple[tuple[float, float], ...], ...]
    source: str
