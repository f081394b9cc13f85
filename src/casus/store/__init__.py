"""The store: versioned tables in SQLite (default) or PostgreSQL."""

from casus.store.store import Store, default_path, load_records, open_store, resolve_url

__all__ = ["Store", "default_path", "load_records", "open_store", "resolve_url"]
