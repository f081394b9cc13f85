"""casus treaties and casus treaty: browsing the treaties."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_treaties_filters_by_state_date_and_kind():
    payload = json.loads(run("treaties", "--state", "PRK", "--on", "2025-01-01", "--kind", "defense", "--json").stdout)
    assert [t["id"] for t in payload["treaties"]] == ["china-dprk-1961", "cuba-dprk-1986", "russia-dprk-2024"]


def test_treaties_rejects_an_unknown_kind():
    result = run("treaties", "--kind", "friendship")
    assert result.exit_code == 2
    assert "--kind: 'friendship' is not one of defense, offense, neutrality, nonaggression, consultation" in (
        result.stderr
    )


def test_treaty_finds_nato_by_its_organisation_and_lists_its_articles():
    payload = json.loads(run("treaty", "NATO", "--json").stdout)
    assert payload["id"] == "nato"
    assert [(o["article"], o["kind"]) for o in payload["obligations"]] == [
        ("1", "nonaggression"), ("4", "consultation"), ("5", "defense")
    ]
    assert len([m for m in payload["members"] if m["to"] is None]) == 32


def test_an_unknown_treaty_is_a_clear_error():
    result = run("treaty", "Treaty of Nowhere")
    assert result.exit_code == 2
    assert "no treaty matches 'Treaty of Nowhere'" in result.stderr


def test_treaty_text_groups_nato_members_by_the_day_they_were_bound():
    result = runner.invoke(app, ["treaty", "NATO", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "NATO — The North Atlantic Treaty (nato)",
        "signed 1949-04-04 · in force 1949-08-24 · in force on 2025-01-01 · ATOP 3180",
    ]
    assert "  Art. 5 · defense · discretionary · all members → all members" in lines
    assert "Members (33; 32 bound on 2025-01-01)" in lines
    assert "  1955-05-06 to 1990-10-03: West Germany" in lines
    assert "  2024-03-07 on: Sweden" in lines
    assert len(lines) < 80


def test_treaties_text_is_one_line_per_treaty_by_short_name():
    result = runner.invoke(app, ["treaties", "--state", "PRK", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].rstrip() == "Treaties in force on 2025-01-01 (3)"
    assert [line.split("  ")[0] for line in lines[2:5]] == ["China–DPRK 1961", "Cuba–DPRK 1986", "Russia–DPRK 2024"]
    csv_lines = run("treaties", "--state", "PRK", "--on", "2025-01-01", "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "id,short,name,instrument,signed,in_force,ended,kinds,parties"
    assert csv_lines[1].startswith("china-dprk-1961,China–DPRK 1961,")
