"""Contracts of imported datasets and the replay of past wars: ``import``, ``check atop``, ``replay``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.contracts.base import Contract, State, TreatyRef


class ImportChanges(Contract):
    """Record versions an import wrote: new, superseding an older one, and closed (gone from the file)."""

    inserted: int
    superseded: int
    closed: int


class AtopImport(Contract):
    """``casus import atop``: alliances, memberships and obligations read; rows skipped and why."""

    dataset: str
    version: str
    alliances: int
    memberships: int
    obligations: int
    changes: ImportChanges
    skipped: list[str]


class AtopDisagreement(Contract):
    """One field on which a curated treaty and its ATOP coding differ; ``explained`` by the data conventions."""

    treaty: str
    atop_id: int | None
    field: str
    curated: Any
    atop: Any
    note: str | None
    explained: str | None


class AtopCheck(Contract):
    """``casus check atop``."""

    disagreements: list[AtopDisagreement]


class CowWarsImport(Contract):
    """``casus import cow-wars``: wars and participants read; ``unchanged`` when the same version was stored."""

    dataset: str
    version: str
    wars: int
    participants: int
    changes: ImportChanges
    unchanged: bool


class ReplayRow(Contract):
    """One alliance member in one war: did a duty apply (``status``), and was it honoured."""

    atop_id: int | None
    treaty: TreatyRef
    war: int
    start_year: int
    on: dt.date
    partner: State
    role: str
    status: str
    kind: str
    honoured: bool | None
    allies: list[State]
    fought_beside: list[State]
    fought_against: list[State]
    conditional_allies: list[State]
    open: list[str]
    notes: list[str]
    act: str


class ReplayWar(Contract):
    war: int
    name: str | None
    start_year: int
    on: dt.date
    acts: list[str]


class SkippedWar(Contract):
    war: int
    reason: str


class Replay(Contract):
    """``casus replay``: every imported war through the engine, with the honour rates beside published ones."""

    start_day: str | None
    rows: list[ReplayRow]
    # Rates by period, kind and ally, and the published rates: a table that grows with the studies cited.
    rates: dict[str, Any]
    wars: list[ReplayWar]
    skipped: list[SkippedWar]


class ReplayDifference(Contract):
    atop_id: int
    war: int
    name: str
    expert: str
    expert_reason: str
    casus: str
    casus_reason: str


class ReplayComparison(Contract):
    """``casus replay --compare``: agreement with an expert coding, Cohen's kappa, the cases that differ."""

    cases: int
    agreement: float | None
    kappa: float | None
    confusion: dict[str, dict[str, int]]
    differ: list[ReplayDifference]
