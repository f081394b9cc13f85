"""Resolving names, states and coordinates to places; facts that change with the date."""

from __future__ import annotations

import time

import pytest

from casus.errors import UnknownPlaceError
from casus.places import Place, default_gazetteer
from casus.places import geo


@pytest.fixture(scope="module")
def gz():
    return default_gazetteer()


def test_a_city_resolves_to_its_state(gz):
    narva = gz.resolve("Narva")
    assert isinstance(narva, Place)
    assert (narva.kind, narva.state, narva.status) == ("city", "EST", "metropolitan")


def test_a_state_name_resolves_to_its_metropolitan_territory(gz):
    estonia = gz.resolve("Estonia")
    assert (estonia.id, estonia.kind, estonia.state, estonia.status) == ("EST", "state", "EST", "metropolitan")
    assert estonia.lat == pytest.approx(59.44, abs=0.05)


def test_a_capital_is_the_city_not_the_state_it_stands_for_in_news(gz):
    assert gz.resolve("Pyongyang").kind == "city"


def test_coordinates_resolve_to_the_state_under_them(gz):
    point = gz.resolve("59.38,28.19")  # Narva, within the outlines' error of the Russian border
    assert (point.state, point.lat, point.lon) == ("EST", 59.38, 28.19)


def test_a_point_at_sea_has_no_sovereign_and_knows_its_sea(gz):
    point = gz.resolve("35.0,18.0")
    assert (point.kind, point.state, point.status) == ("sea", None, "international")
    assert point.waters == ("mediterranean",)


def test_senkaku_sovereignty_is_disputed_but_japan_administers_them(gz):
    senkaku = gz.resolve("Diaoyu Islands")
    assert senkaku.id == "senkaku-islands"
    assert (senkaku.state, senkaku.status, senkaku.administered_by) == (None, "disputed", "JPN")
    assert set(senkaku.claimants) == {"JPN", "CHN", "TWN"}


def test_crimea_is_ukrainian_and_administered_by_russia_since_annexation(gz):
    crimea = gz.resolve("Crimea")
    assert (crimea.state, crimea.status) == ("UKR", "disputed")
    assert gz.administrator(crimea, "2014-03-17") == "UKR"
    assert gz.administrator(crimea, "2014-03-18") == "RUS"
    assert gz.administrator(gz.resolve("Sevastopol"), "2020-01-01") == "RUS"


def test_okinawa_reverted_to_japan_in_1972(gz):
    naha = gz.resolve("Naha")
    assert naha.within == "okinawa"
    assert gz.administrator(naha, "1972-05-14") == "USA"
    assert gz.administrator(naha, "1972-05-15") == "JPN"


def test_hamburg_was_west_german_during_the_cold_war(gz):
    hamburg = gz.resolve("Hamburg")
    assert gz.sovereign(hamburg, "1980-01-01") == "GFR"
    assert gz.sovereign(hamburg, "2000-01-01") == "DEU"


@pytest.mark.parametrize("name", [
    "Guam", "Hawaii", "Alaska", "Puerto Rico", "US Virgin Islands", "American Samoa", "Northern Mariana Islands",
    "Falklands", "Gibraltar", "Bermuda", "Diego Garcia", "Ceuta", "Melilla", "Canary Islands", "Balearics",
    "Azores", "Madeira", "French Guiana", "Réunion", "Martinique", "Guadeloupe", "Mayotte", "New Caledonia",
    "French Polynesia", "Saint-Pierre-et-Miquelon", "Corsica", "Sicily", "Sardinia", "Crete", "Rhodes", "Cyprus",
    "Svalbard", "Greenland", "Faroe Islands", "Åland", "Gotland", "Bornholm", "Kaliningrad", "Crimea", "Donbas",
    "Donetsk", "Luhansk", "Narva", "Okinawa", "Senkaku Islands", "Kuril Islands", "Liancourt Rocks", "Jeju",
    "Taiwan", "Penghu", "Kinmen", "Matsu", "Hainan", "Spratly Islands", "Paracel Islands", "Second Thomas Shoal",
    "Scarborough Shoal", "South China Sea", "Mediterranean Sea", "Baltic Sea", "Black Sea", "North Atlantic",
    "Pacific Ocean", "Korean DMZ", "Nagorno-Karabakh", "Transnistria", "Golan Heights", "Kashmir",
])
def test_the_gazetteer_knows_the_places_treaties_argue_about(gz, name):
    assert gz.find(name) is not None


def test_every_current_state_is_a_place(gz):
    for state in gz.registry:
        if state.exists_today:
            assert gz.resolve(state.id).kind == "state"


def test_an_unknown_place_raises_with_suggestions(gz):
    with pytest.raises(UnknownPlaceError) as caught:
        gz.resolve("Narvaa")
    assert caught.value.exit_code == 2
    assert "Narva, Estonia" in caught.value.suggestions
    assert gz.find("Xyzzyland") is None


