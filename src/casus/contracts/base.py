"""What every contract shares: the base model, a state, a treaty reference, a source."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from casus.vocab import Instrument, SourceKind


class Contract(BaseModel):
    """A model of JSON that crosses a boundary (CLI ``--json``, the HTTP API).

    Unknown fields are refused, so a payload and its model cannot drift apart
    unnoticed; ``to_json`` gives the documented JSON (docs/json.md).
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class State(Contract):
    """A state as every output gives it; ``name`` is the name it bore on the date asked about."""

    id: str
    iso3: str | None
    cow: int | None
    name: str
    cow_abb: str | None = None
    gw: int | None = None


class TreatyRef(Contract):
    id: str
    name: str
    short: str | None = None
    """How tables name the treaty ("NATO", "China–DPRK 1961"): curated, else the organisation."""
    # Only for a unilateral pledge (an executive order, a declaration): what it is and that
    # it binds only its maker, wherever the pledge is named.
    instrument: Instrument | None = None
    note: str | None = None


class Source(Contract):
    """Where a record came from; the other fields depend on ``kind`` (DESIGN.md, "Source")."""

    model_config = ConfigDict(extra="allow")

    kind: SourceKind | str


Members = Literal["members"]
"""Obligors or beneficiaries given as every party in force on the date."""
