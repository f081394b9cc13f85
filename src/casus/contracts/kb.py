"""Contracts of the knowledge base: a state's profile, treaties, the datasets held."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from casus.contracts.base import ArticleLabel, Basis, Contract, Members, Source, State, TreatyRef
from casus.vocab import (
    EndReason,
    Instrument,
    LeftReason,
    LegalEffect,
    ObligationKind,
    Role,
    SourceKind,
    Strength,
    TreatyStatus,
)


class Duty(Contract):
    """One duty seen from the profiled state: ``role`` says whether it is bound or owed."""

    state: State
    role: Role
    treaty: TreatyRef
    article: str
    label: ArticleLabel
    kind: ObligationKind
    strength: Strength
    conditions: dict[str, Any]
    summary: str | None
    source: Source
    notes: list[str]
    uncertain: str | None = Field(description="Why the duty is uncertain, when it rests on an uncertain fact "
                                  "(the treaty, the article, a party's membership, a dataset's coverage): "
                                  "every fact's reason, in the order of ``basis``.")
    basis: list[Basis] = Field(default_factory=list, description="The uncertain facts the duty rests on, as "
                               "in a scenario's reasons; empty when every fact is settled in the sources.")
    known_to: dt.date | None = Field(None, description="Asked about a day after the coverage of the dataset the "
                                     "duty comes from: the last day it codes (ATOP: 2018-12-31). In force to "
                                     "then per the dataset, not known since.")


class Pending(Contract):
    """A treaty the state signed that does not bind it yet on the date."""

    treaty: TreatyRef
    signed: dt.date | None
    treaty_in_force: dt.date | None
    binds_from: dt.date | None
    status: TreatyStatus
    obligations: list[str]
    source: Source


class EndedTreaty(Contract):
    """A treaty whose duties toward or from the state ended before the date (``--history``)."""

    treaty: TreatyRef
    ended: dt.date
    why: str
    kinds: list[str]


class StateProfile(Contract):
    """``casus state X --on D``: who defends X, whom X defends, its other duties."""

    state: State
    on: dt.date
    defended_by: list[Duty]
    defends: list[Duty]
    other: list[Duty]
    pending: list[Pending]
    notes: list[str]
    ended: list[EndedTreaty] = Field(default_factory=list)


class TreatySummary(Contract):
    id: str
    name: str
    organisation: str | None
    short: str | None = None
    instrument: Instrument = Instrument.treaty
    signed: dt.date | None
    in_force: dt.date | None
    ended: dt.date | None
    end_reason: EndReason | None
    status: TreatyStatus | None
    kinds: list[ObligationKind]
    parties: list[State]
    source: Source
    known_to: dt.date | None = Field(None, description="For a treaty imported from a dataset that codes it as "
                                     "in force at the end of its coverage: that day; not known since.")


class TreatyList(Contract):
    """``casus treaties``: treaties filtered by party, date and kind."""

    on: dt.date | None
    treaties: list[TreatySummary]


class Member(Contract):
    state: State
    signed: dt.date | None
    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    left_reason: LeftReason | str | None
    bound_on_date: bool | None
    note: str | None
    uncertain: str | None
    source: Source


class Obligation(Contract):
    article: str
    label: ArticleLabel
    kind: ObligationKind
    strength: Strength
    obligors: Members | list[str]
    beneficiaries: Members | list[str]
    conditions: dict[str, Any]
    summary: str | None
    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    note: str | None
    uncertain: str | None
    source: Source


class Suspension(Contract):
    obligors: Members | list[str]
    beneficiaries: Members | list[str]
    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    legal_effect: LegalEffect
    summary: str | None
    source: Source


class TreatyDetail(TreatySummary):
    """``casus treaty ID``: a summary plus members over time, obligations, suspensions."""

    aliases: list[str]
    atop_id: int | None
    notes: str | None
    uncertain: str | None
    members: list[Member]
    obligations: list[Obligation]
    suspensions: list[Suspension]


class Dataset(Contract):
    """One dataset the store holds, with its version, citation and coverage."""

    id: str
    name: str | None
    version: str | None
    kind: SourceKind | str | None
    citation: str | None
    url: str | None
    coverage_from: dt.date | None
    coverage_to: dt.date | None
    digest: str | None
    loaded_at: dt.datetime | None


class SourceList(Contract):
    """``casus sources``."""

    sources: list[Dataset]
