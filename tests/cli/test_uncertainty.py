"""One rule for uncertainty in every answer: a duty resting on an uncertain fact (the treaty, the
article, a party's membership) is marked "(?)" in text and carries ``uncertain`` and ``basis`` in
JSON, whether asked as a state's profile or as a scenario."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result


def test_china_defending_north_korea_is_marked_uncertain_in_the_state_answer_as_in_the_scenario():
    state = run("state", "PRK", "--on", "2025-01-01").stdout.splitlines()
    scenario = run("scenario", "KOR attacks PRK", "--on", "2025-01-01").stdout.splitlines()
    assert "  China–DPRK 1961 Art. II · automatic (?) [1] — China" in state
    assert "  China–DPRK 1961 Art. II · defend North Korea · automatic (?) [1] — China" in scenario
    assert "(?) uncertain: [1] the treaty; [2] the treaty, mutual assistance" in state
    assert "(?) uncertain: [1] the treaty; [2] the treaty, mutual assistance" in scenario


def test_the_state_json_gives_the_same_basis_as_the_scenario_json():
    state = json.loads(run("state", "PRK", "--on", "2025-01-01", "--json").stdout)
    scenario = json.loads(run("scenario", "KOR attacks PRK", "--on", "2025-01-01", "--json").stdout)
    (duty,) = [d for d in state["defended_by"] if d["state"]["id"] == "CHN"]
    (reason,) = [p for p in scenario["sides"]["defenders"] if p["state"]["id"] == "CHN"][0]["reasons"]
    assert duty["basis"] == reason["basis"]
    assert [b["fact"] for b in duty["basis"]] == ["treaty china-dprk-1961"]
    assert duty["uncertain"] == duty["basis"][0]["uncertain"]
    assert reason["uncertain"] is True


def test_a_duty_on_settled_facts_is_not_marked():
    state = json.loads(run("state", "PRK", "--on", "2025-01-01", "--json").stdout)
    (russia,) = [d for d in state["defended_by"] if d["state"]["id"] == "RUS"]
    assert (russia["uncertain"], russia["basis"]) == (None, [])
    assert "  Russia–DPRK 2024 Art. 4 · automatic [3] — Russia" in run("state", "PRK", "--on", "2025-01-01").stdout


def test_venezuelas_disputed_return_to_the_rio_treaty_marks_its_rio_duties():
    """Venezuela's 2019 re-accession is disputed: each Rio duty toward or from it rests on that, and
    the text marks the parties whose own membership is uncertain beside their names."""
    payload = json.loads(run("state", "VEN", "--on", "2025-01-01", "--json").stdout)
    (argentina,) = [d for d in payload["defended_by"] if d["state"]["id"] == "ARG" and d["treaty"]["id"] == "rio-treaty"]
    assert [b["fact"] for b in argentina["basis"]] == ["treaty rio-treaty", "membership of VEN"]
    lines = run("state", "VEN", "--on", "2025-01-01").stdout.splitlines()
    assert lines[2:7] == [
        "Mutual defence with Venezuela (18)",
        "  Rio Treaty Art. 3 · discretionary · if place, demand (?) [1]",
        "    18: Argentina, Bahamas, Brazil, Chile, Colombia, Costa Rica, Cuba (?),",
        "      Dominican Republic, El Salvador, Guatemala, Haiti, Honduras, Panama,",
        "      Paraguay, Peru (?), Trinidad and Tobago (?), United States, Uruguay (?)",
    ]
    assert "(?) uncertain: [1] the treaty, membership of CUB, PER, TTO, URY, VEN" in lines
