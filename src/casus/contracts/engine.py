"""Contracts of the engine: a scenario's report, the diff of two dates, exposure, entanglement."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from casus.contracts.base import Contract, Source, State, TreatyRef
from casus.vocab import ConditionStatus, DutyStatus, Mode, ObligationKind, Side, Strength, TreatyStatus


class ScenarioAct(Contract):
    """An act of the scenario as the engine read it."""

    attacker: State
    target: State
    place: str | None
    provoked: bool | None
    requested: bool | None
    home_territory: bool


class ConditionCheck(Contract):
    condition: str
    status: ConditionStatus
    detail: str | None


class ReasonAct(Contract):
    """The act that fired a duty, by state id, with the round it happened in."""

    attacker: str
    target: str
    round: int
    place: str | None


class Reason(Contract):
    """Why a state is drawn in: one article, fired by one act, with each condition's verdict."""

    kind: ObligationKind
    treaty: TreatyRef
    article: str
    strength: Strength
    toward: State | None
    against: State | None
    act: ReasonAct
    conditions: list[ConditionCheck]
    notes: list[str]
    source: Source


class ChainEntry(Contract):
    """One step of how a state came in: it entered under ``treaty`` ``article`` toward ``toward``."""

    state: str
    round: int
    kind: ObligationKind
    treaty: str
    article: str
    toward: str
    act: str


class ChainStart(Contract):
    """The first step of every chain: the initial act."""

    act: str
    round: int
    initial: Literal[True]


class Participant(Contract):
    state: State
    round: int
    reasons: list[Reason]
    chain: list[ChainStart | ChainEntry]


class Sides(Contract):
    attackers: list[Participant]
    defenders: list[Participant]


class ConditionalEntry(Contract):
    """A state that would join ``side`` if the ``open`` conditions hold."""

    state: State
    side: Side
    open: list[str]
    reason: Reason


class DutyEntry(Contract):
    """A non-fighting duty fired by an act: to consult, or a violated promise."""

    state: State
    toward: State
    status: DutyStatus
    reason: Reason


class StayOutEntry(Contract):
    state: State
    toward: State
    status: DutyStatus
    may_not_help: State | None
    reason: Reason


class Collision(Contract):
    """Attacker and target bound to each other by one treaty."""

    treaty: TreatyRef
    article: str
    attacker: State
    target: State
    bound: str


class PendingDuty(Contract):
    """A duty signed but not yet in force on the scenario's date."""

    state: State
    toward: State
    treaty: TreatyRef
    article: str
    kind: ObligationKind
    status: TreatyStatus
    binds_from: dt.date | None


class ConflictReason(Reason):
    why: str


class Conflicted(Contract):
    """A state bound toward both sides, with each reason."""

    state: State
    reasons: list[ConflictReason]


class ScenarioReport(Contract):
    """``casus scenario``: both sides by round, and every other duty the acts fire."""

    on: dt.date
    mode: Mode
    acts: list[ScenarioAct]
    rounds: int
    sides: Sides
    conditional: list[ConditionalEntry]
    consult: list[DutyEntry]
    stay_out: list[StayOutEntry]
    violations: list[DutyEntry]
    collisions: list[Collision]
    pending: list[PendingDuty]
    conflicted: list[Conflicted]


class DiffDuty(Contract):
    obligor: State
    beneficiary: State
    treaty: TreatyRef
    article: str
    kind: ObligationKind
    strength: Strength
    conditions: dict[str, Any]
    source: Source


class DiffChange(Contract):
    before: DiffDuty
    after: DiffDuty


class Diff(Contract):
    """``casus diff``: directed duties that appeared, ended or changed between two dates."""

    from_: dt.date = Field(alias="from")
    to: dt.date
    appeared: list[DiffDuty]
    ended: list[DiffDuty]
    changed: list[DiffChange]


class ExposureRow(Contract):
    """One ordered pair: who is bound (``;``-separated ids) and who conditionally, to defend ``target``."""

    on: dt.date
    attacker: str
    target: str
    bound: str
    conditional: str
    n_bound: int
    n_conditional: int


class ExposureTable(Contract):
    """``casus exposure --format json``: every ordered pair of a date."""

    on: dt.date
    pairs: list[ExposureRow]


class EntanglementRow(Contract):
    state: State
    bound_pairs: int
    conditional_pairs: int


class Entanglement(Contract):
    """``casus entanglement``: for each state, how many ordered pairs would draw it in."""

    on: dt.date
    states: list[EntanglementRow]
