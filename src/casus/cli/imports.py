"""``casus import atop`` and ``casus check atop``: research datasets in the store."""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.coercion import Typer
from casus.cli.common import JsonOption, app, edge, err, open_app, out, print_json

import_app = Typer(help="Import research datasets into the store (ATOP, COW wars).", no_args_is_help=True)
check_app = Typer(help="Compare the curated treaties with imported datasets.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(check_app, name="check")


@import_app.command("atop")
@edge
def import_atop(
    member_csv: Annotated[str, typer.Argument(help="ATOP member-level CSV (4.x or 5.x).")],
    alliance_csv: Annotated[str | None, typer.Argument(help="ATOP alliance-level CSV (dates of each alliance).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Supersede another ATOP version already stored.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Import ATOP alliances, members and provisions; idempotent for the same version."""
    report = open_app().import_atop(member_csv, alliance_csv, replace=replace)
    if as_json:
        print_json(report.to_json())
        return
    out.print(f"ATOP {report.version}: {report.alliances} alliances, {report.memberships} memberships, "
              f"{report.obligations} obligations; changes {report.changes.to_json()}", highlight=False,
              soft_wrap=True)
    for line in report.skipped:
        err.print(f"skipped: {line}", highlight=False)


@check_app.command("atop")
@edge
def check_atop(as_json: JsonOption = False) -> None:
    """List where the built-in treaties and their ATOP codings disagree."""
    rows = open_app().check_atop().to_json()["disagreements"]
    if as_json:
        print_json({"disagreements": rows})
        return
    for row in rows:
        why = f"explained — {row['explained']}" if row["explained"] else "NOT EXPLAINED by the data conventions"
        out.print(f"{row['treaty']} (ATOP {row['atop_id']}) {row['field']}: casus {row['curated']} / "
                  f"ATOP {row['atop']}; {why}", highlight=False, soft_wrap=True)
    unexplained = sum(row["explained"] is None for row in rows)
    out.print(f"{len(rows)} disagreement(s), {unexplained} not explained by the data conventions")
