"""``casus init`` and ``casus sources``: the store and what it holds."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli import render
from casus.cli.common import JsonOption, app, edge, emit, open_app, out


@app.command()
@edge
def sources(as_json: JsonOption = False) -> None:
    """The datasets the store holds: name, version, kind, citation, coverage."""
    payload = open_app().sources().to_json()
    emit(payload, as_json, render.sources, payload["sources"])


@app.command()
@edge
def init(
    empty: Annotated[bool, typer.Option("--empty", help="Create the store without the built-in treaties.")] = False,
) -> None:
    """Create the store (in CASUS_DB or the user's data directory) and report where it is."""
    from casus.app import App, SystemClock

    opened = App.init(empty=empty, clock=SystemClock())
    held = "no treaties" if empty and not opened.holds_builtin() else "the built-in treaties"
    out.print(f"store ready at {opened.url} with {held}")
