"""The ``casus`` command: one module per domain, each command one call on the application object.

``casus.cli.common`` holds the Typer app, the shared options and the error
edge; importing a domain module registers its commands. Importing this module
registers every command (as tests and the docs want); the installed ``casus``
program (``casus.cli.launch.main``) registers only the one it runs.
"""

from __future__ import annotations

from casus.cli.launch import COMMANDS, DOMAINS, app, load, main

load()

__all__ = ["COMMANDS", "DOMAINS", "app", "load", "main"]

if __name__ == "__main__":
    main()
