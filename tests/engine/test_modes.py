"""Strict mode stops after the first round; escalation follows the chain reaction."""

from __future__ import annotations

import datetime as dt

from engine.bases import FixedPlaces, base, pact

from casus.engine import Engine, Report, Scenario
from casus.engine.scenario import Act

DAY = dt.date(2020, 6, 1)
WEST = pact("west", ["POL", "FRA"], ("5", "defense", "automatic", ""))
EAST = pact("east", ["RUS", "BLR"], ("4", "defense", "automatic", ""))
FAR = pact("far", ["RUS", "CHN"], ("2", "defense", "automatic", "conditions:\n  non_provocation: true"))
ITALIAN = pact("italian", ["FRA", "ITA"], ("1", "defense", "automatic", "conditions:\n  non_provocation: true"))


def report(mode, *texts):
    kb = base(*texts)
    outcome = Engine(kb, FixedPlaces()).run(Scenario(DAY, (Act("RUS", "POL"),), mode))
    return Report(outcome, kb.registry).to_json()


def sides(payload):
    return {name: [(p["state"]["id"], p["round"]) for p in people] for name, people in payload["sides"].items()}


def test_strict_mode_stops_after_the_first_round():
    payload = report("strict", WEST, EAST)
    assert sides(payload) == {"attackers": [("RUS", 0)], "defenders": [("POL", 0), ("FRA", 1)]}
    assert payload["rounds"] == 1


def test_escalation_brings_in_the_attackers_allies_when_the_defenders_strike_back():
    payload = report("escalation", WEST, EAST)
    assert sides(payload) == {"attackers": [("RUS", 0), ("BLR", 2)], "defenders": [("POL", 0), ("FRA", 1)]}
    belarus = payload["sides"]["attackers"][1]
    assert [(step.get("state"), step["round"], step["act"]) for step in belarus["chain"]] == [
        (None, 0, "RUS attacks POL"),
        ("FRA", 1, "RUS attacks POL"),
        ("BLR", 2, "FRA attacks RUS"),
    ]


def test_escalation_ends_when_nothing_changes():
    payload = report("escalation", WEST, EAST)
    assert payload["rounds"] == 3  # round 3 fires Belarus's counter-attacks and binds nobody new


def test_a_strike_back_at_the_aggressor_counts_as_provoked_for_its_allies():
    # China promised Russia help only against unprovoked attacks (as Italy read the
    # Triple Alliance in 1914); France strikes Russia because Russia attacked Poland.
    payload = report("escalation", WEST, EAST, FAR)
    assert "CHN" not in [state for state, _ in sides(payload)["attackers"]]
    assert ("BLR", 2) in sides(payload)["attackers"]


def test_a_defensive_ally_of_the_defenders_is_drawn_in_by_the_aggressors_counter_attack():
    # Belarus enters on the aggressor's side and strikes France; Italy is bound to
    # France unless France provoked it, and France only came to Poland's defence.
    payload = report("escalation", WEST, EAST, ITALIAN)
    assert ("ITA", 3) in sides(payload)["defenders"]
