"""The store's invariants, checked (``casus check store``).

What must hold for every store, whatever wrote it: one current version per
key, recorded spans of one key that follow each other without overlap, no
current record whose treaty is gone, every version sourced to a dataset the
store lists, and no two current memberships of one state in one treaty at the
same time. The database enforces the first (a partial unique index) and the
dataset link (a foreign key); the check still looks, so that a store restored
from elsewhere or written by an older casus is verified too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from casus.store.tables import KEYED, VERSIONED, datasets

CHILDREN = ("memberships", "obligations", "suspensions")


@dataclass(frozen=True)
class Violation:
    """One broken invariant, naming the table, the record and what is wrong."""

    rule: str  # two_current | recorded_span | orphan | unsourced | overlap | valid_span
    table: str
    key: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "table": self.table, "key": self.key, "message": self.message}

    def __str__(self) -> str:
        return f"{self.rule}: {self.table} {self.key!r}: {self.message}"


def check_store(store) -> list[Violation]:
    """Every violation of the store's invariants, read in one consistent transaction."""
    with store.transaction() as connection:
        known_datasets = {row.id for row in connection.execute(select(datasets.c.id))}
        tables = {
            name: [dict(row._mapping) for row in connection.execute(select(table).order_by(table.c.row_id))]
            for name, (table, _) in KEYED.items()
        }
    out: list[Violation] = []
    for name, (_, key_column) in KEYED.items():
        out.extend(_versions(name, key_column, tables[name], known_datasets))
    current = {name: [r for r in tables[name] if r["recorded_to"] is None] for name in VERSIONED}
    treaties = {r["treaty_key"] for r in current["treaties"]}
    for name in CHILDREN:
        _, key_column = VERSIONED[name]
        for row in current[name]:
            if row["treaty_key"] not in treaties:
                out.append(Violation("orphan", name, row[key_column],
                                     f"its treaty {row['treaty_key']!r} has no current record"))
            start, end = row.get("valid_from"), row.get("valid_to")
            if start is not None and end is not None and end <= start:
                out.append(Violation("valid_span", name, row[key_column], f"valid_to {end} is not after valid_from {start}"))
    out.extend(_overlapping_memberships(current["memberships"]))
    return out


def _versions(name: str, key_column: str, rows: list[dict[str, Any]], known: set[str]) -> list[Violation]:
    out: list[Violation] = []
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_key[row[key_column]].append(row)
        source = row["source"]
        if not isinstance(source, dict) or not source.get("kind"):
            out.append(Violation("unsourced", name, row[key_column], f"row {row['row_id']} has no source"))
        if row["dataset_id"] not in known:
            out.append(Violation("unsourced", name, row[key_column],
                                 f"row {row['row_id']} names dataset {row['dataset_id']!r}, which the store does not list"))
    for key, versions in by_key.items():
        open_rows = [v["row_id"] for v in versions if v["recorded_to"] is None]
        if len(open_rows) > 1:
            out.append(Violation("two_current", name, key,
                                 f"{len(open_rows)} current versions (rows {', '.join(map(str, open_rows))})"))
        ordered = sorted(versions, key=lambda v: (v["recorded_from"], v["recorded_to"] is None,
                                                  v["recorded_to"] or dt.datetime.max, v["row_id"]))
        for version in ordered:
            if version["recorded_to"] is not None and version["recorded_to"] < version["recorded_from"]:
                out.append(Violation("recorded_span", name, key, f"row {version['row_id']} ends before it begins"))
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before["recorded_to"] is None or before["recorded_to"] > after["recorded_from"]:
                out.append(Violation("recorded_span", name, key,
                                     f"rows {before['row_id']} and {after['row_id']} overlap in recorded time"))
    return out


def _overlapping_memberships(rows: list[dict[str, Any]]) -> list[Violation]:
    """Two current memberships of one state in one treaty whose valid spans overlap."""
    out = []
    by_member: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_member[(row["treaty_key"], row["state_id"])].append(row)
    for spans in by_member.values():
        spans.sort(key=lambda r: (r["valid_from"] or dt.date.min, r["membership_key"]))
        for before, after in zip(spans, spans[1:], strict=False):
            if before["valid_to"] is None or before["valid_to"] > (after["valid_from"] or dt.date.min):
                out.append(Violation("overlap", "memberships", after["membership_key"],
                                     f"overlaps {before['membership_key']!r} "
                                     f"({before['valid_from'] or 'entry into force'} to {before['valid_to'] or 'open'})"))
    return out
