"""``casus state``: a state's commitments on a date."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli import render
from casus.cli.common import JsonOption, OnOption, app, edge, emit, open_app


@app.command()
@edge
def state(
    name: Annotated[str, typer.Argument(help="A state: name, code (ISO3, COW), capital, demonym or alias.")],
    on: OnOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who is bound to defend a state, whom it is bound to defend, and its other obligations."""
    payload = open_app().state(name, on).to_json()
    emit(payload, as_json, render.state_profile, payload)
