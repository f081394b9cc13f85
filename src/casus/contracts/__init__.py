"""Typed contracts: pydantic models of everything that crosses a boundary.

The CLI's ``--json``, the HTTP API and its OpenAPI document are all made from
these models; ``docs/json.md`` documents each one with an example that a test
validates. Vocabularies (kinds, strengths, events…) come from ``casus.vocab``.

>>> from casus.contracts import State
>>> State(id="PRK", iso3="PRK", cow=731, name="North Korea").to_json()["cow"]
731
"""

import importlib

# The models are built when first asked for, module by module: building every
# pydantic model costs a command that answers with one of them more than its answer
# (``casus state --json`` needs the knowledge-base models only).
_HOMES: dict[str, tuple[str, ...]] = {
    "base": (
        "Contract", "Members", "Source", "State", "TreatyRef",
    ),
    "engine": (
        "ChainEntry", "ChainStart", "Collision", "ConditionalEntry", "ConditionCheck", "ConflictReason",
        "Conflicted", "Diff", "DiffChange", "DiffDuty", "DutyEntry", "Entanglement", "EntanglementRow",
        "ExposureRow", "ExposureTable", "Participant", "PendingDuty", "Basis", "Dispute", "PlaceArea",
        "PlaceReport", "ResolvedPlace", "Reason", "ReasonAct", "ScenarioAct", "ScenarioReport", "Sides",
        "StayOutEntry",
    ),
    "errors": (
        "ErrorBody",
    ),
    "exports": (
        "DyadYear", "DyadYearTable", "SourceCoverage",
    ),
    "history": (
        "AtopCheck", "AtopDisagreement", "AtopImport", "CowWarsImport", "ImportChanges", "Replay",
        "ReplayComparison", "ReplayDifference", "ReplayRow", "ReplayWar", "SkippedWar",
    ),
    "kb": (
        "Dataset", "EndedTreaty", "Duty", "Member", "Obligation", "Pending", "SourceList", "StateProfile",
        "Suspension", "TreatyDetail", "TreatyList", "TreatySummary",
    ),
    "reader": (
        "Agreement", "ArticleFigures", "BatchSummary", "Evidence", "Proposal", "ProposalList", "ReaderFigures",
        "ReaderScore", "ReadingBatch", "ReadResult", "Reading", "RecordError",
    ),
    "store": (
        "BackupReport", "RestoreReport", "StoreCheck", "StoreHoldings", "StoreReport", "TokenHashReport",
        "Violation",
    ),
    "api": (
        "Network", "NetworkEdge",
    ),
}
"""Where each model is defined: ``casus.contracts.<module>``."""
_WHERE = {name: module for module, names in _HOMES.items() for name in names}
_RESPONSES = (
    "State", "StateProfile", "TreatyList", "TreatyDetail", "SourceList", "ScenarioReport", "PlaceReport",
    "Diff", "ExposureTable", "Entanglement", "Reading", "ReadingBatch", "BatchSummary", "Proposal",
    "ProposalList", "ErrorBody", "StoreReport", "StoreCheck", "BackupReport", "RestoreReport",
    "TokenHashReport", "AtopImport", "AtopCheck", "CowWarsImport", "Replay", "ReplayComparison",
    "DyadYearTable", "Network", "ReaderScore",
)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f"casus.contracts.{_WHERE[name]}"), name)
    elif name == "RESPONSES":
        # The models a command or an endpoint answers with; each has an example in docs/json.md.
        value = tuple(__getattr__(n) for n in _RESPONSES)
    elif name == "MODELS":
        contract = __getattr__("Contract")
        models = {n: __getattr__(n) for n in _WHERE}
        value = {n: m for n, m in models.items() if isinstance(m, type) and issubclass(m, contract) and m is not contract}
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = ["MODELS", "RESPONSES", *sorted(_WHERE)]
