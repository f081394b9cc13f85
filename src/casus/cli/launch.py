"""The ``casus`` program: it registers only the commands it is asked to run.

Importing every command module costs more than most answers (Rich tables,
the renderers, each domain's options); ``casus state PRK --json`` needs one
module. The first word of the command line names the command; ``COMMANDS``
says which modules define it (tests/cli/test_launch.py checks the table
against what the modules register). Anything else (``--help``, a misspelt
command that deserves suggestions, shell completion) loads them all.
``casus.cli.main`` loads them all on import, for ``CliRunner`` and the docs.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from casus.cli.common import app, console

DOMAINS = ("states", "places", "treaties", "store", "engine", "imports", "history", "reader", "exports", "review",
           "serve")
"""The command modules, in the order ``casus --help`` lists their commands."""

COMMANDS: dict[str, tuple[str, ...]] = {
    "state": ("states",),
    "place": ("places",),
    "treaties": ("treaties",),
    "treaty": ("treaties",),
    "sources": ("store",),
    "init": ("store",),
    "backup": ("store",),
    "restore": ("store",),
    "token-hash": ("store",),
    "scenario": ("engine",),
    "diff": ("engine",),
    "exposure": ("engine",),
    "entanglement": ("engine",),
    "replay": ("history",),
    "read": ("reader",),
    "eval-reader": ("reader",),
    "serve": ("serve",),
    "import": ("imports", "history"),
    "check": ("store", "imports"),
    "export": ("exports",),
    "review": ("review",),
}
"""Each command (or command group) and the modules that register it and its subcommands."""


def _version(value: bool) -> None:
    if value:
        from casus import __version__

        console("out").print(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Mutual-assistance treaties made computable: who is bound to defend whom, when, and why."""


def load(argv: list[str] | None = None) -> None:
    """Register the commands ``argv`` (the arguments after ``casus``) runs; all of them when None or unsure."""
    word = next((arg for arg in argv if not arg.startswith("-")), None) if argv is not None else None
    completing = any(name.startswith("_CASUS_COMPLETE") for name in os.environ)
    modules = COMMANDS.get(word, DOMAINS) if word and not completing else DOMAINS
    for module in modules:
        importlib.import_module(f"casus.cli.{module}")


def main() -> None:
    load(sys.argv[1:])
    app()
