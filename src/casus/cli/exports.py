"""``casus export dyad-years`` and ``casus export graphml``: research exports."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.coercion import Typer
from casus.cli.common import (
    JsonOption,
    OnOption,
    SourceOption,
    app,
    check_format,
    edge,
    err,
    json_format,
    open_app,
    write_bytes,
    write_json,
    write_table,
)

export_app = Typer(
    help="Research exports: dyad-year tables in peacesciencer's columns, the obligation network as GraphML.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


@export_app.command("dyad-years")
@edge(flags={"start": "--from", "end": "--to"})
def export_dyad_years(
    start: Annotated[int, typer.Option("--from", help="First year (inclusive).")],
    end: Annotated[int, typer.Option("--to", help="Last year (inclusive).")],
    directed: Annotated[
        bool, typer.Option("--directed/--undirected", help="Directed dyads (ccode1 pledges to ccode2), or one row "
                           "per pair with a pledge in either direction counting.")
    ] = True,
    fmt: Annotated[str | None, typer.Option("--format", help="csv, parquet or json (default csv).")] = None,
    source: SourceOption = "all",
    all_dyads: Annotated[
        bool, typer.Option("--all-dyads", help="Every pair of state-system members, not only allied pairs.")
    ] = False,
    year_rule: Annotated[
        str, typer.Option("--year-rule", help="any-day (in force on any day of the year) or atop "
                          "(ATOP's dyad-year file's rule).")
    ] = "any-day",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output; "
                                 "parquet needs a file).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Dyad-years of alliance pledges (atop_defense … atop_consul); missing outside a source's coverage."""
    fmt = json_format(fmt, as_json, "csv")
    check_format(fmt, ("csv", "parquet", "json"), output)
    app_ = open_app()
    table = app_.export_dyad_years(start, end, directed=directed, source=source, all_dyads=all_dyads,
                                   year_rule=year_rule)
    for note in table.notes:
        err.print(f"note: {note}", highlight=False)
    write_table(table.frame, fmt, output, json_payload=app_.dyad_year_table(table) if fmt == "json" else None)


@export_app.command("graphml")
@edge
def export_graphml(
    on: OnOption = None,
    source: SourceOption = "all",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")] = None,
    as_json: JsonOption = False,
) -> None:
    """The obligation network on a date as GraphML (or, with --json, the JSON of GET /network)."""
    if as_json:
        network = open_app().network(on, source=source)
        write_json(network, output, f"{len(network.nodes)} states and {len(network.edges)} duties")
        return
    graph = open_app().export_graphml(on, source=source)
    write_bytes(graph.to_graphml(), output, f"{len(graph.nodes)} states and {len(graph.edges)} duties")
