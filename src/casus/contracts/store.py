"""Contracts of the store's commands: ``init``, ``check``, ``backup``, ``restore``, ``token-hash``."""

from __future__ import annotations

from casus.contracts.base import Contract
from casus.contracts.kb import Dataset


class StoreHoldings(Contract):
    """What the store holds: current treaties, the states party to one, their obligations, proposals."""

    treaties: int
    states: int
    obligations: int
    proposals: int
    open_proposals: int


class StoreReport(Contract):
    """``casus init``: where the store is, its schema revision, what it holds and which datasets."""

    url: str
    revision: str | None
    holds: StoreHoldings
    datasets: list[Dataset]


class Violation(Contract):
    """One broken invariant of the store: the rule, the table, the record's key, what is wrong."""

    rule: str
    table: str
    key: str
    message: str


class StoreCheck(Contract):
    """``casus check``: every violation of the store's invariants; empty when sound."""

    violations: list[Violation]


class BackupReport(Contract):
    """``casus backup``: the file written, its format, schema revision and rows per table."""

    file: str
    format: str
    revision: str | None
    rows: dict[str, int]


class RestoreReport(Contract):
    """``casus restore``: the file restored, its schema revision, rows per table, violations found after."""

    file: str
    revision: str | None
    rows: dict[str, int]
    violations: list[Violation]


class TokenHashReport(Contract):
    """``casus token-hash``: the salted scrypt hash to put in ``CASUS_TOKEN_HASH``."""

    hash: str
