"""ATOP within ATOP's coverage: past its last coded year an alliance is "not known since", and an
ATOP alliance a curated treaty stands for is never listed beside it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casus.cli.main import app

from imports.test_atop import HEADER

# Alliance 9100: Poland and Hungary, defence from 2000, still in force when ATOP's coding ends;
# alliance 9200 (Britain and France, consultation from mid-2018) makes 2018 the last year coded;
# alliance 3180 is ATOP's NATO, which the curated NATO names as its ATOP id.
ROWS = [
    "9100,290,2000,1,1,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0",
    "9100,310,2000,1,1,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0",
    "9200,200,2018,6,1,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0",
    "9200,220,2018,6,1,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0",
    "3180,2,1949,4,4,0,0,0,1,1,0,0,0,1,0,1,0,0,0,0",
    "3180,20,1949,4,4,0,0,0,1,1,0,0,0,1,0,1,0,0,0,0",
]
NOT_KNOWN = "in force to 2018 per ATOP, not known since"
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def as_json(*args):
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture(autouse=True)
def atop(tmp_path):
    path = tmp_path / "atop.csv"
    path.write_text(HEADER + "\n" + "\n".join(f"{row},5.1" for row in ROWS) + "\n")
    run("import", "atop", str(path))


def atop_duties(profile):
    return [(d["state"]["id"], d["treaty"]["id"], d["uncertain"], d["known_to"])
            for d in profile["defended_by"] if d["treaty"]["id"].startswith("atop-")]


def test_in_2025_polands_atop_duty_to_hungary_is_in_force_to_2018_per_atop_not_known_since():
    assert atop_duties(as_json("state", "HUN", "--on", "2025-01-01")) == [
        ("POL", "atop-9100", NOT_KNOWN, "2018-12-31")]
    text = run("state", "HUN", "--on", "2025-01-01").stdout
    assert "ATOP 9100 phase 1 · unspecified (?)" in text and f"(?) {NOT_KNOWN}" in text


def test_in_2010_within_atops_coverage_the_same_duty_carries_no_doubt():
    assert atop_duties(as_json("state", "HUN", "--on", "2010-01-01")) == [("POL", "atop-9100", None, None)]
    assert NOT_KNOWN not in run("state", "HUN", "--on", "2010-01-01").stdout


def test_a_scenario_after_2018_says_the_atop_duty_rests_on_what_atop_knew():
    report = as_json("scenario", "ROU attacks HUN", "--on", "2025-01-01")
    poland = next(p for p in report["sides"]["defenders"] if p["state"]["id"] == "POL")
    reason = next(r for r in poland["reasons"] if r["treaty"]["id"] == "atop-9100")
    assert reason["uncertain"] is True
    assert {"fact": NOT_KNOWN, "uncertain": "ATOP codes alliances to 2018-12-31; whether this one holds since "
                                            "is not in the data"} in reason["basis"]
    assert NOT_KNOWN in run("scenario", "ROU attacks HUN", "--on", "2025-01-01").stdout


def test_the_treaty_list_gives_the_last_year_atop_knows():
    rows = {t["id"]: t for t in as_json("treaties", "--on", "2025-01-01")["treaties"]}
    assert rows["atop-9100"]["known_to"] == "2018-12-31" and rows["atop-9100"]["ended"] is None
    assert rows["nato"]["known_to"] is None
    in_2010 = {t["id"]: t for t in as_json("treaties", "--on", "2010-01-01")["treaties"]}
    assert in_2010["atop-9100"]["known_to"] is None


def test_atops_nato_is_never_listed_beside_the_curated_nato():
    listed = {t["id"] for t in as_json("treaties")["treaties"]}
    assert "nato" in listed and "atop-3180" not in listed
    listed = {t["id"] for t in as_json("treaties", "--state", "CAN", "--on", "2025-01-01")["treaties"]}
    assert "atop-3180" not in listed
    canada = as_json("state", "CAN", "--on", "2025-01-01")
    treaties = {d["treaty"]["id"] for key in ("defended_by", "defends", "other") for d in canada[key]}
    assert "nato" in treaties and "atop-3180" not in treaties
    report = as_json("scenario", "RUS attacks CAN", "--on", "2025-01-01")
    reasons = {r["treaty"]["id"] for p in report["sides"]["defenders"] for r in p["reasons"]}
    assert "nato" in reasons and "atop-3180" not in reasons
