"""The store: versioned tables in SQLite (default) or PostgreSQL; all of casus's SQL is here."""

from casus.store.store import Store, Transaction, default_path, load_records, open_store, resolve_url
from casus.store.tables import key_column, typed

__all__ = ["Store", "Transaction", "default_path", "key_column", "load_records", "open_store", "resolve_url", "typed"]
