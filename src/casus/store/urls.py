"""Where the store is: ``CASUS_DB`` (a path or a database URL), else the user's data file.

Apart from ``store.py`` so that finding the store imports no SQLAlchemy
(``casus.store.snapshot`` reads a SQLite store's mark without it).
"""

from __future__ import annotations

import os
from pathlib import Path


def default_path() -> Path:
    import platformdirs  # only without CASUS_DB: it costs a start-up more than finding the store

    return platformdirs.user_data_path("casus", appauthor=False) / "casus.sqlite"


def resolve_url(value: str | os.PathLike | None = None) -> str:
    """The database URL for ``value``, else ``CASUS_DB``, else the default file."""
    value = value if value is not None else os.environ.get("CASUS_DB") or None
    if value is None:
        path = default_path()
    elif "://" in str(value):
        return str(value)
    else:
        path = Path(value).expanduser()
    return f"sqlite:///{path}"
