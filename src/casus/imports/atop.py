"""Import the ATOP alliance data (member-level and alliance-level files, 4.x and 5.x).

Columns are found by header, not position: the two versions' layouts differ.
How rows become records is documented in docs/atop.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.csvfile import read_rows
from casus.errors import DataFileError, DatasetVersionError, InvalidArgumentError
from casus.store import keys

DATASET = "atop"
KINDS = {"defense": "defense", "offense": "offense", "neutral": "neutrality", "nonagg": "nonaggression",
         "consul": "consultation"}
PREFIX = {"defense": "def", "offense": "off", "neutral": "neu", "consul": "con", "nonagg": None}
CONDITIONS = {
    "coadv": ("adversary", "ATOP codes an adversary condition without naming it"),
    "coloc": ("place", "ATOP codes a place condition without naming the area"),
    "cocon": ("conflict", "ATOP codes a condition on a specific conflict"),
    "conum": ("attackers", "ATOP codes a condition on the number of attackers"),
    "codem": ("demand", "ATOP codes a condition that a demand be made first"),
    "conpr": ("non_provocation", "ATOP codes a non-provocation condition"),
    "coatt": ("only_if_attacked", "ATOP codes the pledge as owed only to a member that is attacked (neucoatt)"),
}
MEMBER_COLUMNS = ("atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase")
ATOP_CITATION = "Leeds, Ritter, Mitchell & Long (2002), International Interactions 28: 237-260"


@dataclass
class ImportReport:
    version: str
    alliances: int
    memberships: int
    obligations: int
    counts: dict[str, int]
    skipped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": DATASET, "version": self.version, "alliances": self.alliances,
            "memberships": self.memberships, "obligations": self.obligations, "changes": self.counts,
            "skipped": self.skipped,
        }


def _int(row: dict[str, str], column: str, path: Path, line: int) -> int:
    value = (row.get(column) or "").strip()
    if value in ("", "NA", "."):
        return 0
    try:
        return int(float(value))
    except ValueError:
        raise DataFileError(str(path), f"line {line}", column, f"not a number: {value!r}") from None


def _date(year: int, month: int, day: int, path: Path, line: int, column: str) -> dt.date | None:
    """ATOP's date; year 0 is none, month or day 0 (unknown) the first of the month or year."""
    if year == 0:
        return None
    try:
        return dt.date(year, month or 1, day or 1)
    except ValueError:
        raise DataFileError(str(path), f"line {line}", column, f"not a date: {year}-{month}-{day}") from None


def _version(rows: list[dict[str, str]], path: Path) -> str:
    versions = {(row.get("version") or "").strip() for row in rows} - {""}
    if len(versions) > 1:
        raise DataFileError(str(path), None, "version", f"rows of several versions: {', '.join(sorted(versions))}")
    if versions:
        value = versions.pop()
        return value if "." in value else f"{value}"
    # ATOP 4.01's member file has no version column: read it from the file name.
    for token in ("5.1", "5.0", "4.01", "4.0", "3.0"):
        if token.replace(".", "") in path.name.replace(".", "").replace("_", "") or token in path.name:
            return token
    return "unknown"


