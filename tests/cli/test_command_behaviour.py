"""What the commands say when the question is odd: conflicting flags, empty stores, reversed or
foreign dates, states that no longer exist; and -h and shell completion everywhere."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casus.cli.main import app

from cli.test_commands import PATHS

runner = CliRunner()


def run(*args, **kwargs):
    return runner.invoke(app, list(args), **kwargs)


# -- --file and the flags it contradicts ---------------------------------------------


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "korea.yaml"
    path.write_text("on: 2025-01-01\nacts:\n  - KOR attacks PRK\n")
    return path


@pytest.mark.parametrize("flag", [["--on", "2020-01-01"], ["--place", "Narva"], ["--provoked"], ["--requested"],
                                  ["--mode", "escalation"], ["--mode", "strict"]])
def test_a_scenario_file_with_a_flag_it_already_answers_is_refused_naming_both(scenario_file, flag):
    result = run("scenario", "--file", str(scenario_file), *flag)
    assert result.exit_code == 2
    assert f"--file and {flag[0]} contradict each other" in result.stderr


def test_a_scenario_file_with_acts_on_the_command_line_is_refused(scenario_file):
    result = run("scenario", "RUS attacks EST", "--file", str(scenario_file))
    assert result.exit_code == 2 and "--file and ACTS contradict each other" in result.stderr


def test_a_scenario_file_may_say_today(tmp_path):
    path = tmp_path / "today.yaml"
    path.write_text("on: today\nacts:\n  - RUS attacks EST\n")
    result = run("scenario", "--file", str(path), "--json")
    assert result.exit_code == 0, result.output
    import datetime as dt

    assert json.loads(result.stdout)["on"] == dt.date.today().isoformat()


def test_json_and_another_format_contradict_each_other():
    result = run("exposure", "--json", "--format", "csv")
    assert result.exit_code == 2 and "--json and --format csv contradict each other" in result.stderr


# -- casus init reports what the store holds -----------------------------------------


def test_init_reports_the_treaties_states_obligations_proposals_datasets_and_schema():
    result = run("init", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["revision"] is not None and report["url"].startswith("sqlite:")
    assert report["holds"]["treaties"] > 50 and report["holds"]["states"] > 100
    assert report["holds"]["obligations"] > report["holds"]["treaties"]
    assert report["holds"]["proposals"] == 0
    assert [d["id"] for d in report["datasets"]] == ["builtin"]
    text = run("init").stdout
    assert f"(schema revision {report['revision']}) with {report['holds']['treaties']} treaties" in text
    assert "proposals: 0 (0 open)" in text and "dataset builtin" in text


def test_init_empty_reports_an_empty_store():
    result = run("init", "--empty", "--json")
    report = json.loads(result.stdout)
    assert report["holds"] == {"treaties": 0, "states": 0, "obligations": 0, "proposals": 0, "open_proposals": 0}
    assert report["datasets"] == []


# -- casus replay with nothing imported -----------------------------------------------


def test_replay_with_no_wars_imported_says_what_to_import():
    result = run("replay")
    assert result.exit_code == 2
    assert "no wars in the store to replay" in result.stderr
    assert "casus import cow-wars cow_war_inter.csv" in result.stderr
    assert "casus import atop atop5_1m.csv atop5_1a.csv" in result.stderr


# -- casus diff -----------------------------------------------------------------------


def test_diff_refuses_2025_before_2020():
    result = run("diff", "--from", "2025-01-01", "--to", "2020-01-01")
    assert result.exit_code == 2
    assert "--to: 2020-01-01 is before the start, 2025-01-01" in result.stderr


def test_diff_gives_the_day_finland_and_sweden_joined_nato():
    payload = json.loads(run("diff", "--from", "2022-01-01", "--to", "2025-01-01", "--json").stdout)
    days = {(d["obligor"]["id"], d["beneficiary"]["id"]): d["on"] for d in payload["appeared"]
            if d["treaty"]["id"] == "nato" and d["kind"] == "defense"}
    assert days["USA", "FIN"] == "2023-04-04" and days["FIN", "USA"] == "2023-04-04"
    assert days["USA", "SWE"] == "2024-03-07"
    text = run("diff", "--from", "2024-06-18", "--to", "2024-12-05").stdout
    assert "2024-12-04" in text  # Russia and North Korea, in the text too


def test_diff_gives_the_day_nicaragua_left_the_oas():
    payload = json.loads(run("diff", "--from", "2022-01-01", "--to", "2025-01-01", "--json").stdout)
    ended = {d["on"] for d in payload["ended"] if d["treaty"]["id"] == "oas-charter"}
    assert ended == {"2023-11-19"}


def test_diff_and_state_take_today():
    assert run("diff", "--from", "2024-01-01", "--to", "today", "--json").exit_code == 0
    assert run("state", "EST", "--on", "today", "--json").exit_code == 0
    assert run("treaties", "--on", "TODAY", "--json").exit_code == 0


# -- a state that did not exist on the date -------------------------------------------


def test_a_state_that_did_not_exist_on_the_date_says_when_it_existed():
    result = run("state", "USSR", "--on", "2000-01-01")
    assert result.exit_code == 2
    assert "no state matches 'USSR' on 2000-01-01: USSR existed 1922-12-30 to 1991-12-26 (RUS)" in result.stderr


def test_east_germany_in_2000_and_czechia_in_1980_say_when_they_existed():
    assert "East Germany existed 1954-03-25 to 1990-10-03 (DDR)" in run("state", "East Germany", "--on",
                                                                          "2000-01-01").stderr
    assert "Czechia existed from 1993-01-01 (CZE)" in run("state", "Czechia", "--on", "1980-01-01").stderr


# -- -h and completion ---------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) for p in PATHS])
def test_every_command_takes_h_for_help(path):
    result = run(*path, "-h")
    assert result.exit_code == 0, result.output
    assert "Usage: casus " + " ".join(path) in " ".join(result.stdout.split())


def test_the_shell_completion_script_is_offered():
    result = run("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0 and "_casus_completion" in result.stdout


def test_completion_completes_command_names():
    result = run(env={"_CASUS_COMPLETE": "complete_bash", "COMP_WORDS": "casus sta", "COMP_CWORD": "1"})
    assert result.stdout.split() == ["state"]
