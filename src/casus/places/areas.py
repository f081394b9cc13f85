"""The treaty areas (docs/DATA-CONVENTIONS.md) as rules over places.

Each rule answers True, False or None ("cannot be decided") for one place, date and
set of parties. The rules are the treaty texts read as AREAS.md explains; the facts
they use (who holds what, which continent, which sea) come from the data files.
Three-valued logic throughout: a clause that cannot be decided never becomes False
by accident (see ``_any``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from casus.places.geo import TROPIC_OF_CANCER, in_rio_region
from casus.places.model import Place

if TYPE_CHECKING:
    from casus.places.gazetteer import Gazetteer

Answer = bool | None
SEATO_LATITUDE = 21.5  # Manila Pact Art. VIII: 21 degrees 30 minutes north
WEST_PACIFIC_EAST_LIMIT = 180.0


def _any(answers: Iterable[Answer]) -> Answer:
    """Three-valued OR: True if any clause holds, None if none holds but one is open."""
    seen_none = False
    for answer in answers:
        if answer is True:
            return True
        if answer is None:
            seen_none = True
    return None if seen_none else False


class _Facts:
    """What every rule asks about one place on one date, computed once."""

    def __init__(self, gz: Gazetteer, place: Place, on: dt.date, parties: frozenset[str]) -> None:
        self.gz, self.place, self.on, self.parties = gz, place, on, parties
        self.territory = gz.territory(place)
        self.sovereign = gz.sovereign(place, on)
        self.administrator = gz.administrator(place, on)
        self.at_sea = place.kind == "sea" and place.state is None
        self.waters = set(place.waters) | set(self.territory.waters)
        self.regions = place.regions or self.territory.regions
        self.keys = {place.id, self.territory.id, place.state, self.sovereign} - {None}

    @property
    def party_holds(self) -> bool:
        return self.sovereign in self.parties

    @property
    def party_claims(self) -> bool:
        """A party claims it, or administers it, without being the sovereign in casus's reading."""
        others = set(self.place.claimants) | {self.administrator, self.place.coastal_state}
        return bool(others & self.parties)

    @property
    def island(self) -> bool:
        return "island" in (self.place.kind, self.territory.kind)

    def in_group(self, group: str) -> bool:
        return self.gz.in_group(group, *self.keys)

    def in_europe(self) -> Answer:
        if not self.regions:
            return None
        if self.regions == ("europe",):
            return True
        return None if "europe" in self.regions else False


def party_territory(f: _Facts) -> Answer:
    """The territory (metropolitan and overseas) of a party."""
    if f.place.kind == "sea" and f.place.state is None and f.place.waters and not f.place.claimants:
        return None if f.place.coastal_state in f.parties else False
    if f.party_holds:
        return True
    if f.place.state is None and f.place.lat is None:
        return None
    return None if f.party_claims else False


def party_european_territory(f: _Facts) -> Answer:
    """The territory of a party in Europe (Ceuta, Melilla, the Canaries are in Africa)."""
    held = party_territory(f)
    if held is False:
        return False
    europe = f.in_europe()
    if europe is False:
        return False
    if held is True and europe is True:
        return True
    return None


def _north_atlantic(f: _Facts) -> Answer:
    """Within the North Atlantic area north of the Tropic of Cancer (or the Mediterranean)."""
    if "mediterranean" in f.waters:
        return True
    if "north-atlantic" not in f.waters:
        if {"black-sea", "arctic"} & f.waters:
            return None  # neither named in Art. 6 nor excluded by it: see AREAS.md
        return False
    if f.place.id.startswith("sea:"):
        sea = f.gz._seas_by_id[f.place.id[4:]]
        lats = [lat for ring in sea.rings for _, lat in ring]
        if min(lats) > TROPIC_OF_CANCER:
            return True
        return False if max(lats) < TROPIC_OF_CANCER else None
    if f.place.lat is None:
        return None
    return f.place.lat > TROPIC_OF_CANCER


