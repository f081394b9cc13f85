"""``casus scenario``, ``diff``, ``exposure``, ``entanglement``: the engine's answers."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.common import (
    FormatOption,
    JsonOption,
    OnOption,
    VerboseOption,
    app,
    check_format,
    edge,
    emit,
    json_format,
    open_app,
    round_progress,
    write_table,
)
from casus.errors import InvalidArgumentError


@app.command()
@edge
def scenario(
    acts: Annotated[
        list[str] | None,
        typer.Argument(help='Acts such as "RUS attacks EST" or "CHN attacks JPN at Senkaku Islands".'),
    ] = None,
    on: OnOption = None,
    place: Annotated[str | None, typer.Option("--place", help="Where the attack falls (one act only).")] = None,
    provoked: Annotated[bool, typer.Option("--provoked", help="The target provoked the attack.")] = False,
    requested: Annotated[
        bool, typer.Option("--requested", help="The target asked its allies for help.")
    ] = False,
    mode: Annotated[
        str | None, typer.Option("--mode", help="strict (first round, the default) or escalation (until nothing "
                                 "changes).", show_default=False)
    ] = None,
    file: Annotated[
        str | None, typer.Option("--file", help="A scenario in YAML or JSON: its acts, date and mode.")
    ] = None,
    verbose: VerboseOption = False,
    fmt: FormatOption = "text",
    as_json: JsonOption = False,
) -> None:
    """Fire every treaty on a scenario of aggression: who must defend, join, stay out, consult."""
    if file:
        # The file says what these flags would: taking one silently over the other would answer another question.
        given = [flag for flag, value in (("ACTS", acts), ("--on", on), ("--place", place), ("--provoked", provoked),
                                          ("--requested", requested), ("--mode", mode)) if value]
        if given:
            raise InvalidArgumentError(f"--file and {', '.join(given)} contradict each other: the scenario file "
                                       "gives its own acts, date and mode; use one or the other")
    if not file and not acts:
        raise InvalidArgumentError('give at least one act, e.g. "RUS attacks EST", or --file')
    app_ = open_app()
    with round_progress(show=bool(file) or mode == "escalation") as on_round:
        if file:
            payload = app_.scenario_file_json(file, on_round=on_round)
        else:
            payload = app_.scenario_json(acts, on, mode=mode or "strict", place=place, provoked=provoked,
                                         requested=True if requested else None, on_round=on_round)
    emit(payload, as_json, "scenario", payload, verbose, fmt=fmt, rows="scenario_rows")


@app.command()
@edge(flags={"start": "--from", "end": "--to"})
def diff(
    start: Annotated[str, typer.Option("--from", help="The earlier date (YYYY-MM-DD or today).")],
    end: Annotated[str, typer.Option("--to", help="The later date (YYYY-MM-DD or today).")],
    fmt: FormatOption = "text",
    as_json: JsonOption = False,
) -> None:
    """Obligations that appeared, ended or changed between two dates."""
    payload = open_app().diff(start, end).to_json()
    emit(payload, as_json, "diff", payload, fmt=fmt, rows="diff_rows")


@app.command()
@edge
def exposure(
    on: OnOption = None,
    fmt: Annotated[str | None, typer.Option("--format", help="csv, tsv, parquet or json (default csv).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output; parquet needs a file).")] = None,
    as_json: JsonOption = False,
) -> None:
    """For every ordered pair of states on a date: who is bound to defend the target."""
    fmt = json_format(fmt, as_json, "csv")
    check_format(fmt, ("csv", "tsv", "parquet", "json"), output)
    app_ = open_app()
    view = app_.exposure(on)
    write_table(view.frame(), fmt, output, json_payload=app_.exposure_table(view.on) if fmt == "json" else None)


@app.command()
@edge
def entanglement(on: OnOption = None, fmt: FormatOption = "text", as_json: JsonOption = False) -> None:
    """For each state: how many ordered pairs (attacker, target) would bind it to defend."""
    result = open_app().entanglement(on)
    payload = result.to_json()
    emit(payload, as_json, "entanglement", payload["states"], result.on, fmt=fmt, rows="entanglement_rows")
