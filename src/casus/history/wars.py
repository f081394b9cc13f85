"""COW inter-state wars: read peacesciencer's directed dyad-year table, store and load it.

The file (``cow_war_inter.csv``) has one row per ordered pair of opponents per
war-year: ``warnum, ccode1, ccode2, year, cowinteronset, sidea1, sidea2,
initiator1, initiator2, …``. Columns are found by header. Each war becomes its
participants, one per state and side (a state that changed sides, France or
Italy in the Second World War, is a participant of each side), with the year it
entered, whether COW codes it as an initiator, and whom it fought from when.

A war's start year is the first year of its onset rows; its initial acts are
the initiators that entered that year against the opponents they fought that
year. The file gives years only: the start *date* is decided at replay time
(see ``casus.history.replay`` and docs/replay.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from casus.csvfile import read_rows
from casus.errors import DataFileError, DatasetVersionError, InvalidArgumentError

DATASET = "cow-wars"
DATASET_NAME = "COW Inter-State War Data (participants; peacesciencer directed dyad-year layout)"
CITATION = "Sarkees, Meredith Reid and Frank Wayman (2010). Resort to War: 1816-2007. Washington DC: CQ Press."
URL = "https://correlatesofwar.org/data-sets/cow-war/"
DEFAULT_VERSION = "4.0"
REQUIRED = ("warnum", "ccode1", "ccode2", "year", "cowinteronset", "sidea1", "sidea2", "initiator1", "initiator2")
FIRST_YEAR, LAST_YEAR = 1816, 2100


@dataclass(frozen=True)
class WarParticipant:
    """A state on one side of one war."""

    state: str
    cow: int
    side: int
    initiator: bool
    entered: int
    last_year: int
    opponents: dict[str, int] = field(compare=False)
    """Each state it fought, with the first year of that pairing."""


@dataclass(frozen=True)
class War:
    number: int
    start_year: int
    participants: tuple[WarParticipant, ...]

    def initial_acts(self) -> list[tuple[str, str]]:
        """``(initiator, target)`` pairs at the war's start, sorted.

        An initiator that entered in the start year attacks every opponent it
        fought that year. Without year-level detail a state that joined the
        target's side later in the same year counts as a target too.
        """
        acts = {
            (p.state, opponent)
            for p in self.participants
            if p.initiator and p.entered == self.start_year
            for opponent, year in p.opponents.items()
            if year == self.start_year
        }
        return sorted(acts)

    def rows_of(self, state: str) -> list[WarParticipant]:
        return sorted((p for p in self.participants if p.state == state), key=lambda p: (p.entered, p.side))

    def initial_side(self, state: str) -> int | None:
        """The side ``state`` took first (None if it did not fight)."""
        rows = self.rows_of(state)
        return rows[0].side if rows else None

    def fought_beside(self, ally: str, partner: str) -> bool:
        """``ally`` was, at some time in the war, on the side ``partner`` started on."""
        side = self.initial_side(partner)
        return ally != partner and side is not None and any(p.side == side for p in self.rows_of(ally))

    def fought_against(self, ally: str, partner: str) -> bool:
        """``ally`` fought ``partner`` while the partner was on the side it started on.

        A partner that later changed sides (France in 1940) is not counted as
        fought against by the states it had started beside.
        """
        side = self.initial_side(partner)
        return any(partner in p.opponents and p.side != side for p in self.rows_of(ally))

    def joined(self, state: str) -> int | None:
        rows = self.rows_of(state)
        return rows[0].entered if rows else None


@dataclass
class WarImportReport:
    version: str
    wars: int
    participants: int
    counts: dict[str, int]
    unchanged: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": DATASET, "version": self.version, "wars": self.wars, "participants": self.participants,
            "changes": self.counts, "unchanged": self.unchanged,
        }


# -- reading the file -------------------------------------------------------------


def _int(path: Path, line: int, row: dict[str, str], column: str, allowed: tuple[int, ...] | None = None) -> int:
    raw = (row.get(column) or "").strip()
    try:
        value = int(raw)
    except ValueError:
        raise DataFileError(str(path), f"line {line}", column, f"expected a whole number, found {raw!r}") from None
    if allowed is not None and value not in allowed:
        choices = " or ".join(map(str, allowed))
        raise DataFileError(str(path), f"line {line}", column, f"expected {choices}, found {value}")
    return value


def read_cow_wars(path: Path, registry=None) -> list[War]:
    """Parse and check a COW inter-state war file in peacesciencer's directed layout.

    Errors (``DataFileError``) name the file, the line and the field: a missing
    column, a value that is not a number, a side other than 1 or 2, opponents
    on the same side, a COW code casus does not know, a state coded initiator
    in one row of a war and not in another.
    """
    from casus.states import default_registry

    registry = registry or default_registry()
    path = Path(path)
    rows = list(enumerate(read_rows(path, REQUIRED, "peacesciencer's cow_war_inter layout"), start=2))
    if not rows:
        raise DataFileError(str(path), None, None, "no rows")

    # (war, state, side) -> [initiator, first onset year, first year, last year, {opponent: first year}, line]
    found: dict[tuple[int, str, int], list[Any]] = {}
    cow_of: dict[str, int] = {}
    onset_years: dict[int, list[int]] = defaultdict(list)
    years: dict[int, list[int]] = defaultdict(list)
    for line, row in rows:
        war = _int(path, line, row, "warnum")
        year = _int(path, line, row, "year")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DataFileError(str(path), f"line {line}", "year", f"{year} is outside {FIRST_YEAR}-{LAST_YEAR}")
        onset = _int(path, line, row, "cowinteronset", (0, 1))
        pair = []
        for n in ("1", "2"):
            code = _int(path, line, row, f"ccode{n}")
            try:
                state = registry.by_cow(code)
            except LookupError:
                raise DataFileError(
                    str(path), f"line {line}", f"ccode{n}", f"COW code {code} is not a state casus knows"
                ) from None
            side = _int(path, line, row, f"sidea{n}", (1, 2))
            initiator = _int(path, line, row, f"initiator{n}", (0, 1)) == 1
            pair.append((state.id, side, initiator, n))
            cow_of[state.id] = state.cow
        (first, side1, _, _), (second, side2, _, _) = pair
        if first == second:
            raise DataFileError(str(path), f"line {line}", "ccode2", f"a state cannot fight itself ({first})")
        if side1 == side2:
            raise DataFileError(str(path), f"line {line}", "sidea2", f"opponents on the same side ({side1})")
        years[war].append(year)
        if onset:
            onset_years[war].append(year)
        for (state, side, initiator, n), (opponent, _, _, _) in zip(pair, reversed(pair), strict=True):
            record = found.setdefault((war, state, side), [initiator, None, year, year, {}, line])
            if record[0] != initiator:
                raise DataFileError(
                    str(path), f"line {line}", f"initiator{n}",
                    f"war {war}: {state} is coded initiator={int(initiator)} here "
                    f"and {int(record[0])} on line {record[5]}",
                )
            if onset:
                record[1] = year if record[1] is None else min(record[1], year)
            record[2], record[3] = min(record[2], year), max(record[3], year)
            record[4][opponent] = min(record[4].get(opponent, year), year)

    by_war: dict[int, list[WarParticipant]] = defaultdict(list)
    for (war, state, side), (initiator, onset, first, last, opponents, _) in found.items():
        by_war[war].append(
            WarParticipant(state, cow_of[state], side, initiator, onset if onset is not None else first, last,
                           dict(sorted(opponents.items())))
        )
    wars = []
    for number in sorted(by_war):
        start = min(onset_years[number] or years[number])
        people = tuple(sorted(by_war[number], key=lambda p: (p.side, p.entered, p.cow)))
        wars.append(War(number, start, people))
    return wars


# -- the store --------------------------------------------------------------------


def _records(wars: list[War], version: str, file_name: str) -> dict[str, dict[str, Any]]:
    out = {}
    for war in wars:
        for p in war.participants:
            key = f"{war.number}/{p.state}/side{p.side}"
            out[key] = {
                "participant_key": key, "war_num": war.number, "war_start_year": war.start_year,
                "state_id": p.state, "cow": p.cow, "side": p.side, "initiator": p.initiator,
                "entered": p.entered, "last_year": p.last_year, "opponents": p.opponents,
                "source": {"kind": "imported", "dataset": "COW Inter-State War", "version": version,
                           "warnum": war.number, "file": file_name},
            }
    return out


def import_cow_wars(store, path: Path, *, version: str = DEFAULT_VERSION, replace: bool = False,
                    registry=None) -> WarImportReport:
    """Import a COW inter-state war file into ``store`` as the dataset ``cow-wars``.

    The whole file is checked before anything is written. Importing the same
    file again changes nothing; a changed file supersedes the rows that changed
    (the old versions stay, in recorded time). Another version than the one
    stored is refused unless ``replace``.
    """
    from casus.store.store import utcnow
    from casus.store.tables import datasets, war_participants as table

    path = Path(path)
    wars = read_cow_wars(path, registry)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    records = _records(wars, version, path.name)
    report = WarImportReport(version, len(wars), len(records), {"inserted": 0, "superseded": 0, "closed": 0})
    existing = {d["id"]: d for d in store.datasets()}.get(DATASET)
    if existing and existing["version"] != version and not replace:
        raise DatasetVersionError(
            f"the store holds COW wars {existing['version']}; importing {version} would mix versions "
            "(replace it to supersede it)", record=DATASET
        )
    if existing and existing["digest"] == digest and existing["version"] == version:
        report.unchanged = True
        return report
    years = [w.start_year for w in wars] + [p.last_year for w in wars for p in w.participants]
    now = utcnow()
    with store.transaction() as connection:
        store._ensure_dataset(
            connection, DATASET, name=DATASET_NAME, version=version, kind="imported", citation=CITATION, url=URL,
            coverage_from=dt.date(min(years), 1, 1), coverage_to=dt.date(max(years), 12, 31), digest=digest,
        )
        current = {
            row.participant_key: row._mapping
            for row in connection.execute(select(table).where(table.c.recorded_to.is_(None)))
        }
        for key, record in records.items():
            old = current.get(key)
            if old is not None and all(old[column] == value for column, value in record.items()):
                continue
            if old is not None:
                connection.execute(table.update().where(table.c.row_id == old["row_id"]).values(recorded_to=now))
                report.counts["superseded"] += 1
            else:
                report.counts["inserted"] += 1
            connection.execute(table.insert().values(**record, dataset_id=DATASET, recorded_from=now, recorded_to=None))
        for key, old in current.items():
            if key not in records:
                connection.execute(table.update().where(table.c.row_id == old["row_id"]).values(recorded_to=now))
                report.counts["closed"] += 1
    return report


def load_wars(store, known_at: dt.datetime | None = None) -> list[War]:
    """The wars the store holds (as known at ``known_at``, default now), by war number."""
    from casus.store.tables import war_participants as table

    query = select(table)
    if known_at is None:
        query = query.where(table.c.recorded_to.is_(None))
    else:
        query = query.where(
            table.c.recorded_from <= known_at, (table.c.recorded_to.is_(None)) | (table.c.recorded_to > known_at)
        )
    by_war: dict[int, list[WarParticipant]] = defaultdict(list)
    starts: dict[int, int] = {}
    with store.transaction() as connection:
        for row in connection.execute(query):
            starts[row.war_num] = row.war_start_year
            by_war[row.war_num].append(
                WarParticipant(row.state_id, row.cow, row.side, bool(row.initiator), row.entered, row.last_year,
                               dict(row.opponents))
            )
    return [
        War(number, starts[number], tuple(sorted(by_war[number], key=lambda p: (p.side, p.entered, p.cow))))
        for number in sorted(by_war)
    ]
