"""``casus treaties`` and ``casus treaty``: browse the treaties."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli import render
from casus.cli.common import FormatOption, JsonOption, app, edge, emit, open_app


@app.command()
@edge
def treaties(
    state: Annotated[str | None, typer.Option("--state", help="Only treaties this state is party to.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Only treaties in force on this date (YYYY-MM-DD or today).")] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only treaties with an obligation of this kind (defense, offense, "
                     "neutrality, nonaggression, consultation)."),
    ] = None,
    fmt: FormatOption = "text",
    as_json: JsonOption = False,
) -> None:
    """List treaties, filtered by party, date and kind of obligation."""
    result = open_app().treaties(state=state, on=on, kind=kind)
    payload = result.to_json()
    emit(payload, as_json, render.treaty_list, payload["treaties"], result.on, fmt=fmt, rows=render.treaty_rows)


@app.command()
@edge
def treaty(
    treaty_id: Annotated[str, typer.Argument(metavar="ID", help="Treaty id, name, alias or organisation (NATO).")],
    on: Annotated[str | None, typer.Option("--on", help="Mark the parties bound on this date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """One treaty in full: members over time, obligations by article, sources."""
    app_ = open_app()
    detail = app_.treaty(treaty_id, on).to_json()
    emit(detail, as_json, render.treaty_detail, detail, app_.day(on) if on else None)
