"""Reading with --propose files proposals; reading the same article again files none."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

STORY = (
    "Leaders of Russia and North Korea signed a treaty on comprehensive strategic partnership in "
    "Pyongyang on Wednesday. The pact obliges each side to come to the other's aid if it is attacked."
)


def test_read_propose_files_proposals_once(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--empty"]).exit_code == 0
    article = tmp_path / "story.txt"
    article.write_text(STORY)
    first = runner.invoke(app, ["read", str(article), "--published", "2024-06-19", "--json", "--propose"])
    assert first.exit_code == 0, first.output
    proposals = json.loads(runner.invoke(app, ["review", "--json"]).stdout)["proposals"]
    assert proposals and "new proposal(s)" in first.stderr
    again = runner.invoke(app, ["read", str(article), "--published", "2024-06-19", "--json", "--propose"])
    assert "0 new proposal(s)" in again.stderr
    assert len(json.loads(runner.invoke(app, ["review", "--json"]).stdout)["proposals"]) == len(proposals)
