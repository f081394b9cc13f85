"""The CLI is a thin shell: each command is named as the application call it makes, and prints its contract."""

from __future__ import annotations

import json

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from casus.app import App, FixedClock
from casus.cli.main import app


def command_paths(group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):  # a group (Typer vendors its own Click)
            if command.invoke_without_command and not command.no_args_is_help:
                yield path  # the group itself runs (casus review)
            yield from command_paths(command, path)
        else:
            yield path


PATHS = sorted(command_paths(get_command(app)))


def method_for(path) -> str:
    if path[0] == "init":
        return "init"
    return "_".join(path).replace("-", "_")


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) for p in PATHS])
def test_every_command_is_an_app_method_of_the_same_name(path):
    assert callable(getattr(App, method_for(path), None)), f"casus {' '.join(path)} has no App.{method_for(path)}"


def test_the_cli_json_is_the_apps_contract(isolated_store_path):
    result = CliRunner().invoke(app, ["state", "Estonia", "--on", "2025-01-01", "--json"])
    with App.open(isolated_store_path, clock=FixedClock("2025-01-01")) as opened:
        assert json.loads(result.stdout) == opened.state("Estonia").to_json()
        result = CliRunner().invoke(app, ["scenario", "RUS attacks EST", "--on", "2025-01-01", "--json"])
        assert json.loads(result.stdout) == opened.scenario(["RUS attacks EST"]).to_json()
