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
    assert [t["id"] for t in payload["treaties"]] == ["china-dprk-1961", "russia-dprk-2024"]


def test_treaties_rejects_an_unknown_kind():
    result = run("treaties", "--kind", "friendship")
    assert result.exit_code == 2
    assert "--kind: 'friendship' is not one of defense, offense, neutrality, nonaggression, consultation" in (
        result.stderr
    )


def test_treaty_finds_nato_by_its_organisation_and_lists_its_articles():
    payload = json.loads(run("treaty", "NATO", "--json").stdout)
    assert payload["id"] == "nato"
    assert [(o["article"], o["kind"]) for o in payload["obligations"]] == [("4", "consultation"), ("5", "defense")]
    assert len([m for m in payload["members"] if m["to"] is None]) == 32


def test_an_unknown_treaty_is_a_clear_error():
    result = run("treaty", "Treaty of Nowhere")
    assert result.exit_code == 2
    assert "no treaty matches 'Treaty of Nowhere'" in result.stderr
