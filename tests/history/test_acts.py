"""A war's acts as it spreads: days and directions from the data file, COW's rules where it is silent."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.errors import DataFileError
from casus.history import read_cow_wars
from casus.history.acts import parse_war_dates, timeline, war_dates
from casus.history.conditions import curated_conditions, for_war, parse_conditions
from casus.states import default_registry

from .test_wars import dyad, war_file

# War 950: Germany (255) attacks Poland (290) in 1939; Britain (200) joins Poland; Italy (325)
# joins Germany in 1940 and turns on it in 1943.
ROWS = [
    *dyad(950, 255, 290, 1939, 1, 2, initiator_a=1),
    *dyad(950, 255, 200, 1939, 1, 2, initiator_a=1),
    *dyad(950, 325, 200, 1940, 1, 2),
    *dyad(950, 325, 255, 1943, 1, 1, initiator_b=1),
]
DATES = {"wars": {950: {"start": "1939-09-01", "source": "made up", "acts": [
    {"on": "1939-09-01", "attacker": "DEU", "target": "POL"},
    {"on": "1939-09-03", "attacker": "GBR", "target": "DEU"},
    {"on": "1943-10-13", "attacker": "ITA", "target": "DEU"},
]}}}


def test_acts_follow_the_data_file_and_cow_rules_fill_the_rest(tmp_path):
    (war,) = read_cow_wars(war_file(tmp_path, ROWS))
    line = timeline(war, default_registry(), parse_war_dates(DATES, "test"))
    assert [a.text() for a in line.acts] == [
        "1939-09-01 DEU attacks POL",
        "1939-09-03 GBR attacks DEU",
        "1940-01-01 ITA attacks GBR",  # no day in the file: 1 January of the year it entered
        "1943-10-13 ITA attacks DEU",
    ]
    # Italy's first side lasts the years COW gives it; its second begins with its act against Germany.
    assert line.spans[("ITA", 2)] == (dt.date(1940, 1, 1), dt.date(1940, 12, 31))
    assert line.spans[("ITA", 1)] == (dt.date(1943, 10, 13), dt.date(1943, 12, 31))
    # Live acts: those whose two states are still at war on their sides (Poland and Britain: 1939 only).
    assert [a.text() for a in line.live(dt.date(1939, 9, 5))] == ["1939-09-01 DEU attacks POL", "1939-09-03 GBR attacks DEU"]
    assert [a.text() for a in line.live(dt.date(1943, 12, 1))] == ["1943-10-13 ITA attacks DEU"]


def test_without_days_the_targets_are_attacked_by_the_initiators_on_the_first_day(tmp_path):
    (war,) = read_cow_wars(war_file(tmp_path, ROWS))
    line = timeline(war, default_registry(), {})
    assert [a.text() for a in line.acts][:2] == ["1939-01-01 DEU attacks GBR", "1939-01-01 DEU attacks POL"]


def test_a_bad_war_dates_file_is_named_by_record_and_field():
    with pytest.raises(DataFileError, match="war 950 acts\\[1\\].*field on"):
        parse_war_dates({"wars": {950: {"start": "1939-09-01", "source": "x", "acts": [{"attacker": "DEU"}]}}}, "f")
    with pytest.raises(DataFileError, match="field source"):
        parse_war_dates({"wars": {950: {"start": "1939-09-01"}}}, "f")
    with pytest.raises(DataFileError, match="adversary"):
        parse_conditions({"alliances": {1: {"source": "x", "defense": {"adversary": {}}}}}, "f")


def test_the_shipped_data_files_load_and_every_entry_names_its_source():
    dates = war_dates()
    assert dates[139]["start"] == dt.date(1939, 9, 1) and all(w["source"] for w in dates.values())
    assert all(entry["source"] for entry in curated_conditions().values())


def test_a_pledge_tied_to_one_war_holds_in_that_war_only(builtin_kb):
    from dataclasses import replace

    from casus.kb import KnowledgeBase

    treaty = next(iter(builtin_kb.treaties.values()))
    obligation = replace(next(o for items in builtin_kb.obligations.values() for o in items if o.treaty_id == treaty.id),
                         conditions={"conflict": "ATOP codes a condition on a specific conflict", "conflict_wars": [139]})
    kb = KnowledgeBase([treaty], builtin_kb.memberships[treaty.id], [obligation], registry=builtin_kb.registry)
    same, notes = for_war(kb, 139, {})
    assert "conflict" not in same.obligations[treaty.id][0].conditions
    assert notes[(treaty.id, obligation.kind)] == ["the conflict it names is this war (139)"]
    other, notes = for_war(kb, 151, {})
    assert other.obligations.get(treaty.id, []) == []
    assert notes[(treaty.id, obligation.kind)] == ["tied to war 139, not this one"]


def test_a_treaty_area_named_as_states_decides_where_an_attack_falls():
    import datetime as dt

    from casus.engine import Act
    from casus.history.conditions import CuratedPlaces

    curated = {9100: {"source": "made up", "defense": {"place": {
        "description": "the federal territory", "states": ["AUH", "BAV"], "outside": ["Lombardy-Venetia"]}}}}
    places = CuratedPlaces(curated)
    day, parties = dt.date(1848, 4, 1), frozenset({"AUH", "BAV"})
    area = "history:9100/defense"
    assert places.status(area, "the federal territory", Act("ITA", "AUH", home=True), parties, day)[0] == "met"
    assert places.status(area, "the federal territory", Act("ITA", "AUH", "Lombardy-Venetia"), parties, day) == (
        "not_met", "the federal territory: Lombardy-Venetia is outside it")
    assert places.status(area, "the federal territory", Act("AUH", "ITA", home=True), parties, day)[0] == "not_met"
    # Areas the gazetteer knows go to it.
    assert places.status("party-territory", "x", Act("ITA", "AUH", home=True), parties, day)[0] == "met"