def nato_art6(f: _Facts) -> Answer:
    """North Atlantic Treaty Art. 6 as amended by the 1951 Protocol on Greece and Turkey."""
    clauses: list[Answer] = []
    # forces, vessels, aircraft in or over the Mediterranean or the North Atlantic area
    if f.place.kind == "sea" or f.at_sea:
        clauses.append(_north_atlantic(f))
    if f.party_holds:
        if f.sovereign == "TUR":
            clauses.append(True)  # "the territory of Turkey", all of it
        elif f.sovereign == "FRA" and (f.place.state == "DZA" or f.territory.id == "DZA"):
            clauses.append(True)  # "the Algerian Departments of France", until 1962-07-03
        else:
            europe = f.in_europe()
            clauses.append(europe)
            if f.regions == ("north-america",):
                clauses.append(True)
            if f.island and "north-atlantic" in f.waters and f.place.lat is not None:
                clauses.append(f.place.lat > TROPIC_OF_CANCER)
    elif f.in_group("nato-occupation-areas-1949") and f.place.kind != "sea":
        clauses.append(None)  # forces of parties there are covered; the territory is not
    elif f.party_claims:
        clauses.append(None)
    return _any(clauses) if clauses else False


def _administered_by(state: str, f: _Facts) -> Answer:
    """Whether the place is under ``state``'s administration on the date (not its sovereignty)."""
    if f.administrator == state:
        return True
    if f.administrator is None:
        if f.at_sea:
            return None if f.place.coastal_state == state else False
        if state in f.place.claimants:
            return None  # control split or unsettled and the state claims it (the DMZ, say)
        if f.place.state is None and f.place.lat is None:
            return None
    return False


def japan_administered(f: _Facts) -> Answer:
    """US–Japan 1960 Art. V: territories under the administration of Japan on the date."""
    return _administered_by("JPN", f)


def rok_administered(f: _Facts) -> Answer:
    """The US understanding to US–ROK 1953 Art. III: territory the US recognises as lawfully
    under the administrative control of the Republic of Korea (south of the armistice line)."""
    return _administered_by("KOR", f)


def _pacific(f: _Facts, *, forces: bool) -> Answer:
    in_pacific = "pacific" in f.waters
    if f.party_holds and f.place.kind != "sea":
        if f.territory.status in ("metropolitan", "disputed") or f.place.kind == "state":
            if forces:
                return True  # "the metropolitan territory of any of the Parties", wherever it is
        if in_pacific and (f.island or f.territory.kind in ("island", "territory")):
            return True  # island territories under its jurisdiction in the Pacific
        if f.territory.status == "overseas" or (f.island and f.territory.status != "metropolitan"):
            return False  # an overseas island or territory is decided by where it lies: Puerto Rico is not Pacific
        if not forces:
            if f.in_group("pacific-rim") and f.regions and set(f.regions) & {"asia", "oceania"}:
                return True
            return None if f.in_group("pacific-rim") else False
        return False
    if f.place.kind == "sea" or f.at_sea or (f.place.state is None and f.island):
        if forces and in_pacific:
            return True  # forces, public vessels, aircraft in the Pacific (incl. its marginal seas)
        if f.party_holds or f.party_claims:
            return None
        return False
    if f.administrator in f.parties and not forces:
        return True if in_pacific or f.in_group("pacific-rim") else None
    if forces and (in_pacific or f.in_group("pacific-rim")):
        return None  # forces of a party on a third state's land "in the Pacific": contested
    return None if f.party_claims else False


def pacific_area(f: _Facts) -> Answer:
    """ANZUS Art. V, US–Philippines Art. V: party territory, Pacific islands, forces in the Pacific."""
    return _pacific(f, forces=True)


def pacific_area_territory(f: _Facts) -> Answer:
    """US–ROK 1953 Art. III: territories under a party's administrative control in the Pacific area (no forces clause)."""
    return _pacific(f, forces=False)


def rio_region(f: _Facts) -> Answer:
    """Rio Treaty Art. 4: the polygon between the poles described by coordinates."""
    if f.place.id.startswith("sea:"):
        sea = f.gz._seas_by_id[f.place.id[4:]]
        inside = {in_rio_region(lat, lon) for ring in sea.rings for lon, lat in ring}
        return inside.pop() if len(inside) == 1 else None
    if f.place.lat is None or f.place.lon is None:
        return None
    return in_rio_region(f.place.lat, f.place.lon)


