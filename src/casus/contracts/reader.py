"""Contracts of the reader and the review queue: a reading, a proposal."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

from casus.contracts.base import Contract, Source
from casus.vocab import Event, ProposalKind, ProposalStatus, Provision


class Evidence(Contract):
    """A character-exact span of the article: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


class Agreement(Contract):
    name: str | None
    parties: list[Any]
    event: Event
    event_date: str | None
    provisions: list[Provision]
    evidence: list[Evidence]
    negated_provisions: list[Provision] = []
    # the sentences that state or deny the provisions (the event's are ``evidence``)
    provision_evidence: list[Evidence] = []


class Reading(Contract):
    """``casus read``: what the reader found in one article (the eval contract plus context)."""

    # The reader adds context fields over time (docs/reader.md); the fields named
    # here are the contract, others pass through.
    model_config = ConfigDict(extra="allow")

    article: dict[str, Any]
    agreements: list[Agreement]
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    reader_version: str


class ReadingBatch(Contract):
    """``casus read`` on a JSONL batch."""

    articles: list[Reading]


class Proposal(Contract):
    """A change the reader proposes, with its evidence and its review status."""

    id: int
    kind: ProposalKind
    status: ProposalStatus
    treaty: str | None
    summary: str
    base: Any
    article_says: Any
    facts: list[str]
    source: Source
    provision_evidence: list[Evidence] = []
    created_at: str | None
    decided_at: str | None
    decided_by: str | None
    reason: str | None


class ProposalList(Contract):
    """``casus review``."""

    proposals: list[Proposal]


class ReadResult(Contract):
    """A read with its proposals filed (``App.read(..., propose=True)``)."""

    readings: list[Reading]
    proposals: list[Proposal]


class RecordError(Contract):
    """A record of an archive that could not be read: where, and what is wrong."""

    file: str
    line: int | None
    field: str | None
    message: str


class BatchSummary(Contract):
    """``casus read --batch``: what reading an archive did (``App.read_archive``)."""

    archive: str
    engine: str
    workers: int
    records: int
    read: int
    already_read: int
    duplicates: int
    kept: int
    skipped_by_first_pass: int
    agreements: int
    proposals: int
    error_count: int
    errors: list[RecordError]
    seconds: float
    articles_per_second: float


class ArticleFigures(Contract):
    """One gold article scored: agreements in the gold file, predicted, exactly right, right by parties only."""

    id: str
    gold: int
    predicted: int
    exact: int
    parties_only: int
    error: str | None
    errors_by_kind: dict[str, int]
    fold: int | None = None


class ReaderFigures(Contract):
    f1: float
    precision: float
    recall: float
    parties_only_f1: float
    defense_acc: float
    date_acc: float
    gold: int
    predicted: int
    errors: int


class ReaderScore(Contract):
    """``casus eval-reader``: figures per article, in total and (with ``--folds``) per fold."""

    articles: list[ArticleFigures]
    summary: ReaderFigures
    errors_by_kind: dict[str, int]
    folds: dict[str, ReaderFigures] | None = None
    restyle: str | None = None  # the house style every article was read in (``--restyle``)
