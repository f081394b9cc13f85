"""The ``casus`` command: one module per domain, each command one call on the application object.

``casus.cli.common`` holds the Typer app, the shared options and the error
edge; importing a domain module registers its commands.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

from casus.cli.common import app, out

DOMAINS = ("states", "treaties", "store", "engine", "imports", "history", "reader", "exports", "review")
"""The command modules, in the order ``casus --help`` lists their commands."""
for _domain in DOMAINS:
    importlib.import_module(f"casus.cli.{_domain}")


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
