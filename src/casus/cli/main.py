"""The ``casus`` command: each command parses, makes one library call, renders.

Library errors (``casus.errors``) become a message on standard error and a
non-zero exit only here, at the edge.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from casus.errors import CasusError, InvalidArgumentError

app = typer.Typer(
    name="casus",
    help="Mutual-assistance treaties made computable: who is bound to defend whom, when, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

OnOption = Annotated[
    str | None, typer.Option("--on", help="The date to ask about (YYYY-MM-DD); default today.", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of text.")]


def parse_date(value: str | None, option: str = "--on") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgumentError(f"{option}: {value!r} is not a date (expected YYYY-MM-DD)") from None


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def edge(function):
    """Turn casus errors into a message and an exit code (the CLI's only error handling)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except CasusError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def open_kb():
    from casus.store import Store

    store = Store.open()
    return store.knowledge_base()


@app.command()
@edge
def state(
    name: Annotated[str, typer.Argument(help="A state: name, code (ISO3, COW), capital, demonym or alias.")],
    on: OnOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who is bound to defend a state, whom it is bound to defend, and its other obligations."""
    from casus.cli import render
    from casus.kb import state_profile

    day = parse_date(on)
    kb = open_kb()
    profile = state_profile(kb, kb.registry.lookup(name, on=day).id, day)
    payload = profile.to_json(kb)
    if as_json:
        print_json(payload)
    else:
        render.state_profile(out, payload)


@app.command()
@edge
def treaties(
    state: Annotated[str | None, typer.Option("--state", help="Only treaties this state is party to.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Only treaties in force on this date (YYYY-MM-DD).")] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only treaties with an obligation of this kind (defense, offense, "
                     "neutrality, nonaggression, consultation)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List treaties, filtered by party, date and kind of obligation."""
    from casus.cli import render
    from casus.kb import list_treaties

    day = parse_date(on) if on else None
    kb = open_kb()
    state_id = kb.registry.lookup(state, on=day).id if state else None
    rows = list_treaties(kb, state=state_id, on=day, kind=kind)
    if as_json:
        print_json({"on": day.isoformat() if day else None, "treaties": rows})
    else:
        render.treaty_list(out, rows, day)


@app.command()
@edge
def treaty(
    treaty_id: Annotated[str, typer.Argument(metavar="ID", help="Treaty id, name, alias or organisation (NATO).")],
    on: Annotated[str | None, typer.Option("--on", help="Mark the parties bound on this date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """One treaty in full: members over time, obligations by article, sources."""
    from casus.cli import render
    from casus.kb import treaty_detail

    day = parse_date(on) if on else None
    detail = treaty_detail(open_kb(), treaty_id, day)
    if as_json:
        print_json(detail)
    else:
        render.treaty_detail(out, detail, day)


@app.command()
@edge
def sources(as_json: JsonOption = False) -> None:
    """The datasets the store holds: name, version, kind, citation, coverage."""
    from casus.cli import render
    from casus.store import Store

    rows = Store.open().datasets()
    if as_json:
        print_json({"sources": rows})
    else:
        render.sources(out, rows)


@app.command()
@edge
def init(
    empty: Annotated[bool, typer.Option("--empty", help="Create the store without the built-in treaties.")] = False,
) -> None:
    """Create the store (in CASUS_DB or the user's data directory) and report where it is."""
    from casus.store import Store

    store = Store.open(seed=not empty)
    held = "no treaties" if empty and not store.has_dataset("builtin") else "the built-in treaties"
    out.print(f"store ready at {store.engine.url.render_as_string(hide_password=True)} with {held}")


def _version(value: bool) -> None:
    if value:
        from casus import __version__

        out.print(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Mutual-assistance treaties made computable: who is bound to defend whom, when, and why."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
