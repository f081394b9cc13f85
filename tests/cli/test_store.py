"""casus init and casus sources: the store and what it holds."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_sources_lists_the_builtin_dataset():
    payload = json.loads(run("sources", "--json").stdout)
    assert [s["id"] for s in payload["sources"]] == ["builtin"]


def test_init_empty_creates_a_store_without_treaties():
    result = run("init", "--empty")
    assert result.exit_code == 0 and "with no treaties" in result.stdout
    payload = json.loads(run("treaties", "--json").stdout)
    assert payload["treaties"] == []
