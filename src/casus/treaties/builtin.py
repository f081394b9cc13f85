"""Where the built-in treaty files are, and their digest; no YAML or schema imported.

The store compares this digest with the one it recorded on every open: a
command that only reads must not pay for the YAML reader and the treaty schema
to learn that nothing changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

BUILTIN_DIR = Path(__file__).parent / "data"


def builtin_files() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.yaml"))


def files_digest(paths: Iterable[Path]) -> str:
    """A digest of the files' names and bytes: tells the store when data changed."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
