"""Shared fixtures: every test gets its own store; none touches the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def isolated_store_path(tmp_path, monkeypatch):
    """Point CASUS_DB at a fresh file so no test reads or writes the user's store."""
    path = tmp_path / "casus.sqlite"
    monkeypatch.setenv("CASUS_DB", str(path))
    return path


@pytest.fixture
def fresh_store(tmp_path) -> Store:
    """A new store holding the built-in data, for tests that write."""
    store = Store.open(tmp_path / "fresh.sqlite")
    yield store
    store.close()


@pytest.fixture(scope="session")
def builtin_kb(tmp_path_factory):
    """The built-in knowledge base, read once for the read-only tests."""
    store = Store.open(tmp_path_factory.mktemp("kb") / "casus.sqlite")
    kb = store.knowledge_base()
    store.close()
    return kb
