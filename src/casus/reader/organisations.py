"""Organisations and pacts the reader names as parties (``data/organisations.csv``).

Kept apart from the spaCy matcher so that review and matching can use the same
names without loading spaCy.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casus.errors import DataFileError

DATA = Path(__file__).parent / "data"
ORG_COLUMNS = ["id", "name", "aliases", "kind", "members", "source"]


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str  # "organisation" (a party itself) or "pact" (its members are the parties)
    members: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"id": self.id, "iso3": None, "name": self.name}


def load_organisations(path: Path = DATA / "organisations.csv") -> dict[str, Organisation]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ORG_COLUMNS:
            raise DataFileError(str(path), "header", None, f"columns must be {ORG_COLUMNS}, not {reader.fieldnames}")
        orgs = {}
        for line, row in enumerate(reader, start=2):
            if row["kind"] not in ("organisation", "pact"):
                raise DataFileError(str(path), f"line {line} (id={row['id']})", "kind", "must be organisation or pact")
            orgs[row["id"]] = Organisation(row["id"], row["name"], tuple(a for a in row["aliases"].split(";") if a),
                                           row["kind"], tuple(m for m in row["members"].split(";") if m))
    return orgs


@cache
def organisation_ids() -> dict[str, str]:
    """Every name and alias of an organisation, upper-cased, to its short id."""
    ids = {}
    for org in load_organisations().values():
        for name in (org.id, org.name, *org.aliases):
            ids[" ".join(name.upper().removeprefix("THE ").split())] = org.id
    return ids
