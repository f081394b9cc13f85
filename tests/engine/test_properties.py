"""Properties that hold for any base: order does not matter, more treaties never unbind, nothing binds nobody."""

from __future__ import annotations

import datetime as dt

from engine.bases import FixedPlaces, base, pact
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.engine import Engine, Report, Scenario
from casus.engine.fire import initial_sides
from casus.engine.scenario import Act
from casus.errors import InvalidArgumentError

DAY = dt.date(2020, 6, 1)
STATES = ["FRA", "DEU", "POL", "RUS", "BLR", "CHN", "USA"]
KINDS = [("defense", "automatic"), ("offense", "automatic"), ("neutrality", "automatic"),
         ("nonaggression", "automatic"), ("consultation", "consult")]


@st.composite
def treaties(draw):
    count = draw(st.integers(0, 5))
    texts = []
    for index in range(count):
        members = draw(st.lists(st.sampled_from(STATES), min_size=2, max_size=4, unique=True))
        kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True))
        obligations = [(str(n + 1), kind, strength, "") for n, (kind, strength) in enumerate(kinds)]
        texts.append(pact(f"t{index}", members, *obligations))
    return texts


def two_sided(pairs) -> bool:
    """Acts a scenario accepts: they split the states into two sides."""
    try:
        initial_sides([Act(a, t) for a, t in pairs])
    except InvalidArgumentError:
        return False
    return True


acts_strategy = st.lists(
    st.tuples(st.sampled_from(STATES), st.sampled_from(STATES)).filter(lambda pair: pair[0] != pair[1]),
    min_size=1, max_size=3, unique=True,
).filter(two_sided)


def summary(texts, acts, mode="strict"):
    kb = base(*texts)
    outcome = Engine(kb, FixedPlaces()).run(Scenario(DAY, tuple(Act(a, t) for a, t in acts), mode))
    report = Report(outcome, kb.registry).to_json()
    return (
        {side: sorted((p["state"]["id"], p["round"]) for p in people) for side, people in report["sides"].items()},
        sorted(c["state"]["id"] for c in report["conflicted"]),
        sorted((c["state"]["id"], c["toward"]["id"]) for c in report["consult"]),
        sorted((c["state"]["id"], c["may_not_help"]["id"]) for c in report["stay_out"]),
        sorted((v["state"]["id"], v["toward"]["id"]) for v in report["violations"]),
        sorted(c["treaty"]["id"] for c in report["collisions"]),
    )


@settings(max_examples=60, deadline=None)
@given(treaties(), acts_strategy, st.randoms(), st.sampled_from(["strict", "escalation"]))
def test_results_do_not_depend_on_the_order_of_treaties_or_acts(texts, acts, rng, mode):
    shuffled_texts, shuffled_acts = list(texts), list(acts)
    rng.shuffle(shuffled_texts)
    rng.shuffle(shuffled_acts)
    assert summary(texts, acts, mode) == summary(shuffled_texts, shuffled_acts, mode)


@settings(max_examples=60, deadline=None)
@given(treaties(), treaties(), acts_strategy)
def test_adding_a_treaty_never_removes_a_bound_state_in_strict_mode(texts, more, acts):
    extra = [text.replace("id: t", "id: extra-t") for text in more]
    before, *_ = summary(texts, acts)
    after, *_ = summary(texts + extra, acts)
    bound = lambda sides: {state for people in sides.values() for state, round_ in people if round_ == 1}  # noqa: E731
    conflicted_after = set(summary(texts + extra, acts)[1])
    assert bound(before) <= bound(after) | conflicted_after


@given(acts_strategy, st.sampled_from(["strict", "escalation"]))
def test_an_empty_base_binds_nobody(acts, mode):
    sides, conflicted, consult, stay_out, violations, collisions = summary([], acts, mode)
    assert all(round_ == 0 for people in sides.values() for _, round_ in people)
    assert (conflicted, consult, stay_out, violations, collisions) == ([], [], [], [], [])
