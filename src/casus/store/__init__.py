"""The store: versioned tables in SQLite (default) or PostgreSQL; all of casus's SQL is here.

Names are imported when first used: ``casus.store.urls`` and ``casus.store.snapshot``
serve a command that reads a saved knowledge base without loading SQLAlchemy.
"""

import importlib

_WHERE = {
    "Store": "store", "Transaction": "store", "load_records": "store", "open_store": "store",
    "default_path": "urls", "resolve_url": "urls", "key_column": "tables", "typed": "tables",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"casus.store.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = ["Store", "Transaction", "default_path", "key_column", "load_records", "open_store", "resolve_url", "typed"]
