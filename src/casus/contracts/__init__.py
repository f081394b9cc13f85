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
    Basis,
    Dispute,
    PlaceArea,
    PlaceReport,
    ResolvedPlace,
    Reason,
    ReasonAct,
    ScenarioAct,
    ScenarioReport,
    Sides,
    StayOutEntry,
)
from casus.contracts.errors import ErrorBody
from casus.contracts.exports import DyadYear, DyadYearTable, SourceCoverage
from casus.contracts.history import (
    AtopCheck,
    AtopDisagreement,
    AtopImport,
    CowWarsImport,
    ImportChanges,
    Replay,
    ReplayComparison,
    ReplayDifference,
    ReplayRow,
    ReplayWar,
    SkippedWar,
)
from casus.contracts.kb import (
    Dataset,
    EndedTreaty,
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
    ArticleFigures,
    BatchSummary,
    Evidence,
    Proposal,
    ProposalList,
    ReaderFigures,
    ReaderScore,
    ReadingBatch,
    ReadResult,
    Reading,
    RecordError,
)
from casus.contracts.store import (
    BackupReport,
    RestoreReport,
    StoreCheck,
    StoreHoldings,
    StoreReport,
    TokenHashReport,
    Violation,
)

# The obligation network is the API's ``/network`` and ``casus export graphml --json``.
from casus.contracts.api import Network, NetworkEdge  # noqa: E402 - after the models it builds on

RESPONSES: tuple[type[Contract], ...] = (
    State, StateProfile, TreatyList, TreatyDetail, SourceList, ScenarioReport, PlaceReport, Diff, ExposureTable,
    Entanglement, Reading, ReadingBatch, BatchSummary, Proposal, ProposalList, ErrorBody,
    StoreReport, StoreCheck, BackupReport, RestoreReport, TokenHashReport, AtopImport, AtopCheck, CowWarsImport,
    Replay, ReplayComparison, DyadYearTable, Network, ReaderScore,
)
"""The models a command or an endpoint answers with; each has an example in docs/json.md."""

MODELS: dict[str, type[Contract]] = {
    name: value for name, value in globals().items()
    if isinstance(value, type) and issubclass(value, Contract) and value is not Contract
}

__all__ = ["MODELS", "RESPONSES", "Members", *sorted(MODELS), "Contract"]
