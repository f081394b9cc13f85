"""casus state: who defends a state on a date, in the library's terms."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_state_json_lists_who_is_bound_to_defend_north_korea():
    result = run("state", "PRK", "--on", "2025-01-01", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"state", "on", "defended_by", "defends", "other", "pending", "notes"}
    assert payload["state"] == {
        "id": "PRK", "iso3": "PRK", "cow": 731, "name": "North Korea", "cow_abb": "PRK", "gw": 731
    }
    assert payload["on"] == "2025-01-01"
    assert [
        (d["state"]["id"], d["treaty"]["id"], d["article"], d["kind"], d["strength"])
        for d in payload["defended_by"]
    ] == [
        ("CHN", "china-dprk-1961", "II", "defense", "automatic"),
        ("RUS", "russia-dprk-2024", "4", "defense", "automatic"),
    ]
    first = payload["defended_by"][0]
    assert set(first) >= {"state", "treaty", "article", "kind", "strength", "conditions", "source"}
    assert first["source"]["url"].startswith("http") and first["source"]["article"] == "II"
    assert {"id", "iso3", "cow", "name"} <= set(first["state"])


def test_state_json_on_the_day_after_signature_says_the_russian_treaty_is_pending():
    payload = json.loads(run("state", "North Korea", "--on", "2024-06-20", "--json").stdout)
    assert [d["state"]["id"] for d in payload["defended_by"]] == ["CHN"]
    assert [(p["treaty"]["id"], p["signed"], p["binds_from"], p["status"]) for p in payload["pending"]] == [
        ("russia-dprk-2024", "2024-06-19", "2024-12-04", "signed")
    ]


def test_state_text_names_the_defenders_and_the_pending_treaty():
    result = run("state", "Pyongyang", "--on", "2024-06-20")
    assert result.exit_code == 0, result.output
    assert "Bound to defend North Korea (1)" in result.stdout
    assert "China (CHN)" in result.stdout
    assert "Signed, not yet binding" in result.stdout


def test_an_unknown_state_is_a_clear_error_with_exit_code_2():
    result = run("state", "Atlantis", "--on", "2025-01-01")
    assert result.exit_code == 2
    assert "no state matches 'Atlantis'" in result.stderr


def test_a_bad_date_is_a_clear_error_with_exit_code_2():
    result = run("state", "PRK", "--on", "2025-13-01")
    assert result.exit_code == 2
    assert "--on: '2025-13-01' is not a date (expected YYYY-MM-DD)" in result.stderr
