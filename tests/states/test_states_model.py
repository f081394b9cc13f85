"""What a State tells: codes, names over time, existence, JSON form."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.errors import UnknownStateError
from casus.states import State, StateRegistry, default_registry

REG = default_registry()


def test_default_registry_is_loaded_once():
    assert default_registry() is REG


def test_get_returns_the_state_of_a_casus_id():
    prk = REG.get("PRK")
    assert isinstance(prk, State)
    assert (prk.cow, prk.cow_abb, prk.gw, prk.iso3, prk.iso2) == (731, "PRK", 731, "PRK", "KP")
    assert (prk.name, prk.capital, prk.demonym) == ("North Korea", "Pyongyang", "North Korean")


def test_get_is_exact_and_suggests_ids():
    with pytest.raises(UnknownStateError) as caught:
        REG.get("prk")
    assert "PRK (North Korea, 1948–)" in caught.value.suggestions
    with pytest.raises(UnknownStateError):
        REG.get("North Korea")


def test_by_cow_follows_the_data_conventions():
    assert REG.by_cow(365).id == "RUS"
    assert REG.by_cow(260).id == "GFR"
    assert REG.by_cow("255").id == "DEU"
    with pytest.raises(UnknownStateError):
        REG.by_cow(999)


def test_russia_keeps_one_id_and_changes_name():
    rus = REG.get("RUS")
    assert rus.name_on(dt.date(1900, 1, 1)) == "Russian Empire"
    assert rus.name_on(dt.date(1960, 1, 1)) == "Soviet Union"
    assert rus.name_on(dt.date(1991, 12, 25)) == "Soviet Union"
    assert rus.name_on(dt.date(1991, 12, 26)) == "Russia"
    assert rus.name_on(None) == "Russia"


def test_serbia_was_yugoslavia_then_serbia_and_montenegro():
    srb = REG.get("SRB")
    assert [srb.name_on(f"{year}-06-01") for year in (1900, 1925, 1980, 2005, 2010)] == [
        "Serbia", "Kingdom of Serbs, Croats and Slovenes", "Yugoslavia", "Serbia and Montenegro", "Serbia",
    ]


def test_spans_are_exclusive_at_the_end():
    gfr = REG.get("GFR")
    assert gfr.spans == ((dt.date(1955, 5, 5), dt.date(1990, 10, 3)),)
    assert gfr.existed_on(dt.date(1990, 10, 2))
    assert not gfr.existed_on(dt.date(1990, 10, 3))
    assert REG.get("DEU").existed_on("1990-10-03")


def test_a_state_may_leave_and_return():
    deu = REG.get("DEU")
    assert deu.spans == ((dt.date(1816, 1, 1), dt.date(1945, 5, 9)), (dt.date(1990, 10, 3), None))
    assert not deu.existed_on("1960-01-01")


def test_to_json_gives_the_name_of_the_date():
    assert REG.get("COD").to_json() == {
        "id": "COD", "iso3": "COD", "cow": 490, "name": "DR Congo", "cow_abb": "DRC", "gw": 490,
    }
    assert REG.get("COD").to_json(on=dt.date(1980, 1, 1))["name"] == "Zaire"
    assert REG.get("KRE").to_json() == {
        "id": "KRE", "iso3": None, "cow": 730, "name": "Korean Empire", "cow_abb": "KOR", "gw": 730,
    }


def test_existing_on_is_sorted_by_cow_code():
    states = REG.existing_on(dt.date(1816, 1, 1))
    assert [s.cow for s in states] == sorted(s.cow for s in states)
    assert {"USA", "GBR", "FRA", "RUS", "DEU", "AUH"} <= {s.id for s in states}
    assert "DEU" not in {s.id for s in REG.existing_on("1980-01-01")}


def test_the_state_system_at_the_cow_cut_off_has_195_members():
    assert len(REG.existing_on("2016-12-31")) == 195


def test_all_lists_every_state_once_sorted_by_cow_code():
    states = REG.all()
    assert len(states) == len({s.id for s in states}) == 217
    assert [s.cow for s in states] == sorted(s.cow for s in states)


def test_a_registry_can_be_built_from_states_in_memory():
    reg = StateRegistry([REG.get("KOR"), REG.get("PRK")])
    assert len(reg) == 2
    assert reg.lookup("Seoul").id == "KOR"
    assert [s.id for s in reg] == ["PRK", "KOR"]
