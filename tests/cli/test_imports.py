"""Importing and checking ATOP from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()
HEADER = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul,version"


def test_import_atop_then_check_it_against_the_curated_nato(tmp_path):
    members = tmp_path / "members.csv"
    members.write_text(HEADER + "\n3180,2,1949,4,4,0,0,0,1,1,0,0,0,1,5.1\n3180,20,1949,4,4,0,0,0,1,1,0,0,0,1,5.1\n")
    result = runner.invoke(app, ["import", "atop", str(members), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["alliances"] == 1
    result = runner.invoke(app, ["check", "atop", "--json"])
    disagreements = [(d["treaty"], d["field"]) for d in json.loads(result.stdout)["disagreements"]]
    assert ("nato", "start") in disagreements and ("nato", "members") in disagreements


def test_check_atop_without_atop_data_says_what_to_do():
    result = runner.invoke(app, ["check", "atop"])
    assert result.exit_code == 2
    assert "no ATOP data in the store; run 'casus import atop" in result.stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["import", "atop", str(tmp_path / "nope.csv")])
    assert result.exit_code == 3
    assert "nope.csv: cannot read" in result.stderr
