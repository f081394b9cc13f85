"""The library's own JSON is its contract's JSON, field for field and in order.

``casus state --json`` and ``casus scenario --json`` print what the knowledge base and the
engine give (``App.state_json``, ``App.scenario_json``) without building the pydantic
contract: these tests hold that printing the contract instead would print the same text,
on every state and on strict and escalating scenarios.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from casus import contracts
from casus.app import App, FixedClock
from casus.errors import CasusError

DAYS = ("2025-01-01", "1985-06-01", "1960-01-01")


def printed(payload) -> str:
    """What ``casus … --json`` prints (``casus.cli.common.print_json``)."""
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = App.open(tmp_path_factory.mktemp("library-json") / "casus.sqlite", clock=FixedClock("2025-01-01"))
    yield app
    app.close()


def states_on(app, day: str) -> list[str]:
    return [state.id for state in app.registry.existing_on(dt.date.fromisoformat(day))]


@pytest.mark.parametrize("day", DAYS)
def test_every_state_profile_prints_as_its_contract_would(app, day):
    checked = 0
    for state in states_on(app, day):
        payload = app.state_json(state, day)
        assert printed(payload) == printed(contracts.StateProfile.model_validate(payload).to_json()), state
        checked += 1
    assert checked > 50


def test_a_profile_as_known_at_a_date_prints_as_its_contract_would(app):
    later = dt.datetime(2100, 1, 1)  # after the store recorded the built-in treaties
    payload = app.state_json("North Korea", "2025-01-01", known_at=later)
    assert printed(payload) == printed(app.state("North Korea", "2025-01-01", known_at=later).to_json())
    assert [duty["state"]["id"] for duty in payload["defended_by"]] == ["CHN", "CUB", "RUS"]


def scenarios(app, day: str, mode: str, count: int):
    """``count`` attacks on ``day``: every state of a spread sample attacking the next one."""
    ids = states_on(app, day)[:: max(1, len(states_on(app, day)) // 24)]
    for attacker, target in itertools.islice(itertools.permutations(ids, 2), 0, None, 7):
        if count == 0:
            return
        try:
            chosen = app.build_scenario([f"{attacker} attacks {target}"], day, mode=mode)
        except CasusError:
            continue
        count -= 1
        yield f"{attacker} attacks {target}", chosen


@pytest.mark.parametrize(("day", "mode", "count"), [("2025-01-01", "strict", 60), ("1985-06-01", "strict", 30),
                                                     ("2025-01-01", "escalation", 6)])
def test_scenario_reports_print_as_their_contracts_would(app, day, mode, count):
    seen = 0
    for act, chosen in scenarios(app, day, mode, count):
        payload = app.run_json(chosen)
        assert printed(payload) == printed(contracts.ScenarioReport.model_validate(payload).to_json()), act
        seen += 1
    assert seen == count


def test_the_russian_attack_on_estonia_prints_as_its_contract_would(app):
    for mode in ("strict", "escalation"):
        payload = app.scenario_json(["RUS attacks EST"], "2025-01-01", mode=mode)
        report = app.scenario(["RUS attacks EST"], "2025-01-01", mode=mode)
        assert printed(payload) == printed(report.to_json())
        assert "USA" in [p["state"]["id"] for p in payload["sides"]["defenders"]]
