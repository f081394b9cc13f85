"""Typed contracts: pydantic models of everything that crosses a boundary.

The CLI's ``--json``, the HTTP API and its OpenAPI document are all made from
these models; ``docs/json.md`` documents each one with an example that a test
validates. Vocabularies (kinds, strengths, events…) come from ``casus.vocab``.

>>> from casus.contracts import State
>>> State(id="PRK", iso3="PRK", cow=731, name="North Korea").to_json()["cow"]
731
"""

from casus.contracts.base import Contract, Members, Source, State, TreatyRef
from casus.contracts.engine import (
    ChainEntry,
    ChainStart,
    Collision,
    ConditionalEntry,
    ConditionCheck,
    ConflictReason,
    Conflicted,
    Diff,
    DiffChange,
    DiffDuty,
    DutyEntry,
    Entanglement,
    EntanglementRow,
    ExposureRow,
    ExposureTable,
    Participant,
    PendingDuty,
    Reason,
    ReasonAct,
    ScenarioAct,
    ScenarioReport,
    Sides,
    StayOutEntry,
)
from casus.contracts.errors import ErrorBody
from casus.contracts.kb import (
    Dataset,
    Duty,
    Member,
    Obligation,
    Pending,
    SourceList,
    StateProfile,
    Suspension,
    TreatyDetail,
    TreatyList,
    TreatySummary,
)
from casus.contracts.reader import (
    Agreement,
    Evidence,
    Proposal,
    ProposalList,
    ReadingBatch,
    ReadResult,
    Reading,
)

RESPONSES: tuple[type[Contract], ...] = (
    State, StateProfile, TreatyList, TreatyDetail, SourceList, ScenarioReport, Diff, ExposureTable,
    Entanglement, Reading, ReadingBatch, Proposal, ProposalList, ErrorBody,
)
"""The models a command or an endpoint answers with; each has an example in docs/json.md."""

MODELS: dict[str, type[Contract]] = {
    name: value for name, value in globals().items()
    if isinstance(value, type) and issubclass(value, Contract) and value is not Contract
}

__all__ = ["MODELS", "RESPONSES", "Members", *sorted(MODELS), "Contract"]
