"""Each rule of the engine, on small bases with exact expected results."""

from __future__ import annotations

import datetime as dt

from engine.bases import FixedPlaces, base, pact

from casus.engine import Engine, Report, Scenario
from casus.engine.scenario import Act

ALLIANCE = pact("alliance", ["FRA", "DEU", "POL"], ("5", "defense", "automatic", ""), ("4", "consultation", "consult", ""))


def run(kb, *acts, on=dt.date(2020, 6, 1), mode="strict", places=None):
    outcome = Engine(kb, places or FixedPlaces()).run(Scenario(on, tuple(acts), mode))
    return Report(outcome, kb.registry).to_json()


def side(report, name):
    return [(p["state"]["id"], p["round"]) for p in report["sides"][name]]


def test_allies_are_bound_to_defend_an_attacked_member():
    report = run(base(ALLIANCE), Act("RUS", "POL"))
    assert sorted(side(report, "defenders")) == [("DEU", 1), ("FRA", 1), ("POL", 0)]
    assert side(report, "attackers") == [("RUS", 0)]
    reason = report["sides"]["defenders"][1]["reasons"][0]
    assert (reason["kind"], reason["treaty"]["id"], reason["article"], reason["toward"]["id"], reason["against"]["id"]) \
        == ("defense", "alliance", "5", "POL", "RUS")


def test_an_ally_that_is_itself_the_attacker_is_not_bound_and_the_attack_is_a_collision():
    report = run(base(ALLIANCE), Act("DEU", "POL"))
    assert sorted(side(report, "defenders")) == [("FRA", 1), ("POL", 0)]
    assert [(c["treaty"]["id"], c["article"], c["bound"]) for c in report["collisions"]] == [
        ("alliance", "5", "POL is bound to defend DEU")
    ]


def test_a_treaty_binds_from_the_day_it_enters_into_force_and_not_on_the_day_it_ends():
    kb = base(pact("short", ["FRA", "POL"], ("1", "defense", "automatic", ""), in_force="2020-06-01",
                   ended="2021-06-01"))
    assert side(run(kb, Act("RUS", "POL"), on=dt.date(2020, 5, 31)), "defenders") == [("POL", 0)]
    assert side(run(kb, Act("RUS", "POL"), on=dt.date(2020, 6, 1)), "defenders") == [("POL", 0), ("FRA", 1)]
    assert side(run(kb, Act("RUS", "POL"), on=dt.date(2021, 5, 31)), "defenders") == [("POL", 0), ("FRA", 1)]
    assert side(run(kb, Act("RUS", "POL"), on=dt.date(2021, 6, 1)), "defenders") == [("POL", 0)]


OFFENSIVE = pact(
    "offensive", ["DEU", "ITA"],
    ("1", "offense", "automatic", "obligors: [ITA]\nbeneficiaries: [DEU]\nconditions:\n  adversary: {states: [FRA], description: France}"),
)


def test_an_offense_pact_binds_the_partner_to_join_a_war_on_the_named_adversary():
    report = run(base(OFFENSIVE), Act("DEU", "FRA"))
    assert side(report, "attackers") == [("DEU", 0), ("ITA", 1)]
    assert side(run(base(OFFENSIVE), Act("DEU", "POL")), "attackers") == [("DEU", 0)]


def test_neutrality_owed_to_the_target_keeps_a_state_out_on_the_attackers_side():
    kb = base(pact("neutral", ["ESP", "FRA"], ("2", "neutrality", "automatic", "obligors: [ESP]\nbeneficiaries: [FRA]")))
    report = run(kb, Act("DEU", "FRA"))
    assert [(s["state"]["id"], s["toward"]["id"], s["may_not_help"]["id"]) for s in report["stay_out"]] == [
        ("ESP", "FRA", "DEU")
    ]
    report = run(kb, Act("FRA", "DEU"))  # owed to the attacker: may not help the target
    assert [(s["state"]["id"], s["may_not_help"]["id"]) for s in report["stay_out"]] == [("ESP", "DEU")]


def test_an_attack_breaks_a_promise_of_non_aggression():
    kb = base(pact("peace", ["DEU", "POL"], ("1", "nonaggression", "automatic", "")))
    report = run(kb, Act("DEU", "POL"))
    assert [(v["state"]["id"], v["toward"]["id"], v["reason"]["article"]) for v in report["violations"]] == [
        ("DEU", "POL", "1")
    ]


def test_a_duty_to_consult_is_owed_to_target_and_attacker_alike():
    report = run(base(ALLIANCE), Act("RUS", "POL"))
    assert sorted((c["state"]["id"], c["toward"]["id"]) for c in report["consult"]) == [("DEU", "POL"), ("FRA", "POL")]


def test_a_state_bound_to_both_sides_is_conflicted_and_on_neither():
    kb = base(ALLIANCE, pact("other", ["FRA", "RUS"], ("1", "offense", "automatic", "obligors: [FRA]\nbeneficiaries: [RUS]")))
    report = run(kb, Act("RUS", "POL"))
    assert sorted(side(report, "defenders")) == [("DEU", 1), ("POL", 0)]
    assert [(c["state"]["id"], sorted(r["why"] for r in c["reasons"])) for c in report["conflicted"]] == [
        ("FRA", ["bound to the attackers", "bound to the defenders"])
    ]


def test_a_state_bound_to_defend_the_target_but_not_to_help_against_the_attacker_is_conflicted():
    kb = base(ALLIANCE, pact("neutral", ["FRA", "RUS"], ("1", "neutrality", "automatic", "obligors: [FRA]\nbeneficiaries: [RUS]")))
    report = run(kb, Act("RUS", "POL"))
    assert [(c["state"]["id"], sorted(r["why"] for r in c["reasons"])) for c in report["conflicted"]] == [
        ("FRA", ["bound to the defenders", "may not help POL"])
    ]


def test_acts_that_chain_put_each_attacker_against_its_target_whatever_their_order():
    kb = base(ALLIANCE)
    first = run(kb, Act("AUT", "SRB"), Act("RUS", "AUT"))
    second = run(kb, Act("RUS", "AUT"), Act("AUT", "SRB"))
    assert side(first, "attackers") == side(second, "attackers") == [("AUT", 0)]
    assert sorted(side(first, "defenders")) == [("RUS", 0), ("SRB", 0)]


def test_acts_that_cannot_be_split_into_two_sides_are_refused():
    import pytest

    from casus.errors import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match="cannot be split into two sides"):
        run(base(ALLIANCE), Act("FRA", "DEU"), Act("DEU", "POL"), Act("FRA", "POL"))
