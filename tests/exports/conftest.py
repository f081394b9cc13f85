"""A fresh store holding the export tests' own records (see records.py)."""

from __future__ import annotations

import pytest

from casus.store import Store
from exports.records import fill


@pytest.fixture
def test_store(tmp_path) -> Store:
    store = fill(Store.open(tmp_path / "exports.sqlite", seed=False))
    yield store
    store.close()
