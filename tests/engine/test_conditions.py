"""Each kind of condition: met, not met, or open (never silently decided)."""

from __future__ import annotations

import datetime as dt

import pytest
from engine.bases import FixedPlaces, base, pact

from casus.engine import Engine, Report, Scenario
from casus.engine.scenario import Act

DAY = dt.date(2020, 6, 1)


def outcome(conditions_yaml, *acts, places=None, members=("FRA", "POL", "USA")):
    kb = base(pact("t", list(members), ("5", "defense", "discretionary", "conditions:\n" + conditions_yaml)))
    report = Report(Engine(kb, places or FixedPlaces()).run(Scenario(DAY, tuple(acts))), kb.registry).to_json()
    bound = sorted(p["state"]["id"] for p in report["sides"]["defenders"] if p["round"] == 1)
    conditional = sorted((c["state"]["id"], tuple(c["open"])) for c in report["conditional"])
    return bound, conditional


PLACE = "  place: {area: europe, description: the attack must fall in Europe}"


@pytest.mark.parametrize(
    ("place", "answer", "expected"),
    [
        ("Narva", True, (["FRA", "USA"], [])),
        ("Hawaii", False, ([], [])),
        ("Atlantis", None, ([], [("FRA", ("place",)), ("USA", ("place",))])),
    ],
)
def test_a_place_condition_is_decided_where_the_attack_falls(place, answer, expected):
    places = FixedPlaces({("europe", place): answer})
    assert outcome(PLACE, Act("RUS", "POL", place=place), places=places) == expected


def test_without_a_place_the_whole_territory_of_the_target_decides():
    inside = FixedPlaces(home={("europe", "POL"): True})
    assert outcome(PLACE, Act("RUS", "POL"), places=inside) == (["FRA", "USA"], [])
    split = FixedPlaces(home={("europe", "USA"): None})
    assert outcome(PLACE, Act("RUS", "USA"), places=split) == ([], [("FRA", ("place",)), ("POL", ("place",))])


def test_an_adversary_condition_binds_only_against_the_named_states():
    named = "  adversary: {states: [RUS], description: only an attack by Russia}"
    assert outcome(named, Act("RUS", "POL")) == (["FRA", "USA"], [])
    assert outcome(named, Act("DEU", "POL")) == ([], [])


def test_an_adversary_condition_on_non_members_excludes_attacks_from_inside():
    outsiders = "  adversary: {non_members: true, description: only an attack by a non-member}"
    assert outcome(outsiders, Act("RUS", "POL")) == (["FRA", "USA"], [])
    assert outcome(outsiders, Act("FRA", "POL")) == ([], [])


def test_an_adversary_named_only_in_words_is_open():
    words = "  adversary: {description: communist aggression}"
    assert outcome(words, Act("RUS", "POL")) == ([], [("FRA", ("adversary",)), ("USA", ("adversary",))])


@pytest.mark.parametrize(
    ("provoked", "expected"),
    [(False, (["FRA", "USA"], [])), (True, ([], [])), (None, ([], [("FRA", ("non_provocation",)), ("USA", ("non_provocation",))]))],
)
def test_a_non_provocation_clause_turns_on_who_provoked(provoked, expected):
    assert outcome("  non_provocation: true", Act("RUS", "POL", provoked=provoked)) == expected


def test_a_number_of_attackers_clause_counts_the_attackers_of_the_target():
    clause = "  attackers: two or more states attack together"
    assert outcome(clause, Act("RUS", "POL")) == ([], [])
    assert outcome(clause, Act("RUS", "POL"), Act("BLR", "POL")) == (["FRA", "USA"], [])


@pytest.mark.parametrize(
    ("requested", "expected"),
    [(True, (["FRA", "USA"], [])), (False, ([], [])), (None, ([], [("FRA", ("demand",)), ("USA", ("demand",))]))],
)
def test_a_demand_clause_waits_for_the_targets_request(requested, expected):
    assert outcome("  demand: the attacked party must ask", Act("RUS", "POL", requested=requested)) == expected


def test_a_named_conflict_or_other_condition_stays_open():
    assert outcome("  conflict: only the war in Korea", Act("RUS", "POL")) == (
        [], [("FRA", ("conflict",)), ("USA", ("conflict",))]
    )
