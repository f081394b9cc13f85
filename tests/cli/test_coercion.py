"""casus's Typer coerces plain parameters without pydantic, and every value as Typer itself would."""

from __future__ import annotations

from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from casus.cli import coercion


def make(typer_class):
    app = typer_class()

    @app.command()
    def ask(
        acts: Annotated[list[str] | None, typer.Argument()] = None,
        on: Annotated[str | None, typer.Option("--on")] = None,
        fmt: Annotated[str, typer.Option("--format")] = "text",
        as_json: Annotated[bool, typer.Option("--json", envvar="ASK_JSON")] = False,
        rounds: Annotated[int, typer.Option("--rounds", min=1)] = 3,
    ) -> None:
        print(repr((acts, on, fmt, as_json, rounds)))

    @app.command()
    def other() -> None:
        print("other")

    return app


CASES = [
    ["ask"],
    ["ask", "RUS attacks EST", "CHN attacks JPN", "--on", "2025-01-01", "--json"],
    ["ask", "--format", "tsv", "--rounds", "5"],
    ["ask", "--rounds", "0"],
    ["ask", "--rounds", "many"],
    ["ask", "-h"],
    ["ask", "--help"],
    ["other"],
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_every_value_comes_out_as_typer_gives_it(args):
    runner = CliRunner()
    ours = runner.invoke(make(coercion.Typer), args)
    typers = runner.invoke(make(typer.Typer), args)
    assert (ours.exit_code, ours.output) == (typers.exit_code, typers.output)


def test_a_boolean_from_the_environment_is_read_by_typer(monkeypatch):
    result = CliRunner().invoke(make(coercion.Typer), ["ask"], env={"ASK_JSON": "1"})
    assert result.exit_code == 0 and "True" in result.output


def test_the_acts_come_as_a_list_of_strings():
    result = CliRunner().invoke(make(coercion.Typer), ["ask", "RUS attacks EST"])
    assert result.output.strip() == "(['RUS attacks EST'], None, 'text', False, 3)"
