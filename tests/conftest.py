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


# -- one store per backend: SQLite always, PostgreSQL when a server is given ---------

POSTGRES_ENV = "CASUS_TEST_POSTGRES_URL"
"""A PostgreSQL URL whose role may create databases (``.ci/run`` starts such a server)."""


def postgres_admin_url() -> str:
    """The server to test against; skip locally without one, fail under CI (never skip there)."""
    import os

    url = os.environ.get(POSTGRES_ENV)
    if not url:
        message = f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql+psycopg://user@127.0.0.1:PORT/postgres"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (under CI these tests must run: .ci/run starts a server)")
        pytest.skip(message)
    return url


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(postgres_admin_url())
    name = f"casus_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin_url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of a new store on each backend (the test runs once per backend)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backend.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def backend_store(store_url) -> Store:
    """A new store holding the built-in data, on SQLite and on PostgreSQL."""
    store = Store.open(store_url)
    yield store
    store.close()
