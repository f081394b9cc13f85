"""A client on the built-in store (shared, for reads) and one on an empty store (per test, for writes).

The CLI answers the same questions on the same store file, so the API's JSON
can be compared with ``casus … --json``.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.client import TOKEN
from casus.api import create_app
from casus.app import App, FixedClock
from casus.cli.main import app as cli_app
from casus.store import Store


@pytest.fixture(scope="session")
def builtin_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "builtin.sqlite"
    Store.open(path).close()
    return path


@pytest.fixture(scope="session")
def client(builtin_path):
    """Reads on the built-in store (tests that write use ``empty_client``)."""
    application = App.open(builtin_path, clock=FixedClock("2025-01-01"))
    with TestClient(create_app(application, token=TOKEN, web=False)) as test_client:
        yield test_client
    application.close()


@pytest.fixture
def empty_client(store_url):
    """An empty store for writes, on SQLite and on PostgreSQL (each test runs on both)."""
    application = App.open(store_url, seed=False, clock=FixedClock("2030-03-10"))
    with TestClient(create_app(application, token=TOKEN, web=False)) as test_client:
        yield test_client
    application.close()


@pytest.fixture
def cli_json(builtin_path, monkeypatch):
    """Run ``casus ARGS --json`` on the built-in store and return its JSON."""
    monkeypatch.setenv("CASUS_DB", str(builtin_path))

    def run(*args: str):
        result = CliRunner().invoke(cli_app, [*args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run
