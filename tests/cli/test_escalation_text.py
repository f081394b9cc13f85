"""An escalation reads like the other answers: one line per treaty and article in each round,
its states grouped beneath, notes as footnotes; every state-to-state pair stays in the JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()
ESCALATE = ["scenario", "RUS attacks EST", "--on", "2025-01-01", "--mode", "escalation"]


def test_russia_attacking_estonia_escalated_fits_in_300_lines_at_80_columns():
    result = runner.invoke(app, ESCALATE, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 300  # 393 when each defender had a line per partner and attacker
    assert max(len(line) for line in lines if "://" not in line) <= 80
    assert lines[0] == "Russia attacks Estonia — on 2025-01-01, escalation mode, 6 rounds"


def test_each_round_names_natos_article_5_once_with_its_allies_beneath():
    lines = runner.invoke(app, ESCALATE, env={"COLUMNS": "80"}).stdout.splitlines()
    targets = lines[lines.index("Targets' side (73)"):lines.index("Conditional (19): bound once the open condition is met")]
    assert [line for line in targets if "NATO" in line] == [
        "  NATO Art. 5 · defend 31 states · discretionary · place met [14] — Estonia",
        "  NATO Art. 5 · defend 32 states · discretionary · place met [14]",
    ]
    assert targets[targets.index(" round 1:") + 2].startswith("    31: Albania, Belgium, Bulgaria, Canada,")


def test_venezuelas_open_rio_duty_toward_18_states_is_one_line():
    lines = runner.invoke(app, ESCALATE, env={"COLUMNS": "80"}).stdout.splitlines()
    start = lines.index("Conditional (19): bound once the open condition is met")
    assert lines[start + 1:start + 6] == [
        "  US–ROK 1953 Art. III · defend United States · discretionary · place open [26]",
        "    South Korea",
        "  Rio Treaty Art. 3 · defend 18 states · discretionary · place met, demand open",
        "      (?) [27]",
        "    Venezuela",
    ]


def test_the_json_keeps_every_pair_the_text_groups():
    payload = json.loads(runner.invoke(app, [*ESCALATE, "--json"]).stdout)
    venezuela = [c for c in payload["conditional"] if c["state"]["id"] == "VEN"]
    assert len(venezuela) == 18
    assert {c["reason"]["label"] for c in venezuela} == {"Art. 3"}