def test_every_natural_earth_unit_is_a_state_or_a_curated_place(gz):
    countries = geo.countries()
    unmapped = [code for code in countries.codes if gz._country_of(geo.CountryHit(*code, 0.0)) is None]
    assert unmapped == []


def test_deciding_an_area_is_fast_once_loaded(gz):
    places = [gz.resolve(name) for name in ("Narva", "Guam", "Senkaku Islands", "South China Sea", "Istanbul")]
    start = time.perf_counter()
    for _ in range(200):
        for place in places:
            gz.in_area("nato-art6", place, on="2024-01-01", parties={"EST", "USA", "TUR"})
    assert (time.perf_counter() - start) / 1000 < 0.005


def test_rio_line_follows_rhumb_lines_between_the_treaty_points():
    assert geo.in_rio_region(-51.7, -57.9)  # Stanley, Falklands
    assert not geo.in_rio_region(40.4, -3.7)  # Madrid
    assert geo.in_rio_region(52.9, 173.2)  # Attu, west of the antimeridian, east of 170°E


def test_a_states_territories_include_its_overseas_parts_on_the_date(gz):
    spain = {place.id for place in gz.territories_of("ESP", on="2024-01-01")}
    assert {"ESP", "ceuta", "melilla", "canary-islands"} <= spain
    assert "west-germany" in {place.id for place in gz.territories_of("GFR", on="1980-01-01")}
    assert "hong-kong" in {place.id for place in gz.territories_of("GBR", on="1990-01-01")}
    assert "hong-kong" not in {place.id for place in gz.territories_of("GBR", on="2000-01-01")}
    assert gz.home_of("EST").kind == "state"


def test_the_taiwan_strait_is_its_own_sea_not_the_south_china_sea(gz):
    strait = gz.resolve("Taiwan Strait")
    assert (strait.id, strait.kind, strait.waters) == ("sea:taiwan-strait", "sea", ("taiwan-strait", "south-china-sea", "pacific"))


def test_luzon_is_a_philippine_island(gz):
    luzon = gz.resolve("Luzon")
    assert (luzon.kind, luzon.state) == ("island", "PHL")


def test_a_town_abroad_is_refused_for_an_act_but_found_with_its_country(gz):
    with pytest.raises(UnknownPlaceError) as caught:
        gz.resolve("Atlantis", near=("CHN", "USA"))
    assert caught.value.suggestions[0] == "Atlantis, South Africa"
    assert gz.resolve("Atlantis, South Africa").state == "ZAF"
    assert gz.resolve("Pyongyang", near=("CHN", "KOR")).state == "PRK"  # a capital abroad is meant


def test_describe_reports_who_holds_a_disputed_place_on_the_date(gz):
    crimea = gz.resolve("Crimea")
    assert gz.describe(crimea, "2013-01-01")["dispute"]["administrator"] == "UKR"
    later = gz.describe(crimea, "2025-01-01")["dispute"]
    assert (later["sovereign"], later["administrator"], later["claimants"]) == ("UKR", "RUS", ["RUS"])
    assert gz.describe(gz.resolve("Narva"), "2025-01-01")["dispute"] is None


def test_a_state_is_placed_at_its_capital_without_building_the_city_index():
    from importlib.resources import files

    from casus.places.gazetteer import Gazetteer

    estonia = Gazetteer(files("casus.places") / "data")
    home = estonia.home_of("EST")
    assert (home.lat, home.lon) == (59.43696, 24.75353)  # Tallinn
    assert "_cities" not in estonia.__dict__


def test_every_state_capital_kept_with_its_country_is_the_city_the_index_finds():
    from importlib.resources import files

    from casus.places.gazetteer import Gazetteer
    from casus.states import normalize

    gazetteer = Gazetteer(files("casus.places") / "data")
    compared = 0
    for state in gazetteer.registry:
        record = gazetteer._countries.get(state.iso2 or "")
        if not record or not record["capital_geonameid"]:
            continue
        found = next(city for city in gazetteer._cities[0][normalize(record["capital"])]
                     if city["countrycode"] == state.iso2)
        assert found["geonameid"] == int(record["capital_geonameid"]), state.id
        assert (found["latitude"], found["longitude"]) == (float(record["capital_latitude"]),
                                                           float(record["capital_longitude"])), state.id
        compared += 1
    assert compared > 150


def test_the_city_extract_keeps_english_alternate_names_of_large_cities_only():
    from importlib.resources import files

    from casus.places.gazetteer import Gazetteer, _read_extract

    gazetteer = Gazetteer(files("casus.places") / "data")
    assert gazetteer.resolve("Kiev").name == "Kyiv"
    rows = _read_extract("cities.tsv")
    assert len(rows) == 34006
    kept = [row for row in rows if row["alternatenames"]]
    assert all(int(row["population"]) >= 250_000 for row in kept)
    assert all(name.isascii() for row in kept for name in row["alternatenames"].split("|"))
