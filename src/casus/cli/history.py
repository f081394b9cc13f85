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
    from casus.cli import history_text as history_render

    payload = open_app().import_cow_wars(file, version=version, replace=replace).to_json()
    emit(payload, as_json, history_render.cow_wars_import, payload)


@app.command()
@edge
def replay(
    start_day: Annotated[
        str | None, typer.Option("--start-day", help="Judge every war on this month and day (MM-DD) of its start "
                                 "year with its first acts only, instead of act by act.")
    ] = None,
    compare: Annotated[
        str | None, typer.Option("--compare", help="Score the decisions against an expert coding (CSV with "
                                 "atopid, cowwarid, dnaLLM: Berkemeier & Fuhrmann's layout).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Replay every imported war, act by act, through the engine: which alliances applied, and were they honoured."""
    from casus.cli import history_text as history_render

    if compare:
        payload = open_app().replay_compare(compare, start_day=start_day).to_json()
        emit(payload, as_json, history_render.comparison, payload)
        return
    payload = open_app().replay(start_day=start_day).to_json()
    emit(payload, as_json, history_render.replay, payload)
