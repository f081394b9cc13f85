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
    as_json: JsonOption = False,
) -> None:
    """Create the store (in CASUS_DB or the user's data directory) and report where it is and what it holds."""
    from casus.app import App, SystemClock

    report = App.init(empty=empty, clock=SystemClock()).store_report().to_json()
    emit(report, as_json, render_store_report, report)


def render_store_report(console, report) -> None:
    holds = report["holds"]
    held = ("with no treaties" if not holds["treaties"] else
            f"with {holds['treaties']} treaties, {holds['states']} states party to them, "
            f"{holds['obligations']} obligations")
    lines = [f"store ready at {report['url']} (schema revision {report['revision']}) {held}",
             f"proposals: {holds['proposals']} ({holds['open_proposals']} open)"]
    lines += [f"dataset {d['id']}" + (f" {d['version']}" if d.get("version") else "")
              + (f": {d['name']}" if d.get("name") else "") for d in report["datasets"]] or ["datasets: none"]
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True, markup=False)


# -- the store's soundness: check, backup, restore ----------------------------------

from casus.cli.common import err, print_json  # noqa: E402
from casus.cli.imports import check_app  # noqa: E402

def _check_store(as_json: bool) -> None:
    violations = open_app().check_store().to_json()["violations"]
    if as_json:
        print_json({"violations": violations})
    else:
        for v in violations:
            out.print(f"{v['rule']}: {v['table']} {v['key']!r}: {v['message']}", highlight=False, soft_wrap=True)
        out.print(f"{len(violations)} violation(s)" if violations else "store ok: every invariant holds")
    if violations:
        raise typer.Exit(1)


@check_app.callback(invoke_without_command=True, no_args_is_help=False,
                    help="Check the store's invariants (no subcommand, or 'store'); 'atop' compares the curated "
                         "treaties with ATOP.")
def check_callback(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Check the store's invariants; exit 1 naming each violation."""
    if ctx.invoked_subcommand is None:
        edge(_check_store)(as_json)


@check_app.command("store")
@edge
def check_store_command(as_json: JsonOption = False) -> None:
    """Check the store: one current version per key, no overlap, no orphan, every record sourced."""
    _check_store(as_json)


@app.command("backup")
@edge
def backup_command(
    file: Annotated[str, typer.Argument(help="The backup file to write (must not exist).")],
    as_json: JsonOption = False,
) -> None:
    """Write a consistent copy of the store, safe while others use it."""
    report = open_app().backup(file).to_json()
    if as_json:
        print_json(report)
    else:
        out.print(f"backup written to {report['file']} ({report['format']}, schema {report['revision']}, "
                  f"{sum(report['rows'].values())} rows)", highlight=False, soft_wrap=True)


@app.command("restore")
@edge
def restore_command(
    file: Annotated[str, typer.Argument(help="A file written by 'casus backup'.")],
    as_json: JsonOption = False,
) -> None:
    """Replace the whole store with a backup, in one transaction (refuses a newer schema)."""
    from casus.app import App, SystemClock

    report = App.open(seed=False, clock=SystemClock()).restore(file).to_json()
    if as_json:
        print_json(report)
    else:
        out.print(f"restored {report['file']} (schema {report['revision']}, {sum(report['rows'].values())} rows)",
                  highlight=False, soft_wrap=True)
        for violation in report["violations"]:
            err.print(f"violation: {violation['rule']}: {violation['table']} {violation['key']!r}: "
                      f"{violation['message']}", highlight=False)
    if report["violations"]:
        raise typer.Exit(1)


@app.command("token-hash")
@edge
def token_hash_command(as_json: JsonOption = False) -> None:
    """Read a write token on standard input and print its scrypt hash, for CASUS_TOKEN_HASH."""
    import sys

    from casus.app import App
    from casus.errors import InvalidArgumentError

    token = sys.stdin.readline().rstrip("\r\n")
    if not token:
        raise InvalidArgumentError('no token on standard input (echo "$TOKEN" | casus token-hash)')
    report = App.token_hash(token)
    if as_json:
        print_json(report)
    else:
        sys.stdout.write(report.hash + "\n")
