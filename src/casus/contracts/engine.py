"""Contracts of the engine: a scenario's report, the diff of two dates, exposure, entanglement."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from casus.contracts.base import ArticleLabel, Basis, Contract, Source, State, TreatyRef
from casus.vocab import ConditionStatus, DutyStatus, Mode, ObligationKind, Side, Strength, TreatyStatus


class Dispute(Contract):
    """Who holds a disputed place on the date, and who claims it (``Gazetteer.describe``)."""

    sovereign: str | None
    administrator: str | None
    claimants: list[str]
    note: str | None


class ResolvedPlace(Contract):
    """The place an act names, as the gazetteer resolved it, on the scenario's date."""

    query: str | None = None
    query_name: str
    id: str
    name: str
    kind: str
    within: str | None
    sovereign: str | None
    administrator: str | None
    region: str | None
    waters: list[str]
    lat: float | None
    lon: float | None
    dispute: Dispute | None
    source: str


class PlaceArea(Contract):
    """One treaty area in force on the date, and whether it contains the place."""

    treaty: TreatyRef
    article: str
    label: ArticleLabel
    area: str
    rule: Literal["sovereignty", "administration"]
    party: str | None
    """Set when the area comes from one party's understanding or reservation."""
    contains: bool | None
    """True, False, or None when neither the data nor the text decides it."""


class PlaceReport(Contract):
    """``casus place``: a place as casus resolves it on a date, and the treaty areas that contain it."""

    on: dt.date
    query: str
    place: ResolvedPlace
    areas: list[PlaceArea]


class ScenarioAct(Contract):
    """An act of the scenario as the engine read it."""

    attacker: State
    target: State
    place: str | None
    provoked: bool | None
    requested: bool | None
    home_territory: bool
    resolved_place: ResolvedPlace | None = None


class ConditionCheck(Contract):
    condition: str
    status: ConditionStatus
    detail: str | None
    decides: str | None = None
    """For an open condition: what would decide it."""
    party: str | None = None
    """Set when the condition comes from one party's understanding or reservation."""


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
    label: ArticleLabel
    strength: Strength
    toward: State | None
    against: State | None
    act: ReasonAct
    conditions: list[ConditionCheck]
    territory_rule: Literal["sovereignty", "administration"] = "sovereignty"
    notes: list[str]
    source: Source
    uncertain: bool = False
    basis: list[Basis] = Field(default_factory=list)


class ChainEntry(Contract):
    """One step of how a state came in: it entered under ``treaty`` ``article`` toward ``toward``."""

    state: str
    round: int
    kind: ObligationKind
    treaty: str
    article: str
    label: ArticleLabel
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
    label: ArticleLabel
    attacker: State
    target: State
    bound: str


class PendingDuty(Contract):
    """A duty signed but not yet in force on the scenario's date."""

    state: State
    toward: State
    treaty: TreatyRef
    article: str
    label: ArticleLabel
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
    warnings: list[str] = Field(default_factory=list)
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
    label: ArticleLabel
    kind: ObligationKind
    strength: Strength
    conditions: dict[str, Any]
    source: Source
    on: dt.date | None = Field(None, description="The day it appeared or ended (null when the records do not say).")


class DiffChange(Contract):
    before: DiffDuty
    after: DiffDuty
    on: dt.date | None = Field(None, description="The day the terms changed.")


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
