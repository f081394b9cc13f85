"""Text for people: user input and data are never read as Rich markup, piped text has no box drawing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()

MARKUP = ["[/b]", "[bold red]Estonia", ":flag_for_estonia:"]

COMMANDS = [
    ("state", "{}"),
    ("place", "{}"),
    ("treaty", "{}"),
    ("treaties", "--state", "{}"),
    ("scenario", "RUS attacks {}"),
    ("scenario", "{} attacks EST"),
    ("scenario", "RUS attacks EST at {}"),
    ("diff", "--from", "{}", "--to", "2025-01-01"),
    ("entanglement", "--on", "{}"),
    ("exposure", "--on", "{}"),
]


@pytest.mark.parametrize("typed", MARKUP)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_what_a_user_types_is_echoed_as_typed_and_never_crashes(command, typed):
    result = runner.invoke(app, [part.replace("{}", typed) for part in command])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert typed in result.stderr
    assert result.stderr.startswith("error: ")


def test_data_with_brackets_prints_as_it_is():
    from rich.console import Console

    from casus.cli import render

    console = Console(markup=False, emoji=False, width=80, record=True, force_terminal=False)
    payload = {
        "state": {"id": "EST", "iso3": "EST", "cow": 366, "name": "Estonia [/b]"}, "on": "2025-01-01",
        "defended_by": [], "defends": [], "other": [], "pending": [], "ended": [], "notes": ["a note [bold]x[/]"],
    }
    render.state_profile(console, payload)
    assert console.export_text().splitlines() == [
        "Estonia [/b] (EST, COW 366) on 2025-01-01",
        "note: a note [bold]x[/]",
        "Bound to defend Estonia [/b]: none on 2025-01-01",
        "Estonia [/b] is bound to defend: none on 2025-01-01",
        "Other obligations: none on 2025-01-01",
    ]


BOXES = set("┏┃━┡│└┌─╇╭╰")


@pytest.mark.parametrize("command", [
    ("state", "EST", "--on", "2025-01-01"),
    ("scenario", "RUS attacks EST", "--on", "2025-01-01"),
    ("treaties", "--on", "2025-01-01"),
    ("treaty", "NATO", "--on", "2025-01-01"),
    ("diff", "--from", "2024-01-01", "--to", "2025-01-01"),
    ("entanglement", "--on", "2025-01-01"),
    ("place", "Crimea", "--on", "2025-01-01"),
], ids=lambda c: c[0])
def test_piped_text_has_no_box_drawing(command):
    result = runner.invoke(app, list(command), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert not BOXES & set(result.stdout)


def test_escalation_reports_each_round_as_it_ends(isolated_store_path):
    from casus.app import App, FixedClock

    heard = []
    with App.open(isolated_store_path, clock=FixedClock("2025-01-01")) as opened:
        report = opened.scenario(["RUS attacks EST"], mode="escalation",
                                 on_round=lambda *args: heard.append(args))
    assert [number for number, _, _ in heard] == list(range(1, report.rounds + 1))
    assert heard[0][1] == 35  # NATO and EU members bound to defend Estonia in the first round
    assert heard[-1][2] == 0  # nothing left to fire


def test_progress_goes_to_a_terminal_only(monkeypatch):
    import io

    from rich.console import Console

    from casus.cli import common

    monkeypatch.setattr(common, "err", Console(file=io.StringIO(), force_terminal=False))
    with common.round_progress(True) as on_round:
        assert on_round is None
    screen = io.StringIO()
    monkeypatch.setattr(common, "err", Console(file=screen, force_terminal=True, width=80))
    with common.round_progress(True) as on_round:
        on_round(1, 35, 120)
    with common.round_progress(False) as on_round:
        assert on_round is None
    assert "escalating" in screen.getvalue()
