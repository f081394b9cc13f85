"""Contracts of the research exports as JSON: ``export dyad-years --json``, ``export graphml --json``."""

from __future__ import annotations

from pydantic import Field

from casus.contracts.base import Contract


class DyadYear(Contract):
    """One dyad in one year, in peacesciencer's ATOP columns; a pledge is null outside every source's coverage."""

    ccode1: int
    ccode2: int
    year: int
    atop_defense: int | None
    atop_offense: int | None
    atop_neutral: int | None
    atop_nonagg: int | None
    atop_consul: int | None
    source: str | None
    treaties: str | None


class SourceCoverage(Contract):
    """The years a source speaks for; ``derived`` when the store recorded none and casus took its records' span."""

    source: str
    from_: str = Field(alias="from")
    to: str
    derived: bool


class DyadYearTable(Contract):
    """``casus export dyad-years --json``: the rows, and how the table was built."""

    from_: int = Field(alias="from")
    to: int
    directed: bool
    year_rule: str
    all_dyads: bool
    sources: list[str]
    coverage: list[SourceCoverage]
    notes: list[str]
    rows: list[DyadYear]
