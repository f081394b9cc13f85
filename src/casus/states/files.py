"""Reading and checking the four state data files.

The files are the source of truth and users may add their own, so every load
checks them and a fault is reported as ``DataFileError`` naming the file, the
record ("line 12 (id=PRK)") and the field, never as a stack trace from deep
inside the lookup.

The checks are written out here rather than as pydantic models (which the
treaty files use): most of them cross rows (unique codes, references between
files, overlapping periods), and a row-level model would still need its
messages translated into file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path

from casus.errors import DataFileError
from casus.states.model import ALIAS_KINDS, Alias, HistoricalName, Span, State

STATES_COLUMNS = ["id", "cow", "cow_abb", "gw", "iso3", "iso2", "name", "capital", "demonym"]
SPANS_COLUMNS = ["id", "from", "to"]
NAMES_COLUMNS = ["id", "name", "from", "to"]
ALIASES_COLUMNS = ["id", "alias", "kind", "from", "to", "note"]

_ID = re.compile(r"[A-Z]{3}")
_ISO2 = re.compile(r"[A-Z]{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class _Row:
    path: str
    line: int
    values: dict[str, str]

    @property
    def record(self) -> str:
        key = self.values.get("id")
        return f"line {self.line} (id={key})" if key else f"line {self.line}"

    def fail(self, field: str | None, message: str) -> DataFileError:
        return DataFileError(self.path, self.record, field, message)

    def text(self, field: str, *, required: bool = True) -> str:
        value = self.values[field].strip()
        if required and not value:
            raise self.fail(field, "must not be empty")
        return value

    def matching(self, field: str, pattern: re.Pattern[str], what: str, *, required: bool = True) -> str | None:
        value = self.text(field, required=required)
        if not value:
            return None
        if not pattern.fullmatch(value):
            raise self.fail(field, f"{value!r} is not {what}")
        return value

    def integer(self, field: str, *, required: bool = True) -> int | None:
        value = self.text(field, required=required)
        if not value:
            return None
        if not value.isdigit():
            raise self.fail(field, f"{value!r} is not a whole number")
        return int(value)

    def date(self, field: str, *, required: bool = True) -> dt.date | None:
        value = self.text(field, required=required)
        if not value:
            return None
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, f"{value!r} is not an ISO date (YYYY-MM-DD)") from None

    def period(self, *, from_required: bool) -> tuple[dt.date | None, dt.date | None]:
        start, end = self.date("from", required=from_required), self.date("to", required=False)
        if start is not None and end is not None and not start < end:
            raise self.fail("to", f"{end} is not after from ({start}); to is exclusive")
        return start, end


def _rows(folder: Traversable, name: str, columns: list[str]) -> list[_Row]:
    path = folder / name
    shown = str(path)
    try:
        handle = path.open("r", encoding="utf-8", newline="")
    except FileNotFoundError:
        raise DataFileError(shown, None, None, "file is missing") from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != columns:
            raise DataFileError(shown, "line 1 (header)", None, f"columns must be {','.join(columns)}; found {','.join(header or [])}")
        rows = []
        for values in reader:
            if not values:  # blank line
                continue
            row = _Row(shown, reader.line_num, dict(zip(columns, values)))
            if len(values) != len(columns):
                raise row.fail(None, f"has {len(values)} fields; {len(columns)} expected")
            rows.append(row)
    return rows


def _check_no_overlap(rows: list[tuple[_Row, dt.date, dt.date | None]], what: str) -> None:
    """Rows of one id must not overlap: a state is not twice a member, nor has two names at once."""
    ordered = sorted(rows, key=lambda item: item[1])
    for (_, _, end), (row, start, _) in zip(ordered, ordered[1:]):
        if end is None or end > start:
            raise row.fail("from", f"{what} overlaps an earlier one for the same id")


def load_states(folder: str | PathLike[str] | Traversable) -> list[State]:
    """Read, check and join the four files of ``folder`` into states sorted by COW code."""
    if isinstance(folder, (str, PathLike)):
        folder = Path(folder)
    state_rows = _rows(folder, "states.csv", STATES_COLUMNS)
    fields: dict[str, dict] = {}
    lines: dict[str, _Row] = {}
    seen: dict[tuple[str, object], str] = {}
    for row in state_rows:
        record = {
            "id": row.matching("id", _ID, "three capital letters"),
            "cow": row.integer("cow"),
            "cow_abb": row.matching("cow_abb", _ID, "three capital letters"),
            "gw": row.integer("gw", required=False),
            "iso3": row.matching("iso3", _ID, "three capital letters", required=False),
            "iso2": row.matching("iso2", _ISO2, "two capital letters", required=False),
            "name": row.text("name"),
            "capital": row.text("capital"),
            "demonym": row.text("demonym"),
        }
        for unique in ("id", "cow", "gw", "iso3", "iso2"):
            value = record[unique]
            if value is None:
                continue
            if (unique, value) in seen:
                raise row.fail(unique, f"{value} is already used by {seen[unique, value]}")
            seen[unique, value] = record["id"]
        fields[record["id"]], lines[record["id"]] = record, row

    def known(row: _Row) -> str:
        key = row.text("id")
        if key not in fields:
            raise row.fail("id", f"{key} is not a state in states.csv")
        return key

    spans: dict[str, list] = defaultdict(list)
    for row in _rows(folder, "spans.csv", SPANS_COLUMNS):
        start, end = row.period(from_required=True)
        spans[known(row)].append((row, start, end))
    for items in spans.values():
        _check_no_overlap(items, "span")

    names: dict[str, list] = defaultdict(list)
    for row in _rows(folder, "names.csv", NAMES_COLUMNS):
        key, name = known(row), row.text("name")
        start, end = row.period(from_required=True)
        names[key].append((row, start, end, name))
    for items in names.values():
        _check_no_overlap([item[:3] for item in items], "name span")

    aliases: dict[str, list[Alias]] = defaultdict(list)
    for row in _rows(folder, "aliases.csv", ALIASES_COLUMNS):
        key, text, kind = known(row), row.text("alias"), row.text("kind")
        if kind not in ALIAS_KINDS:
            raise row.fail("kind", f"{kind!r} is not one of {', '.join(ALIAS_KINDS)}")
        start, end = row.period(from_required=False)
        aliases[key].append(Alias(text, kind, start, end, row.text("note", required=False)))

    states = []
    for key, record in fields.items():
        if key not in spans:
            raise lines[key].fail("id", "state has no span in spans.csv")
        own_spans: tuple[Span, ...] = tuple(sorted((start, end) for _, start, end in spans[key]))
        own_names = tuple(
            HistoricalName(name, start, end) for _, start, end, name in sorted(names[key], key=lambda item: item[1])
        )
        states.append(State(**record, spans=own_spans, names=own_names, aliases=tuple(aliases[key])))
    return sorted(states, key=lambda state: state.cow)
