"""The party grid (``grid.yaml``, ``grid.py``): a fixed sample of the combinations, read in
one ``nlp.pipe`` batch, each asserting its exact record. ``python tests/reader/grid.py``
reads them all and prints the pass rate by slot.

Combinations the reader cannot get right yet are listed under ``expected_failures`` in
``grid.yaml`` with the reason (strict: one that starts passing must leave the list)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))
import grid  # noqa: E402

EVERY = 200  # about 550 of the grid's combinations: a few seconds
CASES = grid.sample(grid.generate(), EVERY)
KNOWN = yaml.safe_load(grid.DATA.read_text(encoding="utf-8")).get("expected_failures") or {}


@pytest.fixture(scope="module")
def readings():
    return dict(zip((c.id for c in CASES), grid.read_all(CASES)))


def _param(case):
    if case.id in KNOWN:
        return pytest.param(case, id=case.id, marks=pytest.mark.xfail(reason=KNOWN[case.id], strict=True))
    return pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_grid_case(case, readings):
    ok, got = grid.outcome(case, readings[case.id])
    assert ok, f"{case.text}\nwant {[(case.event, case.parties)]}\ngot  {got}"


def test_known_failures_are_in_the_grid():
    ids = {c.id for c in grid.generate()}
    assert not set(KNOWN) - ids
