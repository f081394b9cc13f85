"""Polities the news names as parties that the state registry (COW's system) has no code
for: Somaliland, Palestine, Western Sahara (the SADR), Northern Cyprus, Abkhazia, South
Ossetia, Transnistria (``data/polities.csv``, each row with its source).

The reader finds them as it finds states (name, aliases, demonym, capital) and writes
them as a state party with ``cow`` null and ``iso3`` the ISO 3166 code where there is one
(``PSE``, ``ESH``), else the upper-cased name, as the gold files write Somaliland
(``SOMALILAND``; see ``../shared/eval/README.md``). Kosovo (``XKX``) and Taiwan are in the
registry already.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casus.errors import DataFileError

DATA = Path(__file__).parent / "data"
POLITY_COLUMNS = ["id", "iso3", "name", "aliases", "demonym", "capital", "source"]


@dataclass(frozen=True)
class Polity:
    id: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonym: str
    capital: str

    def to_json(self) -> dict:
        return {"id": self.id, "iso3": self.iso3, "cow": None, "name": self.name}


def load_polities(path: Path = DATA / "polities.csv") -> dict[str, Polity]:
    """The polities of ``path`` by id; a bad header, a missing field or a source that is
    not a URL is the file's error."""
    from casus.states import default_registry

    registry = default_registry()
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != POLITY_COLUMNS:
            raise DataFileError(str(path), "header", None, f"columns must be {POLITY_COLUMNS}, not {reader.fieldnames}")
        out: dict[str, Polity] = {}
        for line, row in enumerate(reader, start=2):
            where = f"line {line} (id={row['id']})"
            for column in ("id", "iso3", "name"):
                if not (row[column] or "").strip():
                    raise DataFileError(str(path), where, column, "must not be empty")
            if not (row["source"] or "").startswith("http"):
                raise DataFileError(str(path), where, "source", "must be a URL")
            if row["id"] in out:
                raise DataFileError(str(path), where, "id", "is given twice")
            try:
                registry.get(row["id"])
            except LookupError:
                pass
            else:
                raise DataFileError(str(path), where, "id", "is a state of the registry already")
            out[row["id"]] = Polity(row["id"].strip(), row["iso3"].strip(), row["name"].strip(),
                                    tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                                    row["demonym"].strip(), row["capital"].strip())
        return out


@cache
def polities() -> dict[str, Polity]:
    """The built-in table, read once."""
    return load_polities()
