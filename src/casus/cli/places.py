"""``casus place``: a place as casus resolves it, and the treaty areas that contain it."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli import render
from casus.cli.common import JsonOption, OnOption, app, edge, emit, open_app


@app.command()
@edge
def place(
    name: Annotated[str, typer.Argument(help='A place: "Crimea", "Narva", "Atlantis, South Africa" or "59.38,28.19".')],
    on: OnOption = None,
    as_json: JsonOption = False,
) -> None:
    """Where a place lies, who is sovereign and who administers it on the date, and which treaty areas contain it."""
    payload = open_app().place(name, on).to_json()
    emit(payload, as_json, render.place, payload)
