"""Scenarios over HTTP: the same report as `casus scenario --json`, strict or escalation."""

from __future__ import annotations

from api.client import error_of

API = "/api/v1"
NATO_2025 = {"ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA", "LVA",
             "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR",
             "USA"}


def reasons_by_state(report):
    return {p["state"]["id"]: {(r["treaty"]["id"], r["article"]) for r in p["reasons"]}
            for p in report["sides"]["defenders"]}


def test_russia_attacking_estonia_brings_in_nato_and_under_teu_42_7_austria_ireland_cyprus_malta(client):
    report = client.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": ["RUS attacks EST"]}).json()
    reasons = reasons_by_state(report)
    assert set(reasons) == NATO_2025 | {"EST", "AUT", "IRL", "CYP", "MLT"}
    for state in NATO_2025:
        assert ("nato", "5") in reasons[state], state
    for state in ("AUT", "IRL", "CYP", "MLT"):
        assert reasons[state] == {("teu-42-7", "42(7)")}, state
    assert report["mode"] == "strict" and report["rounds"] == 1


def test_the_report_is_the_clis_json_in_both_modes(client, cli_json):
    for mode in ("strict", "escalation"):
        api = client.post(f"{API}/scenario", json={"on": "2025-01-01", "mode": mode,
                                                   "acts": [{"attacker": "RUS", "target": "EST"}]}).json()
        assert api == cli_json("scenario", "RUS attacks EST", "--on", "2025-01-01", "--mode", mode)


def test_an_act_with_a_place_as_text_or_as_an_object(client, cli_json):
    as_text = client.post(f"{API}/scenario", json={"on": "2025-01-01",
                                                    "acts": ["CHN attacks JPN at Senkaku Islands"]}).json()
    as_object = client.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": [
        {"attacker": "China", "target": "Japan", "place": "Senkaku Islands"}]}).json()
    assert as_text == as_object == cli_json("scenario", "CHN attacks JPN at Senkaku Islands", "--on", "2025-01-01")


def test_bad_scenarios_are_400_naming_the_field(client):
    cases = [
        ({"on": "2025-01-01", "acts": []}, "acts"),
        ({"on": "2025-01-01", "acts": ["RUS attacks EST"], "mode": "total"}, "mode"),
        ({"on": "not a date", "acts": ["RUS attacks EST"]}, "on"),
        ({"on": "2025-01-01", "acts": [{"attacker": "RUS"}]}, "acts[0]"),
        ({"on": "2025-01-01", "acts": ["RUS attacks EST"], "colour": "red"}, "colour"),
    ]
    for body, field in cases:
        error = error_of(client.post(f"{API}/scenario", json=body), 400)
        assert error["field"] is not None and error["field"].startswith(field), (body, error)


def test_an_act_the_engine_cannot_take_is_400_with_its_reason(client):
    error = error_of(client.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": ["EST attacks EST"]}), 400)
    assert "cannot attack itself" in error["message"]
    error = error_of(client.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": ["Atlantis attacks EST"]}), 400)
    assert "Atlantis" in error["message"]
    error_of(client.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": ["nobody is attacking"]}), 400)


def test_a_body_that_is_not_json_is_400(client):
    response = client.post(f"{API}/scenario", content=b"{not json", headers={"Content-Type": "application/json"})
    assert error_of(response, 400)["kind"] == "bad_input"
