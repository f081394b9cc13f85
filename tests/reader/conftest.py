"""Fixtures shared by the reader's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml


@pytest.fixture
def changed_copy(tmp_path):
    """``write(source, change)``: a copy of a shipped YAML data file, under its own name,
    with ``change`` applied to its data (the tests of a broken file)."""
    def write(source: Path, change) -> Path:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        change(data)
        path = tmp_path / source.name
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        return path
    return write
