"""``casus import cow-wars`` and ``casus replay``: wars of the past through the engine."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.common import JsonOption, app, edge, emit, open_app
from casus.cli.imports import import_app


@import_app.command("cow-wars")
@edge
def import_cow_wars(
    file: Annotated[str, typer.Argument(help="COW inter-state war participants, peacesciencer's cow_war_inter.csv layout.")],
    version: Annotated[str, typer.Option("--version", help="The COW war data version the file holds.")] = "4.0",
    replace: Annotated[bool, typer.Option("--replace", help="Supersede another version already stored.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Import COW inter-state wars (sides, initiators, years) for `casus replay`; idempotent."""
    from casus.history import render as history_render

    payload = open_app().import_cow_wars(file, version=version, replace=replace)
    emit(payload, as_json, history_render.cow_wars_import, payload)


@app.command()
@edge
def replay(
    start_day: Annotated[
        str, typer.Option("--start-day", help="Month and day (MM-DD) of the start year a war is judged on.")
    ] = "01-01",
    as_json: JsonOption = False,
) -> None:
    """Replay every imported war through the engine: which alliances applied, and were they honoured."""
    from casus.history import render as history_render

    payload = open_app().replay(start_day=start_day)
    emit(payload, as_json, history_render.replay, payload)