def records_from_atop(
    member_csv: Path, alliance_csv: Path | None = None, registry=None
) -> tuple[dict[str, list[dict[str, Any]]], str, list[str]]:
    """Read ATOP files into store rows (treaties, memberships, obligations); returns (rows, version, skipped)."""
    from casus.states import default_registry

    registry = registry or default_registry()
    member_csv = Path(member_csv)
    members = read_rows(member_csv, MEMBER_COLUMNS + tuple(KINDS), "an ATOP member-level file")
    if not members:
        raise DataFileError(str(member_csv), None, None, "no rows")
    version = _version(members, member_csv)
    alliances: dict[int, dict[str, str]] = {}
    if alliance_csv is not None:
        alliance_csv = Path(alliance_csv)
        for line, row in enumerate(read_rows(alliance_csv, ("atopid", "begyr", "endyr"), "an ATOP alliance-level file"), start=2):
            alliances[_int(row, "atopid", alliance_csv, line)] = row | {"_line": str(line)}
    source_file = member_csv.name
    by_alliance: dict[int, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for line, row in enumerate(members, start=2):
        by_alliance[_int(row, "atopid", member_csv, line)].append((line, row))

    out: dict[str, list[dict[str, Any]]] = {"treaties": [], "memberships": [], "obligations": [], "suspensions": []}
    skipped: list[str] = []
    for atopid in sorted(by_alliance):
        source = {"kind": "imported", "dataset": "ATOP", "version": version, "atopid": atopid, "file": source_file}
        treaty_id = keys.atop_treaty_key(atopid)
        phases: dict[int, list[tuple[str, dt.date | None, dt.date | None, dict[str, str]]]] = defaultdict(list)
        seen: dict[tuple[str, int], int] = defaultdict(int)
        for line, row in by_alliance[atopid]:
            ccode = _int(row, "member", member_csv, line)
            try:
                state = registry.by_cow(ccode)
            except LookupError:
                skipped.append(f"{member_csv.name} line {line}: COW code {ccode} (alliance {atopid}) is not a state casus knows")
                continue
            start = _date(_int(row, "yrent", member_csv, line), _int(row, "moent", member_csv, line),
                          _int(row, "dayent", member_csv, line), member_csv, line, "yrent")
            end = _date(_int(row, "yrexit", member_csv, line), _int(row, "moexit", member_csv, line),
                        _int(row, "dayexit", member_csv, line), member_csv, line, "yrexit")
            if start is None:
                raise DataFileError(str(member_csv), f"line {line}", "yrent", "no entry year")
            if end is not None and end < start:
                raise DataFileError(str(member_csv), f"line {line}", "yrexit", f"exit {end} is before entry {start}")
            phase = _int(row, "phase", member_csv, line)
            phases[phase].append((state.id, start, end, row))
            # A state can hold several spans in one phase (Egypt in the Arab League
            # before and after its suspension): number the repeats.
            seen[(state.id, phase)] += 1
            repeat = seen[(state.id, phase)]
            out["memberships"].append({
                "membership_key": keys.atop_membership_key(treaty_id, state.id, phase, repeat),
                "treaty_key": treaty_id, "state_id": state.id, "signed": start,
                "valid_from": start, "valid_to": _after(start, end),
                "left_reason": None, "note": f"ATOP phase {phase}", "uncertain": None,
                "source": source | {"line": line},
            })
        if not phases:
            continue
        starts = [s for rows in phases.values() for _, s, _, _ in rows]
        ends = [e for rows in phases.values() for _, _, e, _ in rows]
        begin, finish = min(starts), (None if None in ends else max(ends))
        alliance = alliances.get(atopid)
        if alliance is not None:
            line = int(alliance["_line"])
            begin = _date(_int(alliance, "begyr", alliance_csv, line), _int(alliance, "begmo", alliance_csv, line),
                          _int(alliance, "begday", alliance_csv, line), alliance_csv, line, "begyr") or begin
            end_year = _int(alliance, "endyr", alliance_csv, line)
            if end_year:
                finish = _date(end_year, _int(alliance, "endmo", alliance_csv, line),
                               _int(alliance, "endday", alliance_csv, line), alliance_csv, line, "endyr")
            else:
                finish = None
        out["treaties"].append({
            "treaty_key": treaty_id, "name": f"ATOP alliance {atopid}", "aliases": [str(atopid)],
            "organisation": None, "signed": begin, "in_force": begin,
            "ended": _after(begin, finish),
            "end_reason": "terminated" if finish else None, "atop_id": atopid, "notes": None, "uncertain": None,
            "source": source,
        })
        for phase, rows in sorted(phases.items()):
            phase_start = min(s for _, s, _, _ in rows)
            phase_ends = [e for _, _, e, _ in rows]
            phase_end = None if None in phase_ends else max(phase_ends)
            for column, kind in KINDS.items():
                obligors = sorted({state for state, _, _, row in rows if (row.get(column) or "0").strip() == "1"})
                if not obligors:
                    continue
                everyone = sorted({state for state, _, _, _ in rows})
                conditions = _conditions(column, [row for _, _, _, row in rows], registry)
                out["obligations"].append({
                    "obligation_key": keys.atop_obligation_key(treaty_id, phase, kind), "treaty_key": treaty_id,
                    "article": f"phase {phase}", "kind": kind,
                    "strength": "consult" if kind == "consultation" else "unspecified",
                    "obligors": "members" if obligors == everyone else obligors, "beneficiaries": "members",
                    "conditions": conditions,
                    "summary": f"ATOP codes a {kind} pledge in phase {phase} of alliance {atopid}.",
                    "note": None, "uncertain": None,
                    "valid_from": phase_start,
                    "valid_to": _after(phase_start, phase_end),
                    "source": source | {"phase": phase},
                })
    return out, version, skipped


def _after(start: dt.date, end: dt.date | None) -> dt.date | None:
    """An exclusive end; a span ATOP opens and closes on one day lasts that day."""
    if end is not None and end <= start:
        return start + dt.timedelta(days=1)
    return end


def _conditions(column: str, rows: list[dict[str, str]], registry) -> dict[str, Any]:
    prefix = PREFIX[column]
    if prefix is None:
        return {}
    conditions: dict[str, Any] = {}
    for suffix, (name, description) in CONDITIONS.items():
        flag = f"{prefix}{suffix}"
        if not any((row.get(flag) or "0").strip() not in ("0", "", "NA") for row in rows):
            continue
        if name == "place":
            conditions["place"] = {"area": "atop-unspecified", "description": description}
        elif name == "adversary":
            conditions["adversary"] = _adversary(rows, registry) or {
                "states": [], "non_members": False, "description": description,
            }
        elif name == "non_provocation":
            conditions["non_provocation"] = True
        else:
            conditions[name] = description
    if "conflict" in conditions:
        # ATOP's cowwar: the COW war the members were fighting when they signed,
        # which is the conflict such a pledge is tied to (the replay decides it).
        wars = sorted({_int(row, "cowwar", Path("atop"), 0) for row in rows} - {0})
        if wars:
            conditions["conflict_wars"] = wars
    return conditions


def _adversary(rows: list[dict[str, str]], registry) -> dict[str, Any] | None:
    """The adversary ATOP names in its specific-threat fields (statthr1, statthr2), if any.

    The Dual Alliance's defence pledge holds only against Russia: ATOP flags the
    condition (defcoadv) and names Russia as the specific threat (statthr1 = 365).
    """
    codes = sorted({int(float(v)) for row in rows for v in (row.get("statthr1"), row.get("statthr2"))
                    if v and v.strip() not in ("", "0", "NA", ".")})
    states = []
    for code in codes:
        try:
            states.append(registry.by_cow(code).id)
        except LookupError:
            return None  # a threat casus cannot name stays an open condition
    if not states:
        return None
    return {"states": states, "non_members": False,
            "description": "the specific threat ATOP names (statthr1/statthr2): " + ", ".join(states)}


def import_atop(store, member_csv: Path, alliance_csv: Path | None = None, *, replace: bool = False) -> ImportReport:
    """Import ATOP into ``store`` as the dataset ``atop``; idempotent for the same version.

    A different version than the one stored is refused unless ``replace``: the
    old version's rows are then superseded in recorded time, never mixed in.
    """
    records, version, skipped = records_from_atop(member_csv, alliance_csv)
    existing = {d["id"]: d for d in store.datasets()}.get(DATASET)
    if existing and existing["version"] != version and not replace:
        raise DatasetVersionError(
            f"the store holds ATOP {existing['version']}; importing {version} would mix versions "
            "(replace it to supersede it)", record=DATASET
        )
    years = [r["valid_from"] for r in records["memberships"]]
    counts = store.replace_dataset(
        DATASET, records,
        name="Alliance Treaty Obligations and Provisions (ATOP)", version=version, kind="imported",
        citation=ATOP_CITATION, url="http://www.atopdata.org/",
        coverage_from=min(years) if years else None, coverage_to=_coverage_end(records),
        digest=None,
    )
    return ImportReport(version, len(records["treaties"]), len(records["memberships"]),
                        len(records["obligations"]), counts, skipped)


def _coverage_end(records) -> dt.date | None:
    """ATOP's coverage ends with the last year it codes (its last observed date)."""
    dates = [d for table in ("memberships", "treaties") for r in records[table]
             for d in (r.get("valid_from"), r.get("valid_to"), r.get("in_force"), r.get("ended")) if d]
    return dt.date(max(dates).year, 12, 31) if dates else None