def seato_area(f: _Facts) -> Answer:
    """Manila Pact Art. VIII: South-East Asia, the Asian parties' whole territories, the
    South-West Pacific south of 21°30'N."""
    if f.sovereign in f.parties and f.sovereign in f.gz.groups["seato-asian-parties"].members:
        return True
    if f.place.kind != "sea" and f.in_group("southeast-asia"):
        return True
    lat = f.place.lat
    if lat is None:
        return None
    if f.in_group("south-west-pacific"):
        return lat < SEATO_LATITUDE
    if f.in_group("seato-unclear"):
        return None if lat < SEATO_LATITUDE else False
    if f.place.id.startswith("sea:"):
        sea = f.gz._seas_by_id[f.place.id[4:]]
        lats = [point_lat for ring in sea.rings for _, point_lat in ring]
        if min(lats) >= SEATO_LATITUDE:
            return False  # wholly north of the line: the Taiwan Strait, the East China Sea
        if max(lats) > SEATO_LATITUDE and {"pacific", "south-china-sea"} & f.waters:
            return None  # a named sea astride the line (the South China Sea): a point in it decides
    if f.place.kind == "sea" or f.at_sea:
        if lat >= SEATO_LATITUDE and {"pacific", "south-china-sea"} & f.waters:
            return False
        if "south-china-sea" in f.waters:
            return True
        if f.place.id == "sea:pacific":
            return None
        if "pacific" in f.waters and f.place.lon is not None:
            if lat < 0 and f.place.lon > 110:
                return True
            return None if f.place.lon > 100 or f.place.lon < -150 else False
        if "indian" in f.waters and f.place.lon is not None and 90 <= f.place.lon <= 145:
            return None
        return False
    return False


def west_pacific_roc(f: _Facts) -> Answer:
    """US–ROC 1954 Art. VI: Taiwan and the Pescadores for the ROC; the island territories
    in the West Pacific under US jurisdiction."""
    if f.place.kind == "sea" and f.place.state is None:
        return False  # Art. V covers attacks on territories only
    answers: list[Answer] = []
    if "TWN" in f.parties and f.sovereign == "TWN":
        answers.append(f.territory.id in ("taiwan", "penghu", "TWN"))
    if "USA" in f.parties and f.administrator == "USA" and f.island and "pacific" in f.waters:
        lon = f.place.lon if f.place.lon is not None else f.territory.lon
        answers.append(True if lon is not None and lon > 100 else None)
    return _any(answers) if answers else False


TERRITORY_RULE: dict[str, str] = {
    "nato-art6": "sovereignty",
    "japan-administered": "administration",
    "rok-administered": "administration",
    "pacific-area": "sovereignty",
    "pacific-area-territory": "administration",
    "rio-region": "sovereignty",
    "seato-area": "sovereignty",
    "party-territory": "sovereignty",
    "party-european-territory": "sovereignty",
    "west-pacific-roc": "sovereignty",
}
"""Whether an area looks at who is sovereign or at who administers (AREAS.md, "Sovereignty or
administration"). A duty with no area covers "an attack on a party": sovereignty."""


def territory_rule(area_id: str | None) -> str:
    return TERRITORY_RULE.get(area_id or "", "sovereignty")


RULES: dict[str, Callable[[_Facts], Answer]] = {
    "nato-art6": nato_art6,
    "japan-administered": japan_administered,
    "rok-administered": rok_administered,
    "pacific-area": pacific_area,
    "pacific-area-territory": pacific_area_territory,
    "rio-region": rio_region,
    "seato-area": seato_area,
    "party-territory": party_territory,
    "party-european-territory": party_european_territory,
    "west-pacific-roc": west_pacific_roc,
}


def decide(gz: Gazetteer, area_id: str, place: Place, on: dt.date, parties: frozenset[str]) -> Answer:
    """The answer of area ``area_id`` for ``place``; None for an area id casus does not know."""
    rule = RULES.get(area_id)
    if rule is None:
        return None
    return rule(_Facts(gz, place, on, parties))
