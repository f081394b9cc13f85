"""Organisations and pacts the reader names as parties (``data/organisations.csv``).

Kept apart from the spaCy matcher so that review and matching can use the same
names without loading spaCy.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from casus.errors import DataFileError

DATA = Path(__file__).parent / "data"
ORG_COLUMNS = ["id", "name", "aliases", "kind", "members", "treaties", "source"]


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str  # "organisation" (a party itself) or "pact" (its members are the parties)
    members: tuple[str, ...] = ()
    treaties: tuple[str, ...] = ()  # the knowledge base's treaties it stands for ("nato")

    def to_json(self) -> dict:
        return {"id": self.id, "iso3": None, "name": self.name}

    def with_aliases(self, names) -> Organisation:
        """The organisation with ``names`` among its aliases (the names of its treaties)."""
        extra = tuple(n for n in names if n not in (self.id, self.name, *self.aliases))
        return replace(self, aliases=self.aliases + extra) if extra else self


def load_organisations(path: Path = DATA / "organisations.csv") -> dict[str, Organisation]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ORG_COLUMNS:
            raise DataFileError(str(path), "header", None, f"columns must be {ORG_COLUMNS}, not {reader.fieldnames}")
        orgs = {}
        for line, row in enumerate(reader, start=2):
            where = f"line {line} (id={row['id']})"
            if not row["id"] or not row["name"]:
                raise DataFileError(str(path), where, "id" if not row["id"] else "name", "must not be empty")
            if row["id"] in orgs:
                raise DataFileError(str(path), where, "id", "already defined above")
            if row["kind"] not in ("organisation", "pact"):
                raise DataFileError(str(path), where, "kind", "must be organisation or pact")
            members = tuple(m for m in row["members"].split(";") if m)
            if row["kind"] == "pact" and len(members) < 2:
                raise DataFileError(str(path), where, "members", "a pact lists its members (two or more)")
            if row["kind"] == "organisation" and members:
                raise DataFileError(str(path), where, "members", "an organisation is a party itself: no members")
            if not (row["source"] or "").startswith("http"):
                raise DataFileError(str(path), where, "source", "must be a URL")
            orgs[row["id"]] = Organisation(row["id"], row["name"], tuple(a for a in row["aliases"].split(";") if a),
                                           row["kind"], members, tuple(t for t in row["treaties"].split(";") if t))
    return orgs


@cache
def organisation_ids() -> dict[str, str]:
    """Every name and alias of an organisation, upper-cased, to its short id."""
    ids = {}
    for org in load_organisations().values():
        for name in (org.id, org.name, *org.aliases):
            ids[" ".join(name.upper().removeprefix("THE ").split())] = org.id
    return ids
