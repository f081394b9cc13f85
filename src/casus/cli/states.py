"""``casus state``: a state's commitments on a date."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.common import FormatOption, JsonOption, OnOption, VerboseOption, app, edge, emit, open_app


@app.command()
@edge
def state(
    name: Annotated[str, typer.Argument(help="A state: name, code (ISO3, COW), capital, demonym or alias.")],
    on: OnOption = None,
    history: Annotated[bool, typer.Option("--history", help="Also list the treaties whose duties ended, with the date and why.")] = False,
    known_at: Annotated[str | None, typer.Option("--known-at", help="Answer as the store knew it then (YYYY-MM-DD or YYYY-MM-DDTHH:MM).", show_default=False)] = None,
    verbose: VerboseOption = False,
    fmt: FormatOption = "text",
    as_json: JsonOption = False,
) -> None:
    """Who is bound to defend a state, whom it is bound to defend, and its other obligations."""
    payload = open_app().state_json(name, on, known_at=known_at)
    emit(payload, as_json, "state_profile", payload, history, verbose, fmt=fmt, rows="state_rows")
