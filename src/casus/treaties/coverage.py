"""Coverage of ATOP's defence pledges by the built-in treaties.

ATOP 5.1 codes 48 alliances whose defence pledge was in force at the end of 2018,
its last coded year. Each needs a curated counterpart (a treaty file with its
``atop_id``) or a documented decision that it has ended or been superseded, with
its source. The decisions are data (``data/atop-active-defence-2018.csv``); this
module recomputes the list from the ATOP member file and checks the two agree.

Run ``python -m casus.treaties.coverage MEMBER_CSV`` to print the list ATOP gives.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from casus.csvfile import read_rows
from casus.errors import DataFileError

DECISIONS_FILE = Path(__file__).parent / "data" / "atop-active-defence-2018.csv"
END_OF_ATOP = dt.date(2018, 12, 31)
"""The last day ATOP 5.1 codes."""

DECISIONS = ("curated", "ended", "superseded")
COLUMNS = ("atop_id", "name", "decision", "treaty", "date", "source", "note")


@dataclass(frozen=True)
class Decision:
    """What casus does with one ATOP alliance: curate it, or record its end."""

    atop_id: int
    name: str
    decision: str
    treaty: str | None
    """The curated file (``curated``), or the successor's file if curated (``superseded``)."""
    date: dt.date | None
    """First day the ATOP alliance no longer binds (``ended``, ``superseded``)."""
    source: str | None
    note: str


def _atop_date(year: str, month: str, day: str) -> dt.date | None:
    """ATOP's day or month 0 means unknown: the first of the month or year (as in the importer)."""
    y, m, d = int(year or 0), int(month or 0), int(day or 0)
    if y == 0:
        return None
    return dt.date(y, m or 1, d or 1)


def active_defence_pledges(member_csv: Path, on: dt.date = END_OF_ATOP) -> dict[int, set[int]]:
    """ATOP alliance id -> COW codes of the members with a defence pledge in force on ``on``.

    A member row counts when its ``defense`` flag is 1 and its span ``[entry, exit)``
    covers the day (ATOP's exit day is the next phase's first day, so exclusive).
    """
    member_csv = Path(member_csv)
    columns = ("atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "defense")
    out: dict[int, set[int]] = {}
    for line, row in enumerate(read_rows(member_csv, columns, "an ATOP member-level file"), start=2):
        if (row["defense"] or "0").strip() != "1":
            continue
        try:
            start = _atop_date(row["yrent"], row["moent"], row["dayent"])
            end = _atop_date(row["yrexit"], row["moexit"], row["dayexit"])
            atopid, member = int(row["atopid"]), int(row["member"])
        except ValueError as exc:
            raise DataFileError(str(member_csv), f"line {line}", None, f"not a date or number: {exc}") from exc
        if start is not None and start <= on and (end is None or on < end):
            out.setdefault(atopid, set()).add(member)
    return out


def load_decisions(path: Path = DECISIONS_FILE) -> list[Decision]:
    """The decisions file, checked: known decision, a treaty for ``curated``, a date and URL for an end."""
    path = Path(path)
    out: list[Decision] = []
    seen: set[int] = set()
    for line, row in enumerate(read_rows(path, COLUMNS, "the ATOP coverage decisions"), start=2):
        record = f"line {line}"

        def fail(field: str, message: str) -> DataFileError:
            return DataFileError(str(path), record, field, message)

        try:
            atop_id = int(row["atop_id"])
        except ValueError:
            raise fail("atop_id", f"not a number: {row['atop_id']!r}") from None
        if atop_id in seen:
            raise fail("atop_id", f"{atop_id} is listed twice")
        seen.add(atop_id)
        decision = row["decision"].strip()
        if decision not in DECISIONS:
            raise fail("decision", f"{decision!r} is not one of {', '.join(DECISIONS)}")
        treaty = row["treaty"].strip() or None
        source = row["source"].strip() or None
        date = None
        if row["date"].strip():
            try:
                date = dt.date.fromisoformat(row["date"].strip())
            except ValueError:
                raise fail("date", f"not an ISO date: {row['date']!r}") from None
        if decision == "curated" and treaty is None:
            raise fail("treaty", "a curated alliance names its treaty file")
        if decision != "curated":
            if date is None:
                raise fail("date", f"an alliance that {decision} needs the date it stopped binding")
            if not (source or "").startswith(("https://", "http://")):
                raise fail("source", "an end needs its source URL")
        out.append(Decision(atop_id, row["name"].strip(), decision, treaty, date, source, row["note"].strip()))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m casus.treaties.coverage ATOP_MEMBER_CSV", file=sys.stderr)
        return 2
    pledges = active_defence_pledges(Path(argv[0]))
    decided = {d.atop_id: d for d in load_decisions()}
    writer = csv.writer(sys.stdout)
    writer.writerow(("atop_id", "members", "decision", "treaty"))
    for atop_id in sorted(pledges):
        decision = decided.get(atop_id)
        writer.writerow((atop_id, " ".join(map(str, sorted(pledges[atop_id]))),
                         decision.decision if decision else "UNDECIDED", decision.treaty if decision else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
