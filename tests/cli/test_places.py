"""``casus place`` and places in ``casus scenario`` from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_casus_place_shows_crimeas_sovereign_administrator_and_the_areas_that_hold_it():
    result = run("place", "Crimea", "--on", "2025-01-01", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert (payload["place"]["sovereign"], payload["place"]["administrator"]) == ("UKR", "RUS")
    assert payload["place"]["dispute"]["claimants"] == ["RUS"]
    nato = [a for a in payload["areas"] if a["treaty"]["id"] == "nato"]
    assert [(a["area"], a["rule"], a["contains"]) for a in nato] == [("nato-art6", "sovereignty", False)]


def test_casus_place_says_the_senkakus_are_in_the_us_japan_area():
    payload = json.loads(run("place", "Senkaku Islands", "--on", "2025-01-01", "--json").stdout)
    japan = [a for a in payload["areas"] if a["treaty"]["id"] == "us-japan-1960"]
    assert [(a["rule"], a["contains"]) for a in japan] == [("administration", True)]


def test_casus_place_in_text_names_the_dispute():
    result = run("place", "Golan Heights", "--on", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert "Golan Heights (region, asia; sovereign SYR, administered by ISR) — disputed: claimed by ISR" in " ".join(
        result.stdout.split()
    )


def test_an_unknown_place_is_refused_with_suggestions():
    result = run("place", "Luzonn")
    assert result.exit_code == 2
    assert "did you mean: Luzon" in result.output


def test_a_scenario_shows_the_resolved_place_and_warns_when_it_is_not_the_targets():
    result = run("scenario", "RUS attacks EST at Hawaii", "--on", "2025-01-01")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "place: Hawaii (island, oceania; sovereign USA)" in text
    assert "warning: Hawaii is not territory of Estonia" in text


def test_a_duty_resting_on_an_uncertain_fact_is_marked_in_text():
    result = run("scenario", "KOR attacks PRK", "--on", "2025-01-01")
    lines = result.stdout.splitlines()
    assert "  China–DPRK 1961 Art. II · defend North Korea · automatic (?) [1] — China" in lines
    assert "[1] http://treaty.mfa.gov.cn/Treaty/web/index.jsp" in lines
    assert "(?) uncertain: [1] the treaty; [2] the treaty, mutual assistance" in lines
    verbose = run("scenario", "KOR attacks PRK", "--on", "2025-01-01", "--verbose").stdout
    assert "(?) mutual assistance: The text was not read" in " ".join(verbose.split())


def test_the_place_header_keeps_its_date_together_at_80_columns():
    result = runner.invoke(app, ["place", "Atlantis", "--on", "2026-12-02"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "On 2026-12-02: Atlantis, South Africa (city, South Africa, africa; sovereign",
        "    ZAF)",
        "at -33.567, 18.483; waters: none",
    ]
    assert [line for line in lines if line != line.rstrip() or len(line) > 80] == []
    assert "  Anglo-Portuguese 1373 1661 secret article — party-territory (sovereignty)" in lines


def test_an_attack_on_puerto_rico_is_decided_by_where_it_lies_not_as_possibly_pacific():
    result = runner.invoke(app, ["scenario", "CHN attacks USA at Puerto Rico", "--on", "2025-01-01", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    treaties = {r["treaty"]["id"] for p in payload["sides"]["defenders"] for r in p["reasons"]}
    assert treaties == {"oas-charter"}  # not ANZUS, SEATO, US–Philippines or NATO (south of the Tropic)
    assert [(c["state"]["id"], c["reason"]["treaty"]["id"]) for c in payload["conditional"]] == [("VEN", "rio-treaty")]
