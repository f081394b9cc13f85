"""Reading and checking the gazetteer's data files (``casus/places/data``).

The files are the source of truth for every hand-curated fact (territories,
disputes, who administers what since when), and users may point the gazetteer at
their own folder in the same format, so each load checks every row and reports a
fault as ``DataFileError`` naming file, record and field. Written out by hand, like
``casus.states.files``, because most checks cross rows or files (known state ids,
unique ids, periods that must not overlap).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path

from casus.errors import DataFileError
from casus.places.model import KINDS, STATUSES, Group, Period, Place, Sea

PLACES_COLUMNS = [
    "id", "name", "aliases", "kind", "state", "claimants", "status", "lat", "lon",
    "region", "waters", "geonames", "ne", "shape", "source",
]
PERIOD_COLUMNS = ["place", "{holder}", "from", "to", "source", "note"]
REGIONS_COLUMNS = ["id", "use", "members", "description", "source"]
SEAS_COLUMNS = ["id", "name", "aliases", "parents", "lat", "lon", "shape", "source"]
REGION_NAMES = {
    "europe", "asia", "africa", "north-america", "caribbean", "south-america", "oceania", "antarctica",
}
_ID = re.compile(r"[a-z][a-z0-9-]*|[A-Z]{3}")
_GEONAMES = re.compile(r"[A-Z]{2}(\.[A-Za-z0-9]+)?|#\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Ring = tuple[tuple[float, float], ...]


@dataclass
class CuratedPlace:
    """A row of places.csv: the place, and the keys that attach cities and points to it."""

    place: Place
    aliases: tuple[str, ...]
    geonames: tuple[str, ...]
    ne: str | None
    rings: tuple[Ring, ...]


class _Rows:
    """The rows of one CSV file, with checks that name the file, line and field."""

    def __init__(self, path: Traversable | Path, columns: list[str]) -> None:
        self.path = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DataFileError(self.path, None, None, f"cannot be read: {error}") from None
        reader = csv.DictReader(text.splitlines())
        if reader.fieldnames != columns:
            raise DataFileError(self.path, "line 1", None, f"columns must be {','.join(columns)}; found {reader.fieldnames}")
        self.rows = list(reader)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for index, row in enumerate(self.rows, start=2):
            if None in row or any(value is None for value in row.values()):
                raise DataFileError(self.path, f"line {index}", None, "has the wrong number of fields")
            yield index, {key: value.strip() for key, value in row.items()}

    def fail(self, line: int, row: dict[str, str], field: str | None, message: str) -> DataFileError:
        key = row.get("id") or row.get("place")
        return DataFileError(self.path, f"line {line} (id={key})" if key else f"line {line}", field, message)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _number(rows: _Rows, line: int, row: dict[str, str], field: str, low: float, high: float) -> float:
    try:
        value = float(row[field])
    except ValueError:
        raise rows.fail(line, row, field, f"must be a number, not {row[field]!r}") from None
    if not low <= value <= high:
        raise rows.fail(line, row, field, f"must be between {low} and {high}")
    return value


def _rings(rows: _Rows, line: int, row: dict[str, str], field: str) -> tuple[Ring, ...]:
    """Outlines written as "lon lat;lon lat;…" or "bbox:minlon minlat maxlon maxlat", several joined by "|"."""
    rings = []
    for part in _split(row[field]):
        try:
            if part.startswith("bbox:"):
                west, south, east, north = (float(value) for value in part[5:].split())
                if west >= east or south >= north:
                    raise ValueError("empty box")
                ring = ((west, south), (east, south), (east, north), (west, north), (west, south))
            else:
                ring = tuple((float(lon), float(lat)) for lon, lat in (pair.split() for pair in part.split(";")))
        except ValueError as error:
            raise rows.fail(line, row, field, f"is not an outline ({error}): {part[:40]!r}") from None
        if len(ring) < 4 or ring[0] != ring[-1]:
            raise rows.fail(line, row, field, "an outline needs at least three points and must end where it starts")
        if any(not (-180 <= lon <= 180 and -90 <= lat <= 90) for lon, lat in ring):
            raise rows.fail(line, row, field, "coordinates out of range (lon, lat)")
        rings.append(ring)
    return tuple(rings)


def _date(rows: _Rows, line: int, row: dict[str, str], field: str) -> dt.date | None:
    value = row[field]
    if not value:
        return None
    if not _DATE.fullmatch(value):
        raise rows.fail(line, row, field, f"must be a date YYYY-MM-DD, not {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise rows.fail(line, row, field, f"{value!r} is not a calendar date") from None


def load_places(path: Traversable | Path, known_state: Callable[[str], bool]) -> list[CuratedPlace]:
    """places.csv: one row per curated place; ``known_state`` checks casus state ids."""
    rows = _Rows(path, PLACES_COLUMNS)
    seen: set[str] = set()
    places = []
    for line, row in rows:
        place_id = row["id"]
        if not _ID.fullmatch(place_id) or place_id.isupper():
            raise rows.fail(line, row, "id", "must be lowercase words joined by hyphens")
        if place_id in seen:
            raise rows.fail(line, row, "id", "is used twice")
        seen.add(place_id)
        if not row["name"]:
            raise rows.fail(line, row, "name", "must not be empty")
        if row["kind"] not in KINDS:
            raise rows.fail(line, row, "kind", f"must be one of {', '.join(KINDS)}")
        if row["status"] not in STATUSES:
            raise rows.fail(line, row, "status", f"must be one of {', '.join(STATUSES)}")
        state = row["state"] or None
        claimants = _split(row["claimants"])
        for field, ids in (("state", [state] if state else []), ("claimants", claimants)):
            for state_id in ids:
                if not known_state(state_id):
                    raise rows.fail(line, row, field, f"{state_id!r} is not a casus state id")
        regions = _split(row["region"])
        if any(region not in REGION_NAMES for region in regions):
            raise rows.fail(line, row, "region", f"must be among {', '.join(sorted(REGION_NAMES))}")
        geonames = _split(row["geonames"])
        for key in geonames:
            if not _GEONAMES.fullmatch(key):
                raise rows.fail(line, row, "geonames", f"{key!r} is not CC, CC.ADMIN1 or #geonameid")
        if not row["source"].startswith(("http://", "https://")):
            raise rows.fail(line, row, "source", "must be a URL")
        place = Place(
            id=place_id,
            name=row["name"],
            kind=row["kind"],
            state=state,
            status=row["status"],
            lat=_number(rows, line, row, "lat", -90, 90),
            lon=_number(rows, line, row, "lon", -180, 180),
            administered_by=state,
            source=row["source"],
            claimants=claimants,
            region="|".join(regions) or None,
            waters=_split(row["waters"]),
        )
        places.append(CuratedPlace(place, _split(row["aliases"]), geonames, row["ne"] or None, _rings(rows, line, row, "shape")))
    return places


def load_periods(path: Traversable | Path, holder: str, known_place: Callable[[str], bool],
                 known_state: Callable[[str], bool]) -> list[Period]:
    """administration.csv (``holder`` "administered_by") or sovereignty.csv ("state").

    Periods of one place must not overlap: a place has one holder on a day.
    """
    columns = [column.format(holder=holder) for column in PERIOD_COLUMNS]
    rows = _Rows(path, columns)
    periods: list[Period] = []
    for line, row in rows:
        if not known_place(row["place"]):
            raise rows.fail(line, row, "place", f"{row['place']!r} is not a place id (places.csv) or state id")
        state = row[holder] or None
        if state and not known_state(state):
            raise rows.fail(line, row, holder, f"{state!r} is not a casus state id")
        start, end = _date(rows, line, row, "from"), _date(rows, line, row, "to")
        if start and end and start >= end:
            raise rows.fail(line, row, "to", "must be after from")
        if not row["source"].startswith(("http://", "https://")):
            raise rows.fail(line, row, "source", "must be a URL")
        period = Period(row["place"], state, start, end, row["source"], row["note"])
        for other in periods:
            if other.place == period.place and _overlap(other, period):
                raise rows.fail(line, row, "from", f"overlaps the period from {other.valid_from} to {other.valid_to}")
        periods.append(period)
    return periods


def _overlap(one: Period, two: Period) -> bool:
    low = dt.date.min
    high = dt.date.max
    return max(one.valid_from or low, two.valid_from or low) < min(one.valid_to or high, two.valid_to or high)


def load_groups(path: Traversable | Path, known_member: Callable[[str], bool]) -> list[Group]:
    """regions.csv: named groups of states and places, and continent overrides."""
    rows = _Rows(path, REGIONS_COLUMNS)
    groups = []
    for line, row in rows:
        if row["use"] not in ("continent", "group"):
            raise rows.fail(line, row, "use", "must be continent or group")
        if row["use"] == "continent" and any(part not in REGION_NAMES for part in row["id"].split("|")):
            raise rows.fail(line, row, "id", f"a continent row must name regions among {', '.join(sorted(REGION_NAMES))}")
        members = _split(row["members"])
        for member in members:
            if not known_member(member):
                raise rows.fail(line, row, "members", f"{member!r} is neither a casus state id nor a place id")
        groups.append(Group(row["id"], row["use"], frozenset(members), row["description"], row["source"]))
    return groups


def load_seas(path: Traversable | Path) -> list[Sea]:
    """seas.csv: approximate outlines, listed most specific first (the first match wins)."""
    rows = _Rows(path, SEAS_COLUMNS)
    seas: list[Sea] = []
    ids = {row["id"].strip() for row in rows.rows if row.get("id")}
    for line, row in rows:
        if not _ID.fullmatch(row["id"]):
            raise rows.fail(line, row, "id", "must be lowercase words joined by hyphens")
        if any(sea.id == row["id"] for sea in seas):
            raise rows.fail(line, row, "id", "is used twice")
        parents = _split(row["parents"])
        for parent in parents:
            if parent not in ids:
                raise rows.fail(line, row, "parents", f"{parent!r} is not a sea id in this file")
        rings = _rings(rows, line, row, "shape")
        if not rings:
            raise rows.fail(line, row, "shape", "must not be empty")
        seas.append(Sea(row["id"], row["name"], _split(row["aliases"]), parents,
                        _number(rows, line, row, "lat", -90, 90), _number(rows, line, row, "lon", -180, 180),
                        rings, row["source"]))
    return seas


def data_files(folder: str | PathLike[str] | Traversable) -> dict[str, Traversable | Path]:
    """The five files of a data folder, by name."""
    base = Path(folder) if isinstance(folder, (str, PathLike)) else folder
    return {name: base / f"{name}.csv" for name in ("places", "administration", "sovereignty", "regions", "seas")}
