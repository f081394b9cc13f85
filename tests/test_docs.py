"""The docs run: every `$ casus …` line in the README and docs/ is invoked, every command is documented."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from casus.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = [
    (path.name, line.removeprefix("$ casus ").strip())
    for path in DOCS
    for line in path.read_text().splitlines()
    if line.startswith("$ casus ")
]
COMMANDS = sorted(get_command(app).commands)


@pytest.mark.parametrize(("doc", "example"), EXAMPLES, ids=[f"{d}: {e}" for d, e in EXAMPLES])
def test_every_documented_invocation_runs(doc, example):
    result = CliRunner().invoke(app, shlex.split(example))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_shown_in_the_readme(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and result.output.strip()
    assert re.search(rf"`casus {command}\b", (ROOT / "README.md").read_text())
